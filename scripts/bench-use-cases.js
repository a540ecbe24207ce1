#!/usr/bin/env node
/*
 * The use cases' time on a filled workbook (8 × 100 rows): « Vérifier tout le classeur », « Mettre à jour »
 * (nothing to do) and « Préparer le dossier », through src/app on an in-memory session (no I/O), median of 5
 * after one warm-up. With the read model's counter (#26), how many times each built it.
 * `node scripts/bench-use-cases.js [OUT]`: OUT is a tree compiled by tsconfig.bench.json (default .bench-out),
 * so that the same measure runs on an older commit's tree (before → after).
 */
const path = require("path");

function benchUseCases(out = path.resolve(__dirname, "..", ".bench-out")) {
  // Handed in since #26 (an older tree's registry fills itself on import and ignores the option).
  const establishments = require(path.join(out, "src/domain/establishments/all.js")).ESTABLISHMENTS;
  const { checkUseCase } = require(path.join(out, "src/app/check.js"));
  const { updateUseCase } = require(path.join(out, "src/app/update.js"));
  const { dossierUseCase } = require(path.join(out, "src/app/dossier.js"));
  const { freshWorkbook, fillParameters, fillRow } = require(path.join(out, "tests/helpers/workbooks.js"));
  let counter;
  try {
    counter = require(path.join(out, "src/domain/workbook-as-read.js")).readModelBuilds;
  } catch {
    counter = undefined; // before #26: no read model
  }
  const wb = fillParameters(freshWorkbook({ auditYear: 2028 }));
  for (let n = 1; n <= 8; n++) for (let r = 10; r <= 109; r++) fillRow(wb, n, r);
  const session = { read: async () => ({ snapshot: wb }), apply: async () => {} };
  const today = new Date("2026-03-12");
  const cases = [
    ["check (tout le classeur)", () => checkUseCase(session, { today, establishments })],
    ["update (rien à faire)", () => updateUseCase(session, { establishments })],
    ["dossier (version de travail)", () => dossierUseCase(session, { today, establishments })],
  ];
  return (async () => {
    const rows = [];
    for (const [name, run] of cases) {
      await run();
      const times = [];
      let builds;
      for (let i = 0; i < 5; i++) {
        const before = counter?.count;
        const t0 = process.hrtime.bigint();
        await run();
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (counter) builds = counter.count - before;
      }
      times.sort((a, b) => a - b);
      rows.push({ "cas d'usage": name, "médiane (ms)": times[2].toFixed(1), "modèle lu construit": builds ?? "—" });
    }
    return rows;
  })();
}

if (require.main === module)
  benchUseCases(process.argv[2] && path.resolve(process.argv[2])).then(
    (rows) => console.table(rows),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );

module.exports = { benchUseCases };
