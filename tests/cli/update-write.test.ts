/**
 * Issue #23 « Never overwrite a colleague's save », the command line's side: the real bin, in child processes,
 * on real files. A colleague's save during an update, two updates at once, owner and group, symbolic links,
 * long names, stale temporary files, --out copies, .xlsm, .ods / .xls / .csv inputs, Strict Open XML.
 */
import { execFileSync, spawn, spawnSync } from "child_process";
import { createHash } from "crypto";
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "fs";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { tmpdir } from "os";
import * as path from "path";
import { readXlsx } from "../../src/workbook/xlsx/read";
import { packageKind } from "../../src/workbook/xlsx/package-kind";
import { REPO } from "../helpers/paths";

const BIN = path.join(REPO, "bin/ldm-fiches.js");
const dir = mkdtempSync(path.join(tmpdir(), "ldm-write-"));
const PAUSE = "LDM_TEST_PAUSE_BEFORE_WRITE_MS";
const CHANGED = "modifié par quelqu'un d'autre pendant la mise à jour ; rien n'a été écrit, relancez.";
const BUSY = (pid: number | string) =>
  `en cours d'écriture par une autre commande ldm-fiches (processus ${pid}) ; rien n'a été écrit, relancez quand elle aura fini.`;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function run(args: string[], options: { cwd?: string; uid?: number; gid?: number } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8", ...options });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The bin started in the background, with the test-only pause between its computation and its write. */
function start(args: string[], pauseMs: number): { pid: number; done: Promise<Run> } {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: dir,
    env: { ...process.env, [PAUSE]: String(pauseMs) },
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
  child.stderr.on("data", (d: Buffer) => (err += d.toString("utf8")));
  const done = new Promise<Run>((resolve) => child.on("close", (code) => resolve({ code, out, err })));
  return { pid: child.pid as number, done };
}

const file = (name: string) => path.join(dir, name);
const bytes = (name: string) => readFileSync(file(name));
const digest = (name: string) => createHash("sha256").update(bytes(name)).digest("hex");
/** What the command may leave behind: its temporary files and its locks. */
const leftovers = (d = dir) => readdirSync(d).filter((f) => f.startsWith(".ldm-") || f.endsWith(".tmp"));
const auditYear = (name: string) =>
  readXlsx(new Uint8Array(bytes(name))).sheets.find((s) => s.name === "Paramètres")?.cells.B7?.v;
const copy = (from: string, to: string) => copyFileSync(file(from), file(to));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The advisory lock's name beside a target: short, whatever the target's name. */
const lockOf = (target: string) =>
  path.join(
    path.dirname(target),
    `.ldm-${createHash("sha256").update(path.basename(target)).digest("hex").slice(0, 16)}.lock`,
  );
/** A pid that is no longer alive: a process that has just ended. */
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid as number;

/** Rewrites the parts of a package (a generated workbook) with `edit`; every other part stays as it is. */
function repackage(from: string, to: string, edit: (name: string, xml: string) => string): void {
  const parts = unzipSync(new Uint8Array(bytes(from)));
  const out: Zippable = {};
  for (const [name, data] of Object.entries(parts))
    out[name] = /\.(xml|rels)$/.test(name) ? strToU8(edit(name, strFromU8(data))) : data;
  writeFileSync(file(to), zipSync(out, { level: 6 }));
}

beforeAll(() => {
  execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: REPO, stdio: "pipe" });
  expect(run(["generate", "--uai", "0040007L", "--audit-year", "2028", "--out", "fiches.xlsx"]).code).toBe(0);
  // A colleague's save, made beforehand by the product itself: the same workbook, audit year 2030.
  expect(run(["update", "fiches.xlsx", "--audit-year", "2030", "--out", "collegue.xlsx"]).code).toBe(0);
  expect(auditYear("collegue.xlsx")).toBe(2030);
}, 120_000);

