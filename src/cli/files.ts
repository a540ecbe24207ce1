/** File-system helpers of the command line: writes are atomic (temporary file, then rename). */
import { promises as fs } from "fs";
import * as path from "path";

export class UserError extends Error {}

/** Writes `bytes` to `target` through a temporary file renamed at the end: a crash leaves no partial file. */
export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(tmp, bytes, { flag: "wx" });
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
