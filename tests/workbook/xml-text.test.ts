/**
 * One XML text path for every writer: a control character XML 1.0 forbids (\x01, \x0b), typed on the
 * command line or already in a file (`&#1;`), never reaches a part of what generate, update or dossier write;
 * every part passes xmllint.
 */
import { spawnSync } from "child_process";
import { unzipSync, zipSync } from "fflate";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { REPO } from "../helpers/paths";

const BIN = path.join(REPO, "bin/ldm-fiches.js");
const dir = mkdtempSync(path.join(tmpdir(), "ldm-xmltext-"));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Each XML part of the package that xmllint refuses, with its first complaint. */
function refusedParts(file: string): string[] {
  const parts = unzipSync(readFileSync(path.join(dir, file)));
  const refused: string[] = [];
  for (const [name, bytes] of Object.entries(parts)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const r = spawnSync("xmllint", ["--noout", "-"], { input: bytes, encoding: "utf8" });
    if (r.status !== 0) refused.push(`${name}: ${r.stderr.split("\n")[0]}`);
  }
  return refused;
}

function partText(file: string, name: string): string {
  return Buffer.from(unzipSync(readFileSync(path.join(dir, file)))[name]).toString("utf8");
}

test("generate --head with \\x01 and \\x0b writes a package xmllint accepts, the name without them", () => {
  const r = run(["generate", "--uai", "0040007L", "--head", "Mme\x01 Du\x0bpont", "--out", "g.xlsx"]);
  expect(r.code).toBe(0);
  expect(refusedParts("g.xlsx")).toEqual([]);
  expect(partText("g.xlsx", "xl/worksheets/sheet1.xml")).toContain(">Mme Dupont<");
});

test("update of a file holding « &#1; » and « &#11; » in a typed cell writes them nowhere", () => {
  const parts = unzipSync(readFileSync(path.join(dir, "g.xlsx")));
  const sheet = Buffer.from(parts["xl/worksheets/sheet1.xml"]).toString("utf8");
  const damaged = sheet.replace(">Mme Dupont<", ">Mme&#1; Du&#11;pont<");
  expect(damaged).not.toBe(sheet);
  parts["xl/worksheets/sheet1.xml"] = new Uint8Array(Buffer.from(damaged, "utf8"));
  writeFileSync(path.join(dir, "u.xlsx"), zipSync(parts));
  // A new audit year makes the update rewrite Paramètres, the part that holds the cell.
  const r = run(["update", "u.xlsx", "--audit-year", "2029"]);
  expect([r.code, r.err]).toEqual([0, ""]);
  expect(refusedParts("u.xlsx")).toEqual([]);
  const after = partText("u.xlsx", "xl/worksheets/sheet1.xml");
  expect(after).toContain(">Mme Dupont<");
  expect(after).not.toMatch(/&#(1|11|x1|xb);/i);
});

test("the dossier of a workbook whose head of school holds \\x01 and \\x0b is a .docx xmllint accepts", () => {
  const r = run(["dossier", "g.xlsx", "--out", "d.docx"]);
  expect(r.err).toBe("");
  expect(refusedParts("d.docx")).toEqual([]);
});
