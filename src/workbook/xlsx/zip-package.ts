/** The entries of a package, in their order, for the updater. */
import { unzipSync } from "fflate";

export type PackageEntries = Map<string, Uint8Array>;

export function readPackage(bytes: Uint8Array): PackageEntries {
  const files = unzipSync(bytes);
  return new Map(Object.entries(files));
}
