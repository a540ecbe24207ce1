/** Hostile files: each is refused, or read at the cost of its real content, with one clear French line. */
import { spawnSync, execFileSync } from "child_process";
import { Zip, ZipDeflate, zipSync, strToU8 } from "fflate";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { checkWorkbook } from "../../../src/domain/check";
import { readXlsx, XlsxReadError } from "../../../src/workbook/xlsx/read";
import { REPO } from "../../helpers/paths";
import { ESTABLISHMENTS } from "../../helpers/establishments";

const CT = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;

function workbookXml(sheetCount = 1): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
  ).join("");
  return `<?xml version="1.0"?><workbook ${NS}><sheets>${sheets}</sheets></workbook>`;
}
function wbRels(sheetCount = 1, extra = ""): string {
  const rels = Array.from(
    { length: sheetCount },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join("");
  return `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}${extra}</Relationships>`;
}
const sheetXml = (body: string, head = "") =>
  `<?xml version="1.0"?><worksheet ${NS}>${head}<sheetData>${body}</sheetData></worksheet>`;

function pkg(parts: Record<string, string | Uint8Array>): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(parts)) files[k] = typeof v === "string" ? strToU8(v) : v;
  return zipSync(files, { level: 1 });
}
function basic(overrides: Record<string, string | Uint8Array> = {}): Uint8Array {
  return pkg({
    "[Content_Types].xml": CT,
    "_rels/.rels": ROOT_RELS,
    "xl/workbook.xml": workbookXml(),
    "xl/_rels/workbook.xml.rels": wbRels(),
    "xl/worksheets/sheet1.xml": sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>ok</t></is></c></row>'),
    ...overrides,
  });
}