test("a colleague saves the file while update runs: the colleague's save is kept, update writes nothing, exit 2", async () => {
  copy("fiches.xlsx", "partage.xlsx");
  const started = Date.now();
  const update = start(["update", "partage.xlsx", "--audit-year", "2029"], 3000);
  // The update has read and computed once its temporary file is there; the colleague saves then.
  let computed = false;
  let finished = false;
  void update.done.then(() => (finished = true));
  while (!finished && !computed) {
    computed = readdirSync(dir).some((f) => f.startsWith(`.ldm-${update.pid}-`) && f.endsWith(".tmp"));
    if (!computed) await sleep(10);
  }
  const computedAfter = Date.now() - started;
  if (computed) execFileSync("cp", [file("collegue.xlsx"), file("partage.xlsx")]);
  const r = await update.done;
  expect({ computed, code: r.code, out: r.out, err: r.err }).toEqual({
    computed: true,
    code: 2,
    out: "",
    err: `partage.xlsx : ${CHANGED}\n`,
  });
  expect(digest("partage.xlsx")).toBe(digest("collegue.xlsx"));
  expect(leftovers()).toEqual([]);
  console.log(`update read and computed in ${computedAfter} ms (child process, with start-up)`);
}, 60_000);

test("a same-size save that keeps the modification time is still caught, by the hash of the bytes read", async () => {
  copy("fiches.xlsx", "meme-taille.xlsx");
  const when = "@1767225600.123456789";
  execFileSync("touch", ["-m", "-d", when, file("meme-taille.xlsx")]);
  const update = start(["update", "meme-taille.xlsx", "--audit-year", "2029"], 2000);
  let finished = false;
  void update.done.then(() => (finished = true));
  while (!finished && !readdirSync(dir).some((f) => f.startsWith(`.ldm-${update.pid}-`))) await sleep(10);
  // The colleague's save: one byte different, the same size, the modification time put back to the nanosecond.
  const saved = Buffer.from(bytes("meme-taille.xlsx"));
  saved[saved.length - 30] ^= 0xff;
  writeFileSync(file("meme-taille.xlsx"), saved);
  execFileSync("touch", ["-m", "-d", when, file("meme-taille.xlsx")]);
  const r = await update.done;
  expect([r.code, r.err]).toEqual([2, `meme-taille.xlsx : ${CHANGED}\n`]);
  expect(bytes("meme-taille.xlsx").equals(saved)).toBe(true);
  expect(leftovers()).toEqual([]);
}, 60_000);

test("two updates of one file at once: one writes, the other refuses; the file is the winner's, whole", async () => {
  copy("fiches.xlsx", "deux.xlsx");
  const a = start(["update", "deux.xlsx", "--audit-year", "2029"], 2500);
  const b = start(["update", "deux.xlsx", "--audit-year", "2030"], 2500);
  const [ra, rb] = await Promise.all([a.done, b.done]);
  expect([ra.code, rb.code].sort()).toEqual([0, 2]);
  const [winner, loser] = ra.code === 0 ? [2029, rb] : [2030, ra];
  expect(auditYear("deux.xlsx")).toBe(winner);
  expect(loser.out).toBe("");
  expect(loser.err.split("\n")).toHaveLength(2);
  expect(loser.err).toMatch(
    new RegExp(`^deux\\.xlsx : (${escape(CHANGED)}|${escape(BUSY("PID")).replace("PID", "\\d+")})\\n$`),
  );
  expect(leftovers()).toEqual([]);
}, 60_000);

test("a live lock of ours refuses the update; a lock whose process is dead is stale and removed", () => {
  copy("fiches.xlsx", "verrou.xlsx");
  const before = digest("verrou.xlsx");
  const lock = lockOf(file("verrou.xlsx"));
  writeFileSync(lock, `${process.pid}\n`);
  const live = run(["update", "verrou.xlsx", "--audit-year", "2029"]);
  expect([live.code, live.out]).toEqual([2, ""]);
  expect(live.err).toBe(`verrou.xlsx : ${BUSY(process.pid)}\n`);
  expect(digest("verrou.xlsx")).toBe(before);
  expect(readFileSync(lock, "utf8")).toBe(`${process.pid}\n`);
  writeFileSync(lock, `${deadPid()}\n`);
  const stale = run(["update", "verrou.xlsx", "--audit-year", "2029"]);
  expect([stale.code, stale.err]).toEqual([0, ""]);
  expect(auditYear("verrou.xlsx")).toBe(2029);
  expect(leftovers()).toEqual([]);
});

