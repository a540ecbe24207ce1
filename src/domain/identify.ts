/** Which sheet is which: src/domain/blueprint/identify.ts (the blueprint's own part, #26: no cycle). */
export * from "./blueprint/identify";
