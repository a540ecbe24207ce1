#!/usr/bin/env node
/*
 * `npm run bench`: each page's initial JavaScript (gzip) and the pane's throttled time to a first screen,
 * round trips and payloads on the in-memory Excel (each sync is a network trip on
 * Excel on the web), the domain's speed, and the update property test at 1,000 runs.
 * Figures are printed, not asserted: speed is measured here, never in a timed test.
 */
const { execFileSync } = require("child_process");
const path = require("path");

const root = path.resolve(__dirname, "..");
execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.bench.json"], {
  cwd: root,
  stdio: "inherit",
});
const out = path.join(root, ".bench-out");
// The establishments, handed to what compares with the whole blueprint (the pane loads them on demand).
const { ESTABLISHMENTS } = require(path.join(out, "src/domain/establishments/all.js"));
const { MemoryHost, emptyModel } = require(path.join(out, "src/excel-imitation/host.js"));
const { readSnapshot, queueSheet } = require(path.join(out, "src/workbook/office/adapter.js"));
const { planFromListing } = require(path.join(out, "src/domain/blueprint/read-plan.js"));
const { newSheet } = require(path.join(out, "src/excel-imitation/host.js"));
const { createWorkbookService } = require(path.join(out, "src/taskpane/services/workbook-service.js"));
const { checkWorkbook } = require(path.join(out, "src/domain/check/index.js"));
const { reconcile } = require(path.join(out, "src/domain/reconcile/index.js"));
const { buildBlueprint } = require(path.join(out, "src/domain/blueprint/build.js"));
const { prepareDossier } = require(path.join(out, "src/domain/dossier/index.js"));
const { readWorkbook } = require(path.join(out, "src/domain/workbook-as-read.js"));
const { writeDocx } = require(path.join(out, "src/documents/docx/write.js"));
const { freshWorkbook, fillParameters, fillRow } = require(path.join(out, "tests/helpers/workbooks.js"));

function kb(n) {
  return `${(n / 1024).toFixed(1)} Ko`;
}

/** Bytes with the French thousands separator: the request budget is 1,000,000 of them. */
function octets(n) {
  return `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ")} o`;
}

/**
 * Each operation's round trips on the in-memory Excel, every request serialized by Microsoft's own client
 * library (scripts/office-request-size.js, mirrorRun) — its largest request — and the largest answer (the
 * imitation's JSON of what was loaded).
 */
async function measured(host, client) {
  const rows = [];
  const measure = async (label, f) => {
    const s0 = host.syncCount;
    const c0 = host.contexts.length;
    client.syncs.length = 0;
    await f();
    const answers = host.contexts.slice(c0).flatMap((c) => c.responseBytes);
    rows.push({
      opération: label,
      syncs: host.syncCount - s0,
      "plus grosse requête (Office.js)": octets(Math.max(0, ...client.syncs.map((s) => s.bytes))),
      "plus grosse réponse": kb(Math.max(0, ...answers)),
    });
  };
  return { rows, measure };
}

function mirrored() {
  const host = new MemoryHost(emptyModel());
  const client = require("./office-request-size").mirrorRun(host.run);
  const service = createWorkbookService({ run: client.run, pageLayout: () => true, grouping: () => true });
  return { host, client, service };
}

async function roundTrips() {
  const { host, client, service } = mirrored();
  const { rows, measure } = await measured(host, client);
  await measure("générer", () => service.generate({ school: "0040007L — LYCEE", auditYear: 2028 }));
  await measure("vérifier (classeur vide)", () => service.check("workbook"));
  await measure("mettre à jour (intact)", () => service.update());
  for (const sheet of host.model.sheets.filter((s) => /^C\d /.test(s.name))) {
    for (let r = 10; r <= 109; r++) {
      for (const c of "ABCDEFG")
        sheet.cells.set(`${c}${r}`, { value: c >= "E" && c <= "F" ? r : `Texte ${c}${r} é’`, locked: false });
    }
  }
  await measure("vérifier (8 × 100 lignes remplies)", () => service.check("workbook"));
  const c3 = host.model.sheets.find((s) => s.name.startsWith("C3 "));
  c3.validations = [];
  host.model.sheets = host.model.sheets.filter((s) => !s.name.startsWith("C4 "));
  await measure("mettre à jour (C4 supprimée, listes de C3 perdues)", () => service.update(2029));
  await measure("lire l'instantané seul", () => client.run((ctx) => readSnapshot(ctx)));
  return rows;
}

/**
 * Issue #22's use cases, each request as Microsoft's library serializes it (budget: 1,000,000 bytes): generate,
 * then long texts in 8 × 100 rows and a sheet of the school's own (3,000 × 12) checked, then every sheet of
 * ours lost and recreated by an update. « avant #22 » : the same sequence measured the same way on 74ac83d.
 */
const BEFORE_22 = {
  générer: "3 syncs, 3 885 587 o",
  "vérifier (8 × 100 lignes + feuille 3 000 × 12)": "3 syncs, 64 659 o",
  "mettre à jour (toutes les feuilles recréées)": "3 syncs, 3 883 786 o",
};

