/** `ldm-fiches generate`, run as a user runs it: the real bin, in a child process. */
import { execFileSync, spawnSync } from "child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { REPO } from "../helpers/paths";
import { openpyxlDump } from "../helpers/python";

const BIN = path.join(REPO, "bin/ldm-fiches.js");

beforeAll(() => {
  execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: REPO, stdio: "pipe" });
});

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test("default output name, a valid workbook openpyxl opens", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "ldm-cli-"));
  const r = run(["generate", "--uai", "0040007L", "--audit-year", "2028"], dir);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/^Classeur écrit : fiches-amelioration-ldm\.xlsx \(8 fiches critères/);
  const dump = openpyxlDump(path.join(dir, "fiches-amelioration-ldm.xlsx"), ["Paramètres"]);
  const params = dump.sheets[0].cells ?? {};
  expect(params.B4).toBe("0040007L — LYCEE PROFESSIONNEL LYCEE DES METIERS BEAU DE ROCHAS (DIGNE LES BAINS)");
  expect(params.B7).toBe(2028);
});

test.each([
  [["generate", "--uai", "0040007A"], "UAI « 0040007A » : la lettre de contrôle devrait être « L »."],
  [["generate", "--uai", "12345"], "UAI « 12345 » mal formé : 7 chiffres puis une lettre attendus (ex. 0130064Z)."],
  [
    ["generate", "--audit-year", "2031"],
    "L'année de l'audit 2031 est hors de la période du label : entre 2026 et 2030 pour l'année de référence 2025.",
  ],
  [
    ["generate", "--audit-year", "2025"],
    "L'année de l'audit 2025 est hors de la période du label : entre 2026 et 2030 pour l'année de référence 2025.",
  ],
  [
    ["generate", "--audit-year", "deux-mille"],
    "--audit-year : « deux-mille » n'est pas une année (4 chiffres attendus, ex. 2028).",
  ],
  [["generate", "--bogus"], "Option inconnue : --bogus (voir ldm-fiches --help)."],
  [
    ["frobnicate"],
    "Commande inconnue : frobnicate. Commandes : generate, check, update, report, dossier, academie (ldm-fiches --help).",
  ],
])("bad input %j: one French line, exit 2, no file", (args, message) => {
  const dir = mkdtempSync(path.join(tmpdir(), "ldm-cli-"));
  const r = run(args, dir);
  expect(r.code).toBe(2);
  expect(r.err).toBe(message + "\n");
  expect(r.out).toBe("");
  expect(readdirSync(dir)).toEqual([]);
});

test("an unwritable path: exit 2, one line, no partial file left behind", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "ldm-cli-"));
  const r1 = run(["generate", "--out", path.join(dir, "absent", "f.xlsx")], dir);
  expect(r1.code).toBe(2);
  expect(r1.err).toMatch(/^Impossible d'écrire « .*f\.xlsx » : fichier ou dossier introuvable\.\n$/);
  if (process.getuid && process.getuid() !== 0) {
    chmodSync(dir, 0o500);
    const r2 = run(["generate", "--out", path.join(dir, "f.xlsx")], dir);
    expect(r2.code).toBe(2);
    chmodSync(dir, 0o700);
  }
  // A directory stands where the file should go: the rename fails and the temporary file is removed.
  mkdirSync(path.join(dir, "y.xlsx"));
  const r3 = run(["generate", "--out", path.join(dir, "y.xlsx")], dir);
  expect(r3.code).toBe(2);
  expect(r3.err).toMatch(/^Impossible d'écrire « .*y\.xlsx » : /);
  expect(readdirSync(dir)).toEqual(["y.xlsx"]);
  expect(readdirSync(path.join(dir, "y.xlsx"))).toEqual([]);
});
