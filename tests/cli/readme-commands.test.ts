/**
 * The README's list of commands is the table's (#26, « one command table from which --help, CMD --help, dispatch
 * and the README's list are produced »): the block between the README's markers is `ldm-fiches --help` as the table
 * prints it (written by scripts/readme-commands.js), and the examples above it use the table's commands, each one.
 */
import { readFileSync } from "fs";
import { COMMANDS, USAGE } from "../../src/cli/main";

const script = require("../../scripts/readme-commands.js") as {
  README: string;
  BEGIN: string;
  END: string;
  withUsage(readme: string, usage: string): string;
};

const readme = readFileSync(script.README, "utf8");
const names = Object.keys(COMMANDS);

test("the README's list of commands is « ldm-fiches --help », from the table (else: node scripts/readme-commands.js)", () => {
  const block = (s: string) => s.slice(s.indexOf(script.BEGIN), s.indexOf(script.END));
  expect(block(readme)).toBe(block(script.withUsage(readme, USAGE)));
});

test("the README's list names the table's commands, in its order", () => {
  const block = readme.slice(readme.indexOf(script.BEGIN), readme.indexOf(script.END));
  const listed = [...block.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]);
  expect([...new Set(listed)]).toEqual(names);
});

test("the README's examples use the table's commands, and each of them", () => {
  const section = readme.slice(readme.indexOf("### En ligne de commande"), readme.indexOf(script.BEGIN));
  const used = [...section.matchAll(/^ldm-fiches (\S+)/gm)].map((m) => m[1]);
  expect(used.filter((u) => u !== "--version" && !names.includes(u))).toEqual([]);
  expect(names.filter((n) => !used.includes(n))).toEqual([]);
});

test("a table that changed makes the README stale: the check sees it", () => {
  const changed = USAGE.replace("  report FICHIER", "  report FICHIER [--nouvelle]");
  const block = (s: string) => s.slice(s.indexOf(script.BEGIN), s.indexOf(script.END));
  expect(block(script.withUsage(readme, changed))).not.toBe(block(readme));
});
