/**
 * The follow-up columns I–S of each fiche are one column group (outline level 1, shown expanded) in a new
 * .xlsx: read back by openpyxl, and by LibreOffice (which keeps the group through a save).
 */
import { execFileSync } from "child_process";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { absoluteRange, columnLetters, parseRange } from "../../../src/domain/a1";
import { buildBlueprint } from "../../../src/domain/blueprint/build";
import { FOLLOW_UP } from "../../../src/domain/blueprint/layout";
import { blueprintToXlsx } from "../../../src/workbook/xlsx/generate";
import { SYSTEM_PYTHON } from "../../helpers/python";
import { ESTABLISHMENTS } from "../../helpers/establishments";

interface Outline {
  /** Outline level of columns A..U, by letter. */
  levels: Record<string, number>;
  widths: Record<string, number | null>;
  collapsed: string[];
  outlineLevelCol: number | null;
  printArea: string | string[] | null;
}

const dir = mkdtempSync(path.join(tmpdir(), "ldm-outline-"));
const bp = buildBlueprint({ establishments: ESTABLISHMENTS, auditYear: 2028 });
const fiches = bp.sheets.filter((s) => s.role === "criterion");
const LETTERS = Array.from({ length: 21 }, (_, i) => columnLetters(i + 1));
const GROUPED = new Set(
  Array.from({ length: FOLLOW_UP.lastColumn - FOLLOW_UP.firstColumn + 1 }, (_, i) =>
    columnLetters(FOLLOW_UP.firstColumn + i),
  ),
);

/** What openpyxl reads of each sheet's column outline. */
function outlines(file: string): Record<string, Outline> {
  const script = [
    "import sys, json, warnings",
    "warnings.simplefilter('ignore')",
    "import openpyxl",
    "from openpyxl.utils import get_column_letter",
    "wb = openpyxl.load_workbook(sys.argv[1])",
    "out = {}",
    "for ws in wb.worksheets:",
    // A <col> may span several columns (LibreOffice writes one for I–K when they are alike).
    "    dims = {}",
    "    for d in list(ws.column_dimensions.values()):",
    "        for i in range(d.min or 1, (d.max or d.min or 1) + 1):",
    "            dims[get_column_letter(i)] = d",
    "    letters = [get_column_letter(i) for i in range(1, 22)]",
    "    none = openpyxl.worksheet.dimensions.ColumnDimension(ws)",
    "    col = lambda k: dims.get(k, none)",
    "    out[ws.title] = {",
    "        'levels': {k: col(k).outline_level or 0 for k in letters},",
    "        'widths': {k: col(k).width if col(k).customWidth else None for k in letters},",
    "        'collapsed': [k for k in letters if col(k).collapsed or col(k).hidden],",
    "        'outlineLevelCol': ws.sheet_format.outlineLevelCol,",
    "        'printArea': ws.print_area,",
    "    }",
    "print(json.dumps(out))",
  ].join("\n");
  return JSON.parse(execFileSync(SYSTEM_PYTHON, ["-c", script, file], { encoding: "utf8" })) as Record<string, Outline>;
}

let file: string;
let read: Record<string, Outline>;

beforeAll(async () => {
  file = path.join(dir, "fiches.xlsx");
  writeFileSync(file, await blueprintToXlsx(bp));
  read = outlines(file);
});

test("each fiche's columns I–S are at outline level 1, every other column at 0; the sheet says one level", () => {
  expect(fiches).toHaveLength(8);
  for (const f of fiches) {
    const o = read[f.name];
    for (const k of LETTERS) expect([k, o.levels[k]]).toEqual([k, GROUPED.has(k) ? 1 : 0]);
    expect(o.outlineLevelCol).toBe(1);
    // Shown expanded: nothing folded, only the marker column H hidden, as before.
    expect(o.collapsed).toEqual(["H"]);
    for (const c of f.columns) expect([c.col, o.widths[columnLetters(c.col)]]).toEqual([c.col, c.width]);
  }
  // The other sheets have no group.
  for (const s of bp.sheets.filter((x) => x.role !== "criterion")) {
    expect(Object.values(read[s.name].levels).every((l) => l === 0)).toBe(true);
    expect(read[s.name].outlineLevelCol ?? 0).toBe(0);
  }
});

test("the fiche's print area is unchanged: the seed's columns A–G, the follow-up not printed", () => {
  for (const f of fiches) {
    const area = parseRange(f.print?.area ?? "");
    if (!area) throw new Error(`${f.name} sans zone d'impression`);
    expect(area).toEqual({ top: 1, left: 1, bottom: 109, right: 7 });
    // openpyxl gives the area without its sheet, alone or in a list depending on its version.
    expect([read[f.name].printArea].flat()).toEqual([absoluteRange(area)]);
  }
});

test("LibreOffice opens the workbook and keeps the group through a save", () => {
  const out = path.join(dir, "lo");
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${path.join(dir, "lo-profile")}`,
      "--headless",
      "--convert-to",
      "xlsx:Calc MS Excel 2007 XML",
      "--outdir",
      out,
      file,
    ],
    { stdio: "pipe", timeout: 120_000 },
  );
  const again = outlines(path.join(out, "fiches.xlsx"));
  for (const f of fiches) {
    const o = again[f.name];
    expect(LETTERS.filter((k) => o.levels[k] === 1)).toEqual([...GROUPED]);
    expect(o.outlineLevelCol).toBe(1);
    expect(o.collapsed).toEqual(["H"]);
  }
}, 180_000);
