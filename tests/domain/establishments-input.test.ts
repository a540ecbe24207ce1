/**
 * The establishments are an explicit input (#26): whatever compares with, writes or reconciles the whole
 * blueprint is handed them, and the compiler refuses a call without them — each `@ts-expect-error` below fails
 * the type check (`tsc`, ts-jest) the day the call it marks compiles. What only identifies sheets, reads the
 * years or plans a read says so (`establishments: "not-needed"`), and nothing that checks accepts the result.
 * Replaces the runtime EstablishmentsNotLoaded of 23f00dd: there is no registry left to forget to fill.
 */
import { checkUseCase } from "../../src/app/check";
import { updateUseCase } from "../../src/app/update";
import { buildBlueprint } from "../../src/domain/blueprint/build";
import { NAMES } from "../../src/domain/blueprint/layout";
import { checkWorkbook } from "../../src/domain/check";
import { workbookFacts } from "../../src/domain/facts";
import { reconcile } from "../../src/domain/reconcile";
import type { WorkbookSnapshot } from "../../src/domain/snapshot";
import { synthesize } from "../../src/domain/synthesis";
import { readWorkbook } from "../../src/domain/workbook-as-read";
import { ESTABLISHMENTS } from "../helpers/establishments";
import { fillParameters, freshWorkbook } from "../helpers/workbooks";

const today = new Date("2026-03-12");
const wb: WorkbookSnapshot = fillParameters(freshWorkbook({ auditYear: 2028 }));
const session = { read: async () => ({ snapshot: wb }), apply: async () => {} };

test("a check, an update, a synthesis, a reconciliation without the establishments do not compile", async () => {
  // @ts-expect-error the establishments are missing
  expect(() => checkWorkbook(wb, { today })).toThrow(TypeError); // a programming error, never « lists-damaged »
  // @ts-expect-error the establishments are missing
  expect(() => synthesize(wb, { today })).toThrow(TypeError);
  // @ts-expect-error the establishments are missing
  await expect(checkUseCase(session, { today })).rejects.toThrow(TypeError);
  // @ts-expect-error the establishments are missing
  await expect(updateUseCase(session, {})).rejects.toThrow(TypeError);
  // @ts-expect-error a blueprint says whether it lists the establishments
  expect(() => buildBlueprint({})).toThrow(TypeError);
  const layout = readWorkbook(wb, { establishments: "not-needed" });
  // @ts-expect-error the workbook read without the establishments cannot be checked
  checkWorkbook(layout, { today });
  // @ts-expect-error a blueprint without the establishments cannot be reconciled with (it would empty Listes)
  reconcile(buildBlueprint({ establishments: "not-needed" }), wb);
});

test("without them, what is needed is known: the sheets, the years, the tables; Listes has no schools", () => {
  const facts = workbookFacts(wb);
  expect(facts.ours).toBe(true);
  expect(facts.auditYear).toBe(2028);
  expect(facts.fiches).toHaveLength(9);
  const bare = buildBlueprint({ establishments: "not-needed" });
  const full = buildBlueprint({ establishments: ESTABLISHMENTS });
  expect(bare.establishments).toBe("not-needed");
  expect(full.establishments).toBe("listed");
  const cells = (bp: typeof bare) => bp.sheets.find((s) => s.role === "lists")?.cells.length ?? 0;
  expect(cells(full) - cells(bare)).toBe(ESTABLISHMENTS.list.length);
  expect(bare.names.some((n) => n.name === NAMES.schools)).toBe(false);
  expect(full.names.find((n) => n.name === NAMES.schools)?.ref).toBe(`$A$2:$A$${ESTABLISHMENTS.list.length + 1}`);
});

test("with them, a sound workbook has no « lists-damaged »", () => {
  const findings = checkWorkbook(wb, { today, establishments: ESTABLISHMENTS });
  expect(findings.filter((f) => f.rule === "lists-damaged")).toEqual([]);
});