/** A package whose sheet parts each inflate to `mb` megabytes of spaces, compressed on the fly. */
function bomb(sheets: number, mb: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  const add = (name: string, text: string) => {
    const f = new ZipDeflate(name, { level: 1 });
    zip.add(f);
    f.push(strToU8(text), true);
  };
  add("[Content_Types].xml", CT);
  add("_rels/.rels", ROOT_RELS);
  add("xl/workbook.xml", workbookXml(sheets));
  add("xl/_rels/workbook.xml.rels", wbRels(sheets));
  const block = new Uint8Array(1024 * 1024).fill(32);
  for (let s = 1; s <= sheets; s++) {
    const f = new ZipDeflate(`xl/worksheets/sheet${s}.xml`, { level: 1 });
    zip.add(f);
    f.push(strToU8(`<worksheet ${NS}><sheetData>`));
    for (let i = 0; i < mb; i++) f.push(block);
    f.push(strToU8("</sheetData></worksheet>"), true);
  }
  zip.end();
  const size = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function refused(bytes: Uint8Array): string {
  try {
    readXlsx(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(XlsxReadError);
    const m = (e as Error).message;
    expect(m.split("\n")).toHaveLength(1);
    expect(m).not.toMatch(/undefined|TypeError|at /);
    return m;
  }
  throw new Error("the file was not refused");
}

test("a zip bomb: one part inflating to 1 GB is refused once it passes 64 MB, without filling memory", () => {
  const bytes = bomb(1, 1024);
  expect(bytes.length).toBeLessThan(5 * 1024 * 1024);
  const before = process.memoryUsage().rss;
  expect(refused(bytes)).toMatch(
    /^Fichier refusé : une partie du classeur \(xl\/worksheets\/sheet1\.xml\) dépasse 64 Mo une fois décompressée \(archive piégée \?\)\.$/,
  );
  expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
});

test("a bomb spread over parts: refused once the package passes 256 MB in all", () => {
  expect(refused(bomb(5, 60))).toMatch(/^Fichier refusé : le classeur dépasse 256 Mo une fois décompressé/);
});

test("billion laughs and external entities are never expanded nor fetched", () => {
  const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><workbook ${NS}><sheets><sheet name="&lol2;" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  expect(refused(basic({ "xl/workbook.xml": laughs }))).toBe(
    "Fichier refusé : le XML de xl/workbook.xml est invalide (DOCTYPE ou déclaration d'entité interdits).",
  );
  const xxe = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>`;
  expect(refused(basic({ "xl/worksheets/sheet1.xml": xxe }))).toBe(
    "Fichier refusé : le XML de la feuille « S1 » est invalide (DOCTYPE ou déclaration d'entité interdits).",
  );
});

test("absurd dimensions cost what the content costs: a cell at XFD1048576 under a full-grid dimension", () => {
  const sheet = sheetXml('<row r="1048576"><c r="XFD1048576"><v>7</v></c></row>', '<dimension ref="A1:XFD1048576"/>');
  const t0 = Date.now();
  const wb = readXlsx(basic({ "xl/worksheets/sheet1.xml": sheet }));
  expect(Date.now() - t0).toBeLessThan(2000);
  expect(wb.sheets[0].cells).toEqual({ XFD1048576: { t: "n", v: 7 } });
  expect(checkWorkbook(wb, { establishments: ESTABLISHMENTS }).length).toBeGreaterThan(0);
});

test("100,000 sheet names in the workbook part are refused with a message", () => {
  expect(refused(basic({ "xl/workbook.xml": workbookXml(100_000) }))).toBe(
    "Fichier refusé : le classeur déclare 100000 feuilles (plus de 10000).",
  );
});

test("a 10 MB shared string is read, in time proportional to its size", () => {
  const big = "é".repeat(5 * 1024 * 1024);
  const bytes = basic({
    "xl/_rels/workbook.xml.rels": wbRels(
      1,
      '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>',
    ),
    "xl/sharedStrings.xml": `<?xml version="1.0"?><sst ${NS}><si><t>${big}</t></si></sst>`,
    "xl/worksheets/sheet1.xml": sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
  });
  const wb = readXlsx(bytes);
  expect((wb.sheets[0].cells.A1.v as string).length).toBe(big.length);
});

test("paths in the package are names, never file-system paths", () => {
  const bytes = basic({
    "../../etc/passwd": "root:x:0:0",
    "xl/_rels/workbook.xml.rels": wbRels(1).replace("worksheets/sheet1.xml", "../../../etc/passwd"),
  });
  // The sheet's target resolves to a part name that is not in the package: the sheet is simply absent.
  const wb = readXlsx(bytes);
  expect(wb.sheets).toEqual([]);
});

test("the CLI: each hostile file gets exit 2 and one line, the other files of the batch are still checked", () => {
  execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: REPO, stdio: "pipe" });
  const dir = mkdtempSync(path.join(tmpdir(), "ldm-hostile-"));
  writeFileSync(path.join(dir, "bombe.xlsx"), bomb(1, 100));
  writeFileSync(
    path.join(dir, "entites.xlsx"),
    basic({ "xl/workbook.xml": `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><workbook ${NS}/>` }),
  );
  writeFileSync(path.join(dir, "sain.xlsx"), basic());
  const r = spawnSync(
    process.execPath,
    [path.join(REPO, "bin/ldm-fiches.js"), "check", "bombe.xlsx", "entites.xlsx", "sain.xlsx"],
    {
      cwd: dir,
      encoding: "utf8",
    },
  );
  expect(r.status).toBe(2);
  const err = r.stderr.trimEnd().split("\n");
  expect(err).toHaveLength(3);
  expect(err[0]).toMatch(/^bombe\.xlsx : Fichier refusé : une partie du classeur/);
  expect(err[1]).toMatch(/^entites\.xlsx : Fichier refusé : /);
  // The sound file is read, and recognised as a workbook that is not ours.
  expect(err[2]).toBe("sain.xlsx : ce classeur n'est pas un classeur de fiches Fiches LDM (utilisez generate).");
  expect(r.stdout).toMatch(/Total : 3 fichiers dont 3 non vérifié\(s\)/);
}, 60_000);
