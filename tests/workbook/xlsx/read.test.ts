/**
 * readXlsx: the real-world corpus (every file a spreadsheet program opens is read, and agrees with
 * openpyxl), the OOXML details the domain relies on, and hostile packages built here in memory (zip
 * bombs, entities, absurd dimensions, 100,000 sheets, a 10 MB string, path tricks), each refused with
 * one French line or read at the cost of its real content. Time bounds are loose on purpose (tens of
 * times what a quiet machine takes): they catch quadratic or exponential work, not measure speed.
 */
import { execFileSync } from "child_process";
import { REAL_WORLD_XLSX } from "../../helpers/paths";
import { strToU8, Zip, ZipDeflate, zipSync, type ZipInputFile } from "fflate";
import { readdirSync, readFileSync } from "fs";
import * as path from "path";
import type { CellSnapshot } from "../../../src/domain/snapshot";
import { readXlsx, XlsxReadError } from "../../../src/workbook/xlsx/read";
import { parseXml, XmlError, XmlText, type XmlHandler } from "../../../src/workbook/xlsx/xml";
import { MAX_PART_BYTES, ZipError, ZipPackage } from "../../../src/workbook/xlsx/zip";

const CORPUS = REAL_WORLD_XLSX;
const SYSTEM_PYTHON = "/usr/bin/python3";
const MiB = 1024 * 1024;

const corpusFiles = readdirSync(CORPUS)
  .filter((f) => f.endsWith(".xlsx"))
  .sort();

function corpusBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(CORPUS, file)));
}

/** The message of the XlsxReadError `read` throws, checked to be one clean French line. */
function refusal(read: () => unknown): string {
  let error: unknown;
  try {
    read();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(XlsxReadError);
  const message = (error as Error).message;
  expect(message).toMatch(/^Fichier (refusé|illisible) : \S.*\.$/);
  expect(message).not.toMatch(/\n|undefined|null|Error|\bat\s/);
  return message;
}

// -------------------------------------------------------------------------------------------------
// Building packages in memory

const NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

function workbookXml(sheetCount = 1, extra = ""): string {
  let sheets = "";
  for (let i = 1; i <= sheetCount; i++) sheets += `<sheet name="S${i}" sheetId="${i}" r:id="rId${i}"/>`;
  return `<?xml version="1.0"?><workbook ${NS}><sheets>${sheets}</sheets>${extra}</workbook>`;
}

function relsXml(relationships: string): string {
  return `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships}</Relationships>`;
}

function workbookRels(sheetCount = 1, extra = ""): string {
  let rels = "";
  for (let i = 1; i <= sheetCount; i++)
    rels += `<Relationship Id="rId${i}" Type="${REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`;
  return relsXml(rels + extra);
}

const SHARED_STRINGS_REL = `<Relationship Id="rId90" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`;
const STYLES_REL = `<Relationship Id="rId91" Type="${REL}/styles" Target="styles.xml"/>`;

function sheetXml(rows: string, head = "", tail = ""): string {
  return `<?xml version="1.0"?><worksheet ${NS} xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">${head}<sheetData>${rows}</sheetData>${tail}</worksheet>`;
}

type Parts = Record<string, string | Uint8Array>;

function basicParts(overrides: Parts = {}): Parts {
  return {
    "[Content_Types].xml": CONTENT_TYPES,
    "_rels/.rels": ROOT_RELS,
    "xl/workbook.xml": workbookXml(),
    "xl/_rels/workbook.xml.rels": workbookRels(),
    "xl/worksheets/sheet1.xml": sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>ok</t></is></c></row>'),
    ...overrides,
  };
}

function xlsx(parts: Parts): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(parts))
    files[name] = typeof content === "string" ? strToU8(content) : content;
  return zipSync(files, { level: 1 });
}

/** Bits to a raw DEFLATE stream, least significant bit first (RFC 1951 §3.1.1). */
class BitWriter {
  private readonly bytes: Uint8Array<ArrayBuffer>;
  private length = 0;
  private buffer = 0;
  private count = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
  }

  bits(value: number, n: number): void {
    this.buffer |= value << this.count;
    this.count += n;
    while (this.count >= 8) {
      this.bytes[this.length++] = this.buffer & 0xff;
      this.buffer >>>= 8;
      this.count -= 8;
    }
  }

  /** A Huffman code goes most significant bit first. */
  code(value: number, n: number): void {
    let reversed = 0;
    for (let i = 0; i < n; i++) reversed |= ((value >> i) & 1) << (n - 1 - i);
    this.bits(reversed, n);
  }

  finish(): Uint8Array<ArrayBuffer> {
    if (this.count > 0) this.bits(0, 8 - this.count);
    return this.bytes.subarray(0, this.length);
  }
}

/**
 * A raw DEFLATE stream of `prefix`, then `spaces` spaces, then `suffix`, written by hand with the fixed
 * Huffman code: one literal space, then back-references of length 258 at distance 1, 13 bits each. A
 * gigabyte of spaces costs ~6 MB and a few milliseconds, instead of seconds of real compression.
 */
