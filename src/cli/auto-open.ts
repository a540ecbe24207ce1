/**
 * The add-in a workbook written here asks Excel to open (#28): its id and version from manifest.xml (beside
 * dist-cli/, as package.json), and where it is deployed — `--store-type` (EXCatalog by default: centralized
 * deployment; FileSystem, SPCatalog, OMEX; « aucun »: no tag) and `--store`.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { zipSync } from "fflate";
import { readPackage } from "../workbook/xlsx/package";
import {
  addAutoOpen,
  manifestReference,
  STORE_TYPES,
  type AddinReference,
  type StoreType,
} from "../workbook/xlsx/webextension";
import { stringOption, type ParsedArgs } from "./args";
import { UserError } from "./files";

export const AUTO_OPEN_OPTIONS = ["store-type", "store"] as const;

const DEFAULT_STORE: Partial<Record<StoreType, string>> = { EXCatalog: "EXCatalog", OMEX: "fr-FR" };

export function addinReference(args: ParsedArgs): AddinReference | undefined {
  const type = stringOption(args, "store-type") ?? "EXCatalog";
  if (/^(aucun|none)$/i.test(type)) return undefined;
  const storeType = STORE_TYPES.find((t) => t.toLowerCase() === type.toLowerCase());
  if (!storeType) throw new UserError(`--store-type : « ${type} » inconnu (${STORE_TYPES.join(", ")}, ou aucun).`);
  const store = stringOption(args, "store") ?? DEFAULT_STORE[storeType];
  if (store === undefined)
    throw new UserError(
      `--store-type ${storeType} : indiquez --store (${storeType === "FileSystem" ? "le chemin réseau du catalogue, \\\\serveur\\partage" : "l'adresse du catalogue SharePoint"}).`,
    );
  let manifest: string;
  try {
    manifest = readFileSync(path.join(__dirname, "../../manifest.xml"), "utf8");
  } catch {
    throw new UserError(
      "manifest.xml introuvable à côté de la ligne de commande : --store-type aucun pour s'en passer.",
    );
  }
  const ref = manifestReference(manifest);
  if (!ref) throw new UserError("manifest.xml ne donne pas l'Id et la Version du complément.");
  return { ...ref, storeType, store };
}

/** The workbook's bytes with the auto-open parts (unchanged when it already has task panes, or no add-in). */
export function tagForAutoOpen(bytes: Uint8Array, addin: AddinReference | undefined): Uint8Array {
  if (!addin) return bytes;
  const entries = readPackage(bytes);
  if (!addAutoOpen(entries, addin)) return bytes;
  return zipSync(Object.fromEntries(entries), { level: 6 });
}
