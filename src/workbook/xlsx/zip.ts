/**
 * Safe unzip of an .xlsx package. The central directory is read by hand; a part is inflated only when
 * asked for, by Node's zlib with an output ceiling: declared sizes are never trusted nor used to allocate,
 * and zlib stops producing (and allocating) as soon as the ceiling is passed. A part past
 * {@link MAX_PART_BYTES}, or all parts read past {@link MAX_TOTAL_BYTES}, are refused at that point.
 * Part names are keys of a map, never file-system paths. (zlib in C inflates a workbook about 4 times
 * faster than fflate in JavaScript; this reader runs only in Node, the command line and its workers.)
 */
import { inflateRawSync } from "zlib";

/** A part may not inflate past 64 MiB. */
export const MAX_PART_BYTES = 64 * 1024 * 1024;
/** All the parts read from one package may not inflate past 256 MiB in total. */
export const MAX_TOTAL_BYTES = 256 * 1024 * 1024;
/** Entries in the central directory (an .xlsx has tens; a workbook of 10,000 sheets about 20,000). */
export const MAX_ENTRIES = 100_000;

export type ZipErrorCode =
  | "not-zip"
  | "ole-file"
  | "damaged"
  | "too-many-entries"
  | "encrypted"
  | "unsupported-method"
  | "part-too-big"
  | "package-too-big";

/** A package that cannot be read; `part` names the part concerned, if any. English message, for developers. */
export class ZipError extends Error {
  constructor(
    readonly code: ZipErrorCode,
    message: string,
    readonly part?: string,
  ) {
    super(message);
    this.name = "ZipError";
  }
}

export interface ZipEntry {
  /** The normalised part name: forward slashes, no leading slash. */
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly encrypted: boolean;
  readonly compressedSize: number;
  /** What the archive claims; informative only, never used to allocate nor to stop. */
  readonly declaredSize: number;
  readonly localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const U32_MAX = 0xffffffff;

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}

function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}

function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

/** A part name as a key: `\` becomes `/`, leading slashes go. `../../etc/passwd` stays that string. */
export function normalisePartName(name: string): string {
  let n = name.includes("\\") ? name.replace(/\\/g, "/") : name;
  let start = 0;
  while (start < n.length && n[start] === "/") start++;
  if (start > 0) n = n.slice(start);
  return n;
}

interface Directory {
  readonly offset: number;
  readonly size: number;
  readonly count: number;
}

function isOleFile(bytes: Uint8Array): boolean {
  return bytes.length >= OLE_SIGNATURE.length && OLE_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Zip64 end of central directory, found through its locator just before the classic record. */
function readZip64Directory(bytes: Uint8Array, eocd: number): Directory | undefined {
  const locator = eocd - 20;
  if (locator < 0 || u32(bytes, locator) !== ZIP64_LOCATOR_SIGNATURE) return undefined;
  const at = u64(bytes, locator + 8);
  if (at + 56 > bytes.length || u32(bytes, at) !== ZIP64_EOCD_SIGNATURE) return undefined;
  return { count: u64(bytes, at + 32), size: u64(bytes, at + 40), offset: u64(bytes, at + 48) };
}

/** The end-of-central-directory record: the last one, scanning back over a possible archive comment. */
function findDirectory(bytes: Uint8Array): Directory {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (u32(bytes, i) !== EOCD_SIGNATURE) continue;
    let dir: Directory = { count: u16(bytes, i + 10), size: u32(bytes, i + 12), offset: u32(bytes, i + 16) };
    if (dir.count === 0xffff || dir.size === U32_MAX || dir.offset === U32_MAX)
      dir = readZip64Directory(bytes, i) ?? dir;
    if (dir.offset <= i && dir.offset + dir.size <= bytes.length) return dir;
  }
  throw new ZipError("not-zip", "no end of central directory record");
}

/** Sizes and offset that did not fit in 32 bits, from the zip64 extra field (id 1). */
function applyZip64Extra(
  bytes: Uint8Array,
  extraStart: number,
  extraEnd: number,
  fields: { declaredSize: number; compressedSize: number; localHeaderOffset: number },
): void {
  let p = extraStart;
  while (p + 4 <= extraEnd) {
    const id = u16(bytes, p);
    const len = u16(bytes, p + 2);
    if (id === 1) {
      let q = p + 4;
      const end = Math.min(extraEnd, q + len);
      if (fields.declaredSize === U32_MAX && q + 8 <= end) ((fields.declaredSize = u64(bytes, q)), (q += 8));
      if (fields.compressedSize === U32_MAX && q + 8 <= end) ((fields.compressedSize = u64(bytes, q)), (q += 8));
      if (fields.localHeaderOffset === U32_MAX && q + 8 <= end) fields.localHeaderOffset = u64(bytes, q);
      return;
    }
    p += 4 + len;
  }
}