async function requestBudget() {
  const { host, client, service } = mirrored();
  const { rows, measure } = await measured(host, client);
  await measure("générer", () => service.generate({ school: "0040007L — LYCEE", auditYear: 2028 }));
  const long = (r, c) => `Texte saisi par l'équipe, ligne ${r}, colonne ${c} — assez long pour peser.`;
  for (const s of host.model.sheets.filter((x) => /^C\d /.test(x.name)))
    for (let r = 10; r <= 109; r++)
      for (let c = 1; c <= 7; c++) s.cells.set(`${"ABCDEFG"[c - 1]}${r}`, { value: long(r, c), locked: false });
  const data = newSheet("Données élèves");
  for (let r = 1; r <= 3000; r++)
    for (let c = 0; c < 12; c++)
      data.cells.set(`${"ABCDEFGHIJKL"[c]}${r}`, { value: c % 2 ? r * 1.5 : `Élève ${r} — donnée ${c}`, locked: true });
  host.model.sheets.push(data);
  await measure("vérifier (8 × 100 lignes + feuille 3 000 × 12)", () => service.check("workbook"));
  host.model.sheets = host.model.sheets.filter((s) => s.name === "Feuil1" || s.name === data.name);
  host.model.names = [];
  host.model.activeSheet = 0;
  await measure("mettre à jour (toutes les feuilles recréées)", () => service.update());
  return rows.map((r) => ({ ...r, "avant #22": BEFORE_22[r.opération] }));
}

/** What the read before the bounded one asked: every used range of every sheet, four properties each. */
async function wholeRead(ctx) {
  const list = ctx.workbook.worksheets;
  list.load("items/name");
  await ctx.sync();
  for (const ws of list.items) {
    ctx.workbook.worksheets
      .getItem(ws.name)
      .getUsedRangeOrNullObject(true)
      .load("address,values,formulas,numberFormat,valueTypes");
  }
  await ctx.sync();
}

/** Each scenario's largest answer, before (whole used ranges) and now (bounded), and the request Office.js builds. */
async function readSizes() {
  const host = new MemoryHost(emptyModel());
  const service = createWorkbookService({ run: host.run, pageLayout: () => true });
  await service.generate({ school: "0040007L — LYCEE", auditYear: 2028 });
  const long = (r, c) => `Texte saisi par l'équipe, ligne ${r}, colonne ${c} — assez long pour peser.`;
  const scenarios = [
    ["classeur généré", () => undefined],
    [
      "8 fiches × 100 lignes remplies",
      () => {
        for (const s of host.model.sheets.filter((x) => /^C\d /.test(x.name)))
          for (let r = 10; r <= 109; r++)
            for (let c = 1; c <= 7; c++) s.cells.set(`${"ABCDEFG"[c - 1]}${r}`, { value: long(r, c), locked: false });
      },
    ],
    [
      "… + une feuille de l'établissement 3 000 × 12",
      () => {
        const data = newSheet("Données élèves");
        for (let r = 1; r <= 3000; r++)
          for (let c = 0; c < 12; c++)
            data.cells.set(`${"ABCDEFGHIJKL"[c]}${r}`, {
              value: c % 2 ? r * 1.5 : `Élève ${r} — donnée ${c}`,
              locked: true,
            });
        host.model.sheets.push(data);
      },
    ],
  ];
  let office;
  try {
    office = require("./office-request-size");
  } catch {
    office = undefined;
  }
  const rows = [];
  for (const [label, change] of scenarios) {
    change();
    const answers = async (read) => {
      const c0 = host.contexts.length;
      await host.run(read);
      return Math.max(...host.contexts.slice(c0).flatMap((c) => c.responseBytes));
    };
    const before = await answers(wholeRead);
    const now = await answers((ctx) => readSnapshot(ctx));
    let request = "—";
    if (office) {
      const snapshot = (await host.run((ctx) => readSnapshot(ctx))).snapshot;
      const listing = snapshot.sheets.map((s) => ({ name: s.name, visibility: s.visibility }));
      const plans = planFromListing(buildBlueprint({ establishments: "not-needed" }), listing, snapshot.names);
      const measured = await office.requestSize((ctx) => {
        for (const s of listing) queueSheet(ctx.workbook, s.name, s.visibility, plans.get(s.name));
      });
      request = kb(measured.bytes);
    }
    rows.push({
      classeur: label,
      "réponse avant": kb(before),
      "réponse maintenant": kb(now),
      "requête (Office.js)": request,
    });
  }
  return rows;
}

