/**
 * « Mettre à jour » through the real .xlsx reader and writer: every line it prints counts what the file then
 * holds, so an update of its own output has nothing to do and the check asks for nothing more; the fiches'
 * printed header follows the school Paramètres names. Workbooks edited by hand here (part by part, as openpyxl
 * leaves them), then by openpyxl and LibreOffice themselves.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import fc from "fast-check";
import { updateUseCase } from "../../src/app/update";
import { buildBlueprint } from "../../src/domain/blueprint/build";
import { checkWorkbook } from "../../src/domain/check";
import type { WorkbookSnapshot } from "../../src/domain/snapshot";
import { blueprintToXlsx } from "../../src/workbook/xlsx/generate";
import { readXlsx } from "../../src/workbook/xlsx/read";
import { xlsxSession } from "../../src/workbook/xlsx/session";
import { address, parseAddress } from "../../src/domain/a1";
import { REPO } from "../helpers/paths";
import { editWithOpenpyxl, openpyxlDump, SYSTEM_PYTHON } from "../helpers/python";
import { XlsxHands } from "../helpers/xlsx-hands";
import { userText } from "../helpers/damage";
import { ESTABLISHMENTS } from "../helpers/establishments";

/** Every finding the update repairs (the check's words for the update's edits). */
const REPAIRABLE = new Set([
  "sheet-missing",
  "lists-damaged",
  "validation-missing",
  "input-locked",
  "structure-incomplete",
  "protection-off",
  "header-outdated",
]);
const TODAY = new Date("2026-03-12T10:00:00Z");
const SCHOOL_A = "0040007L — LYCEE PROFESSIONNEL LYCEE DES METIERS BEAU DE ROCHAS (DIGNE LES BAINS)";
const SCHOOL_B = "0040010P — LYCEE POLYVALENT ALEXANDRA DAVID NEEL (DIGNE LES BAINS)";

const generated = new Map<string, Promise<Uint8Array>>();
/** A workbook as `generate` writes it, for a school or none. */
function generate(school: string | undefined): Promise<Uint8Array> {
  const key = school ?? "";
  let bytes = generated.get(key);
  if (!bytes) {
    bytes = blueprintToXlsx(buildBlueprint({ establishments: ESTABLISHMENTS, auditYear: 2028, school }));
    generated.set(key, bytes);
  }
  return bytes;
}

async function update(bytes: Uint8Array) {
  const session = xlsxSession(bytes);
  const result = await updateUseCase(session, { establishments: ESTABLISHMENTS });
  return { ...result, bytes: session.written() ?? bytes };
}

const repairs = (bytes: Uint8Array) =>
  checkWorkbook(readXlsx(bytes), { establishments: ESTABLISHMENTS, today: TODAY }).filter((f) =>
    REPAIRABLE.has(f.rule),
  );

const sheetOf = (wb: WorkbookSnapshot, prefix: string) => wb.sheets.find((s) => s.name.startsWith(prefix));

type Hand =
  | { kind: "insert-rows"; n: number; at: number; count: number }
  | { kind: "drop-merges"; n: number }
  | { kind: "drop-validations"; n: number }
  | { kind: "unprotect"; n: number }
  | { kind: "school"; text: string }
  | { kind: "header"; n: number; header: string };

