/**
 * File-system helpers of the command line. A write never loses anyone's save:
 * - it goes through a temporary file of a short name (`.ldm-<pid>-<random>.tmp`, whatever the target's name),
 *   in the target's own folder, renamed over the target at the end: a crash leaves no partial file;
 * - a replaced file keeps its permissions, its owner and its group (or nothing is written), and a symbolic link
 *   stays a link: its target is what is replaced;
 * - an advisory lock (`.ldm-<hash>.lock`, created exclusively, holding our pid) keeps two ldm-fiches from
 *   replacing one file at once;
 * - under that lock, a file that was read (update) is checked to be unchanged — size, modification time and a
 *   hash of the bytes read — before it is replaced: a colleague's save in the meantime is never overwritten.
 * What cannot be done is one French line ({@link UserError}), with nothing written and no temporary file left.
 */
import { createHash, randomBytes } from "crypto";
import { constants as fsConstants, promises as fs, type BigIntStats } from "fs";
import * as path from "path";
import type { WorkbookSnapshot } from "../domain/snapshot";
import { packageKind } from "../workbook/xlsx/package-kind";
import { readXlsx, XlsxReadError } from "../workbook/xlsx/read";

import { UserError } from "./errors";

export { UserError };

/** Our temporary files: `.ldm-<pid>-<12 hex digits>.tmp`. Nothing else is ever removed as one of them. */
const TEMP_NAME = /^\.ldm-(\d{1,10})-[0-9a-f]{12}\.tmp$/;
/** A temporary file of ours older than this is left over from a crash, whatever its pid says. */
const STALE_TEMP_MS = 60 * 60 * 1000;
/** A lock older than this is left over: a write holds it for the time of a check and a rename. */
const STALE_LOCK_MS = 2 * 60 * 1000;

/**
 * Test-only: milliseconds to wait after the temporary file is written and before the lock, the check and the
 * rename, so that a test can save the file « while the update runs » at a known moment. Unset in real use.
 */
export const TEST_PAUSE_ENV = "LDM_TEST_PAUSE_BEFORE_WRITE_MS";

/** What a file was when it was read: the check before replacing it compares all of it. */
export interface ReadStamp {
  /** The path as the user gave it, for messages. */
  readonly file: string;
  /** The path as given, made absolute. */
  readonly given: string;
  /** The file actually read (symbolic links resolved). */
  readonly real: string;
  readonly size: bigint;
  readonly mtimeNs: bigint;
  /** sha256 of the bytes read, which are the bytes parsed. */
  readonly sha256: string;
}

export interface WriteOptions {
  /** The file these bytes come from, as it was read: if it changed since, nothing is written. */
  readonly unchanged?: ReadStamp;
  /** The target must not exist when it is replaced (generate without --force): this message if it does. */
  readonly absentOrRefuse?: string;
}

interface Existing {
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly directory: boolean;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const code = (e: unknown) => (e as NodeJS.ErrnoException | undefined)?.code;

/** Whether process `pid` runs (on this machine). A pid that cannot be one is not alive. */
function alive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return code(e) !== "ESRCH";
  }
}

/**
 * The file a write to `target` replaces, by its real path (fs.realpath: symbolic links resolved, the folders'
 * too, as for the file read). A link to no file yet is followed to the file it names; a new file's folder is
 * resolved the same way.
 */
async function resolveTarget(target: string): Promise<string> {
  let current = path.resolve(target);
  for (let hops = 0; hops <= 40; hops++) {
    try {
      return await fs.realpath(current);
    } catch (e) {
      if (code(e) !== "ENOENT") throw e;
    }
    const stat = await fs.lstat(current).catch(() => undefined);
    if (!stat?.isSymbolicLink()) {
      const dir = await fs.realpath(path.dirname(current)).catch(() => path.dirname(current));
      return path.join(dir, path.basename(current));
    }
    current = path.resolve(path.dirname(current), await fs.readlink(current));
  }
  throw Object.assign(new Error("too many symbolic links"), { code: "ELOOP" });
}

