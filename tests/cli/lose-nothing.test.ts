/**
 * Nothing a school made is replaced without an explicit word: the real bin, in a child process, on real
 * files (a filled workbook, a read-only one, a workbook that is not ours from the real-world corpus).
 */
import { execFileSync, spawnSync } from "child_process";
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from "fs";
import { createHash } from "crypto";
import { tmpdir } from "os";
import * as path from "path";
import { REAL_WORLD_XLSX, REPO } from "../helpers/paths";
import { editWithOpenpyxl, openpyxlDump } from "../helpers/python";

const BIN = path.join(REPO, "bin/ldm-fiches.js");
const dir = mkdtempSync(path.join(tmpdir(), "ldm-keep-"));
const NOT_OURS = "ce classeur n'est pas un classeur de fiches Fiches LDM";

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const digest = (f: string) =>
  createHash("sha256")
    .update(readFileSync(path.join(dir, f)))
    .digest("hex");
const mode = (f: string) => statSync(path.join(dir, f)).mode & 0o777;

beforeAll(() => {
  execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: REPO, stdio: "pipe" });
  expect(run(["generate", "--uai", "0040007L", "--audit-year", "2028", "--out", "fiches.xlsx"]).code).toBe(0);
  // The team's work, typed through an independent writer.
  editWithOpenpyxl(path.join(dir, "fiches.xlsx"), [
    "c2 = wb[[n for n in wb.sheetnames if n.startswith('C2 ')][0]]",
    "c2['C10'] = 'Tutorat des élèves de seconde'",
    "c2['D10'] = 'Nombre de partenaires'",
    "c2['E10'] = 'beaucoup'",
  ]);
}, 120_000);

test("generate never replaces an existing workbook unless --force is said", () => {
  const before = digest("fiches.xlsx");
  const r = run(["generate", "--out", "fiches.xlsx"]);
  expect(r.code).toBe(2);
  expect(r.out).toBe("");
  expect(r.err).toBe(
    "« fiches.xlsx » existe déjà : generate ne remplace pas un classeur (tout ce qui y est saisi serait perdu). " +
      "Choisissez un autre --out, remettez-le en état avec update, ou ajoutez --force pour le remplacer.\n",
  );
  expect(digest("fiches.xlsx")).toBe(before);
  // The default output name is protected the same way.
  copyFileSync(path.join(dir, "fiches.xlsx"), path.join(dir, "fiches-amelioration-ldm.xlsx"));
  expect(run(["generate"]).code).toBe(2);
  expect(digest("fiches-amelioration-ldm.xlsx")).toBe(before);
  // The explicit word replaces it.
  const forced = run(["generate", "--out", "fiches-amelioration-ldm.xlsx", "--force"]);
  expect(forced.code).toBe(0);
  expect(digest("fiches-amelioration-ldm.xlsx")).not.toBe(before);
});

test("a read-only workbook is refused by update and by generate --force, untouched, permissions kept", () => {
  copyFileSync(path.join(dir, "fiches.xlsx"), path.join(dir, "lecture-seule.xlsx"));
  chmodSync(path.join(dir, "lecture-seule.xlsx"), 0o444);
  const before = digest("lecture-seule.xlsx");
  const message =
    "« lecture-seule.xlsx » est en lecture seule : il n'a pas été modifié. Ôtez la lecture seule ou choisissez un autre fichier de sortie (--out).\n";
  const u = run(["update", "lecture-seule.xlsx", "--audit-year", "2029"]);
  expect([u.code, u.err, u.out]).toEqual([2, message, ""]);
  const g = run(["generate", "--out", "lecture-seule.xlsx", "--force"]);
  expect([g.code, g.err]).toEqual([2, message]);
  expect(digest("lecture-seule.xlsx")).toBe(before);
  expect(mode("lecture-seule.xlsx")).toBe(0o444);
  // A writable file keeps its permissions through the temporary-file-and-rename write.
  copyFileSync(path.join(dir, "fiches.xlsx"), path.join(dir, "partage.xlsx"));
  chmodSync(path.join(dir, "partage.xlsx"), 0o640);
  expect(run(["update", "partage.xlsx", "--audit-year", "2029"]).code).toBe(0);
  expect(mode("partage.xlsx")).toBe(0o640);
  expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
});

test("a workbook that is not ours: check and report say so (exit 2), update refuses unless --convert", () => {
  copyFileSync(path.join(REAL_WORLD_XLSX, "gold.xlsx"), path.join(dir, "budget.xlsx"));
  const before = digest("budget.xlsx");
  const c = run(["check", "budget.xlsx"]);
  expect([c.code, c.out, c.err]).toEqual([2, "", `budget.xlsx : ${NOT_OURS} (utilisez generate).\n`]);
  const r = run(["report", "budget.xlsx", "--out", "bilan.html"]);
  expect([r.code, r.err]).toEqual([2, `budget.xlsx : ${NOT_OURS} (utilisez generate) ; aucun bilan écrit.\n`]);
  expect(existsSync(path.join(dir, "bilan.html"))).toBe(false);
  const u = run(["update", "budget.xlsx"]);
  expect(u.code).toBe(2);
  expect(u.err).toMatch(new RegExp(`^budget\\.xlsx : ${NOT_OURS} ; update n'y a rien écrit\\. .*--convert.*\\n$`));
  expect(digest("budget.xlsx")).toBe(before);
  // Asked explicitly, update converts it: the school's own sheets stay, ours are added.
  const foreign = openpyxlDump(path.join(dir, "budget.xlsx"), []).sheets.map((s) => s.title);
  const conv = run(["update", "budget.xlsx", "--convert", "--out", "converti.xlsx"]);
  expect(conv.code).toBe(0);
  const after = openpyxlDump(path.join(dir, "converti.xlsx"), []).sheets.map((s) => s.title);
  expect(after).toEqual(expect.arrayContaining([...foreign, "Paramètres", "Synthèse", "C1 Offre de formations"]));
  expect(run(["check", "converti.xlsx"]).err).toBe("");
});

test("the command line as people expect it: --version, COMMAND --help, --sheet C2, French rule labels", () => {
  const pkg = JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as { version: string };
  expect(run(["--version"])).toEqual({ code: 0, out: `ldm-fiches ${pkg.version}\n`, err: "" });
  const help = run(["update", "--help"]);
  expect(help.code).toBe(0);
  expect(help.out).toMatch(/^Utilisation : ldm-fiches update/);
  expect(help.out).toContain("--convert");
  expect(help.out).not.toContain("generate [");
  const c2 = run(["check", "fiches.xlsx", "--sheet", "C2", "--json"]);
  const [report] = JSON.parse(c2.out) as { findings: { sheet: string }[] }[];
  expect(new Set(report.findings.map((f) => f.sheet))).toEqual(new Set(["C2 Publics différents"]));
  const human = run(["check", "fiches.xlsx", "--sheet", "c2"]).out;
  // The cell is printed once, and the rule in words beside its stable id.
  expect(human).toMatch(/⚠ A10:G10 +Ligne 10 incomplète.*\[ligne incomplète · row-incomplete\]/);
  expect(human).toMatch(/✖ E10 +« beaucoup » ne convient pas.*\[valeur d'un autre type · value-type\]/);
  expect(human).not.toMatch(/E10 +E10/);
  const synth = run(["check", "fiches.xlsx", "--sheet", "Synthèse"]);
  expect(synth.code).toBe(2);
  expect(synth.err).toBe(
    "fiches.xlsx : « Synthèse » n'est pas une fiche critère ni Paramètres : rien à y vérifier (--sheet C1 … C8, ou sans --sheet pour tout le classeur).\n",
  );
});
