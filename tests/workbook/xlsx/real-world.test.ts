/**
 * Files from the real world: workbooks made by other producers (openpyxl, LibreOffice) are read, and an
 * update changes only what the product owns — charts, drawings, comments, conditional formats and extra
 * sheets come through, byte-identical where the product had no reason to touch them.
 */
import { execFileSync } from "child_process";
import { unzipSync } from "fflate";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { buildBlueprint } from "../../../src/domain/blueprint/build";
import { checkWorkbook } from "../../../src/domain/check";
import { makeContext } from "../../../src/domain/check/context";
import { reconcile } from "../../../src/domain/reconcile";
import { blueprintToXlsx } from "../../../src/workbook/xlsx/generate";
import { readXlsx } from "../../../src/workbook/xlsx/read";
import { applyEditsToXlsx } from "../../../src/workbook/xlsx/update";
import { REAL_WORLD_XLSX } from "../../helpers/paths";
import { identifySheets, isFichesWorkbook } from "../../../src/domain/identify";
import { openpyxlDump, SYSTEM_PYTHON } from "../../helpers/python";
import { ESTABLISHMENTS } from "../../helpers/establishments";

const STRUCTURAL = new Set(["sheet-missing", "lists-damaged", "validation-missing"]);
const dir = mkdtempSync(path.join(tmpdir(), "ldm-rw-"));
const corpus: Record<string, string> = {};

function libreoffice(args: string[], cwd: string): void {
  execFileSync("soffice", ["--headless", `-env:UserInstallation=file://${path.join(dir, "lo-profile")}`, ...args], {
    cwd,
    stdio: "pipe",
    timeout: 120_000,
  });
}

beforeAll(async () => {
  const generated = path.join(dir, "generated.xlsx");
  writeFileSync(
    generated,
    await blueprintToXlsx(
      buildBlueprint({
        establishments: ESTABLISHMENTS,
        auditYear: 2028,
        school: "0040007L — LYCEE",
        headOfSchool: "Mme Dupont",
      }),
    ),
  );
  const byOpenpyxl = path.join(dir, "openpyxl.xlsx");
  execFileSync(SYSTEM_PYTHON, [path.join(__dirname, "../../helpers/make_corpus.py"), generated, byOpenpyxl]);
  corpus.openpyxl = byOpenpyxl;
  // The same file saved again by LibreOffice, which rewrites every part its own way.
  const loDir = path.join(dir, "lo");
  libreoffice(["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", loDir, byOpenpyxl], dir);
  corpus.libreoffice = path.join(loDir, "openpyxl.xlsx");
}, 180_000);

function parts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

/** Parts the updater may rewrite; anything else must come out byte for byte. */
function ownedPart(name: string): boolean {
  return (
    name === "[Content_Types].xml" ||
    /^xl\/workbook\.xml$/.test(name) ||
    /^xl\/_rels\/workbook\.xml\.rels$/.test(name) ||
    /^xl\/styles\.xml$/.test(name) ||
    /^xl\/worksheets\/sheet\d+\.xml$/.test(name) ||
    name === "xl/calcChain.xml"
  );
}