/**
 * Refuses a target that exists and is read-only (no write permission bit, or not writable by this user):
 * a rename would replace it, and its permissions with it. Root can write anything; the mode bits still say
 * what the owner meant. Returns what must be kept of the existing file, or undefined when there is none.
 */
async function writableTarget(real: string, label: string): Promise<Existing | undefined> {
  let stat;
  try {
    stat = await fs.stat(real);
  } catch {
    return undefined;
  }
  const existing = { mode: stat.mode, uid: stat.uid, gid: stat.gid, directory: stat.isDirectory() };
  if (existing.directory) return existing;
  let writable = (stat.mode & 0o222) !== 0;
  if (writable)
    writable = await fs.access(real, fsConstants.W_OK).then(
      () => true,
      () => false,
    );
  if (!writable)
    throw new UserError(
      `« ${label} » est en lecture seule : il n'a pas été modifié. Ôtez la lecture seule ou choisissez un autre fichier de sortie (--out).`,
    );
  return existing;
}

/** Removes our temporary files left in `dir` by a process that is gone, or older than an hour. Best effort. */
async function removeStaleTemps(dir: string): Promise<void> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const now = Date.now();
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid) continue;
    const file = path.join(dir, name);
    const stat = await fs.lstat(file).catch(() => undefined);
    if (!stat?.isFile()) continue;
    if (!alive(pid) || now - stat.mtimeMs > STALE_TEMP_MS) await fs.rm(file, { force: true }).catch(() => undefined);
  }
}

/** The lock beside `real`: a short name (NAME_MAX), one per target file. */
export function lockFileOf(real: string): string {
  const key = createHash("sha256").update(path.basename(real)).digest("hex").slice(0, 16);
  return path.join(path.dirname(real), `.ldm-${key}.lock`);
}

/** Takes the lock of `real`, or refuses in one line when another live ldm-fiches holds it. Returns its release. */
async function lock(real: string, label: string): Promise<() => Promise<void>> {
  const file = lockFileOf(real);
  const mine = `${process.pid}\n`;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await fs.writeFile(file, mine, { flag: "wx" });
      return async () => {
        const now = await fs.readFile(file, "utf8").catch(() => undefined);
        if (now === mine) await fs.rm(file, { force: true }).catch(() => undefined);
      };
    } catch (e) {
      if (code(e) !== "EEXIST") throw e;
    }
    const [content, stat] = await Promise.all([
      fs.readFile(file, "utf8").catch(() => undefined),
      fs.stat(file).catch(() => undefined),
    ]);
    if (content === undefined || stat === undefined) continue; // released meanwhile: try again
    const pid = /^\d+$/.test(content.trim()) ? Number(content.trim()) : undefined;
    const stale =
      Date.now() - stat.mtimeMs > STALE_LOCK_MS || pid === process.pid || (pid !== undefined && !alive(pid));
    if (stale) {
      await fs.rm(file, { force: true }).catch(() => undefined);
      continue;
    }
    throw new UserError(
      `${label} : en cours d'écriture par une autre commande ldm-fiches${pid !== undefined ? ` (processus ${pid})` : ""} ; ` +
        `rien n'a été écrit, relancez quand elle aura fini.`,
    );
  }
  throw new UserError(
    `${label} : en cours d'écriture par une autre commande ldm-fiches ; rien n'a été écrit, relancez.`,
  );
}

/** Refuses (one line) when the file read is no longer what was read: size, time, or bytes differ. */
async function checkUnchanged(stamp: ReadStamp, real: string, target: string): Promise<void> {
  const changed = new UserError(
    `${stamp.file} : modifié par quelqu'un d'autre pendant la mise à jour ; rien n'a été écrit, relancez.`,
  );
  // The same name now leads elsewhere (a link pointed at another file): that is a change too.
  if (path.resolve(target) === stamp.given && real !== stamp.real) throw changed;
  let stat: BigIntStats;
  try {
    stat = await fs.stat(stamp.real, { bigint: true });
  } catch (e) {
    if (code(e) === "ENOENT") throw changed;
    throw e;
  }
  if (stat.size !== stamp.size || stat.mtimeNs !== stamp.mtimeNs) throw changed;
  if (sha256(await fs.readFile(stamp.real)) !== stamp.sha256) throw changed;
}

