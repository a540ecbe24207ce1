#!/usr/bin/env node
/*
 * The académie's figures (#28), side by side in one run, on a FILLED corpus of 2,090 workbooks (one per LP/LPO,
 * 0 to 100 rows on each of the 8 fiches, the follow-up typed: status, lasting, duration, measures, result,
 * evidence): `check` over all of them, `academie` over all of them, batch generation of 2,090, and openpyxl's
 * load of one of them beside. Run alone (`node scripts/bench-academie.js`) or from `npm run bench`.
 * LDM_BENCH_FILES=200 for a smaller corpus (figures then scaled to 2,090).
 */
const { execFileSync, spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const root = path.resolve(__dirname, "..");
const cli = path.join(root, "dist-cli");
const bin = path.join(root, "bin/ldm-fiches.js");

/** A small deterministic generator (mulberry32): the corpus is the same at every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One filled variant: the template (no school) with 0–100 rows per fiche, through the project's writer. */
function variant(template, seed, modules) {
  const { CRITERIA, criterionSheetName, applyEditsToXlsx } = modules;
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const edits = [];
  for (const c of CRITERIA) {
    const sheet = criterionSheetName(c);
    const rows = Math.floor(rnd() * 101);
    const cells = [];
    const put = (address, value) => cells.push({ address, value });
    for (let i = 0; i < rows; i++) {
      const r = 10 + i;
      put(`A${r}`, pick(c.axes).text);
      put(`B${r}`, pick(c.objectives).text);
      put(`C${r}`, rnd() < 0.7 ? pick(c.actions).text : `Action propre ${i + 1}`);
      const percent = rnd() < 0.4;
      put(`D${r}`, percent ? "Taux de réussite aux examens" : "Nombre de conventions de partenariat");
      // A few values of the wrong type, as schools type them.
      put(`E${r}`, rnd() < 0.05 ? "beaucoup" : percent ? Math.round(rnd() * 100) / 100 : Math.floor(rnd() * 20));
      put(`F${r}`, percent ? Math.round(rnd() * 100) / 100 : Math.floor(rnd() * 25));
      put(`G${r}`, "Étendre aux autres filières");
      put(`I${r}`, rnd() < 0.7 ? "Action" : "Engagement");
      put(`J${r}`, rnd() < 0.5 ? "oui" : "non");
      put(`K${r}`, `${1 + Math.floor(rnd() * 4)} ans`);
      for (let k = 0; k < 5; k++)
        if (rnd() < 0.5) put(`${"LMNOP"[k]}${r}`, percent ? Math.round(rnd() * 100) / 100 : Math.floor(rnd() * 25));
      if (rnd() < 0.6) put(`Q${r}`, percent ? Math.round(rnd() * 100) / 100 : Math.floor(rnd() * 25));
      if (rnd() < 0.5) put(`R${r}`, "Meilleure insertion des élèves");
      if (rnd() < 0.6) put(`S${r}`, "Compte rendu du conseil pédagogique");
    }
    for (const { address, value } of cells) edits.push({ op: "set-value", sheet, address, value });
  }
  return applyEditsToXlsx(template, edits);
}

async function buildCorpus(dir, count) {
  const { ESTABLISHMENTS, establishmentLabel } = require(path.join(cli, "domain/establishments/all.js"));
  const { updateUseCase } = require(path.join(cli, "app/update.js"));
  const { emptyPackage } = require(path.join(cli, "workbook/xlsx/empty.js"));
  const { xlsxSession } = require(path.join(cli, "workbook/xlsx/session.js"));
  const { applyEditsToXlsx } = require(path.join(cli, "workbook/xlsx/update.js"));
  const { SchoolTemplate } = require(path.join(cli, "workbook/xlsx/school-template.js"));
  const { CRITERIA } = require(path.join(cli, "domain/referential/criteria.js"));
  const { criterionSheetName } = require(path.join(cli, "domain/blueprint/cells.js"));
  const session = xlsxSession(emptyPackage());
  await updateUseCase(session, {
    generation: { referenceYear: 2025, auditYear: 2028 },
    establishments: ESTABLISHMENTS,
  });
  const template = session.written();
  const VARIANTS = 24;
  const stampers = [];
  for (let v = 0; v < VARIANTS; v++)
    stampers.push(
      new SchoolTemplate(variant(template, 1000 + v, { CRITERIA, criterionSheetName, applyEditsToXlsx }), {
        referenceYear: 2025,
        auditYear: 2028,
      }),
    );
  const schools = ESTABLISHMENTS.list.slice(0, count);
  const files = schools.map((e, i) => {
    const f = path.join(dir, `${e.uai}.xlsx`);
    fs.writeFileSync(f, stampers[i % VARIANTS].forSchool(establishmentLabel(e), "Mme Exemple"));
    return f;
  });
  fs.writeFileSync(path.join(dir, "liste.csv"), schools.map((e) => `${e.uai};2028;Mme Exemple`).join("\n") + "\n");
  return files;
}

function seconds(args, cwd, env = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, ...env },
    maxBuffer: 1024 * 1024 * 1024,
    cwd,
  });
  if (r.status === null || r.status > 1) throw new Error(`${args[0]} : ${String(r.stderr).slice(0, 500)}`);
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

