/**
 * A small streaming XML parser for OOXML parts, with no dependency. It reports elements (qualified names
 * kept as written: `r:id`, `x14:dataValidation`), attributes, text and CDATA to a handler, in one pass:
 * every scan moves forward (indexOf or a bounded loop), the open elements live in an array, so the cost
 * is linear in the input and nesting depth never touches the call stack.
 *
 * Only the five predefined entities and numeric character references are decoded. A document type
 * declaration (`<!DOCTYPE`, `<!ENTITY`, any `<!` that is neither a comment nor CDATA) is refused:
 * entities are never expanded and nothing is ever fetched.
 *
 * It is lenient where spreadsheet programs are (stray text outside the root element, an unknown entity
 * reference kept as written) and strict where structure is at stake (tags must nest and close).
 */

import { isAscii } from "buffer";

export type XmlAttributes = Readonly<Record<string, string>>;

/** Node's own slicing methods of a Buffer, which `toString(encoding, from, to)` reaches after checks and copies. */
interface SlicedBuffer extends Buffer {
  latin1Slice(from: number, to: number): string;
  utf8Slice(from: number, to: number): string;
}

/**
 * A document's characters, and the one way to take a stretch of them out. A UTF-8 part (every OOXML part) is read
 * as Latin-1 — one character per byte: building the string is a copy, about four times cheaper than decoding it
 * (a filled workbook is ~1.4 MB of XML), and positions are byte offsets. The markup is ASCII; a stretch handed out
 * that holds a byte from 0x80 up (« é », « ’ », « Œ ») is decoded from its own bytes, so what comes out is exactly
 * what decoding the whole part would have given. A part that is all ASCII, or one decoded otherwise (UTF-16),
 * needs no second look.
 */
export class XmlText {
  private constructor(
    readonly xml: string,
    /** The UTF-8 bytes behind a Latin-1 reading that holds some byte from 0x80 up; undefined otherwise. */
    private readonly utf8: SlicedBuffer | undefined,
  ) {}

  /** Text already decoded (a test, a UTF-16 part). */
  static decoded(xml: string): XmlText {
    return new XmlText(xml, undefined);
  }

  /** UTF-8 bytes, without their byte order mark. */
  static utf8(bytes: Uint8Array): XmlText {
    const from = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const body = Buffer.from(bytes.buffer, bytes.byteOffset + from, bytes.length - from) as SlicedBuffer;
    return new XmlText(body.latin1Slice(0, body.length), isAscii(body) ? undefined : body);
  }

  /** The characters between `from` and `to`, as written. */
  cut(from: number, to: number): string {
    const bytes = this.utf8;
    if (bytes !== undefined) {
      // A look at the bytes themselves, cheaper than a regular expression on the slice (A/B: read 19 % faster).
      let high = 0;
      for (let i = from; i < to; i++) high |= bytes[i];
      if (high > 0x7f) return bytes.utf8Slice(from, to);
    }
    return this.xml.slice(from, to);
  }
}

export interface XmlHandler {
  /** An element starts; a self-closing element gets `selfClosing` and then its `closeElement` at once. */
  openElement?(name: string, attributes: XmlAttributes, selfClosing: boolean): void;
  closeElement?(name: string): void;
  /** Character data inside the root element, entities decoded; CDATA sections arrive as they are. */
  text?(text: string): void;
  /**
   * Just after the start tag of an element that is not self-closing (`from`: the index past its `>`): the handler
   * may read some of its content itself and return the index where parsing goes on — the `<` of a child element
   * or of the element's own end tag, at the element's own depth. Whatever it read must be what the events would
   * have said; returning `from` reads nothing. (The worksheet reader's fast path for plain rows of cells.)
   */
  readContent?(name: string, text: XmlText, from: number): number;
}

export type XmlErrorKind = "doctype" | "syntax";

/** Why a document was refused; the message is a short French phrase (« balise </c> inattendue »). */
export class XmlError extends Error {
  constructor(
    readonly kind: XmlErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "XmlError";
  }
}