/** The new file takes the replaced file's owner and group; refused when that is not allowed (EPERM). */
async function keepOwner(tmp: string, existing: Existing, label: string): Promise<void> {
  const ours = await fs.stat(tmp);
  if (ours.uid === existing.uid && ours.gid === existing.gid) return;
  try {
    await fs.chown(tmp, existing.uid, existing.gid);
  } catch (e) {
    if (code(e) !== "EPERM" && code(e) !== "EACCES") throw e;
    throw new UserError(
      `${label} : son propriétaire (uid ${existing.uid}, gid ${existing.gid}) ne pourrait pas être gardé en le remplaçant ; ` +
        `rien n'a été écrit. Demandez à son propriétaire de relancer la commande, ou écrivez ailleurs avec --out.`,
    );
  }
}

async function testPause(): Promise<void> {
  const ms = Number(process.env[TEST_PAUSE_ENV]);
  if (Number.isFinite(ms) && ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Whether a file (not a folder) is there already. */
export async function fileExists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    (s) => !s.isDirectory(),
    () => false,
  );
}

/** Whether `file` is the file `stamp` was read from (the same path, or a link to it). */
export async function sameFile(file: string, stamp: ReadStamp): Promise<boolean> {
  if (path.resolve(file) === stamp.given) return true;
  return (await resolveTarget(file).catch(() => path.resolve(file))) === stamp.real;
}