/** The command line: its start, and `check` over 2,090 workbooks, one after the other and with one worker per core. */
function cliBench() {
  const fs = require("fs");
  const os = require("os");
  execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: root, stdio: "inherit" });
  const bin = path.join(root, "bin/ldm-fiches.js");
  const seconds = (args, env = {}) => {
    const t0 = process.hrtime.bigint();
    const r = require("child_process").spawnSync(process.execPath, [bin, ...args], {
      env: { ...process.env, ...env },
      maxBuffer: 512 * 1024 * 1024,
      cwd: dir,
    });
    if (r.status === null || r.status > 1) throw new Error(String(r.stderr));
    return Number(process.hrtime.bigint() - t0) / 1e9;
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ldm-bench-cli-"));
  seconds(["generate", "--uai", "0040007L", "--audit-year", "2028", "--out", "base.xlsx"]);
  const files = [];
  for (let i = 0; i < 2090; i++) {
    const f = path.join(dir, `f${i}.xlsx`);
    fs.copyFileSync(path.join(dir, "base.xlsx"), f);
    files.push(f);
  }
  const median = (f) => {
    const t = [f(), f(), f()].sort((a, b) => a - b);
    return t[1];
  };
  const bare = median(() => {
    const t0 = process.hrtime.bigint();
    require("child_process").spawnSync(process.execPath, ["-e", "0"]);
    return Number(process.hrtime.bigint() - t0) / 1e9;
  });
  console.log(`Ligne de commande (médiane de 3 ; un Node qui ne fait rien : ${bare.toFixed(2)} s)`);
  console.table([
    { commande: "ldm-fiches --help", secondes: median(() => seconds(["--help"])).toFixed(2) },
    { commande: "ldm-fiches check (1 fichier)", secondes: median(() => seconds(["check", files[0]])).toFixed(2) },
    {
      commande: `check --json sur ${files.length} classeurs, un à la fois`,
      secondes: seconds(["check", "--json", ...files], { LDM_CHECK_WORKERS: "1" }).toFixed(1),
    },
    {
      commande: `check --json sur ${files.length} classeurs, un worker par cœur (${os.availableParallelism()})`,
      secondes: seconds(["check", "--json", ...files]).toFixed(1),
    },
  ]);
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The dossier as its use case prepares it: the workbook read once, the check's findings handed in (#26). */
function dossierOf(wb) {
  const today = new Date("2026-03-12");
  const read = readWorkbook(wb, { today, establishments: ESTABLISHMENTS });
  return prepareDossier(read, { today, findings: checkWorkbook(read, { today }) });
}

function timeIt(label, iterations, f) {
  f();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) f();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6 / iterations;
  return [label, iterations, `${ms.toFixed(2)} ms`];
}

async function main() {
  console.log("Poids du volet et premier écran (build de production)");
  await require("./bench-pane").benchPane();
  console.log("");
  console.log(
    "Allers-retours Excel (context.sync) sur l'Excel en mémoire ; requêtes sérialisées par la bibliothèque de Microsoft (budget 1 Mo, #22)",
  );
  console.table(await roundTrips());
  console.log("");
  console.log("Budget de 1 Mo par requête (#22), avant → maintenant");
  console.table(await requestBudget());
  console.log("");
  console.log("Lecture du classeur : taille des échanges (Excel pour le web refuse au-delà de 5 Mo ; budget 1 Mo)");
  console.table(await readSizes());

  const wb = fillParameters(freshWorkbook({ auditYear: 2028 }));
  for (let n = 1; n <= 8; n++) for (let r = 10; r <= 109; r++) fillRow(wb, n, r);
  const bp = buildBlueprint({ auditYear: 2028, establishments: ESTABLISHMENTS });
  console.log("Domaine (800 lignes remplies)");
  console.table(
    [
      timeIt("checkWorkbook", 20, () =>
        checkWorkbook(wb, { today: new Date("2026-03-12"), establishments: ESTABLISHMENTS }),
      ),
      timeIt("reconcile", 50, () => reconcile(bp, wb)),
      timeIt("dossier : document + .docx", 10, () => writeDocx(dossierOf(wb).document)),
    ].map(([fonction, itérations, parAppel]) => ({ fonction, itérations, "par appel": parAppel })),
  );

  const docx = writeDocx(dossierOf(wb).document);
  console.log(`Dossier de 8 × 100 lignes : ${(docx.length / 1024).toFixed(0)} Ko (.docx)`);
  console.log("");

  console.log("Cas d'usage sur 8 × 100 lignes remplies (session en mémoire, médiane de 5 ; #26)");
  console.table(await require("./bench-use-cases").benchUseCases(out));
  console.log("");

  cliBench();
  console.log("");
  // The académie's three figures on a filled corpus, with openpyxl's load beside (#28).
  await require("./bench-academie").benchAcademie();
  console.log("");

  console.log("Test de propriété de la mise à jour, 1 000 exécutions");
  const t0 = Date.now();
  execFileSync(
    process.execPath,
    [require.resolve("jest/bin/jest"), "tests/domain/reconcile.test.ts", "-t", "property"],
    {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, LDM_PROPERTY_RUNS: "1000" },
    },
  );
  console.log(`1 000 exécutions en ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

if (require.main === module)
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });

module.exports = { roundTrips, requestBudget };
