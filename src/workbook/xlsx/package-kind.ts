/**
 * What a file's bytes are, seen from its container before it is read as a workbook: an OLE compound file
 * (.xls, or an encrypted workbook), an OpenDocument spreadsheet (.ods), an Open XML workbook (and then
 * whether it is Strict, whether it is macro-enabled), another zip, or something else. Pure; never throws.
 * It reuses the reader's safe unzip and part lookup ({@link ZipPackage}, {@link Parts}).
 */
import { Parts, findWorkbookPart, resolvePartName } from "./read-package";
import { localName } from "./xml";
import { ZipError, ZipPackage } from "./zip";

/** The main namespace of a Strict Open XML workbook (ISO/IEC 29500 Strict). */
export const STRICT_MAIN_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main";
/** The `mimetype` of an OpenDocument spreadsheet (a template adds « -template »). */
export const OPENDOCUMENT_SPREADSHEET = "application/vnd.oasis.opendocument.spreadsheet";
const MACRO_ENABLED = /\.macroEnabled\.main\+xml$/i;

export type Container = "ole" | "opendocument-spreadsheet" | "ooxml" | "zip" | "other";

export interface PackageKind {
  readonly container: Container;
  /** An Open XML workbook whose workbook part is in the Strict namespace (or says `conformance="strict"`). */
  readonly strict: boolean;
  /** An Open XML workbook whose workbook part has the macro-enabled content type (an .xlsm, .xltm). */
  readonly macroEnabled: boolean;
}

const OTHER: PackageKind = { container: "other", strict: false, macroEnabled: false };

/** Stops a parse once the root element is seen (a workbook part may be long; its root says enough). */
const ROOT_SEEN = Symbol("root seen");

/** The namespace of the workbook part's root element, and whether it declares Strict conformance. */
function rootOf(parts: Parts, part: string): { namespace?: string; strictConformance: boolean } {
  const root: { namespace?: string; strictConformance: boolean } = { strictConformance: false };
  try {
    parts.parse(
      part,
      {
        openElement(qname, a) {
          const colon = qname.indexOf(":");
          root.namespace = a[colon < 0 ? "xmlns" : `xmlns:${qname.slice(0, colon)}`];
          for (const key in a) if (localName(key) === "conformance") root.strictConformance = a[key] === "strict";
          throw ROOT_SEEN;
        },
      },
      undefined,
      true,
    );
  } catch (e) {
    if (e !== ROOT_SEEN) throw e;
  }
  return root;
}

/** The content type `[Content_Types].xml` gives `part`: its Override, else the Default of its extension. */
function contentTypeOf(parts: Parts, part: string): string | undefined {
  const wanted = part.toLowerCase();
  const extension = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
  let override: string | undefined;
  let byExtension: string | undefined;
  parts.parse(
    "[Content_Types].xml",
    {
      openElement(name, a) {
        const local = localName(name);
        if (local === "Override" && resolvePartName("", a.PartName ?? "").toLowerCase() === wanted)
          override ??= a.ContentType;
        else if (local === "Default" && (a.Extension ?? "").toLowerCase() === extension) byExtension ??= a.ContentType;
      },
    },
    undefined,
    true,
  );
  return override ?? byExtension;
}

export function packageKind(bytes: Uint8Array): PackageKind {
  let zip: ZipPackage;
  try {
    zip = ZipPackage.open(bytes);
  } catch (e) {
    return e instanceof ZipError && e.code === "ole-file" ? { ...OTHER, container: "ole" } : OTHER;
  }
  try {
    const mimetype = zip.read("mimetype");
    if (mimetype && new TextDecoder().decode(mimetype).trim().startsWith(OPENDOCUMENT_SPREADSHEET))
      return { ...OTHER, container: "opendocument-spreadsheet" };
    const parts = new Parts(zip);
    const workbook = findWorkbookPart(parts);
    const root = rootOf(parts, workbook);
    return {
      container: "ooxml",
      strict: root.namespace === STRICT_MAIN_NS || root.strictConformance,
      macroEnabled: MACRO_ENABLED.test(contentTypeOf(parts, workbook) ?? ""),
    };
  } catch {
    // No workbook part, a damaged part, a DOCTYPE…: the reader will say what it is, in its own words.
    return { ...OTHER, container: "zip" };
  }
}
