/**
 * `ldm-fiches generate --academie NOM | --uai-file liste.csv --out-dir DOSSIER` (#28), through the real bin:
 * one workbook per school, each read equal to the one `generate --uai` writes, existing files kept without
 * --force, a bad list refused before anything is written.
 */
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { isDeepStrictEqual } from "util";
import { readXlsx } from "../../src/workbook/xlsx/read";
import { REPO } from "../helpers/paths";

const BIN = path.join(REPO, "bin/ldm-fiches.js");
const dir = mkdtempSync(path.join(tmpdir(), "ldm-genbatch-"));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: REPO, stdio: "pipe" });
}, 120_000);

test("--uai-file: one workbook per line, equal to generate --uai's; kept without --force", () => {
  writeFileSync(
    path.join(dir, "liste.csv"),
    "UAI;année de l'audit;chef d'établissement\r\n0040007L;2028;Mme Dupont\r\n\r\n0040011r;;\r\n0040003G;2029;M. Martin & Cie\r\n",
  );
  const r = run(["generate", "--uai-file", "liste.csv", "--out-dir", "lot", "--audit-year", "2030"]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  expect(r.out).toBe("3 classeur(s) écrit(s) dans lot.\n");
  const files = readdirSync(path.join(dir, "lot")).sort();
  expect(files).toEqual([
    "0040003G LYCEE GENERAL ANDRE HONNORAT.xlsx",
    "0040007L LYCEE PROFESSIONNEL LYCEE DES METIERS BEAU DE ROCHAS.xlsx",
    expect.stringMatching(/^0040011R LYCEE PROFESSIONNEL LOUIS MARTIN BRET .*\.xlsx$/),
  ]);
  const cases: [string, string[]][] = [
    [files[0], ["--uai", "0040003G", "--audit-year", "2029", "--head", "M. Martin & Cie"]],
    [files[1], ["--uai", "0040007L", "--audit-year", "2028", "--head", "Mme Dupont"]],
    [files[2], ["--uai", "0040011R", "--audit-year", "2030"]],
  ];
  for (const [file, options] of cases) {
    expect(run(["generate", ...options, "--out", "un.xlsx", "--force"]).code).toBe(0);
    const one = readXlsx(readFileSync(path.join(dir, "un.xlsx")));
    const batch = readXlsx(readFileSync(path.join(dir, "lot", file)));
    expect(isDeepStrictEqual(batch, one)).toBe(true);
  }
  // Run again: nothing replaced; with --force, replaced.
  const before = statSync(path.join(dir, "lot", files[0])).mtimeMs;
  const again = run(["generate", "--uai-file", "liste.csv", "--out-dir", "lot"]);
  expect(again.code).toBe(0);
  expect(again.out).toMatch(/^3 classeur\(s\) déjà présent\(s\), gardé\(s\) \(--force pour les remplacer\)/);
  expect(again.out).toMatch(/\n0 classeur\(s\) écrit\(s\) dans lot\.\n$/);
  expect(statSync(path.join(dir, "lot", files[0])).mtimeMs).toBe(before);
  const forced = run(["generate", "--uai-file", "liste.csv", "--out-dir", "lot", "--force"]);
  expect(forced.out).toBe("3 classeur(s) écrit(s) dans lot.\n");
});

test("--academie: every LP/LPO of the académie, through the workers; a bad list writes nothing", () => {
  const r = run(["generate", "--academie", "guadeloupe", "--out-dir", "gp", "--audit-year", "2028"]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  expect(r.out).toBe("21 classeur(s) écrit(s) dans gp.\n");
  const files = readdirSync(path.join(dir, "gp"));
  expect(files).toHaveLength(21);
  expect(files.every((f) => /^97\d{5}[A-Z]( .+)?\.xlsx$/.test(f))).toBe(true);
  const check = spawnSync(process.execPath, [BIN, "check", "--json", ...files], {
    cwd: path.join(dir, "gp"),
    encoding: "utf8",
  });
  const reports = JSON.parse(check.stdout) as { readable: boolean }[];
  expect(reports.every((x) => x.readable)).toBe(true);
  // The académie's table over them, read by the workers too: every school, none missing.
  const table = spawnSync(
    process.execPath,
    [BIN, "academie", ...files, "--out", "../gp.xlsx", "--academie", "Guadeloupe"],
    {
      cwd: path.join(dir, "gp"),
      encoding: "utf8",
    },
  );
  expect(table.stdout).toMatch(
    / — 21 établissement\(s\), 0 fichier\(s\) non lu\(s\) .*, 0 établissement\(s\) de l'académie sans classeur\.\n$/,
  );

  writeFileSync(path.join(dir, "mauvaise.csv"), "0040007L;2028;A\n0040007X;2028;B\n");
  const bad = run(["generate", "--uai-file", "mauvaise.csv", "--out-dir", "rien"]);
  expect(bad.code).toBe(2);
  expect(bad.err).toMatch(/^mauvaise\.csv : ligne 2 : .*Rien n'a été écrit\.\n$/);
  expect(existsSync(path.join(dir, "rien"))).toBe(false);
  const both = run(["generate", "--academie", "corse", "--uai", "0040007L", "--out-dir", "x"]);
  expect(both.code).toBe(2);
});