const fiche = fc.integer({ min: 1, max: 8 });
const hand: fc.Arbitrary<Hand> = fc.oneof(
  fc.record({
    kind: fc.constant("insert-rows" as const),
    n: fiche,
    // Above the table, among its header rows, inside it, below it.
    at: fc.oneof(fc.integer({ min: 2, max: 10 }), fc.integer({ min: 11, max: 115 })),
    count: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({ kind: fc.constant("drop-merges" as const), n: fiche }),
  fc.record({ kind: fc.constant("drop-validations" as const), n: fiche }),
  fc.record({ kind: fc.constant("unprotect" as const), n: fiche }),
  fc.record({
    kind: fc.constant("school" as const),
    text: fc.constantFrom(SCHOOL_A, SCHOOL_B, "", "Lycée Arts & Métiers", "Lycée « très » long ".repeat(20)),
  }),
  fc.record({
    kind: fc.constant("header" as const),
    n: fiche,
    header: fc.constantFrom("&LFiche&RAutre lycée", "", `&L&"Arial,Gras"FICHE D'AMÉLIORATION&R${SCHOOL_A}`),
  }),
);
const typed = fc.array(
  fc.record({
    n: fiche,
    row: fc.integer({ min: 10, max: 109 }),
    col: fc.constantFrom("A", "B", "C", "D", "E", "F", "G"),
    text: userText,
  }),
  { maxLength: 12 },
);

test("property: whatever hands did to the file, an update of the update's output has nothing to do, and every typed cell stays", async () => {
  const runs = Math.max(10, Math.round(Number(process.env.LDM_PROPERTY_RUNS ?? 300) / 10));
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom<string | undefined>(undefined, SCHOOL_A),
      typed,
      fc.array(hand, { minLength: 1, maxLength: 4 }),
      async (school, cells, hands) => {
        const wb = new XlsxHands(await generate(school));
        // What was typed where, followed through the rows inserted after it.
        const where = new Map<string, { n: number; cell: string; text: string }>();
        for (const c of cells) {
          wb.type(`C${c.n} `, `${c.col}${c.row}`, c.text);
          where.set(`${c.n}!${c.col}${c.row}`, { n: c.n, cell: `${c.col}${c.row}`, text: c.text });
        }
        for (const h of hands) {
          if (h.kind === "insert-rows") {
            wb.insertRowsLikeOpenpyxl(`C${h.n} `, h.at, h.count);
            for (const t of where.values()) {
              const p = parseAddress(t.cell);
              if (t.n === h.n && p && p.row >= h.at) t.cell = address(p.row + h.count, p.col);
            }
          } else if (h.kind === "drop-merges") wb.dropMerges(`C${h.n} `);
          else if (h.kind === "drop-validations") wb.dropValidations(`C${h.n} `);
          else if (h.kind === "unprotect") wb.unprotect(`C${h.n} `);
          else if (h.kind === "school") wb.type("Paramètres", "B4", h.text);
          else wb.setHeader(`C${h.n} `, h.header);
        }
        const damaged = wb.bytes();
        const first = await update(damaged);
        // One judge: the check asked for something exactly when the update had something to do.
        expect(repairs(damaged).length > 0).toBe(first.edits.length > 0);
        expect(first.findings).toEqual([]);
        // What the first update said it did, the file holds: the second says nothing and the check asks nothing.
        const second = await update(first.bytes);
        expect({ edits: second.edits, lines: second.lines }).toEqual({ edits: [], lines: [] });
        expect(repairs(first.bytes)).toEqual([]);
        const after = readXlsx(first.bytes);
        for (const t of where.values())
          expect([t.n, t.cell, sheetOf(after, `C${t.n} `)?.cells[t.cell]]).toEqual([
            t.n,
            t.cell,
            { t: "s", v: t.text },
          ]);
      },
    ),
    { numRuns: runs },
  );
}, 300_000);

const dir = mkdtempSync(path.join(tmpdir(), "ldm-app-update-"));
const C3 = "C3 Réponses pédagogiques";

test("rows inserted by openpyxl above a fiche's table: the merges it left behind are undone, ours restored, once", async () => {
  const file = path.join(dir, "openpyxl-rows.xlsx");
  writeFileSync(file, await generate(SCHOOL_A));
  editWithOpenpyxl(file, [
    "ws = wb[[n for n in wb.sheetnames if n.startswith('C3 ')][0]]",
    "ws['C12'] = 'Notre action'",
    "ws.insert_rows(3, 2)",
  ]);
  const damaged = new Uint8Array(readFileSync(file));
  const asked = repairs(damaged).filter((f) => f.sheet === C3 && f.rule === "structure-incomplete");
  expect(asked).toHaveLength(1);
  expect(asked[0].message).toMatch(/fusions chevauchent le modèle, à défaire \(A5:G5, .*\) ; 19 fusions à rétablir/);
  const first = await update(damaged);
  expect(first.lines).toEqual(
    expect.arrayContaining([
      expect.stringMatching(new RegExp(`^${C3} : 14 fusions qui chevauchaient le modèle défaites \\(A5:G5, `)),
      `${C3} : 19 fusions rétablies.`,
    ]),
  );
  // Before: « 5 fusions rétablies » on every run, and the check asking for them forever.
  const second = await update(first.bytes);
  expect(second.lines).toEqual([]);
  expect(repairs(first.bytes)).toEqual([]);
  // openpyxl reads the merges where the header is now, and the typed text where it went.
  writeFileSync(path.join(dir, "openpyxl-rows-maj.xlsx"), first.bytes);
  const dump = openpyxlDump(path.join(dir, "openpyxl-rows-maj.xlsx"), [C3]).sheets.find((s) => s.title === C3);
  expect(dump?.merged).toEqual(expect.arrayContaining(["B5:C5", "A7:G7", "A9:A10", "E9:F9", "D11:F11", "I8:S8"]));
  expect(dump?.merged).not.toContain("A5:G5");
  expect(dump?.cells?.C14).toBe("Notre action");
}, 120_000);