const asRoot = process.getuid?.() === 0 ? test : test.skip;

asRoot("update keeps the file's owner and group (run as root)", () => {
  copy("fiches.xlsx", "nobody.xlsx");
  chownSync(file("nobody.xlsx"), 65534, 65534);
  chmodSync(file("nobody.xlsx"), 0o640);
  const r = run(["update", "nobody.xlsx", "--audit-year", "2029"]);
  expect([r.code, r.err]).toEqual([0, ""]);
  const s = statSync(file("nobody.xlsx"));
  expect([s.uid, s.gid, s.mode & 0o7777]).toEqual([65534, 65534, 0o640]);
  expect(auditYear("nobody.xlsx")).toBe(2029);
  expect(leftovers()).toEqual([]);
});

asRoot("a user who cannot keep the owner (EPERM) is refused, nothing written (run as nobody)", () => {
  const shared = mkdtempSync(path.join(tmpdir(), "ldm-owner-"));
  chmodSync(shared, 0o777);
  const target = path.join(shared, "commun.xlsx");
  copyFileSync(file("fiches.xlsx"), target);
  chmodSync(target, 0o666);
  const before = readFileSync(target);
  const r = run(["update", "commun.xlsx", "--audit-year", "2029"], { cwd: shared, uid: 65534, gid: 65534 });
  expect([r.code, r.out]).toEqual([2, ""]);
  expect(r.err).toBe(
    "commun.xlsx : son propriétaire (uid 0, gid 0) ne pourrait pas être gardé en le remplaçant ; rien n'a été écrit. " +
      "Demandez à son propriétaire de relancer la commande, ou écrivez ailleurs avec --out.\n",
  );
  expect(readFileSync(target).equals(before)).toBe(true);
  expect([statSync(target).uid, statSync(target).gid]).toEqual([0, 0]);
  expect(leftovers(shared)).toEqual([]);
});

test("update through a symbolic link: the link stays a link, its target is updated", () => {
  mkdirSync(file("reel"));
  copy("fiches.xlsx", "reel/fiches.xlsx");
  symlinkSync("reel/fiches.xlsx", file("lien.xlsx"));
  const r = run(["update", "lien.xlsx", "--audit-year", "2029"]);
  expect([r.code, r.err, r.out.split("\n")[0]]).toEqual([0, "", "lien.xlsx : mis à jour."]);
  expect(lstatSync(file("lien.xlsx")).isSymbolicLink()).toBe(true);
  expect(readlinkSync(file("lien.xlsx"))).toBe("reel/fiches.xlsx");
  expect(auditYear("reel/fiches.xlsx")).toBe(2029);
  expect([...leftovers(), ...leftovers(file("reel"))]).toEqual([]);
});

test("update --out of a workbook in order writes the copy and says so; without --out, nothing to do", () => {
  const r = run(["update", "collegue.xlsx", "--out", "copie.xlsx"]);
  expect([r.code, r.err, r.out]).toEqual([0, "", "copie.xlsx : copie écrite, rien à mettre à jour.\n"]);
  expect(digest("copie.xlsx")).toBe(digest("collegue.xlsx"));
  const again = run(["update", "copie.xlsx"]);
  expect([again.code, again.out]).toEqual([0, "copie.xlsx : rien à mettre à jour, le classeur est conforme.\n"]);
  expect(leftovers()).toEqual([]);
});

test("a legal 236-byte file name works for generate and update", () => {
  const name = `fiches-${"é".repeat(112)}.xlsx`;
  expect(Buffer.byteLength(name)).toBe(236);
  const g = run(["generate", "--audit-year", "2028", "--out", name]);
  expect([g.code, g.err]).toEqual([0, ""]);
  const u = run(["update", name, "--audit-year", "2029"]);
  expect([u.code, u.err]).toEqual([0, ""]);
  expect(auditYear(name)).toBe(2029);
  expect(leftovers()).toEqual([]);
});