function deflatedSpaces(prefix: string, spaces: number, suffix: string): Uint8Array<ArrayBuffer> {
  const matches = Math.floor((spaces - 1) / 258);
  const rest = spaces - 1 - matches * 258;
  const w = new BitWriter(Math.ceil((matches * 13) / 8) + 2 * (prefix.length + suffix.length + rest) + 16);
  const literal = (byte: number) => (byte < 144 ? w.code(0x30 + byte, 8) : w.code(0x190 + byte - 144, 9));
  w.bits(1, 1); // BFINAL
  w.bits(1, 2); // BTYPE = 01, fixed Huffman codes
  for (const byte of strToU8(prefix)) literal(byte);
  literal(32);
  for (let i = 0; i < matches; i++) {
    w.code(0xc5, 8); // length symbol 285: 258 bytes, no extra bits
    w.code(0, 5); // distance symbol 0: distance 1
  }
  for (let i = 0; i < rest; i++) literal(32);
  for (const byte of strToU8(suffix)) literal(byte);
  w.code(0, 7); // end of block (256)
  return w.finish();
}

/** A package from ordinary parts plus members with hand-made deflate streams (zip bombs). */
function xlsxWithRawMembers(
  parts: Parts,
  raw: { name: string; deflated: Uint8Array<ArrayBuffer>; declaredSize: number }[],
): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  for (const [name, content] of Object.entries(parts)) {
    const file = new ZipDeflate(name, { level: 1 });
    zip.add(file);
    file.push(typeof content === "string" ? strToU8(content) : content, true);
  }
  for (const member of raw) {
    // A custom member (fflate's ZipInputFile): its bytes are already deflated, its size is what it claims.
    const file: ZipInputFile = { filename: member.name, size: member.declaredSize, crc: 0, compression: 8 };
    zip.add(file);
    file.ondata?.(null, member.deflated, true);
  }
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const SHEET_OPEN = `<worksheet ${NS}><sheetData>`;
const SHEET_CLOSE = "</sheetData></worksheet>";

// -------------------------------------------------------------------------------------------------
// The real-world corpus

describe("the real-world corpus", () => {
  test("holds the 36 workbooks", () => {
    expect(corpusFiles).toHaveLength(36);
  });

  test.each(corpusFiles.filter((f) => f !== "missing-bits.xlsx"))("%s is read, with at least one sheet", (file) => {
    const wb = readXlsx(corpusBytes(file));
    expect(wb.sheets.length).toBeGreaterThanOrEqual(1);
    for (const s of wb.sheets) {
      expect(typeof s.name).toBe("string");
      for (const [a1, cell] of Object.entries(s.cells)) {
        expect(a1).toMatch(/^[A-Z]{1,3}[1-9]\d*$/);
        expect(["s", "n", "b", "e"]).toContain(cell.t);
      }
    }
  });

  test("missing-bits.xlsx, a broken package with no workbook part, is refused in one French line", () => {
    expect(refusal(() => readXlsx(corpusBytes("missing-bits.xlsx")))).toBe(
      "Fichier illisible : le classeur n'a pas de partie principale (xl/workbook.xml introuvable).",
    );
  });

  test("a shared string with an escaped escape: _x005F_x000D_ reads as the literal text _x000D_", () => {
    const wb = readXlsx(corpusBytes("shared_string_with_escape.xlsx"));
    expect(wb.sheets[0].cells.A1).toEqual({ t: "s", v: "_x000D_" });
  });

  test('hidden sheets keep their state; state="show" (test-row-styles) counts as visible', () => {
    const wb = readXlsx(corpusBytes("test-pr-728.xlsx"));
    expect(wb.sheets.map((s) => [s.name, s.visibility, s.cells.A1?.v])).toEqual([
      ["Sheet1", "visible", "visible"],
      ["Sheet2", "hidden", "hidden"],
      ["Sheet3", "visible", "visible"],
    ]);
    expect(readXlsx(corpusBytes("test-row-styles.xlsx")).sheets[0].visibility).toBe("visible");
  });

  test("defined names: a broken reference, a sheet-scoped name, a bogus formula", () => {
    const wb = readXlsx(corpusBytes("test-issue-877.xlsx"));
    expect(wb.names).toContainEqual({ name: "Aussenleiter", formula: "#REF!" });
    expect(wb.names).toContainEqual({ name: "Steckd.", formula: "Feststellanlagen!#REF!", scope: "Feststellanlagen" });
    expect(readXlsx(corpusBytes("bogus-defined-name.xlsx")).names).toEqual([
      { name: "foo", formula: '"OFFSET($A$10;0;0;0;1)"' },
    ]);
  });

  test("data validations: text length with two areas, a whole-grid one without type", () => {
    expect(readXlsx(corpusBytes("test-pr-1204.xlsx")).sheets[0].validations).toEqual([
      { sqref: "E1 E4", type: "textLength", operator: "greaterThan", formula1: "2" },
    ]);
    expect(readXlsx(corpusBytes("test-issue-1842.xlsx")).sheets[0].validations).toEqual([
      { sqref: "A1:XFD1048576", type: "any" },
    ]);
    expect(readXlsx(corpusBytes("test-issue-771.xlsx")).sheets[0].validations).toEqual([
      { sqref: "G1:H1", type: "any", operator: "between", formula1: "0", formula2: "0" },
    ]);
  });

  test("the 1904 date system does not get in the way: the date stays a number with its format", () => {
    const wb = readXlsx(corpusBytes("1904.xlsx"));
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "Sheet2", "Sheet3"]);
    expect(Object.keys(wb.sheets[0].cells)).toEqual(["B4"]);
    expect(wb.sheets[0].cells.B4).toMatchObject({ t: "n", v: 0 });
    expect(wb.sheets[0].cells.B4.nf).toBeDefined();
  });

  test("a chart sheet is left out; formulas keep their text and cached value", () => {
    const charts = readXlsx(corpusBytes("chart-sheet.xlsx"));
    expect(charts.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    const formulas = readXlsx(corpusBytes("formulas.xlsx")).sheets[0];
    expect(formulas.cells.A1).toEqual({
      t: "s",
      v: "someone@example.com",
      f: '_xlfn.CONCAT("someone","@example.com")',
    });
  });

  test("stray text before the root element (invalid-xml.xlsx, which LibreOffice opens) is tolerated", () => {
    const wb = readXlsx(corpusBytes("invalid-xml.xlsx"));
    expect(wb.sheets[0].cells).toEqual({ A1: { t: "s", v: "foo " }, B1: { t: "s", v: "bar" } });
  });
});

