#!/usr/bin/env node
// The README's list of commands (« ldm-fiches --help ») comes from the one table of commands, src/cli/main.ts
// (COMMANDS): this script writes it between the README's two markers; tests/cli/readme-commands.test.ts fails
// when they differ. After a change to the table: npm run build:cli && node scripts/readme-commands.js
"use strict";
const fs = require("fs");
const path = require("path");

const README = path.join(__dirname, "..", "README.md");
const BEGIN = "<!-- commandes : début (node scripts/readme-commands.js, d'après src/cli/main.ts) -->";
const END = "<!-- commandes : fin -->";

/** The README's text with `usage` between the markers. */
function withUsage(readme, usage) {
  const a = readme.indexOf(BEGIN);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md : marqueurs « ${BEGIN} » … « ${END} » introuvables.`);
  return `${readme.slice(0, a + BEGIN.length)}\n\n\`\`\`text\n${usage}\n\`\`\`\n\n${readme.slice(b)}`;
}

module.exports = { README, BEGIN, END, withUsage };

if (require.main === module) {
  let usage;
  try {
    usage = require("../dist-cli/cli/main.js").USAGE;
  } catch {
    process.stderr.write("ldm-fiches n'est pas compilé : lancez « npm run build:cli ».\n");
    process.exit(2);
  }
  const before = fs.readFileSync(README, "utf8");
  const after = withUsage(before, usage);
  if (after !== before) fs.writeFileSync(README, after);
  process.stdout.write(
    after === before
      ? "README.md : la liste des commandes est à jour.\n"
      : "README.md : liste des commandes réécrite.\n",
  );
}