describe.each(["openpyxl", "libreoffice"])("a workbook written by %s", (producer) => {
  let original: Uint8Array;
  let updated: Uint8Array;

  beforeAll(() => {
    original = new Uint8Array(readFileSync(corpus[producer]));
    const snapshot = readXlsx(original);
    const ctx = makeContext(snapshot, { establishments: ESTABLISHMENTS });
    const { edits } = reconcile(
      buildBlueprint({ establishments: ESTABLISHMENTS, referenceYear: ctx.referenceYear, auditYear: ctx.auditYear }),
      snapshot,
    );
    updated = applyEditsToXlsx(original, edits);
    writeFileSync(path.join(dir, `${producer}-updated.xlsx`), updated);
  });

  test("check reads it and sees the damage", () => {
    const rules = new Set(checkWorkbook(readXlsx(original), { establishments: ESTABLISHMENTS }).map((f) => f.rule));
    expect(rules).toContain("sheet-missing");
    expect(rules).toContain("validation-missing");
    expect(rules).toContain("lists-damaged");
  });

  test("after update: no structural finding, and a second update changes nothing", () => {
    const snapshot = readXlsx(updated);
    expect(checkWorkbook(snapshot, { establishments: ESTABLISHMENTS }).filter((f) => STRUCTURAL.has(f.rule))).toEqual(
      [],
    );
    const ctx = makeContext(snapshot, { establishments: ESTABLISHMENTS });
    expect(
      reconcile(
        buildBlueprint({ establishments: ESTABLISHMENTS, referenceYear: ctx.referenceYear, auditYear: ctx.auditYear }),
        snapshot,
      ).edits,
    ).toEqual([]);
  });

  test("every part the product does not own is still there, byte-identical", () => {
    const before = parts(original);
    const after = parts(updated);
    const foreign = Object.keys(before).filter((n) => !ownedPart(n));
    expect(foreign.some((n) => /chart/.test(n))).toBe(true);
    expect(foreign.some((n) => /drawing/.test(n))).toBe(true);
    expect(foreign.some((n) => /comment|vmlDrawing/.test(n))).toBe(true);
    for (const n of foreign) {
      expect(after[n]).toBeDefined();
      expect(Buffer.from(after[n]).equals(Buffer.from(before[n]))).toBe(true);
    }
  });

  test("what the school typed and added is kept: values, comment, hyperlink, conditional format, extra sheet", () => {
    const file = path.join(dir, `${producer}-updated.xlsx`);
    const dump = openpyxlDump(file, ["C1 Offre de formations"]);
    const c1 = dump.sheets.find((s) => s.title.startsWith("C1 "));
    expect(c1?.cells?.C10).toBe("Créer une cartographie des parcours — « été » 2025 ’ ok");
    expect(c1?.cells?.E10).toBe(3);
    expect(dump.sheets.map((s) => s.title)).toContain("Budget");
    const xml = Buffer.from(parts(updated)[sheetPartOf(updated, c1?.title ?? "")]).toString("utf8");
    expect(xml).toMatch(/conditionalFormatting/);
    expect(xml).toMatch(/hyperlink/);
  });

  test("LibreOffice still opens the result and converts it to PDF", () => {
    const out = path.join(dir, `pdf-${producer}`);
    libreoffice(["--convert-to", "pdf", "--outdir", out, path.join(dir, `${producer}-updated.xlsx`)], dir);
    const pdf = readdirSync(out).find((f) => f.endsWith(".pdf"));
    expect(pdf).toBeDefined();
    expect(
      readFileSync(path.join(out, pdf as string))
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  });
});

function sheetPartOf(xlsx: Uint8Array, title: string): string {
  const p = parts(xlsx);
  const wb = Buffer.from(p["xl/workbook.xml"]).toString("utf8");
  const rels = Buffer.from(p["xl/_rels/workbook.xml.rels"]).toString("utf8");
  const esc = title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const id = new RegExp(`<(?:\\w+:)?sheet [^>]*name="${esc}"[^>]*r:id="([^"]+)"`).exec(wb)?.[1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels);
  const t = (target?.[1] ?? target?.[2] ?? "").replace(/^\/?xl\//, "");
  return "xl/" + t;
}

test("every workbook of the real-world corpus: check reads it or says in one French line why not", () => {
  if (!existsSync(REAL_WORLD_XLSX)) throw new Error(`corpus absent : ${REAL_WORLD_XLSX}`);
  const files = readdirSync(REAL_WORLD_XLSX).filter((f) => f.endsWith(".xlsx"));
  expect(files).toHaveLength(36);
  for (const f of files) {
    const bytes = new Uint8Array(readFileSync(path.join(REAL_WORLD_XLSX, f)));
    if (f === "missing-bits.xlsx") {
      expect(() => readXlsx(bytes)).toThrow();
      continue;
    }
    const snapshot = readXlsx(bytes);
    const findings = checkWorkbook(snapshot, { establishments: ESTABLISHMENTS });
    expect(findings.filter((x) => x.rule === "sheet-missing").length).toBe(12);
    // None of them is ours: the command line says so instead of listing ten missing sheets.
    expect([f, isFichesWorkbook(identifySheets(buildBlueprint({ establishments: ESTABLISHMENTS }), snapshot))]).toEqual(
      [f, false],
    );
  }
});

test("update --convert takes every readable workbook of the corpus, a package without a styles part included", async () => {
  const { updateUseCase } = await import("../../../src/app/update");
  const { xlsxSession } = await import("../../../src/workbook/xlsx/session");
  const files = readdirSync(REAL_WORLD_XLSX).filter((f) => f.endsWith(".xlsx") && f !== "missing-bits.xlsx");
  const outcome: Record<string, string> = {};
  for (const f of files) {
    const bytes = new Uint8Array(readFileSync(path.join(REAL_WORLD_XLSX, f)));
    const before = readXlsx(bytes).sheets.map((s) => s.name);
    const session = xlsxSession(bytes, readXlsx(bytes));
    try {
      await updateUseCase(session, { establishments: ESTABLISHMENTS, oursOnly: false });
    } catch (e) {
      outcome[f] = `refusé : ${(e as Error).message}`;
      continue;
    }
    const converted = session.written() as Uint8Array;
    const after = readXlsx(converted).sheets.map((s) => s.name);
    // The school's sheets are all still there, the fiches joined them, and a second update has nothing to do.
    const again = xlsxSession(converted, readXlsx(converted));
    await updateUseCase(again, { establishments: ESTABLISHMENTS, oursOnly: true });
    outcome[f] =
      before.every((t) => after.includes(t)) && after.length > before.length && !again.written()
        ? "ok"
        : after.join(",");
    if (f === "test-issue-771.xlsx") writeFileSync(path.join(dir, "771-converted.xlsx"), converted);
  }
  expect(outcome).toEqual(Object.fromEntries(files.map((f) => [f, "ok"])));
  // The package had no styles part: it gained Excel's default one, and an independent reader opens it with
  // its own sheet first and the fiches styled.
  expect(Object.keys(unzipSync(readFileSync(path.join(REAL_WORLD_XLSX, "test-issue-771.xlsx"))))).not.toContain(
    "xl/styles.xml",
  );
  expect(Object.keys(parts(readFileSync(path.join(dir, "771-converted.xlsx"))))).toContain("xl/styles.xml");
  const dump = openpyxlDump(path.join(dir, "771-converted.xlsx"), []);
  expect(dump.sheets[0].title).toBe("Sheet1");
  expect(dump.sheets.map((s) => s.title)).toContain("Paramètres");
}, 240_000);