// -------------------------------------------------------------------------------------------------
// Agreement with openpyxl

type PyValue = string | number | boolean | { date: string };

interface PySheet {
  title: string;
  state: string;
  cells: Record<string, PyValue>;
  formulas: Record<string, string>;
  merged: string[];
  validations: { sqref: string; type: string | null; formula1: string | null; formula2: string | null }[];
}

type PyDump = Record<string, { error: string } | { sheets: PySheet[]; names: Record<string, string> }>;

describe("agreement with openpyxl", () => {
  let dump: PyDump = {};

  beforeAll(() => {
    const out = execFileSync(
      SYSTEM_PYTHON,
      [path.join(__dirname, "openpyxl_dump.py"), ...corpusFiles.map((f) => path.join(CORPUS, f))],
      { encoding: "utf8", maxBuffer: 64 * MiB },
    );
    dump = JSON.parse(out) as PyDump;
  }, 60_000);

  test("openpyxl opens all but the three files it is known to reject", () => {
    const rejected = corpusFiles.filter((f) => "error" in dump[f]);
    expect(rejected).toEqual(["invalid-xml.xlsx", "missing-bits.xlsx", "test-row-styles.xlsx"]);
  });

  /** Every cell openpyxl sees a value or a formula in. */
  function expectedAddresses(py: PySheet): string[] {
    return [...new Set([...Object.keys(py.cells), ...Object.keys(py.formulas)])].sort();
  }

  function expectSameValue(file: string, a1: string, ours: CellSnapshot, theirs: PyValue | undefined): void {
    const where = `${file} ${a1}`;
    if (typeof theirs === "object") {
      // Exception, dates (1904.xlsx, dateIssue.xlsx, gold.xlsx): openpyxl turns the serial number into a
      // datetime; the snapshot keeps the number with its date format, which the domain reads itself.
      expect([where, ours.t, typeof ours.nf]).toEqual([where, "n", "string"]);
    } else {
      expect([where, ours.v]).toEqual([where, theirs]);
    }
  }

  const opened = () =>
    corpusFiles.filter((f) => !["invalid-xml.xlsx", "missing-bits.xlsx", "test-row-styles.xlsx"].includes(f));

  test.each(opened())("%s: same worksheets, states, non-empty cells, values, formulas, merges", (file) => {
    const theirs = dump[file];
    if ("error" in theirs) throw new Error(`openpyxl failed on ${file}`);
    const ours = readXlsx(corpusBytes(file));
    expect(ours.sheets.map((s) => [s.name, s.visibility])).toEqual(theirs.sheets.map((s) => [s.title, s.state]));
    theirs.sheets.forEach((py, i) => {
      const mine = ours.sheets[i];
      expect([file, py.title, Object.keys(mine.cells).sort()]).toEqual([file, py.title, expectedAddresses(py)]);
      for (const [a1, cell] of Object.entries(mine.cells)) {
        expectSameValue(file, a1, cell, py.cells[a1]);
        // Exception, shared formulas (fibonacci.xlsx, test-issue-877.xlsx, test-issue-880.xlsx): followers
        // carry no text in the file; openpyxl translates the master's formula for them, the snapshot
        // leaves `f` out. Every formula the snapshot does give is openpyxl's, to the character.
        if (cell.f !== undefined) expect([file, a1, cell.f]).toEqual([file, a1, py.formulas[a1]]);
      }
      expect([file, [...(mine.merges ?? [])].sort()]).toEqual([file, py.merged]);
      for (const v of py.validations) {
        expect(mine.validations).toContainEqual(
          expect.objectContaining({
            sqref: v.sqref,
            type: v.type ?? "any",
            ...(v.formula1 !== null ? { formula1: v.formula1 } : {}),
          }),
        );
      }
    });
  });

  test.each(opened())("%s: the defined names openpyxl keeps are read the same", (file) => {
    const theirs = dump[file];
    if ("error" in theirs) throw new Error(`openpyxl failed on ${file}`);
    const ours = readXlsx(corpusBytes(file));
    for (const [name, formula] of Object.entries(theirs.names))
      expect(ours.names).toContainEqual(expect.objectContaining({ name, formula }));
  });
});

