/**
 * Reading a .xlsx package safely: the central directory is read by hand, each part is inflated on
 * demand while counting the bytes really produced (declared sizes can lie), and a part or a package
 * that inflates past a sane limit is refused. Part names are keys, never file-system paths.
 */
import { Inflate } from "fflate";

export const MAX_PART_BYTES = 64 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 256 * 1024 * 1024;
export const MAX_ENTRIES = 20_000;

export class PackageError extends Error {}

interface EntryInfo {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

export type PackageEntries = Map<string, Uint8Array>;

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}

/** A part name as a key: forward slashes, no leading slash. */
export function normalisePartName(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "");
}

export class ZipReader {
  private readonly entries = new Map<string, EntryInfo>();
  private inflated = 0;

  constructor(private readonly bytes: Uint8Array) {
    let eocd = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
      if (u32(bytes, i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new PackageError("ce n'est pas un classeur .xlsx (archive zip invalide)");
    const count = u16(bytes, eocd + 10);
    let p = u32(bytes, eocd + 16);
    if (count > MAX_ENTRIES) throw new PackageError(`l'archive déclare ${count} parties (plus de ${MAX_ENTRIES})`);
    const decoder = new TextDecoder("utf-8");
    for (let i = 0; i < count; i++) {
      if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50)
        throw new PackageError("archive zip endommagée (répertoire central illisible)");
      const method = u16(bytes, p + 10);
      const compressedSize = u32(bytes, p + 20);
      const nameLen = u16(bytes, p + 28);
      const extraLen = u16(bytes, p + 30);
      const commentLen = u16(bytes, p + 32);
      const localOffset = u32(bytes, p + 42);
      const name = normalisePartName(decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)));
      if (!name.endsWith("/")) this.entries.set(name, { name, method, compressedSize, localOffset });
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(normalisePartName(name));
  }

  /** The part's bytes, or undefined when there is no such part. */
  read(name: string): Uint8Array | undefined {
    const e = this.entries.get(normalisePartName(name));
    if (!e) return undefined;
    const b = this.bytes;
    const o = e.localOffset;
    if (o + 30 > b.length || u32(b, o) !== 0x04034b50)
      throw new PackageError(`partie « ${e.name} » illisible (archive zip endommagée)`);
    const start = o + 30 + u16(b, o + 26) + u16(b, o + 28);
    const end = start + e.compressedSize;
    if (end > b.length) throw new PackageError(`partie « ${e.name} » tronquée (archive zip endommagée)`);
    const data = b.subarray(start, end);
    if (e.method === 0) return this.count(e.name, data.length) ?? data;
    if (e.method !== 8)
      throw new PackageError(`partie « ${e.name} » compressée d'une façon inconnue (méthode ${e.method})`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    const inflater = new Inflate((chunk) => {
      size += chunk.length;
      this.count(e.name, chunk.length);
      if (size > MAX_PART_BYTES)
        throw new PackageError(
          `une partie du classeur (${e.name}) dépasse ${MAX_PART_BYTES / 1024 / 1024} Mo une fois décompressée (archive piégée ?)`,
        );
      chunks.push(chunk);
    });
    try {
      // Feed in slices so a bomb is stopped after a bounded amount of output, not after all of it.
      const step = 64 * 1024;
      for (let i = 0; i < data.length; i += step)
        inflater.push(data.subarray(i, Math.min(data.length, i + step)), i + step >= data.length);
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (err) {
      if (err instanceof PackageError) throw err;
      throw new PackageError(`partie « ${e.name} » illisible (données compressées invalides)`);
    }
    const out = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }

  private count(name: string, n: number): undefined {
    this.inflated += n;
    if (this.inflated > MAX_TOTAL_BYTES) {
      throw new PackageError(
        `le classeur dépasse ${MAX_TOTAL_BYTES / 1024 / 1024} Mo une fois décompressé (archive piégée ?), à la partie ${name}`,
      );
    }
    return undefined;
  }
}

/** Every part of a package, in the archive's order, within the limits above. */
export function readPackage(bytes: Uint8Array): PackageEntries {
  const zip = new ZipReader(bytes);
  const out: PackageEntries = new Map();
  for (const name of zip.names()) out.set(name, zip.read(name) as Uint8Array);
  return out;
}
