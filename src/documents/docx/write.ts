/**
 * A .docx writer without dependencies but fflate's zip: WordprocessingML written by hand, in the schema's
 * element order, so that Word opens it without repairs and LibreOffice and python-docx read it as Word does.
 */
import { zipSync } from "fflate";
import type { DocumentModel } from "../../domain/dossier/document";
import { bodyXml } from "./body";
import {
  appXml,
  contentTypesXml,
  coreXml,
  documentRelsXml,
  documentXml,
  footerXml,
  headerXml,
  packageRelsXml,
  settingsXml,
} from "./parts";
import { numberingXml, stylesXml } from "./styles";

/** Options of {@link writeDocx}. */
export interface WriteDocxOptions {
  /** The creation date of the document properties (and of the zip entries); now by default. */
  readonly created?: Date;
  /**
   * The page of each level 1 and 2 heading, in order, as a layout found them: written as the cached page
   * numbers of the table of contents (without them, its entries have no page until it is refreshed).
   */
  readonly tocPages?: readonly number[];
}

/** The creation date: the one given if it is a valid date, else now. */
function creationDate(created: Date | undefined): Date {
  return created && !Number.isNaN(created.getTime()) ? created : new Date();
}

/** Every part of the package by name, `[Content_Types].xml` first. */
export function docxParts(doc: DocumentModel, created: Date, tocPages: readonly number[] = []): Record<string, string> {
  const body = bodyXml(doc.blocks, undefined, tocPages);
  return {
    "[Content_Types].xml": contentTypesXml(),
    "_rels/.rels": packageRelsXml(),
    "word/document.xml": documentXml(body.xml, body.orientation, body.firstSection),
    "word/_rels/document.xml.rels": documentRelsXml(body.links.entries()),
    "word/styles.xml": stylesXml(),
    "word/settings.xml": settingsXml(),
    "word/numbering.xml": numberingXml(),
    "word/header1.xml": headerXml(doc.header),
    "word/footer1.xml": footerXml(doc.footer),
    "word/footer2.xml": footerXml(doc.footer),
    "docProps/core.xml": coreXml(doc.title, doc.author, created),
    "docProps/app.xml": appXml(doc.application),
  };
}

/** The document as the bytes of a .docx file. */
export function writeDocx(doc: DocumentModel, options: WriteDocxOptions = {}): Uint8Array {
  const created = creationDate(options.created);
  const encoder = new TextEncoder();
  const files: Record<string, Uint8Array> = {};
  for (const [name, xml] of Object.entries(docxParts(doc, created, options.tocPages)))
    files[name] = encoder.encode(xml);
  // Zip timestamps are DOS dates (1980-2099): outside that range, fflate's default (now) is kept.
  const year = created.getFullYear();
  const mtime = year > 1980 && year < 2099 ? created : undefined;
  return zipSync(files, { level: 6, ...(mtime ? { mtime } : {}) });
}