// -------------------------------------------------------------------------------------------------
// OOXML details

describe("OOXML details", () => {
  test("cells without r are placed by position; rows without r follow the previous one", () => {
    const rows =
      '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c></row>' +
      '<row r="5"><c r="C5"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>';
    const wb = readXlsx(xlsx(basicParts({ "xl/worksheets/sheet1.xml": sheetXml(rows) })));
    expect(wb.sheets[0].cells).toEqual({
      A1: { t: "s", v: "a" },
      B1: { t: "n", v: 2 },
      C5: { t: "n", v: 3 },
      D5: { t: "n", v: 4 },
      A6: { t: "n", v: 5 },
    });
  });

  test("a row's r as Number() reads it, whatever path reads the tag: blanks, leading zeros, quotes, references", () => {
    // The fast path reads plain tags; an entity or a blank to normalise in a value sends the row to the events.
    const rows =
      '<row r=" 3"><c><v>1</v></c></row>' +
      '<row r=\'005\' spans="1:2" ht="15" customHeight="1"><c><v>2</v></c></row>' +
      '<row r="7" ht="1&#53;"><c><v>3</v></c></row>' +
      '<row r="x"><c><v>4</v></c></row>' +
      '<row r="9" s="2" customFormat="1"/><row r="10" s="3" customFormat="true"><c><v>5</v></c></row>';
    const wb = readXlsx(xlsx(basicParts({ "xl/worksheets/sheet1.xml": sheetXml(rows) })));
    expect(wb.sheets[0].cells).toEqual({
      A3: { t: "n", v: 1 },
      A5: { t: "n", v: 2 },
      A7: { t: "n", v: 3 },
      A8: { t: "n", v: 4 },
      A10: { t: "n", v: 5 },
    });
  });

  test("a row's style is its own row's, whatever path reads it, even when its cells say another row", () => {
    // Style 1 unlocks. Row 8 carries it; its one cell claims row 9. The input probe B8 (a single cell)
    // is not written: it takes row 8's style. A comment in the row sends it to the events, which read it so.
    const styles = `<?xml version="1.0"?><styleSheet ${NS}><cellXfs><xf numFmtId="0"/><xf numFmtId="0" applyProtection="1"><protection locked="0"/></xf></cellXfs></styleSheet>`;
    const lockOfB8 = (row: string) => {
      const parts = basicParts({
        "xl/_rels/workbook.xml.rels": workbookRels(1, STYLES_REL),
        "xl/styles.xml": styles,
        "xl/worksheets/sheet1.xml": sheetXml(row),
      });
      return readXlsx(xlsx(parts)).sheets[0].inputLocks?.find((l) => l.range === "B8")?.state;
    };
    const fast = lockOfB8('<row r="8" s="1" customFormat="1"><c r="A9"><v>1</v></c></row>');
    const events = lockOfB8('<row r="8" s="1" customFormat="1"><!-- x --><c r="A9"><v>1</v></c></row>');
    expect(events).toBe("unlocked");
    expect(fast).toBe(events);
  });

  test("every cell type, shared formulas, rich text without phonetic runs, formats, protection", () => {
    const strings = `<?xml version="1.0"?><sst ${NS}><si><t>plain &amp; &#233;t&#xE9;</t></si><si><r><rPr><b/></rPr><t>ri</t></r><r><t xml:space="preserve">ch </t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si><si><t><![CDATA[<cdata>]]></t></si><si><t/></si></sst>`;
    const styles = `<?xml version="1.0"?><styleSheet ${NS}><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="General"/></numFmts><cellStyleXfs><xf numFmtId="10"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="9" applyNumberFormat="1"><alignment/></xf><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/></cellXfs><dxfs><dxf><numFmt numFmtId="166" formatCode="0.000"/></dxf></dxfs></styleSheet>`;
    const rows =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>99</v></c></row>' +
      '<row r="2"><c r="A2" s="1"><v>0.25</v></c><c r="B2" s="2"><v>45000</v></c><c r="C2" s="3"><v>7</v></c><c r="D2" s="4"><v>1</v></c><c r="E2" s="0"><v>1.5E3</v></c></row>' +
      '<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="b"><v>0</v></c><c r="C3" t="e"><v>#REF!</v></c><c r="D3" t="d"><v>2024-09-01T00:00:00</v></c><c r="E3" t="str"><f>A1&amp;"!"</f><v>line_x000A_two</v></c></row>' +
      '<row r="4"><c r="A4"><f t="shared" ref="A4:C4" si="0">A2*2</f><v>0.5</v></c><c r="B4"><f t="shared" si="0"/><v>90000</v></c><c r="C4"><f t="shared" si="0"/></c><c r="D4"><f>=SUM(A2:C2)</f></c><c r="E4" s="1"/></row>' +
      '<row r="5"><c r="A5" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r><rPh><t>X</t></rPh></is></c><c r="B5" t="inlineStr"><is><t></t></is></c><c r="C5" t="str"><v></v></c></row>';
    const parts = basicParts({
      "xl/_rels/workbook.xml.rels": workbookRels(1, SHARED_STRINGS_REL + STYLES_REL),
      "xl/sharedStrings.xml": strings,
      "xl/styles.xml": styles,
      "xl/worksheets/sheet1.xml": sheetXml(
        rows,
        '<dimension ref="A1:E5"/>',
        '<sheetProtection sheet="1" objects="1"/><mergeCells count="2"><mergeCell ref="A7:B7"/><mergeCell ref="$c$8:D9"/></mergeCells>',
      ),
    });
    const s = readXlsx(xlsx(parts)).sheets[0];
    expect(s.protected).toBe(true);
    expect(s.merges).toEqual(["A7:B7", "C8:D9"]);
    expect(s.cells).toEqual({
      A1: { t: "s", v: "plain & été" },
      B1: { t: "s", v: "rich " },
      C1: { t: "s", v: "<cdata>" },
      A2: { t: "n", v: 0.25, nf: "0%" },
      B2: { t: "n", v: 45000, nf: "dd/mm/yyyy" },
      C2: { t: "n", v: 7 },
      D2: { t: "n", v: 1, nf: "mm-dd-yy" },
      E2: { t: "n", v: 1500 },
      A3: { t: "b", v: true },
      B3: { t: "b", v: false },
      C3: { t: "e", v: "#REF!" },
      D3: { t: "s", v: "2024-09-01T00:00:00" },
      E3: { t: "s", v: "line\ntwo", f: 'A1&"!"' },
      A4: { t: "n", v: 0.5, f: "A2*2" },
      B4: { t: "n", v: 90000 },
      D4: { t: "s", v: "", f: "SUM(A2:C2)" },
      A5: { t: "s", v: "inline" },
    });
  });

  test("sheet states, chart sheets skipped, scoped and _xlnm names, date1904, unprotected sheets", () => {
    const workbook = `<?xml version="1.0"?><workbook ${NS}><workbookPr date1904="1"/><sheets><sheet name="Visible" sheetId="1" r:id="rId1"/><sheet name="Chart" sheetId="2" r:id="rId2"/><sheet name="Hidden" sheetId="3" state="hidden" r:id="rId3"/><sheet name="Very" sheetId="4" state="veryHidden" r:id="rId4"/></sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">Visible!$A$1:$B$2</definedName><definedName name="Local" localSheetId="2">Hidden!$A$1</definedName><definedName name="Global">=Visible!$A$1:$A$9</definedName><definedName name="Lost" localSheetId="9">#REF!</definedName></definedNames></workbook>`;
    const rels = relsXml(
      `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/>` +
        `<Relationship Id="rId3" Type="${REL}/worksheet" Target="/xl/worksheets/sheet3.xml"/>` +
        `<Relationship Id="rId4" Type="${REL}/worksheet" Target="./worksheets/../worksheets/sheet4.xml"/>`,
    );
    const empty = sheetXml("", "", '<sheetProtection sheet="0"/>');
    const wb = readXlsx(
      xlsx(
        basicParts({
          "xl/workbook.xml": workbook,
          "xl/_rels/workbook.xml.rels": rels,
          "xl/chartsheets/sheet1.xml": "<chartsheet/>",
          "xl/worksheets/sheet3.xml": empty,
          "xl/worksheets/sheet4.xml": empty,
        }),
      ),
    );
    expect(wb.sheets.map((s) => [s.name, s.visibility, s.protected])).toEqual([
      ["Visible", "visible", false],
      ["Hidden", "hidden", false],
      ["Very", "veryHidden", false],
    ]);
    // localSheetId counts every sheet, chart sheets included; a scope that points nowhere is dropped.
    expect(wb.names).toEqual([
      { name: "_xlnm.Print_Area", formula: "Visible!$A$1:$B$2", scope: "Visible" },
      { name: "Local", formula: "Hidden!$A$1", scope: "Hidden" },
      { name: "Global", formula: "Visible!$A$1:$A$9" },
    ]);
  });

  test("validations, classic and x14 (lists on another sheet, as Excel and LibreOffice write them)", () => {
    const classic =
      '<dataValidations count="2"><dataValidation type="list" allowBlank="1" sqref="A9:A108 C2"><formula1>Axes_C1</formula1></dataValidation>' +
      '<dataValidation type="whole" operator="between" sqref="B2"><formula1>=AnneeReference</formula1><formula2>AnneeReference+1</formula2></dataValidation></dataValidations>';
    const x14 =
      '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="1"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>Listes!$B$2:$B$40</xm:f></x14:formula1><xm:sqref>D2:D50</xm:sqref></x14:dataValidation></x14:dataValidations></ext>' +
      '<ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}"><x14:conditionalFormattings><x14:conditionalFormatting><x14:cfRule type="expression"><xm:f>A1&gt;0</xm:f></x14:cfRule><xm:sqref>A1</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>';
    const wb = readXlsx(xlsx(basicParts({ "xl/worksheets/sheet1.xml": sheetXml("", "", classic + x14) })));
    expect(wb.sheets[0].validations).toEqual([
      { sqref: "A9:A108 C2", type: "list", formula1: "Axes_C1" },
      { sqref: "B2", type: "whole", operator: "between", formula1: "AnneeReference", formula2: "AnneeReference+1" },
      { sqref: "D2:D50", type: "list", formula1: "Listes!$B$2:$B$40" },
    ]);
  });

  test("no _rels/.rels nor content types: xl/workbook.xml is found; part names are case-insensitive", () => {
    const parts = basicParts({
      "xl/_rels/workbook.xml.rels": workbookRels().replace("worksheets/sheet1.xml", "Worksheets/Sheet1.XML"),
    });
    delete parts["_rels/.rels"];
    delete parts["[Content_Types].xml"];
    expect(readXlsx(xlsx(parts)).sheets[0].cells).toEqual({ A1: { t: "s", v: "ok" } });
  });

  test("what is not a workbook gets one French line", () => {
    expect(refusal(() => readXlsx(strToU8("name;value\nA;1\n")))).toBe(
      "Fichier illisible : ce n'est pas un classeur .xlsx (archive zip invalide).",
    );
    expect(refusal(() => readXlsx(new Uint8Array(0)))).toBe(
      "Fichier illisible : ce n'est pas un classeur .xlsx (archive zip invalide).",
    );
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(refusal(() => readXlsx(ole))).toMatch(/mot de passe ou enregistré au format \.xls/);
    const good = xlsx(basicParts());
    expect(refusal(() => readXlsx(good.subarray(0, good.length - 200)))).toMatch(/^Fichier illisible : /);
    const broken = xlsx(basicParts({ "xl/worksheets/sheet1.xml": sheetXml('<row r="1"><c r="A1"><v>1</v></row>') }));
    expect(refusal(() => readXlsx(broken))).toBe(
      "Fichier illisible : le XML de la feuille « S1 » est invalide (balise </row> inattendue).",
    );
  });
});