test("stale temporary files of ours are removed; fresh ones of live processes and others' files stay", () => {
  const stale = mkdtempSync(path.join(tmpdir(), "ldm-stale-"));
  const dead = `.ldm-${deadPid()}-0123456789ab.tmp`;
  const old = `.ldm-${process.pid}-ba9876543210.tmp`;
  const fresh = `.ldm-${process.pid}-aaaaaaaaaaaa.tmp`;
  const foreign = [".fiches.xlsx.123.456.tmp", ".ldm-notes.tmp", "ldm-1-2.tmp"];
  for (const f of [dead, old, fresh, ...foreign]) writeFileSync(path.join(stale, f), "x");
  const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
  utimesSync(path.join(stale, old), twoHoursAgo, twoHoursAgo);
  const g = run(["generate", "--out", "fiches.xlsx"], { cwd: stale });
  expect([g.code, g.err]).toEqual([0, ""]);
  expect(readdirSync(stale).sort()).toEqual([fresh, ...foreign, "fiches.xlsx"].sort());
});

test(".xlsm: update in place keeps .xlsm and its macro-enabled content type; --out must stay .xlsm", () => {
  const MACRO = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
  repackage("fiches.xlsx", "macros.xlsm", (name, xml) =>
    name === "[Content_Types].xml"
      ? xml.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", MACRO)
      : xml,
  );
  const r = run(["update", "macros.xlsm", "--audit-year", "2029"]);
  expect([r.code, r.err, r.out.split("\n")[0]]).toEqual([0, "", "macros.xlsm : mis à jour."]);
  expect(auditYear("macros.xlsm")).toBe(2029);
  expect(strFromU8(unzipSync(new Uint8Array(bytes("macros.xlsm")))["[Content_Types].xml"])).toContain(
    `PartName="/xl/workbook.xml" ContentType="${MACRO}"`,
  );
  const before = digest("macros.xlsm");
  const x = run(["update", "macros.xlsm", "--audit-year", "2030", "--out", "sans-macros.xlsx"]);
  expect([x.code, x.out]).toEqual([2, ""]);
  expect(x.err).toBe(
    "--out : « sans-macros.xlsx » doit se terminer par .xlsm : macros.xlsm est un classeur prenant en charge les macros, " +
      "et Excel refuse d'ouvrir un fichier dont le type de contenu ne correspond pas à l'extension.\n",
  );
  expect(existsSync(file("sans-macros.xlsx"))).toBe(false);
  expect(digest("macros.xlsm")).toBe(before);
  const m = run(["update", "macros.xlsm", "--audit-year", "2030", "--out", "copie-macros.xlsm"]);
  expect([m.code, m.err]).toEqual([0, ""]);
  // The other way round: an .xlsx cannot be written as .xlsm.
  const back = run(["update", "fiches.xlsx", "--out", "faux.xlsm"]);
  expect(back.code).toBe(2);
  expect(back.err).toMatch(/^--out : « faux\.xlsm » doit se terminer par \.xlsx : fiches\.xlsx ne prend pas en charge/);
  expect(existsSync(file("faux.xlsm"))).toBe(false);
  expect(leftovers()).toEqual([]);
});