test("a school chosen in Paramètres after generation (openpyxl): check reports each fiche's printed header, update rewrites it, once", async () => {
  const file = path.join(dir, "ecole.xlsx");
  writeFileSync(file, await generate(undefined));
  editWithOpenpyxl(file, [
    "wb['Paramètres']['B4'] = " + JSON.stringify(SCHOOL_B),
    "ws = wb[[n for n in wb.sheetnames if n.startswith('C1 ')][0]]",
    "ws['C10'] = 'Une action & sa suite'",
  ]);
  const before = openpyxlDump(file, ["C1 Offre de formations", "Paramètres"]);
  const damaged = new Uint8Array(readFileSync(file));
  const reported = checkWorkbook(readXlsx(damaged), { establishments: ESTABLISHMENTS, today: TODAY }).filter(
    (f) => f.rule === "header-outdated",
  );
  expect(reported.map((f) => f.criterion)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  expect(reported[0].message).toBe(
    `L'en-tête imprimé de la fiche ne nomme aucun établissement alors que Paramètres!B4 dit « ${SCHOOL_B} ». Lancez « Mettre à jour le classeur » pour le réécrire.`,
  );
  const first = await update(damaged);
  expect(first.lines).toEqual([
    `En-tête et pied de page imprimés réécrits sur 8 fiches (établissement : « ${SCHOOL_B} »).`,
  ]);
  expect((await update(first.bytes)).lines).toEqual([]);
  expect(repairs(first.bytes)).toEqual([]);
  const out = path.join(dir, "ecole-maj.xlsx");
  writeFileSync(out, first.bytes);
  const after = openpyxlDump(out, ["C1 Offre de formations", "Paramètres"]);
  for (const s of after.sheets.filter((x) => /^C\d /.test(x.title)))
    expect([s.title, s.header, s.footer]).toEqual([
      s.title,
      [expect.stringMatching(/^FICHE D'AMÉLIORATION — Critère \d$/), null, SCHOOL_B],
      ["Fiches LDM", "Page &P / &N", "Imprimé le &D"],
    ]);
  // Every cell of the fiche and of Paramètres is what it was.
  for (const title of ["C1 Offre de formations", "Paramètres"])
    expect(after.sheets.find((s) => s.title === title)?.cells).toEqual(
      before.sheets.find((s) => s.title === title)?.cells,
    );
  // School A, then B: rewritten again.
  editWithOpenpyxl(out, ["wb['Paramètres']['B4'] = " + JSON.stringify(SCHOOL_A)]);
  const again = await update(new Uint8Array(readFileSync(out)));
  expect(again.lines).toEqual([
    `En-tête et pied de page imprimés réécrits sur 8 fiches (établissement : « ${SCHOOL_A} »).`,
  ]);
  expect((await update(again.bytes)).lines).toEqual([]);
}, 120_000);

test("in LibreOffice: rows inserted in a fiche and a school typed in Paramètres; update repairs what check said, once", async () => {
  const from = path.join(dir, "lo-source.xlsx");
  const to = path.join(dir, "lo-edited.xlsx");
  writeFileSync(from, await generate(SCHOOL_A));
  execFileSync(
    SYSTEM_PYTHON,
    [
      path.join(REPO, "tests/helpers/libreoffice_edit.py"),
      from,
      to,
      path.join(dir, "lo-profile"),
      "insert-rows:C2 :3:2",
      `type:Paramètres:B4:${SCHOOL_B}`,
    ],
    { stdio: "pipe", timeout: 120_000 },
  );
  const damaged = new Uint8Array(readFileSync(to));
  const asked = repairs(damaged);
  expect(asked.filter((f) => f.rule === "header-outdated")).toHaveLength(8);
  const first = await update(damaged);
  expect(first.lines).toContain(
    `En-tête et pied de page imprimés réécrits sur 8 fiches (établissement : « ${SCHOOL_B} »).`,
  );
  expect((await update(first.bytes)).lines).toEqual([]);
  expect(repairs(first.bytes)).toEqual([]);
}, 240_000);