/**
 * Writes `bytes` to `target` through a temporary file renamed at the end (see the top of this file). A
 * read-only target is refused untouched; a replaced file keeps its permissions, owner and group; a symbolic
 * link's target is replaced. With `unchanged`, nothing is written if the file read has changed since.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array, options: WriteOptions = {}): Promise<void> {
  let real: string;
  try {
    real = await resolveTarget(target);
  } catch (e) {
    throw new UserError(`Impossible d'écrire « ${target} » : ${describeFsError(e)}.`);
  }
  const dir = path.dirname(real);
  const existing = await writableTarget(real, target);
  await removeStaleTemps(dir);
  const tmp = path.join(dir, `.ldm-${process.pid}-${randomBytes(6).toString("hex")}.tmp`);
  let release: (() => Promise<void>) | undefined;
  try {
    await fs.writeFile(tmp, bytes, { flag: "wx" });
    if (existing && !existing.directory) {
      await keepOwner(tmp, existing, target);
      await fs.chmod(tmp, existing.mode & 0o7777);
    }
    await testPause();
    release = await lock(real, target);
    if (options.unchanged) await checkUnchanged(options.unchanged, real, target);
    if (options.absentOrRefuse !== undefined && (await fileExists(real))) throw new UserError(options.absentOrRefuse);
    await fs.rename(tmp, real);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    if (e instanceof UserError) throw e;
    throw new UserError(`Impossible d'écrire « ${target} » : ${describeFsError(e)}.`);
  } finally {
    await release?.();
  }
}

const OPEN_AND_SAVE = "ouvrez-le dans Excel ou LibreOffice et enregistrez-le en .xlsx.";

/** The first entry of an OpenDocument package is its `mimetype`, stored: a cheap first look. */
function startsAsOpenDocument(bytes: Uint8Array): boolean {
  const name = "mimetype";
  if (bytes.length < 30 + name.length || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 3 || bytes[3] !== 4)
    return false;
  if ((bytes[26] | (bytes[27] << 8)) !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (bytes[30 + i] !== name.charCodeAt(i)) return false;
  return true;
}

/**
 * A file of a known format that is not an Open XML workbook, named for the user (one French phrase, without
 * the file's name): an OpenDocument spreadsheet (by its content), an Excel 97-2003 workbook (an OLE file named
 * .xls; under another name, it may be an encrypted workbook, which the reader names), a CSV text file.
 */
export function formatProblem(file: string, bytes: Uint8Array): string | undefined {
  const extension = path.extname(file).toLowerCase();
  const zipLike = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const kind = !zipLike || startsAsOpenDocument(bytes) ? packageKind(bytes).container : "zip";
  if (kind === "opendocument-spreadsheet") return `classeur OpenDocument (.ods) : ${OPEN_AND_SAVE}`;
  if (kind === "ole" && (extension === ".xls" || extension === ".xlt"))
    return `classeur Excel 97-2003 (${extension}) : ${OPEN_AND_SAVE}`;
  if (kind === "other" && extension === ".csv")
    return "fichier texte CSV (.csv), sans feuilles ni listes : ce n'est pas un classeur de fiches ; créez-en un avec generate.";
  return undefined;
}

/**
 * The bytes of `file` and what the file was when they were read (for the check before replacing it); the hash
 * of the bytes is computed only when asked for (update), not for every file a check reads.
 */
async function readStamped(file: string, hash: boolean): Promise<{ bytes: Uint8Array; stamp: ReadStamp }> {
  try {
    const real = await fs.realpath(file);
    const handle = await fs.open(real, "r");
    try {
      const stat = await handle.stat({ bigint: true });
      if (stat.isDirectory()) throw new UserError(`« ${file} » est un dossier, pas un fichier .xlsx.`);
      const bytes = new Uint8Array(await handle.readFile());
      const { size, mtimeNs } = stat;
      return {
        bytes,
        stamp: { file, given: path.resolve(file), real, size, mtimeNs, sha256: hash ? sha256(bytes) : "" },
      };
    } finally {
      await handle.close();
    }
  } catch (e) {
    if (e instanceof UserError) throw e;
    if (code(e) === "EISDIR") throw new UserError(`« ${file} » est un dossier, pas un fichier .xlsx.`);
    throw new UserError(`Impossible de lire « ${file} » : ${describeFsError(e)}.`);
  }
}

/** The bytes of a workbook file; a known other format (.ods, .xls, .csv) is one line naming it. */
export async function readInputFile(file: string): Promise<Uint8Array> {
  const { bytes } = await readStamped(file, false);
  const problem = formatProblem(file, bytes);
  if (problem) throw new UserError(problem);
  return bytes;
}

/**
 * A workbook file read and parsed, with its {@link ReadStamp}; what cannot be read is one French line
 * (UserError) naming the file. A known other format (.ods, .xls, .csv) is named.
 */
export async function readWorkbookFile(
  file: string,
): Promise<{ bytes: Uint8Array; snapshot: WorkbookSnapshot; stamp: ReadStamp }> {
  const { bytes, stamp } = await readStamped(file, true);
  const problem = formatProblem(file, bytes);
  if (problem) throw new UserError(`${file} : ${problem}`);
  try {
    return { bytes, snapshot: readXlsx(bytes), stamp };
  } catch (e) {
    if (e instanceof XlsxReadError) throw new UserError(`${file} : ${e.message}`);
    throw e;
  }
}

export function describeFsError(e: unknown): string {
  switch (code(e)) {
    case "ENOENT":
      return "fichier ou dossier introuvable";
    case "EACCES":
    case "EPERM":
      return "accès refusé";
    case "EISDIR":
      return "c'est un dossier";
    case "ENOTDIR":
      return "un élément du chemin n'est pas un dossier";
    case "EROFS":
      return "système de fichiers en lecture seule";
    case "ENOSPC":
      return "disque plein";
    case "EEXIST":
      return "le fichier existe déjà";
    case "ENAMETOOLONG":
      return "nom de fichier trop long";
    case "ELOOP":
      return "trop de liens symboliques";
    default:
      return code(e) ? `erreur système ${code(e)}` : "erreur inconnue";
  }
}
