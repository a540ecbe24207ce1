#!/usr/bin/env node
"use strict";
// Output piped into a program that stops reading (« | head ») ends the command quietly, as other tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    if (e && e.code === "EPIPE") process.exit(process.exitCode || 0);
    throw e;
  });
}
let cli;
try {
  cli = require("../dist-cli/cli/main.js");
} catch {
  process.stderr.write("ldm-fiches n'est pas compilé : lancez « npm run build:cli » (ou « npm ci »).\n");
  process.exit(2);
}
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`Erreur inattendue : ${e && e.message ? e.message : e}\n`);
    process.exitCode = 2;
  },
);
