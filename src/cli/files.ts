/** File-system helpers of the command line: writes are atomic (temporary file, then rename). */
import { constants as fsConstants, promises as fs } from "fs";
import * as path from "path";
import type { WorkbookSnapshot } from "../domain/snapshot";
import { readXlsx, XlsxReadError } from "../workbook/xlsx/read";

import { UserError } from "./errors";

export { UserError };

/**
 * Refuses a target that exists and is read-only (no write permission bit, or not writable by this user):
 * a rename would replace it, and its permissions with it. Root can write anything; the mode bits still say
 * what the owner meant. Returns the existing file's mode, or undefined when there is no file yet.
 */
async function writableTarget(target: string): Promise<number | undefined> {
  let stat;
  try {
    stat = await fs.stat(target);
  } catch {
    return undefined;
  }
  if (stat.isDirectory()) return stat.mode;
  let writable = (stat.mode & 0o222) !== 0;
  if (writable)
    writable = await fs.access(target, fsConstants.W_OK).then(
      () => true,
      () => false,
    );
  if (!writable)
    throw new UserError(
      `« ${target} » est en lecture seule : il n'a pas été modifié. Ôtez la lecture seule ou choisissez un autre fichier de sortie (--out).`,
    );
  return stat.mode;
}

/** Whether a file (not a folder) is there already. */
export async function fileExists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    (s) => !s.isDirectory(),
    () => false,
  );
}

/**
 * Writes `bytes` to `target` through a temporary file renamed at the end: a crash leaves no partial file.
 * A read-only target is refused untouched; a replaced file keeps its permissions.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const mode = await writableTarget(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(tmp, bytes, { flag: "wx" });
    if (mode !== undefined) await fs.chmod(tmp, mode & 0o7777);
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw new UserError(`Impossible d'écrire « ${target} » : ${describeFsError(e)}.`);
  }
}

export async function readInputFile(file: string): Promise<Uint8Array> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new UserError(`« ${file} » est un dossier, pas un fichier .xlsx.`);
    return new Uint8Array(await fs.readFile(file));
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`Impossible de lire « ${file} » : ${describeFsError(e)}.`);
  }
}

/** A workbook file read and parsed; what cannot be read is one French line (UserError) naming the file. */
export async function readWorkbookFile(file: string): Promise<{ bytes: Uint8Array; snapshot: WorkbookSnapshot }> {
  const bytes = await readInputFile(file);
  try {
    return { bytes, snapshot: readXlsx(bytes) };
  } catch (e) {
    if (e instanceof XlsxReadError) throw new UserError(`${file} : ${e.message}`);
    throw e;
  }
}

export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
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
    default:
      return code ? `erreur système ${code}` : "erreur inconnue";
  }
}
