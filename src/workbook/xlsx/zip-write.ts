/**
 * A zip writer for many packages that share most of their parts (batch generation, #28): each part of the
 * template is deflated once; a package is then the template's compressed parts with a few parts replaced,
 * deflated on their own. And a part written piece by piece, deflated in libuv's threads while it is written (the
 * académie's table). Node only (zlib in C, its CRC-32), as the reader.
 */
import { promisify } from "util";
import { constants, crc32, deflateRaw, deflateRawSync } from "zlib";

export interface Compressed {
  readonly name: Uint8Array;
  readonly data: Uint8Array;
  readonly crc: number;
  readonly size: number;
}

const encoder = new TextEncoder();

export function compress(name: string, bytes: Uint8Array): Compressed {
  return {
    name: encoder.encode(name),
    data: deflateRawSync(bytes, { level: 6 }),
    crc: crc32(bytes) >>> 0,
    size: bytes.length,
  };
}

/** DOS time and date of `d` (the zip's 2-second resolution). */
function dosTime(d: Date): [number, number] {
  const time = (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2);
  const date = ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
  return [time, date];
}

export class TemplateZip {
  private readonly parts: Map<string, Compressed>;
  private readonly stamp: [number, number];

  /** `entries`: every part of the template, in the order the package keeps them. */
  constructor(entries: ReadonlyMap<string, Uint8Array>, now = new Date()) {
    this.parts = new Map([...entries].map(([name, bytes]) => [name, compress(name, bytes)]));
    this.stamp = dosTime(now);
  }

  /** The package with `replaced` parts (by name; a name not in the template is added at the end). */
  build(replaced: ReadonlyMap<string, Uint8Array>): Uint8Array {
    const list: Compressed[] = [];
    for (const [name, part] of this.parts) {
      const bytes = replaced.get(name);
      list.push(bytes ? compress(name, bytes) : part);
    }
    for (const [name, bytes] of replaced) if (!this.parts.has(name)) list.push(compress(name, bytes));
    return zipOf(list, this.stamp);
  }
}

/** The package of these compressed parts, in this order; `stamp`: their DOS time and date. */
function zipOf(list: readonly Compressed[], stamp: [number, number]): Uint8Array {
  let size = 22;
  for (const p of list) size += 30 + p.name.length + p.data.length + 46 + p.name.length;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const [time, date] = stamp;
  let o = 0;
  const offsets: number[] = [];
  const header = (sig: number, p: Compressed, central: boolean, offset = 0) => {
    view.setUint32(o, sig, true);
    o += 4;
    if (central) {
      view.setUint16(o, 20, true);
      o += 2;
    }
    view.setUint16(o, 20, true); // version needed
    view.setUint16(o + 2, 0x0800, true); // UTF-8 names
    view.setUint16(o + 4, 8, true); // deflated
    view.setUint16(o + 6, time, true);
    view.setUint16(o + 8, date, true);
    view.setUint32(o + 10, p.crc, true);
    view.setUint32(o + 14, p.data.length, true);
    view.setUint32(o + 18, p.size, true);
    view.setUint16(o + 22, p.name.length, true);
    view.setUint16(o + 24, 0, true); // extra
    o += 26;
    if (central) {
      view.setUint16(o, 0, true); // comment
      view.setUint16(o + 2, 0, true); // disk
      view.setUint16(o + 4, 0, true); // internal attributes
      view.setUint32(o + 6, 0, true); // external attributes
      view.setUint32(o + 10, offset, true);
      o += 14;
    }
    out.set(p.name, o);
    o += p.name.length;
  };
  for (const p of list) {
    offsets.push(o);
    header(0x04034b50, p, false);
    out.set(p.data, o);
    o += p.data.length;
  }
  const central = o;
  list.forEach((p, i) => header(0x02014b50, p, true, offsets[i]));
  view.setUint32(o, 0x06054b50, true);
  view.setUint16(o + 4, 0, true);
  view.setUint16(o + 6, 0, true);
  view.setUint16(o + 8, list.length, true);
  view.setUint16(o + 10, list.length, true);
  view.setUint32(o + 12, o - central, true);
  view.setUint32(o + 16, central, true);
  view.setUint16(o + 20, 0, true);
  return out;
}

/** A package of these parts, compressed (`compress`, `DeflatedPart`), in this order. */
export function zipCompressed(parts: readonly Compressed[], now = new Date()): Uint8Array {
  return zipOf(parts, dosTime(now));
}

const deflateRawAsync = promisify(deflateRaw);

/** How much text a piece of a `DeflatedPart` holds before it is deflated (≈ 1 MB: 140 pieces for 200,000 findings). */
const PIECE = 1 << 20;

/**
 * A part written as text, piece by piece (the académie's « Constats »: 140 MB of XML), each piece of about 1 MB
 * encoded and handed to zlib in libuv's threads as soon as it is full: the pieces are deflated in parallel and
 * while the next ones are written, where one deflate of the whole part took the main thread 1.5 s after it had
 * been written. Each piece is deflated on its own and ends with a sync flush (byte-aligned, not the last block),
 * the last one ends the stream: their concatenation is one deflate stream (as pigz makes it), a piece's first
 * bytes only not finding their match in the previous piece (the part is < 1 % larger).
 */
export class DeflatedPart {
  private readonly deflated: Promise<Buffer>[] = [];
  private text: string[] = [];
  private length = 0;
  private crc = 0;
  private size = 0;

  constructor(private readonly name: string) {}

  write(text: string): void {
    this.text.push(text);
    this.length += text.length;
    if (this.length >= PIECE) this.deflate(false);
  }

  private deflate(last: boolean): void {
    const bytes = encoder.encode(this.text.join(""));
    this.text = [];
    this.length = 0;
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    this.deflated.push(
      deflateRawAsync(bytes, { level: 6, finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }),
    );
  }

  /** The part, once its last piece is deflated. */
  async end(): Promise<Compressed> {
    this.deflate(true);
    const data = Buffer.concat(await Promise.all(this.deflated));
    return { name: encoder.encode(this.name), data, crc: this.crc >>> 0, size: this.size };
  }
}
