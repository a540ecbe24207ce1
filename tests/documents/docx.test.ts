/**
 * The .docx writer, checked by independent readers: xmllint (every part well-formed), python-docx (styles,
 * texts, tables, properties, header and footer) and LibreOffice (a PDF whose text shows the headings, a
 * cell, the « À compléter » marks and the page numbers).
 */
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { paragraph, type DocumentModel, type Table } from "../../src/domain/dossier/document";
import { writeDocx } from "../../src/documents/docx/write";
import { gridWidths, placeRow } from "../../src/documents/docx/table";
import { cleanText } from "../../src/documents/docx/xml";

const DEBIAN_PYTHON = "/usr/bin/python3";
const DUMP = join(__dirname, "../helpers/docx_dump.py");

/** Texts a writer could mistake for markup, fields or formulas, an emoji, and characters XML forbids. */
const HOSTILE = ["=SUM(A1)", "<script>alert(1)</script>", "{ PAGE }", "&amp; &lt;", "Bac pro 🎓👩‍🏫 réussi"];
const CONTROL = "Avant\u0001après\uFFFE\uD800 fin";
const LONG = "Une réponse longue. ".repeat(1000);

/** A criterion: heading 1, heading 2, and a form table (spanning title row, label column, a missing run). */
function criterion(n: number, title: string): DocumentModel["blocks"] {
  const table: Table = {
    kind: "table",
    columns: [1, 2.5],
    headerRows: 1,
    rows: [
      [{ paragraphs: [paragraph(`Fiche du critère ${n}`)], label: true, span: 2 }],
      [{ paragraphs: [paragraph("Axe")], label: true }, { paragraphs: [paragraph(`Axe ${n}.1 — Accueil`)] }],
      [
        { paragraphs: [paragraph("Objectif")], label: true },
        { paragraphs: [{ kind: "paragraph", runs: [{ text: "À compléter", missing: true }] }] },
      ],
      [
        { paragraphs: [paragraph("Actions")], label: true },
        {
          paragraphs: [
            { kind: "paragraph", runs: [{ text: "Ligne 1\nLigne 2\tcolonne" }, { text: " gras", bold: true }] },
            paragraph("Première action", "ListBullet"),
          ],
        },
      ],
      [{ paragraphs: [paragraph("Vide")], label: true }, { paragraphs: [] }],
      ...(n === 1
        ? [
            [{ paragraphs: [paragraph("Pièges")], label: true }, { paragraphs: HOSTILE.map((h) => paragraph(h)) }],
            [{ paragraphs: [paragraph("Contrôle")], label: true }, { paragraphs: [paragraph(CONTROL)] }],
            [{ paragraphs: [paragraph("Longue")], label: true }, { paragraphs: [paragraph(LONG)] }],
          ]
        : []),
    ],
  };
  return [
    { kind: "heading", level: 1, text: `Critère ${n} — ${title}` },
    paragraph(`Le critère ${n} en quelques mots.`),
    { kind: "heading", level: 2, text: `Fiche ${n}` },
    table,
    { kind: "heading", level: 3, text: `Détail ${n}` },
  ];
}

const MODEL: DocumentModel = {
  title: "Dossier de labellisation <LP> & co",
  author: "Lycée professionnel Jean Moulin",
  header: "Dossier Lycée des métiers — LP Jean Moulin",
  footer: "Édition 2025 & suivantes",
  blocks: [
    paragraph("Dossier de labellisation", "Title"),
    paragraph("Lycée professionnel Jean Moulin", "Subtitle"),
    { kind: "paragraph", runs: [{ text: "Préparé par " }, { text: "l'équipe", italic: true }] },
    { kind: "page-break" },
    { kind: "contents", title: "Sommaire" },
    { kind: "page-break" },
    ...criterion(1, "Pilotage"),
    { kind: "page-break" },
    ...criterion(2, "Parcours"),
    paragraph("Premier point", "ListBullet"),
    paragraph("Second point", "ListBullet"),
    ...HOSTILE.map((h) => paragraph(h)),
  ],
};
const CREATED = new Date("2025-09-01T08:30:00Z");

interface Dump {
  paragraphs: { style: string | null; text: string }[];
  tables: { text: string; span: number }[][][];
  core: { title: string; author: string; created: string };
  sections: { header: string; footer: string; first_page_footer: string; first_page_header: string }[];
  [key: string]: unknown;
}

let dir: string;
let docxPath: string;
let bytes: Uint8Array;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ldm-docx-"));
  bytes = writeDocx(MODEL, { created: CREATED });
  docxPath = join(dir, "dossier.docx");
  writeFileSync(docxPath, bytes);
});