// -------------------------------------------------------------------------------------------------
// The XML parser on its own

describe("xml.ts", () => {
  test("linear on 100,000 nested elements and a 10 MB attribute: no recursion, no backtracking", () => {
    const depth = 100_000;
    const nested = "<a>".repeat(depth) + "x" + "</a>".repeat(depth);
    let opened = 0;
    const t0 = Date.now();
    parseXml(nested, { openElement: () => void opened++ });
    const huge = `<r v="${"&amp;x".repeat(2_000_000)}" w='${"&".repeat(1_000_000)}'/>`;
    let value = "";
    parseXml(huge, { openElement: (_n, a) => void (value = a.v) });
    expect(opened).toBe(depth);
    expect(value.length).toBe(4_000_000);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  test("attribute names cannot reach an object's prototype: « __proto__ » is dropped, « constructor » is data", () => {
    let attributes: Record<string, string> = {};
    parseXml('<c r="A1" __proto__="polluted" constructor="x" toString="y"/>', {
      openElement: (_n, a) => void (attributes = a as Record<string, string>),
    });
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
    expect(Object.keys(attributes)).toEqual(["r", "constructor", "toString"]);
    expect((attributes as { polluted?: string }).polluted).toBeUndefined();
    expect(({} as { polluted?: string }).polluted).toBeUndefined();
    // A workbook carrying them reads as any other.
    expect(() => parseXml('<x __proto__="{&quot;a&quot;:1}"/>', {})).not.toThrow();
  });

  test("DOCTYPE and ENTITY are refused before anything is expanded; prefixes are kept", () => {
    expect(() => parseXml('<!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>', {})).toThrow(XmlError);
    expect(() => parseXml('<x><!ENTITY e SYSTEM "file:///etc/passwd"></x>', {})).toThrow("DOCTYPE");
    const seen: string[] = [];
    parseXml(
      '<?xml version="1.0"?><!-- c --><x:a r:id="rId1" b=\'&lt;&#x41;&#66;&bogus;\'>t&gt;<![CDATA[&amp;]]></x:a>',
      {
        openElement: (name, a) => seen.push(name, ...Object.entries(a).flat()),
        text: (t) => seen.push(t),
      },
    );
    expect(seen).toEqual(["x:a", "r:id", "rId1", "b", "<AB&bogus;", "t>", "&amp;"]);
  });
});

describe("UTF-8 parts read as Latin-1 (XmlText)", () => {
  /** Everything the events say, in order. */
  function events(doc: string | XmlText): string[] {
    const seen: string[] = [];
    const handler: XmlHandler = {
      openElement: (name, a, selfClosing) =>
        seen.push(`<${name}${selfClosing ? "/" : ""}`, ...Object.entries(a).flat()),
      closeElement: (name) => seen.push(`</${name}`),
      text: (t) => seen.push(t),
    };
    parseXml(doc, handler);
    return seen;
  }

  test("every stretch handed out equals what decoding the whole part gives: accents, 4-byte characters, BOM, bad bytes", () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><wörk é="à’ Œ 😀"><c r="A1" t="inlineStr"><is><t xml:space="preserve">' +
      "MISE EN ŒUVRE d’une approche — 😀 &amp; é\r\nfin</t></is></c><ß><![CDATA[çà]]></ß>plain ascii</wörk>";
    const utf8 = Buffer.from(xml, "utf8");
    const bad = Buffer.concat([
      Buffer.from("<a b='x"),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from("y'>z"),
      Buffer.from([0xe2, 0x82]),
      Buffer.from("</a>"),
    ]);
    const ascii = Buffer.from('<a b="1">plain</a>');
    for (const bytes of [utf8, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), bad, ascii]) {
      const decoded = new TextDecoder("utf-8").decode(bytes);
      expect(events(XmlText.utf8(new Uint8Array(bytes)))).toEqual(events(decoded));
    }
    expect(events(XmlText.utf8(new Uint8Array(utf8)))).toContain("MISE EN ŒUVRE d’une approche — 😀 & é\nfin");
  });

  test("a workbook's accented text, formulas and names read the same as before, cell by cell", () => {
    const wb = readXlsx(
      xlsx(
        basicParts({
          "xl/worksheets/sheet1.xml": sheetXml(
            '<row r="1"><c r="A1" t="inlineStr"><is><t>Élève n°1 — « réussite »</t></is></c>' +
              '<c r="B1" t="str"><f>"Œ"&amp;A1</f><v>ŒÉlève</v></c><c r="C1" s="0"><v>1.5</v></c></row>',
          ),
        }),
      ),
    );
    expect(wb.sheets[0].cells.A1).toEqual({ t: "s", v: "Élève n°1 — « réussite »" });
    expect(wb.sheets[0].cells.B1).toEqual({ t: "s", v: "ŒÉlève", f: '"Œ"&A1' });
    expect(wb.sheets[0].cells.C1).toEqual({ t: "n", v: 1.5 });
  });
});

