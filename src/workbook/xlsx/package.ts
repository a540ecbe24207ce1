/** The package the updater edits: every part by name, the XML ones parsed on demand, written back as a zip. */
import { zipSync } from "fflate";
import { ZipPackage } from "./zip";
import { parseXmlTree, serializeDocument, type XmlElement } from "./xml-tree";

export const WORKSHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
export const WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
export const RELS_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';
export const CALC_CHAIN_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain";

export class XlsxUpdateError extends Error {}

export type PackageEntries = Map<string, Uint8Array>;

/** Every part of a package, in the archive's order, within the reader's limits (zip bombs refused). */
export function readPackage(bytes: Uint8Array): PackageEntries {
  const zip = ZipPackage.open(bytes);
  const out: PackageEntries = new Map();
  for (const name of zip.names()) out.set(name, zip.read(name) as Uint8Array);
  return out;
}

export interface Doc {
  prolog: string;
  root: XmlElement;
}

export function dirOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i + 1);
}

export class Package {
  private readonly docs = new Map<string, Doc>();
  private readonly dirty = new Set<string>();
  private readonly decoder = new TextDecoder("utf-8");

  constructor(readonly entries: PackageEntries) {}

  has(path: string): boolean {
    return this.entries.has(path);
  }

  doc(path: string): Doc {
    let d = this.docs.get(path);
    if (!d) {
      const bytes = this.entries.get(path);
      if (!bytes) throw new XlsxUpdateError(`partie ${path} absente`);
      d = parseXmlTree(this.decoder.decode(bytes));
      this.docs.set(path, d);
    }
    return d;
  }

  create(path: string, xml: string): Doc {
    this.entries.set(path, new TextEncoder().encode(xml));
    const d = parseXmlTree(xml);
    this.docs.set(path, d);
    this.dirty.add(path);
    return d;
  }

  touch(path: string): void {
    this.dirty.add(path);
  }

  remove(path: string): void {
    this.entries.delete(path);
    this.docs.delete(path);
    this.dirty.delete(path);
  }

  toBytes(): Uint8Array {
    const enc = new TextEncoder();
    for (const path of this.dirty) {
      const d = this.docs.get(path);
      if (d) this.entries.set(path, enc.encode(serializeDocument(d.prolog, d.root)));
    }
    const files: Record<string, Uint8Array> = {};
    for (const [name, bytes] of this.entries) files[name] = bytes;
    return zipSync(files, { level: 6 });
  }
}