function openpyxlLoad(file) {
  const out = execFileSync(
    "/usr/bin/python3",
    [
      "-c",
      "import sys, time, warnings, openpyxl\nwarnings.simplefilter('ignore')\nts=[]\nfor _ in range(3):\n  t=time.perf_counter(); openpyxl.load_workbook(sys.argv[1]); ts.append(time.perf_counter()-t)\nprint(sorted(ts)[1])",
      file,
    ],
    { encoding: "utf8" },
  );
  return Number(out.trim());
}

/**
 * `check` of one file, in one thread, warm (the median of the last 15 of 40 runs: V8 optimises after a few
 * dozen): what openpyxl's load of the same file is compared with, core for core (the batch's time per file is
 * shared by the workers of every core).
 */
function checkOneFile(file) {
  const script =
    `const { renderedCheck } = require(${JSON.stringify(path.join(cli, "cli/check.js"))});\n` +
    "(async () => { const ts = [];\n" +
    "  for (let i = 0; i < 40; i++) { const t = process.hrtime.bigint();\n" +
    `    await renderedCheck(${JSON.stringify(file)}, undefined, new Date(), "json");\n` +
    "    ts.push(Number(process.hrtime.bigint() - t) / 1e9); }\n" +
    "  const warm = ts.slice(25).sort((a, b) => a - b); console.log(warm[7]); })();";
  return Number(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim());
}

/**
 * The académie with the most LP/LPO in data/lycees-pro-lpo.csv, and its schools' files among `names` (« UAI.xlsx »):
 * what one académie's referent checks. A corpus smaller than 2,090 may miss some: then its first files, as many.
 */
function largestAcademie(names) {
  const { ESTABLISHMENTS } = require(path.join(cli, "domain/establishments/all.js"));
  const { academies, academieSchools } = require(path.join(cli, "domain/academie.js"));
  const [academy, schools] = academies(ESTABLISHMENTS)
    .map((a) => [a, academieSchools(ESTABLISHMENTS, a)])
    .reduce((a, b) => (b[1].length > a[1].length ? b : a));
  const uais = new Set(schools.map((e) => e.uai));
  const mine = names.filter((n) => uais.has(n.slice(0, 8)));
  return mine.length === schools.length
    ? { academy, names: mine, words: `de l'académie de ${academy} (la plus grande)` }
    : {
        academy,
        names: names.slice(0, schools.length),
        words: `(autant que l'académie de ${academy}, la plus grande)`,
      };
}