test(".ods, .xls, .csv and other inputs: a line naming the format, never the --out message", () => {
  const ods: Zippable = {
    mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }],
    "META-INF/manifest.xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">' +
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>' +
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
    ),
    "content.xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.3"><office:body><office:spreadsheet/></office:body></office:document-content>',
    ),
  };
  writeFileSync(file("calc.ods"), zipSync(ods));
  const ole = Buffer.alloc(1536);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
  writeFileSync(file("ancien.xls"), ole);
  writeFileSync(file("export.csv"), "Critère;Action\nC1;Tutorat\n");
  copy("fiches.xlsx", "fiches.zip");
  const expected: [string, string][] = [
    [
      "calc.ods",
      "calc.ods : classeur OpenDocument (.ods) : ouvrez-le dans Excel ou LibreOffice et enregistrez-le en .xlsx.",
    ],
    [
      "ancien.xls",
      "ancien.xls : classeur Excel 97-2003 (.xls) : ouvrez-le dans Excel ou LibreOffice et enregistrez-le en .xlsx.",
    ],
    [
      "export.csv",
      "export.csv : fichier texte CSV (.csv), sans feuilles ni listes : ce n'est pas un classeur de fiches ; créez-en un avec generate.",
    ],
    [
      "fiches.zip",
      "fiches.zip : update ne remplace qu'un classeur .xlsx ou .xlsm ; écrivez le résultat ailleurs avec --out FICHIER.xlsx.",
    ],
  ];
  for (const [name, message] of expected) {
    const before = digest(name);
    const r = run(["update", name]);
    expect([name, r.code, r.out, r.err]).toEqual([name, 2, "", `${message}\n`]);
    expect(digest(name)).toBe(before);
  }
  // check and report name the format too, instead of « archive zip invalide ».
  expect(run(["check", "calc.ods"]).err).toBe(
    "calc.ods : classeur OpenDocument (.ods) : ouvrez-le dans Excel ou LibreOffice et enregistrez-le en .xlsx.\n",
  );
  expect(run(["report", "ancien.xls", "--out", "bilan.html"]).err).toBe(
    "ancien.xls : classeur Excel 97-2003 (.xls) : ouvrez-le dans Excel ou LibreOffice et enregistrez-le en .xlsx.\n",
  );
  expect(existsSync(file("bilan.html"))).toBe(false);
  expect(leftovers()).toEqual([]);
});

test("a Strict Open XML workbook: check reads it, update refuses it in one line and writes nothing", () => {
  const STRICT: [string, string][] = [
    ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"],
    [
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "http://purl.oclc.org/ooxml/officeDocument/relationships",
    ],
    ["http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"],
    ["http://schemas.openxmlformats.org/drawingml/2006/chart", "http://purl.oclc.org/ooxml/drawingml/chart"],
    [
      "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
      "http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing",
    ],
  ];
  repackage("fiches.xlsx", "strict.xlsx", (name, xml) => {
    let out = xml;
    for (const [transitional, strict] of STRICT) out = out.split(transitional).join(strict);
    return name === "xl/workbook.xml" ? out.replace("<workbook ", '<workbook conformance="strict" ') : out;
  });
  expect(strFromU8(unzipSync(new Uint8Array(bytes("strict.xlsx")))["xl/workbook.xml"])).toContain(
    'xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"',
  );
  const check = run(["check", "strict.xlsx"]);
  expect(check.code).not.toBe(2);
  expect(check.err).toBe("");
  const before = digest("strict.xlsx");
  const r = run(["update", "strict.xlsx", "--audit-year", "2029"]);
  expect([r.code, r.out]).toEqual([2, ""]);
  expect(r.err).toBe(
    "strict.xlsx : classeur au format « Open XML strict » : update y écrirait des parties au format habituel " +
      "(transitionnel) ; rien n'a été écrit. Enregistrez-le dans Excel en « Classeur Excel (.xlsx) », puis relancez.\n",
  );
  expect(digest("strict.xlsx")).toBe(before);
  expect(run(["update", "strict.xlsx", "--out", "strict-maj.xlsx"]).code).toBe(2);
  expect(existsSync(file("strict-maj.xlsx"))).toBe(false);
  expect(leftovers()).toEqual([]);
});

test("packageKind: the container, Strict and macro-enabled, from the package itself; never throws", () => {
  expect(packageKind(new Uint8Array(bytes("fiches.xlsx")))).toEqual({
    container: "ooxml",
    strict: false,
    macroEnabled: false,
  });
  expect(packageKind(new Uint8Array(bytes("macros.xlsm")))).toEqual({
    container: "ooxml",
    strict: false,
    macroEnabled: true,
  });
  expect(packageKind(new Uint8Array(bytes("strict.xlsx")))).toMatchObject({ container: "ooxml", strict: true });
  expect(packageKind(new Uint8Array(bytes("calc.ods"))).container).toBe("opendocument-spreadsheet");
  expect(packageKind(new Uint8Array(bytes("ancien.xls"))).container).toBe("ole");
  expect(packageKind(new Uint8Array(bytes("export.csv"))).container).toBe("other");
  expect(packageKind(zipSync({ "a.txt": strToU8("a") })).container).toBe("zip");
  expect(packageKind(new Uint8Array(0)).container).toBe("other");
});