const DOCTYPE_MESSAGE = "DOCTYPE ou déclaration d'entité interdits";
const PREDEFINED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
/** `&#x10FFFF;` is the longest reference we decode: 8 characters between `&` and `;`. */
const MAX_REFERENCE_LENGTH = 10;
const NO_ATTRIBUTES: XmlAttributes = Object.freeze(Object.create(null) as Record<string, string>);

/** The local part of a qualified name: `x14:dataValidation` → `dataValidation`. */
export function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

function decodeReference(body: string): string | undefined {
  if (body.charCodeAt(0) !== 35 /* # */) return PREDEFINED[body];
  const hex = body[1] === "x" || body[1] === "X";
  const digits = body.slice(hex ? 2 : 1);
  if (digits === "" || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return undefined;
  const code = parseInt(digits, hex ? 16 : 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

/** Decodes `&amp;`-style and `&#…;` references; anything else (`&nbsp;`, a lone `&`) is kept as written. */
export function decodeEntities(raw: string): string {
  let amp = raw.indexOf("&");
  if (amp < 0) return raw;
  let out = "";
  let copied = 0;
  while (amp >= 0) {
    const limit = Math.min(raw.length, amp + 2 + MAX_REFERENCE_LENGTH);
    let semi = amp + 1;
    while (semi < limit && raw.charCodeAt(semi) !== 59 /* ; */ && raw.charCodeAt(semi) !== 38 /* & */) semi++;
    const decoded = semi < limit && raw.charCodeAt(semi) === 59 ? decodeReference(raw.slice(amp + 1, semi)) : undefined;
    if (decoded !== undefined) {
      out += raw.slice(copied, amp) + decoded;
      copied = semi + 1;
    }
    amp = raw.indexOf("&", decoded !== undefined ? semi + 1 : amp + 1);
  }
  return out + raw.slice(copied);
}

/** XML end-of-line handling: `\r\n` and lone `\r` become `\n`. */
export function normaliseNewlines(s: string): string {
  return s.includes("\r") ? s.replace(/\r\n?/g, "\n") : s;
}

/** Attribute-value normalisation: each literal tab, newline or carriage return counts as one space. */
function normaliseAttribute(s: string): string {
  return /[\t\n\r]/.test(s) ? s.replace(/\r\n|[\t\n\r]/g, " ") : s;
}

export function isNameEnd(code: number): boolean {
  // whitespace, `/`, `>`, `=`
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 47 || code === 62 || code === 61;
}

export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

export interface StartTag {
  readonly name: string;
  readonly attributes: XmlAttributes;
  readonly selfClosing: boolean;
  /** Index just past the closing `>`. */
  readonly end: number;
}

/** Reads `<name a="1" b='2'>` or `<name/>` starting at `lt`; each character is looked at once. */
export function readStartTag(text: XmlText, lt: number): StartTag {
  const xml = text.xml;
  const n = xml.length;
  let i = lt + 1;
  while (i < n && !isNameEnd(xml.charCodeAt(i))) i++;
  const name = text.cut(lt + 1, i);
  if (name === "") throw new XmlError("syntax", "nom d'élément manquant");
  let attributes: Record<string, string> | undefined;
  for (;;) {
    while (i < n && isSpace(xml.charCodeAt(i))) i++;
    if (i >= n) throw new XmlError("syntax", `balise <${name}> non terminée`);
    const code = xml.charCodeAt(i);
    if (code === 62 /* > */) return { name, attributes: attributes ?? NO_ATTRIBUTES, selfClosing: false, end: i + 1 };
    if (code === 47 /* / */) {
      if (xml.charCodeAt(i + 1) !== 62) throw new XmlError("syntax", `balise <${name}> mal formée`);
      return { name, attributes: attributes ?? NO_ATTRIBUTES, selfClosing: true, end: i + 2 };
    }
    const nameStart = i;
    while (i < n && !isNameEnd(xml.charCodeAt(i))) i++;
    const attribute = text.cut(nameStart, i);
    while (i < n && isSpace(xml.charCodeAt(i))) i++;
    if (attribute === "" || xml.charCodeAt(i) !== 61 /* = */)
      throw new XmlError("syntax", `attribut mal formé dans <${name}>`);
    i++;
    while (i < n && isSpace(xml.charCodeAt(i))) i++;
    const quote = xml[i];
    if (quote !== '"' && quote !== "'")
      throw new XmlError("syntax", `valeur d'attribut sans guillemets dans <${name}>`);
    const close = xml.indexOf(quote, i + 1);
    if (close < 0) throw new XmlError("syntax", `valeur d'attribut non terminée dans <${name}>`);
    // One look at each character: most values (« B12 », « 5 ») need neither decoding nor normalising.
    let plain = true;
    for (let k = i + 1; k < close; k++) {
      const c = xml.charCodeAt(k);
      if (c === 60 /* < */) throw new XmlError("syntax", `« < » dans une valeur d'attribut de <${name}>`);
      if (c === 38 /* & */ || c === 9 || c === 10 || c === 13) plain = false;
    }
    const raw = text.cut(i + 1, close);
    // A plain object (V8 keeps it in fast mode; one made by Object.create(null) is a slow dictionary): the one
    // name that would reach its prototype, « __proto__ », is no attribute of OOXML and is dropped.
    attributes ??= {};
    if (attribute !== "__proto__") attributes[attribute] = plain ? raw : decodeEntities(normaliseAttribute(raw));
    i = close + 1;
  }
}

/** The index just past `terminator` searched from `from`, or a syntax error named `what`. */
function skipPast(xml: string, from: number, terminator: string, what: string): number {
  const at = xml.indexOf(terminator, from);
  if (at < 0) throw new XmlError("syntax", `${what} non terminé`);
  return at + terminator.length;
}

/**
 * Parses `xml`, calling `handler` in document order. Throws {@link XmlError}: kind "doctype" for a
 * document type or entity declaration, "syntax" for broken structure.
 */
export function parseXml(document: string | XmlText, handler: XmlHandler): void {
  const text = typeof document === "string" ? XmlText.decoded(document) : document;
  const xml = text.xml;
  const open: string[] = [];
  let seenRoot = false;
  const n = xml.length;
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i && open.length > 0 && handler.text)
      handler.text(decodeEntities(normaliseNewlines(text.cut(i, textEnd))));
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 33 /* ! */) {
      if (xml.startsWith("<!--", lt)) i = skipPast(xml, lt + 4, "-->", "commentaire");
      else if (xml.startsWith("<![CDATA[", lt)) {
        const end = xml.indexOf("]]>", lt + 9);
        if (end < 0) throw new XmlError("syntax", "section CDATA non terminée");
        if (open.length > 0 && handler.text && end > lt + 9) handler.text(normaliseNewlines(text.cut(lt + 9, end)));
        i = end + 3;
      } else throw new XmlError("doctype", DOCTYPE_MESSAGE);
    } else if (next === 63 /* ? */) {
      i = skipPast(xml, lt + 2, "?>", "instruction de traitement");
    } else if (next === 47 /* / */) {
      const end = xml.indexOf(">", lt + 2);
      if (end < 0) throw new XmlError("syntax", "balise fermante non terminée");
      const name = text.cut(lt + 2, end).trimEnd();
      const expected = open.pop();
      if (expected !== name) throw new XmlError("syntax", `balise </${name}> inattendue`);
      handler.closeElement?.(name);
      i = end + 1;
    } else {
      const tag = readStartTag(text, lt);
      if (open.length === 0) {
        if (seenRoot) throw new XmlError("syntax", "plusieurs éléments racine");
        seenRoot = true;
      }
      handler.openElement?.(tag.name, tag.attributes, tag.selfClosing);
      if (tag.selfClosing) handler.closeElement?.(tag.name);
      else open.push(tag.name);
      i = tag.end;
      if (!tag.selfClosing && handler.readContent) i = handler.readContent(tag.name, text, i);
    }
  }
  if (!seenRoot) throw new XmlError("syntax", "document vide");
  if (open.length > 0) throw new XmlError("syntax", `élément <${open[open.length - 1]}> non fermé`);
}
