/**
 * A workbook edited in LibreOffice Calc as a person does (through its UNO bridge: rows inserted, a cell typed),
 * then `check` and `update` run as a user runs them. LibreOffice moves what is below inserted rows, as Excel.
 */
import { execFileSync, spawnSync } from "child_process";
import { copyFileSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { REPO } from "../helpers/paths";
import { openpyxlDump, SYSTEM_PYTHON } from "../helpers/python";

const BIN = path.join(REPO, "bin/ldm-fiches.js");
const dir = mkdtempSync(path.join(tmpdir(), "ldm-lo-"));
const C2 = "C2 Publics différents";

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function editInLibreOffice(from: string, to: string, ...actions: string[]): void {
  execFileSync(
    SYSTEM_PYTHON,
    [path.join(REPO, "tests/helpers/libreoffice_edit.py"), from, to, path.join(dir, "lo-profile"), ...actions],
    { cwd: dir, stdio: "pipe", timeout: 120_000 },
  );
}

interface Report {
  findings: { rule: string; sheet: string; cell: string; message: string }[];
}

beforeAll(() => {
  execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: REPO, stdio: "pipe" });
  expect(
    run(["generate", "--uai", "0040007L", "--head", "Mme Dupont", "--audit-year", "2028", "--out", "f.xlsx"]).code,
  ).toBe(0);
  editInLibreOffice("f.xlsx", "lo.xlsx", "type:C1 :C10:Une action");
  // Three rows inserted above the header of C2, then a row typed in the moved table.
  editInLibreOffice("f.xlsx", "inseree.xlsx", "insert-rows:C2 :7:3", "type:C2 :C13:Notre action");
}, 240_000);

test("after a LibreOffice save, update repairs only what check reported (its drop-downs carry a « 0 » second formula)", () => {
  const check = JSON.parse(run(["check", "lo.xlsx", "--json"]).out) as Report[];
  const structural = check[0].findings.filter((f) => f.rule === "validation-missing");
  expect(structural).toEqual([]);
  copyFileSync(path.join(dir, "lo.xlsx"), path.join(dir, "lo-maj.xlsx"));
  const r = run(["update", "lo-maj.xlsx"]);
  expect(r.code).toBe(0);
  expect(r.out).not.toMatch(/listes? déroulantes? restaurées?/);
});

test("rows inserted above a fiche's table in LibreOffice: check says nothing false, update writes no second header", () => {
  const check = JSON.parse(run(["check", "inseree.xlsx", "--json"]).out) as Report[];
  const onC2 = check[0].findings.filter((f) => f.sheet === C2);
  // The typed row is seen where it is now; nothing about the product's own header or drop-downs.
  expect(onC2.map((f) => `${f.rule} ${f.cell}`)).toEqual(["row-incomplete A13:G13"]);
  copyFileSync(path.join(dir, "inseree.xlsx"), path.join(dir, "inseree-maj.xlsx"));
  const r = run(["update", "inseree-maj.xlsx"]);
  expect(r.code).toBe(0);
  expect(r.out).not.toContain(C2);
  const dump = openpyxlDump(path.join(dir, "inseree-maj.xlsx"), [C2]);
  const c2 = dump.sheets.find((s) => s.title === C2);
  const cells = c2?.cells ?? {};
  const headers = Object.entries(cells).filter(([, v]) => v === "Intitulé de l'indicateur");
  expect(headers).toEqual([["D10", "Intitulé de l'indicateur"]]);
  expect(cells.C13).toBe("Notre action");
  expect(c2?.merged).not.toContain("D9:F9");
  expect(c2?.validations.map((v) => v.sqref).sort()).toEqual(["A13:A112", "B13:B112", "I13:I112", "J13:J112"]);
  expect(run(["update", "inseree-maj.xlsx"]).out).toMatch(/rien à mettre à jour/);
});
