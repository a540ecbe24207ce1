/**
 * A URL typed as evidence (column S of a fiche) is a hyperlink in Excel and LibreOffice: a `<hyperlink r:id>` in
 * the sheet part and an external relationship in the sheet's .rels. The update repairs the sheet and keeps it.
 */
import { execFileSync } from "child_process";
import { strFromU8, unzipSync } from "fflate";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { updateUseCase } from "../../../src/app/update";
import { buildBlueprint } from "../../../src/domain/blueprint/build";
import { blueprintToXlsx } from "../../../src/workbook/xlsx/generate";
import { xlsxSession } from "../../../src/workbook/xlsx/session";
import { REPO } from "../../helpers/paths";
import { editWithOpenpyxl, SYSTEM_PYTHON } from "../../helpers/python";
import { ESTABLISHMENTS } from "../../helpers/establishments";

const LINK = "https://ent.example.fr/compte-rendu.pdf";
const STATUS = "I10:I109";
const dir = mkdtempSync(path.join(tmpdir(), "ldm-link-"));

interface Link {
  value: unknown;
  target: string | null;
  validations: string[];
}

/** What openpyxl reads of S10 and of the drop-downs on the C1 sheet. */
function readLink(file: string): Link {
  const script = [
    "import sys, json, warnings",
    "warnings.simplefilter('ignore')",
    "import openpyxl",
    "wb = openpyxl.load_workbook(sys.argv[1])",
    "ws = wb[[n for n in wb.sheetnames if n.startswith('C1 ')][0]]",
    "c = ws['S10']",
    "print(json.dumps({",
    "    'value': c.value,",
    "    'target': c.hyperlink.target if c.hyperlink else None,",
    // LibreOffice saves « all values » as a validation of type none: no drop-down.
    "    'validations': sorted(str(v.sqref) for v in ws.data_validations.dataValidation if v.type not in (None, 'none')),",
    "}))",
  ].join("\n");
  return JSON.parse(execFileSync(SYSTEM_PYTHON, ["-c", script, file], { encoding: "utf8" })) as Link;
}

/** The sheet part holding the hyperlink, and its relationships part's text (the link's target is there). */
function linkParts(file: string): { sheet: string; rels: string } {
  const parts = unzipSync(new Uint8Array(readFileSync(file)));
  const relsName = Object.keys(parts).find(
    (n) => n.startsWith("xl/worksheets/_rels/") && strFromU8(parts[n]).includes(LINK),
  );
  if (!relsName) throw new Error("aucune relation vers le lien");
  const sheetName = relsName.replace("_rels/", "").replace(/\.rels$/, "");
  return { sheet: strFromU8(parts[sheetName]), rels: strFromU8(parts[relsName]) };
}

/** The link survived: same relationships part, byte for byte, and `<hyperlinks>` after the drop-downs (CT_Worksheet). */
function expectLinkKept(before: { sheet: string; rels: string }, file: string): void {
  const after = linkParts(file);
  expect(after.rels).toBe(before.rels);
  const link = (xml: string) => /<hyperlink\b[^>]*\bref="S10"[^>]*\/>/.exec(xml)?.[0];
  expect(link(before.sheet)).toBeDefined();
  expect(link(after.sheet)).toBe(link(before.sheet));
  expect(after.sheet.indexOf("<hyperlinks>")).toBeGreaterThan(after.sheet.indexOf("</dataValidations>"));
  expect(after.sheet.indexOf("</dataValidations>")).toBeGreaterThan(0);
}

/** `ldm-fiches update` on the file, through the same use case and .xlsx session; returns what it said. */
async function update(file: string): Promise<readonly string[]> {
  const session = xlsxSession(new Uint8Array(readFileSync(file)));
  const { lines } = await updateUseCase(session, { establishments: ESTABLISHMENTS });
  const written = session.written();
  if (written) writeFileSync(file, written);
  return lines;
}

let generated: string;

beforeAll(async () => {
  generated = path.join(dir, "fiches.xlsx");
  writeFileSync(generated, await blueprintToXlsx(buildBlueprint({ establishments: ESTABLISHMENTS, auditYear: 2028 })));
});

/** The file has its link in S10 and a lost drop-down: the update restores the drop-down and keeps the link. */
async function expectUpdateKeepsLink(file: string): Promise<void> {
  const before = readLink(file);
  expect(before).toMatchObject({ value: LINK, target: LINK });
  expect(before.validations).not.toContain(STATUS);
  const parts = linkParts(file);
  expect((await update(file)).join("\n")).toMatch(/déroulante/);
  const after = readLink(file);
  expect(after).toMatchObject({ value: LINK, target: LINK });
  expect(after.validations).toContain(STATUS);
  expectLinkKept(parts, file);
}

test("a hyperlink made with openpyxl in S10 stays, same target and value, after an update that restores a drop-down", async () => {
  const file = path.join(dir, "openpyxl.xlsx");
  editWithOpenpyxl(
    generated,
    [
      "ws = wb[[n for n in wb.sheetnames if n.startswith('C1 ')][0]]",
      `ws['S10'] = '${LINK}'`,
      `ws['S10'].hyperlink = '${LINK}'`,
      `ws.data_validations.dataValidation = [v for v in ws.data_validations.dataValidation if str(v.sqref) != '${STATUS}']`,
    ],
    file,
  );
  await expectUpdateKeepsLink(file);
});

test("a hyperlink made in LibreOffice Calc in S10 stays after the update", async () => {
  const file = path.join(dir, "libreoffice.xlsx");
  execFileSync(
    SYSTEM_PYTHON,
    [
      path.join(REPO, "tests/helpers/libreoffice_edit.py"),
      generated,
      file,
      path.join(dir, "lo-profile"),
      `link:C1 :S10:${LINK}`,
      `no-validation:C1 :${STATUS}`,
    ],
    { cwd: dir, stdio: "pipe", timeout: 120_000 },
  );
  await expectUpdateKeepsLink(file);
}, 180_000);