// -------------------------------------------------------------------------------------------------
// Hostile files

describe("hostile files", () => {
  test("a zip bomb: a sheet part inflating to 1 GB is stopped just past 64 MB, fast and in bounded memory", () => {
    const gigabyte = 1024 * MiB;
    const deflated = deflatedSpaces(SHEET_OPEN, gigabyte, SHEET_CLOSE);
    expect(deflated.length).toBeLessThan(8 * MiB);
    // It claims to be 1 KB: the reader counts what it produces, not what the archive says.
    const parts = basicParts();
    delete parts["xl/worksheets/sheet1.xml"];
    const bomb = xlsxWithRawMembers(parts, [{ name: "xl/worksheets/sheet1.xml", deflated, declaredSize: 1024 }]);
    const rss = process.memoryUsage().rss;
    const t0 = Date.now();
    expect(refusal(() => readXlsx(bomb))).toBe(
      "Fichier refusé : une partie du classeur (xl/worksheets/sheet1.xml) dépasse 64 Mo une fois décompressée (archive piégée ?).",
    );
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(400 * MiB);
    // The package layer itself: it stops within one input slice of the limit.
    const zip = ZipPackage.open(bomb);
    expect(() => zip.read("xl/worksheets/sheet1.xml")).toThrow(ZipError);
    expect(zip.totalRead).toBeGreaterThan(MAX_PART_BYTES);
    expect(zip.totalRead).toBeLessThan(MAX_PART_BYTES + 10 * MiB);
  });

  test("a bomb spread over five parts of 52 MB: refused once all parts read pass 256 MB", () => {
    const parts = basicParts({ "xl/workbook.xml": workbookXml(5), "xl/_rels/workbook.xml.rels": workbookRels(5) });
    delete parts["xl/worksheets/sheet1.xml"];
    const deflated = deflatedSpaces(SHEET_OPEN, 52 * MiB, SHEET_CLOSE);
    const members = [1, 2, 3, 4, 5].map((i) => ({ name: `xl/worksheets/sheet${i}.xml`, deflated, declaredSize: 100 }));
    expect(refusal(() => readXlsx(xlsxWithRawMembers(parts, members)))).toBe(
      "Fichier refusé : le classeur dépasse 256 Mo une fois décompressé (archive piégée ?).",
    );
  });

  test("a declared size of 4 GB on a small part allocates nothing by it: the part is read", () => {
    const parts = basicParts();
    delete parts["xl/worksheets/sheet1.xml"];
    const content = sheetXml('<row r="1"><c r="A1"><v>42</v></c></row>');
    const deflated = deflatedSpaces(content, 1, "");
    const wb = readXlsx(
      xlsxWithRawMembers(parts, [{ name: "xl/worksheets/sheet1.xml", deflated, declaredSize: 0xfffffff0 }]),
    );
    expect(wb.sheets[0].cells).toEqual({ A1: { t: "n", v: 42 } });
  });

  const LAUGHS = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>`;
  const XXE = `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>`;

  test.each([
    ["billion laughs", LAUGHS, "&lol3;"],
    ["an external entity", XXE, "&e;"],
  ])("%s in workbook.xml or in a sheet: refused, nothing expanded nor fetched", (_what, doctype, reference) => {
    const workbook = `<?xml version="1.0"?>${doctype}<workbook ${NS}><sheets><sheet name="${reference}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    expect(refusal(() => readXlsx(xlsx(basicParts({ "xl/workbook.xml": workbook }))))).toBe(
      "Fichier refusé : le XML de xl/workbook.xml est invalide (DOCTYPE ou déclaration d'entité interdits).",
    );
    const sheetPart = `<?xml version="1.0"?>${doctype}${sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${reference}</t></is></c></row>`).replace('<?xml version="1.0"?>', "")}`;
    const message = refusal(() => readXlsx(xlsx(basicParts({ "xl/worksheets/sheet1.xml": sheetPart }))));
    expect(message).toBe(
      "Fichier refusé : le XML de la feuille « S1 » est invalide (DOCTYPE ou déclaration d'entité interdits).",
    );
    expect(message).not.toMatch(/lol|root:/);
  });

  test("a full-grid dimension and one cell at XFD1048576: read fast, one cell", () => {
    const part = sheetXml('<row r="1048576"><c r="XFD1048576"><v>7</v></c></row>', '<dimension ref="A1:XFD1048576"/>');
    const t0 = Date.now();
    const wb = readXlsx(xlsx(basicParts({ "xl/worksheets/sheet1.xml": part })));
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(wb.sheets[0].cells).toEqual({ XFD1048576: { t: "n", v: 7 } });
  });

  test("100,000 <sheet> elements in workbook.xml: refused with a message, quickly", () => {
    const bytes = xlsx(basicParts({ "xl/workbook.xml": workbookXml(100_000) }));
    const t0 = Date.now();
    expect(refusal(() => readXlsx(bytes))).toBe(
      "Fichier refusé : le classeur déclare 100000 feuilles (plus de 10000).",
    );
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  test("a 10 MB shared string is read, fast", () => {
    const big = "é".repeat(5 * MiB) + "&lt;fin&gt;";
    const bytes = xlsx(
      basicParts({
        "xl/_rels/workbook.xml.rels": workbookRels(1, SHARED_STRINGS_REL),
        "xl/sharedStrings.xml": `<?xml version="1.0"?><sst ${NS}><si><t>${big}</t></si></sst>`,
        "xl/worksheets/sheet1.xml": sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
      }),
    );
    const t0 = Date.now();
    const text = readXlsx(bytes).sheets[0].cells.A1.v as string;
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(text.length).toBe(5 * MiB + 5);
    expect(text.endsWith("é<fin>")).toBe(true);
  });

  test("part names are map keys: ../../etc/passwd in the archive and as a target touch no file", () => {
    const bytes = xlsx(
      basicParts({
        "../../etc/passwd": "root:x:0:0 from the archive, not the disk",
        "xl/_rels/workbook.xml.rels": workbookRels().replace("worksheets/sheet1.xml", "../../../etc/passwd"),
      }),
    );
    expect(ZipPackage.open(bytes).names()).toContain("../../etc/passwd");
    // The target resolves to the part name « etc/passwd », which the package does not hold: no sheet.
    expect(readXlsx(bytes).sheets).toEqual([]);
    // Backslashes and a leading slash in stored names are normalised; the name stays a key.
    const oddParts = basicParts({
      "/xl/workbook.xml": workbookXml(),
      "xl\\worksheets\\sheet1.xml": sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'),
    });
    delete oddParts["xl/workbook.xml"];
    delete oddParts["xl/worksheets/sheet1.xml"];
    const odd = xlsx(oddParts);
    expect(readXlsx(odd).sheets[0].cells).toEqual({ A1: { t: "n", v: 1 } });
  });
});