function readEntries(bytes: Uint8Array, dir: Directory): ZipEntry[] {
  if (dir.count > MAX_ENTRIES) throw new ZipError("too-many-entries", `${dir.count} entries`);
  const decoder = new TextDecoder("utf-8");
  const entries: ZipEntry[] = [];
  let p = dir.offset;
  for (let i = 0; i < dir.count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== CENTRAL_SIGNATURE)
      throw new ZipError("damaged", `central directory entry ${i} unreadable`);
    const flags = u16(bytes, p + 8);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    const nameEnd = p + 46 + nameLength;
    if (nameEnd + extraLength > bytes.length) throw new ZipError("damaged", `central directory entry ${i} truncated`);
    const fields = {
      declaredSize: u32(bytes, p + 24),
      compressedSize: u32(bytes, p + 20),
      localHeaderOffset: u32(bytes, p + 42),
    };
    applyZip64Extra(bytes, nameEnd, nameEnd + extraLength, fields);
    entries.push({
      name: normalisePartName(decoder.decode(bytes.subarray(p + 46, nameEnd))),
      method: u16(bytes, p + 10),
      encrypted: (flags & 1) !== 0,
      ...fields,
    });
    p = nameEnd + extraLength + commentLength;
  }
  return entries;
}

/** An opened package: its entries listed, each part inflated on demand within the limits. */
export class ZipPackage {
  private readonly entries = new Map<string, ZipEntry>();
  /** Lower-cased names: OPC part names compare case-insensitively. */
  private readonly folded = new Map<string, ZipEntry>();
  private inflatedTotal = 0;

  private constructor(private readonly bytes: Uint8Array) {}

  /** Lists the entries of `bytes`; throws {@link ZipError} when it is no zip archive. */
  static open(bytes: Uint8Array): ZipPackage {
    if (isOleFile(bytes)) throw new ZipError("ole-file", "OLE compound file (encrypted workbook or .xls)");
    if (bytes.length < 22) throw new ZipError("not-zip", "too short for a zip archive");
    const pkg = new ZipPackage(bytes);
    for (const entry of readEntries(bytes, findDirectory(bytes))) {
      if (entry.name === "" || entry.name.endsWith("/") || pkg.entries.has(entry.name)) continue;
      pkg.entries.set(entry.name, entry);
      const key = entry.name.toLowerCase();
      if (!pkg.folded.has(key)) pkg.folded.set(key, entry);
    }
    return pkg;
  }

  /** Part names, in the archive's order (directories left out). */
  names(): string[] {
    return [...this.entries.keys()];
  }

  entry(name: string): ZipEntry | undefined {
    const key = normalisePartName(name);
    return this.entries.get(key) ?? this.folded.get(key.toLowerCase());
  }

  has(name: string): boolean {
    return this.entry(name) !== undefined;
  }

  /** Bytes inflated so far by {@link read}, all parts together. */
  get totalRead(): number {
    return this.inflatedTotal;
  }

  /** The part's bytes, or undefined when the package has no such part. Throws {@link ZipError}. */
  read(name: string): Uint8Array | undefined {
    const entry = this.entry(name);
    if (!entry) return undefined;
    if (entry.encrypted) throw new ZipError("encrypted", "encrypted entry", entry.name);
    const data = this.compressedData(entry);
    if (entry.method === 0) {
      this.count(entry.name, data.length, data.length);
      return data;
    }
    if (entry.method !== 8) throw new ZipError("unsupported-method", `method ${entry.method}`, entry.name);
    const partRoom = MAX_PART_BYTES;
    const packageRoom = MAX_TOTAL_BYTES - this.inflatedTotal;
    let inflated: Uint8Array;
    try {
      // One byte past the smaller room: reaching it proves a limit is passed, without producing more.
      inflated = inflateRawSync(data, { maxOutputLength: Math.min(partRoom, packageRoom) + 1 });
    } catch (e) {
      if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
        this.count(entry.name, Math.min(partRoom, packageRoom) + 1, Math.min(partRoom, packageRoom) + 1);
      }
      throw new ZipError("damaged", `invalid deflate data (${e instanceof Error ? e.message : String(e)})`, entry.name);
    }
    this.count(entry.name, inflated.length, inflated.length);
    return inflated;
  }

  private compressedData(entry: ZipEntry): Uint8Array {
    const b = this.bytes;
    const o = entry.localHeaderOffset;
    if (o + 30 > b.length || u32(b, o) !== LOCAL_SIGNATURE)
      throw new ZipError("damaged", "local header not found", entry.name);
    const start = o + 30 + u16(b, o + 26) + u16(b, o + 28);
    const end = start + entry.compressedSize;
    if (end > b.length) throw new ZipError("damaged", "data runs past the end of the archive", entry.name);
    return b.subarray(start, end);
  }

  /** Adds `n` bytes produced by part `name` (now `partSize` in all) and stops when a limit is passed. */
  private count(name: string, partSize: number, n: number): void {
    this.inflatedTotal += n;
    if (partSize > MAX_PART_BYTES) throw new ZipError("part-too-big", "part over the limit", name);
    if (this.inflatedTotal > MAX_TOTAL_BYTES) throw new ZipError("package-too-big", "package over the limit", name);
  }
}
