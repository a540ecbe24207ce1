/**
 * The Office.js adapter: reads a workbook snapshot in two round trips and applies a list of edits in one
 * more. It translates; it decides nothing. No sync in a loop. Its parts: read.ts, write.ts, events.ts, run.ts.
 */
export { queueSheet, readSnapshot, rereadSheets, type ReadResult } from "./read";
export { applyEdits, protectionOptions, type ApplyOptions } from "./write";
export { watchWorkbook, type SheetChange } from "./events";
export { officeErrorMessage, officeRunner } from "./run";
