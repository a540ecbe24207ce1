/**
 * The Synthèse chart: drawn by Excel from the sheet's cells, so it lives in the workbook. Checked through
 * independent readers (openpyxl; LibreOffice, which opens, recalculates, saves and renders it), kept by
 * the update (redrawn when deleted, never duplicated, a school's own chart left alone).
 */
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { buildBlueprint } from "../../../src/domain/blueprint/build";
import { makeContext } from "../../../src/domain/check/context";
import { reconcile } from "../../../src/domain/reconcile";
import { describeEdits } from "../../../src/domain/reconcile/describe";
import { blueprintToXlsx } from "../../../src/workbook/xlsx/generate";
import { readXlsx } from "../../../src/workbook/xlsx/read";
import { applyEditsToXlsx } from "../../../src/workbook/xlsx/update";
import { SYSTEM_PYTHON } from "../../helpers/python";
import { ESTABLISHMENTS } from "../../helpers/establishments";

const dir = mkdtempSync(path.join(tmpdir(), "ldm-chart-"));
const TITLE = "Lignes remplies et constats de la dernière vérification, par critère";

const CHARTS = `
import sys, json, warnings
warnings.simplefilter("ignore")
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ch in wb["Synthèse"]._charts:
    t = ch.title
    title = "".join(r.t for p in t.tx.rich.p for r in (p.r or [])) if t is not None and t.tx is not None and t.tx.rich is not None else None
    a = ch.anchor
    out.append({
        "type": type(ch).__name__, "barDir": getattr(ch, "barDir", None), "grouping": getattr(ch, "grouping", None),
        "title": title,
        "series": [[s.tx.strRef.f if s.tx and s.tx.strRef else None, s.val.numRef.f, s.cat.strRef.f if s.cat and s.cat.strRef else (s.cat.numRef.f if s.cat and s.cat.numRef else None)] for s in ch.series],
        "from": [a._from.col, a._from.row], "to": [a.to.col, a.to.row] if hasattr(a, "to") and a.to is not None else None,
    })
print(json.dumps(out, ensure_ascii=False))
`;

interface PyChart {
  type: string;
  barDir: string | null;
  grouping: string | null;
  title: string | null;
  series: [string | null, string, string | null][];
  from: [number, number];
  to: [number, number] | null;
}

function chartsOf(file: string): PyChart[] {
  return JSON.parse(execFileSync(SYSTEM_PYTHON, ["-c", CHARTS, file], { encoding: "utf8" })) as PyChart[];
}

function python(script: string, ...args: string[]): void {
  execFileSync(SYSTEM_PYTHON, ["-c", script, ...args], { stdio: "pipe" });
}

/** LibreOffice, headless, with a profile of its own: converts `file` into `outDir`. */
function libreoffice(format: string, outDir: string, file: string): void {
  execFileSync(
    "soffice",
    [
      "--headless",
      `-env:UserInstallation=file://${path.join(dir, "lo-profile")}`,
      "--convert-to",
      format,
      "--outdir",
      outDir,
      file,
    ],
    { stdio: "pipe", timeout: 120_000 },
  );
}

function update(bytes: Uint8Array): { bytes: Uint8Array; lines: string[] } {
  const snapshot = readXlsx(bytes);
  const ctx = makeContext(snapshot, { establishments: ESTABLISHMENTS });
  const { edits } = reconcile(
    buildBlueprint({ establishments: ESTABLISHMENTS, referenceYear: ctx.referenceYear, auditYear: ctx.auditYear }),
    snapshot,
  );
  return { bytes: edits.length ? applyEditsToXlsx(bytes, edits) : bytes, lines: describeEdits(edits) };
}

const SERIES: [string, string, string][] = [
  ["'Synthèse'!$C$4", "'Synthèse'!$C$5:$C$12", "'Synthèse'!$A$5:$A$12"],
  ["'Synthèse'!$J$4", "'Synthèse'!$J$5:$J$12", "'Synthèse'!$A$5:$A$12"],
  ["'Synthèse'!$K$4", "'Synthèse'!$K$5:$K$12", "'Synthèse'!$A$5:$A$12"],
];

let generated: string;