afterAll(() => {
  if (process.env.KEEP_DOCX) console.log(`docx kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
});

describe("parts", () => {
  test("every part is present and well-formed XML (xmllint)", () => {
    const parts = unzipSync(bytes);
    const names = Object.keys(parts);
    expect(names[0]).toBe("[Content_Types].xml");
    for (const name of [
      "_rels/.rels",
      "word/document.xml",
      "word/_rels/document.xml.rels",
      "word/styles.xml",
      "word/settings.xml",
      "word/numbering.xml",
      "word/header1.xml",
      "word/footer1.xml",
      "docProps/core.xml",
      "docProps/app.xml",
    ])
      expect(names).toContain(name);
    const partsDir = join(dir, "parts");
    const files = names.map((name, i) => {
      const file = join(partsDir, `${i}.xml`);
      mkdirSync(partsDir, { recursive: true });
      writeFileSync(file, parts[name]);
      return file;
    });
    expect(() => execFileSync("xmllint", ["--noout", ...files], { stdio: "pipe" })).not.toThrow();
  });

  test("document, settings and properties say what Word needs", () => {
    const parts = unzipSync(bytes);
    const documentXml = strFromU8(parts["word/document.xml"]);
    expect(documentXml).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
    expect(documentXml).toContain("<w:titlePg/>");
    expect(documentXml).toContain('<w:p><w:r><w:br w:type="page"/></w:r></w:p>');
    expect(documentXml).toContain(" TOC \\o &quot;1-2&quot; \\h \\z \\u ");
    // Short rows stay on one page; the long answer may break.
    expect(documentXml.match(/<w:cantSplit\/>/g)).toHaveLength(12);
    const longRow = documentXml.split("<w:tr>").find((tr) => tr.includes("Une réponse longue."));
    expect(longRow).not.toContain("cantSplit");
    // The short table (criterion 2's) stays whole: its rows but the last kept with the next; the long one may break.
    const tables = documentXml.split("<w:tbl>").slice(1);
    expect(tables[0]).not.toContain("<w:keepNext/>");
    expect(
      tables[1]
        .split("<w:tr>")
        .slice(1)
        .map((tr) => tr.includes("<w:keepNext/>")),
    ).toEqual([true, true, true, true, false]);
    expect(documentXml.match(/<w:tblHeader\/>/g)).toHaveLength(2);
    expect(documentXml.match(/<w:gridCol w:w="(\d+)"\/>/g)).toEqual([
      '<w:gridCol w:w="2754"/>',
      '<w:gridCol w:w="6884"/>',
      '<w:gridCol w:w="2754"/>',
      '<w:gridCol w:w="6884"/>',
    ]);
    // Every cell holds at least one paragraph.
    for (const tc of documentXml.split("<w:tc>").slice(1)) expect(tc.split("</w:tc>")[0]).toContain("<w:p>");
    expect(documentXml.includes("\u0001") || documentXml.includes("\uFFFE")).toBe(false);
    // Word never asks to update fields on opening: the contents are written pre-filled.
    expect(strFromU8(parts["word/settings.xml"])).not.toContain("updateFields");
    expect(documentXml).not.toContain("w:dirty");
    expect(strFromU8(parts["word/styles.xml"])).toContain('w:val="fr-FR"');
    const core = strFromU8(parts["docProps/core.xml"]);
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-09-01T08:30:00Z</dcterms:created>');
  });
  test("edge cases: no heading, a table without rows, a table ending the document, empty texts", () => {
    const table: Table = { kind: "table", columns: [1], rows: [[{ paragraphs: [] }]] };
    const edge = writeDocx({
      title: "",
      author: "",
      header: "",
      footer: "",
      blocks: [{ kind: "contents", title: "" }, { kind: "table", columns: [], rows: [] }, table, table],
    });
    const xml = strFromU8(unzipSync(edge)["word/document.xml"]);
    expect(xml.match(/<w:fldChar w:fldCharType="(begin|end)"/g)).toHaveLength(2);
    expect(xml.match(/<w:tbl>/g)).toHaveLength(2);
    // Word merges adjacent tables and wants a paragraph between the last table and the section properties.
    expect(xml).toMatch(/<\/w:tbl><w:p>.*<\/w:p><w:tbl>.*<\/w:tbl><w:p>.*<\/w:p><w:sectPr>/);
    const file = join(dir, "edge.docx");
    writeFileSync(file, edge);
    const dump = JSON.parse(execFileSync(DEBIAN_PYTHON, [DUMP, file], { encoding: "utf-8" })) as Dump;
    expect(dump.tables).toHaveLength(2);
    expect(dump.sections[0].footer).toBe("Page 1 / 1");
  });
});

describe("helpers", () => {
  test("grid widths add up to the text width", () => {
    expect(gridWidths([1, 1, 1])).toEqual([3213, 3213, 3212]);
    expect(gridWidths([])).toEqual([9638]);
    expect(gridWidths([0, Number.NaN])).toEqual([4819, 4819]);
    expect(gridWidths([3, 7]).reduce((a, b) => a + b)).toBe(9638);
  });

  test("a row fits the grid: spans cut, last cell stretched, extra cells kept in the last one", () => {
    const cell = (text: string, span?: number) => ({ paragraphs: [paragraph(text)], span });
    expect(placeRow([cell("a", 5)], 2).map((c) => c.span)).toEqual([2]);
    expect(placeRow([cell("a")], 3).map((c) => c.span)).toEqual([3]);
    const merged = placeRow([cell("a"), cell("b"), cell("c")], 2);
    expect(merged.map((c) => c.paragraphs.length)).toEqual([1, 2]);
    expect(placeRow([], 2)).toEqual([{ paragraphs: [], label: false, span: 2 }]);
  });

  test("text is cleaned of what XML 1.0 forbids", () => {
    expect(cleanText(CONTROL)).toBe("Avantaprès fin");
    expect(cleanText("a\r\nb\rc🎓")).toBe("a\nb\nc🎓");
  });
});

describe("python-docx", () => {
  let dump: Dump;
  beforeAll(() => {
    dump = JSON.parse(execFileSync(DEBIAN_PYTHON, [DUMP, docxPath], { encoding: "utf-8" })) as Dump;
  });

  test("headings have Word's heading styles", () => {
    const styled = (style: string) => dump.paragraphs.filter((p) => p.style === style).map((p) => p.text);
    expect(styled("Heading 1")).toEqual(["Critère 1 — Pilotage", "Critère 2 — Parcours"]);
    expect(styled("Heading 2")).toEqual(["Fiche 1", "Fiche 2"]);
    expect(styled("Heading 3")).toEqual(["Détail 1", "Détail 2"]);
    expect(styled("Title")).toEqual(["Dossier de labellisation"]);
    expect(styled("Subtitle")).toEqual(["Lycée professionnel Jean Moulin"]);
    expect(styled("List Bullet")).toEqual(["Premier point", "Second point"]);
  });

  test("the table of contents lists the level 1 and 2 headings before any refresh", () => {
    const i = dump.paragraphs.findIndex((p) => p.text === "Sommaire");
    expect(dump.paragraphs[i].style).toBe("TOC Heading");
    expect(dump.paragraphs.slice(i + 1, i + 5)).toEqual([
      { style: "toc 1", text: "Critère 1 — Pilotage" },
      { style: "toc 2", text: "Fiche 1" },
      { style: "toc 1", text: "Critère 2 — Parcours" },
      { style: "toc 2", text: "Fiche 2" },
    ]);
  });

  test("every table cell reads back as the model wrote it", () => {
    const tables = MODEL.blocks.filter((b): b is Table => b.kind === "table");
    expect(dump.tables).toHaveLength(tables.length);
    tables.forEach((table, t) => {
      const expected = table.rows.map((row) =>
        row.map((cell) => cleanText(cell.paragraphs.map((p) => p.runs.map((r) => r.text).join("")).join("\n"))),
      );
      expect(dump.tables[t].map((row) => row.map((c) => c.text))).toEqual(expected);
    });
    expect(dump.tables[0][0]).toEqual([{ text: "Fiche du critère 1", span: 2 }]);
    expect(dump.tables[0].flat().map((c) => c.text)).toContain("Avantaprès fin");
    expect(dump.tables[0].flat().map((c) => c.text)).toContain(LONG);
  });

  test("hostile texts come back literally", () => {
    const texts = dump.paragraphs.map((p) => p.text);
    for (const h of HOSTILE) expect(texts).toContain(h);
  });

  test("properties, header and footer", () => {
    expect(dump.core.title).toBe(MODEL.title);
    expect(dump.core.author).toBe(MODEL.author);
    expect(dump.core.created).toBe("2025-09-01T08:30:00");
    expect(dump.sections).toHaveLength(1);
    const [section] = dump.sections;
    expect(section).toMatchObject({ header: MODEL.header, different_first_page: true, first_page_header: "" });
    expect(section.footer).toBe(`${MODEL.footer}\tPage 1 / 1`);
    expect(section.first_page_footer).toBe(section.footer);
  });
});

describe("LibreOffice", () => {
  test("converts it to a PDF showing headings, cells, missing marks and page numbers", () => {
    const profile = mkdtempSync(join(tmpdir(), "ldm-soffice-"));
    const out = join(dir, "pdf");
    const args = [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", out];
    const run = spawnSync("soffice", [...args, docxPath], { encoding: "utf-8", timeout: 110_000 });
    rmSync(profile, { recursive: true, force: true });
    expect(run.status).toBe(0);
    const pdf = join(out, "dossier.pdf");
    // soffice says « source file could not be loaded » and exits 0 when Writer is not installed.
    if (!existsSync(pdf))
      throw new Error(`no PDF (is libreoffice-writer-nogui installed?): ${run.stdout} ${run.stderr}`);
    const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf-8" });
    for (const s of ["Critère 1 — Pilotage", "Fiche 2", "Sommaire", "Axe 1.1 — Accueil", "À compléter"])
      expect(text).toContain(s);
    expect(text).toMatch(/Page 1 \/ \d+/);
    expect(text).toContain("<script>alert(1)</script>");
    // The cover has no header; the contents page lists the headings before any refresh.
    const pages = text.split("\f");
    expect(pages[0]).not.toContain(MODEL.header);
    expect(pages[1]).toContain(MODEL.header);
    for (const entry of ["Critère 1 — Pilotage", "Fiche 1", "Critère 2 — Parcours", "Fiche 2"])
      expect(pages[1]).toContain(entry);
  }, 120_000);
});

describe("WordprocessingML element order (tests/helpers/wml_order.py: the schema's sequences, written out)", () => {
  const ORDER = join(__dirname, "../helpers/wml_order.py");
  const check = (file: string) => spawnSync(DEBIAN_PYTHON, [ORDER, file], { encoding: "utf-8" });
  const RICH: DocumentModel = {
    ...MODEL,
    blocks: [
      ...MODEL.blocks,
      { kind: "page-break", orientation: "landscape" },
      { kind: "heading", level: 1, text: "Annexe large" },
      {
        kind: "table",
        columns: [1, 1, 1],
        headerRows: 1,
        rows: [
          [
            { paragraphs: [paragraph("A")], label: true, merge: "restart" },
            { paragraphs: [paragraph("B")], span: 2 },
          ],
          [
            { paragraphs: [], merge: "continue" },
            {
              paragraphs: [
                {
                  kind: "paragraph",
                  runs: [
                    { text: "voir " },
                    { text: "https://exemple.fr/a?b=1&c=2", link: "https://exemple.fr/a?b=1&c=2" },
                  ],
                },
              ],
            },
            {
              paragraphs: [{ kind: "paragraph", runs: [{ text: "javascript:alert(1)", link: "javascript:alert(1)" }] }],
            },
          ],
        ],
      },
    ],
  };

  test("every part of the writer's output is in the schema's order; links external, http(s) only", () => {
    const file = join(dir, "rich.docx");
    writeFileSync(file, writeDocx(RICH, { created: CREATED, tocPages: [3, 3, 4, 4, 5] }));
    const r = check(file);
    expect(r.stdout).toMatch(/^ok \d+ elements\n$/);
    expect(r.status).toBe(0);
    const parts = unzipSync(writeDocx(RICH, { created: CREATED }));
    const rels = strFromU8(parts["word/_rels/document.xml.rels"]);
    expect(rels.match(/TargetMode="External"/g)).toHaveLength(1);
    expect(rels).toContain('Target="https://exemple.fr/a?b=1&amp;c=2" TargetMode="External"');
    const xml = strFromU8(parts["word/document.xml"]);
    expect(xml).not.toContain('r:id="rIdLink2"');
    expect(xml).toContain("javascript:alert(1)");
    // Two sections: portrait (ended in the break's paragraph, with the cover's first-page footer), then landscape.
    expect(xml.match(/<w:sectPr>/g)).toHaveLength(2);
    expect(xml).toMatch(
      /<w:titlePg\/><\/w:sectPr><\/w:pPr><\/w:p>.*<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>.*<\/w:body>/,
    );
    expect(xml).toContain('<w:gridCol w:w="4857"/>');
  });

  test("the check catches an element out of order", () => {
    const parts = unzipSync(writeDocx(RICH, { created: CREATED }));
    const xml = strFromU8(parts["word/document.xml"]).replace(
      "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>",
      "<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>",
    );
    const file = join(dir, "swapped.docx");
    writeFileSync(file, zipSync({ ...parts, "word/document.xml": strToU8(xml) }));
    const r = check(file);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      "word/document.xml: in <w:trPr>, <w:cantSplit> comes after an element that must follow it",
    );
  });
});
