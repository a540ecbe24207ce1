/**
 * One table of commands: `--help`, `COMMAND --help` and the dispatch come from it, so a command cannot be
 * callable and missing from the help (`dossier --help` crashed while `dossier` was missing from the help table),
 * and an option the command does not know is refused, never read as a file name (`check -j` did).
 */
import { spawnSync } from "child_process";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { COMMANDS } from "../../src/cli/main";
import { REPO } from "../helpers/paths";

const BIN = path.join(REPO, "bin/ldm-fiches.js");
const dir = mkdtempSync(path.join(tmpdir(), "ldm-help-"));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const names = Object.keys(COMMANDS);

// The README's list is the table's: tests/cli/readme-commands.test.ts.
test("the table holds the six commands", () => {
  expect(names).toEqual(["generate", "check", "update", "report", "dossier", "academie"]);
});

test.each(names)("ldm-fiches %s --help prints its own help, exit 0", (name) => {
  const r = run([name, "--help"]);
  expect([r.code, r.err]).toEqual([0, ""]);
  expect(r.out.split("\n")[0]).toBe(`Utilisation : ldm-fiches ${name} [options]`);
  for (const line of COMMANDS[name].help) expect(r.out).toContain(line);
  expect(r.out).toContain("Codes de sortie");
});

test("ldm-fiches --help lists every command of the table", () => {
  const r = run(["--help"]);
  expect(r.code).toBe(0);
  for (const name of names) expect(r.out).toMatch(new RegExp(`^  ${name} `, "m"));
});

test("an unknown command names the table's commands", () => {
  const r = run(["verifier", "f.xlsx"]);
  expect(r.code).toBe(2);
  expect(r.err).toBe(`Commande inconnue : verifier. Commandes : ${names.join(", ")} (ldm-fiches --help).\n`);
});

test.each([
  [["check", "-j", "f.xlsx"], "-j"],
  [["update", "f.xlsx", "-o", "g.xlsx"], "-o"],
  [["check", "--jsn", "f.xlsx"], "--jsn"],
])("%j: an option the command does not know is refused in one line, not read as a file", (args, option) => {
  const r = run(args);
  expect(r.code).toBe(2);
  expect(r.out).toBe("");
  expect(r.err.split("\n")[0]).toMatch(new RegExp(`^Option inconnue : ${option} \\(voir ldm-fiches --help`));
  expect(r.err.trim().split("\n")).toHaveLength(1);
});

test("a file whose name starts with « - » is reached after « -- »", () => {
  const r = run(["check", "--", "-absent.xlsx"]);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/« -absent\.xlsx »/);
});