beforeAll(async () => {
  generated = path.join(dir, "gen.xlsx");
  writeFileSync(generated, await blueprintToXlsx(buildBlueprint({ establishments: ESTABLISHMENTS, auditYear: 2028 })));
});

test("generate draws one bar chart on Synthèse over the criterion rows, under the table; openpyxl reads it", () => {
  const [chart, ...others] = chartsOf(generated);
  expect(others).toEqual([]);
  expect(chart).toEqual({
    type: "BarChart",
    barDir: "bar",
    grouping: "clustered",
    title: TITLE,
    series: SERIES,
    // From A16 to the bottom-right of L40 (0-based: column 0 row 15, to the corner of column 12 row 40).
    from: [0, 15],
    to: [12, 40],
  });
  const synth = readXlsx(new Uint8Array(readFileSync(generated))).sheets.find((s) => s.name === "Synthèse");
  expect(synth?.charts).toEqual([{ name: "LDM_Graphique_Synthese", title: TITLE }]);
  expect(update(new Uint8Array(readFileSync(generated))).lines).toEqual([]);
});

test("LibreOffice opens, recalculates and saves it: the chart survives, and is not drawn twice by an update", () => {
  const out = path.join(dir, "lo");
  libreoffice("xlsx:Calc MS Excel 2007 XML", out, generated);
  const saved = path.join(out, "gen.xlsx");
  const charts = chartsOf(saved);
  expect(charts).toHaveLength(1);
  // LibreOffice writes the sheet name unquoted where it may.
  const unquoted = (f: string | null) => (f ?? "").replace(/'/g, "");
  expect(charts[0].series.map((s) => s.map(unquoted))).toEqual(SERIES.map((s) => s.map(unquoted)));
  expect(update(new Uint8Array(readFileSync(saved))).lines.filter((l) => /graphique/.test(l))).toEqual([]);
}, 180_000);

test("a deleted chart is drawn again, once; a school's own chart on Synthèse stays as it was", () => {
  const damaged = path.join(dir, "sans-graphique.xlsx");
  python(
    [
      "import sys, openpyxl",
      "from openpyxl.chart import LineChart, Reference",
      "wb = openpyxl.load_workbook(sys.argv[1])",
      "s = wb['Synthèse']",
      "s._charts = []",
      "own = LineChart()",
      "own.title = 'Notre suivi'",
      "own.add_data(Reference(s, min_col=3, min_row=4, max_row=12), titles_from_data=True)",
      "s.add_chart(own, 'N4')",
      "wb.save(sys.argv[2])",
    ].join("\n"),
    generated,
    damaged,
  );
  expect(chartsOf(damaged).map((c) => c.title)).toEqual(["Notre suivi"]);
  const first = update(new Uint8Array(readFileSync(damaged)));
  expect(first.lines).toContain(`Synthèse : graphique « ${TITLE} » redessiné.`);
  const repaired = path.join(dir, "repare.xlsx");
  writeFileSync(repaired, first.bytes);
  const charts = chartsOf(repaired);
  expect(charts.map((c) => [c.type, c.title])).toEqual([
    ["LineChart", "Notre suivi"],
    ["BarChart", TITLE],
  ]);
  expect(charts[1].series).toEqual(SERIES);
  expect(update(first.bytes).lines).toEqual([]);
});

test("the chart as a committee sees it: LibreOffice renders Synthèse with the chart (PNG kept for review)", () => {
  const screens = "/tmp/ldm-screens";
  mkdirSync(screens, { recursive: true });
  const out = path.join(dir, "pdf");
  libreoffice("pdf", out, generated);
  const pdf = path.join(out, "gen.pdf");
  // Page 2 is Synthèse (Paramètres fits on page 1): the chart's title and legend are drawn there.
  const page = execFileSync("pdftotext", ["-f", "2", "-l", "2", "-layout", pdf, "-"], { encoding: "utf8" });
  expect(page).toContain("Synthèse pour le comité de pilotage");
  expect(page).toContain(TITLE);
  expect(page).toContain("Erreurs (dernière vérification)");
  execFileSync("pdftoppm", ["-f", "2", "-l", "2", "-r", "60", "-png", pdf, path.join(screens, "synthese-graphique")]);
}, 180_000);