async function benchAcademie() {
  execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: root, stdio: "inherit" });
  const count = Number(process.env.LDM_BENCH_FILES) || 2090;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ldm-bench-academie-"));
  try {
    const t0 = Date.now();
    const files = await buildCorpus(dir, count);
    const bytes = files.reduce((t, f) => t + fs.statSync(f).size, 0);
    console.log(
      `Vue de l'académie (#28) : corpus de ${files.length} classeurs REMPLIS (0 à 100 lignes par fiche, suivi saisi ; ` +
        `${(bytes / files.length / 1024).toFixed(0)} Ko en moyenne), fait en ${((Date.now() - t0) / 1000).toFixed(0)} s ; ` +
        `${os.availableParallelism()} cœurs`,
    );
    const names = files.map((f) => path.basename(f));
    const scale = 2090 / files.length;
    // Each command RUNS times (5 unless LDM_BENCH_RUNS says otherwise), the three in turn, and openpyxl's load in
    // the same rounds: the median of each, its range beside (a machine's load moves one round, not all five).
    const runs = Number(process.env.LDM_BENCH_RUNS) || 5;
    const times = { check: [], academie: [], generate: [], openpyxl: [], one: [] };
    const biggest = files.reduce((a, f) => (fs.statSync(f).size > fs.statSync(a).size ? f : a), files[0]);
    // What one académie runs: the workbooks of the académie with the most LP/LPO (its schools' files in the corpus;
    // with a smaller corpus, as many of its first files).
    const own = largestAcademie(names);
    times.ownCheck = [];
    times.ownAcademie = [];
    for (let round = 0; round < runs; round++) {
      times.check.push(seconds(["check", "--json", ...names], dir));
      times.academie.push(seconds(["academie", ...names, "--out", "tableau.xlsx"], dir));
      times.ownCheck.push(seconds(["check", "--json", ...own.names], dir));
      times.ownAcademie.push(seconds(["academie", ...own.names, "--academie", own.academy, "--out", "own.xlsx"], dir));
      const lot = path.join(dir, "lot");
      times.generate.push(seconds(["generate", "--uai-file", "liste.csv", "--out-dir", "lot"], dir));
      fs.rmSync(lot, { recursive: true, force: true });
      times.openpyxl.push(openpyxlLoad(biggest));
      times.one.push(checkOneFile(biggest));
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const range = (xs) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;
    const check = median(times.check);
    const academie = median(times.academie);
    const generate = median(times.generate);
    const py = median(times.openpyxl);
    const one = median(times.one);
    console.log(`médianes de ${runs} passages (les trois commandes et openpyxl à tour de rôle)`);
    const row = (what, xs, goal) => ({
      mesure: what,
      secondes: median(xs).toFixed(1),
      écart: range(xs),
      "ms par classeur": ((median(xs) * 1000) / files.length).toFixed(1),
      "pour 2 090": (median(xs) * scale).toFixed(1),
      objectif: goal,
    });
    const ownRow = (what, xs) => ({
      mesure: what,
      secondes: median(xs).toFixed(1),
      écart: range(xs),
      "ms par classeur": ((median(xs) * 1000) / own.names.length).toFixed(1),
      "pour 2 090": "",
      objectif: "aucun dans #28 : ce qu'une académie attend",
    });
    console.table([
      row(`check --json, ${files.length} classeurs`, times.check, "≤ 15 s"),
      row(`academie --out tableau.xlsx, ${files.length} classeurs`, times.academie, "≤ 20 s"),
      row(`generate --uai-file (${files.length} lignes) --out-dir`, times.generate, "≤ 60 s"),
      ownRow(`check --json, les ${own.names.length} classeurs ${own.words}`, times.ownCheck),
      ownRow(`academie --academie, les ${own.names.length} classeurs ${own.words}`, times.ownAcademie),
      {
        mesure: "openpyxl.load_workbook (le plus gros classeur, médiane de 3 à chaque passage)",
        secondes: py.toFixed(2),
        écart: `${Math.min(...times.openpyxl).toFixed(2)}–${Math.max(...times.openpyxl).toFixed(2)}`,
        "ms par classeur": (py * 1000).toFixed(0),
        "pour 2 090": "",
        objectif: `check du lot : ${(py / (check / files.length)).toFixed(0)} × moins de temps par classeur (objectif ≥ 100 ×)`,
      },
      {
        mesure: "check du même classeur, un fil, à chaud (médiane des 15 derniers de 40)",
        secondes: one.toFixed(3),
        écart: `${Math.min(...times.one).toFixed(3)}–${Math.max(...times.one).toFixed(3)}`,
        "ms par classeur": (one * 1000).toFixed(1),
        "pour 2 090": "",
        objectif: `un cœur contre un cœur : openpyxl ${(py / one).toFixed(0)} × plus lent`,
      },
    ]);
    return {
      check,
      academie,
      generate,
      openpyxl: py,
      checkOne: one,
      files: files.length,
      ownCheck: median(times.ownCheck),
      ownAcademie: median(times.ownAcademie),
      ownFiles: own.names.length,
    };
  } finally {
    if (!process.env.LDM_BENCH_KEEP) fs.rmSync(dir, { recursive: true, force: true });
    else console.log(`corpus gardé : ${dir}`);
  }
}

module.exports = { benchAcademie, buildCorpus };

if (require.main === module)
  benchAcademie().catch((e) => {
    console.error(e);
    process.exit(1);
  });
