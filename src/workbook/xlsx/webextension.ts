/**
 * « Automatically open a task pane with a document » for a workbook written by the command line (#28): the
 * Open XML parts Microsoft describes (learn.microsoft.com/office/dev/add-ins/develop/automatically-open-a-task-pane-with-a-document;
 * [MS-OWEXML] 2.2.5 CT_OsfWebExtensionReference): xl/webextensions/webextension1.xml names the add-in (the id and
 * version of manifest.xml, its store) and carries the property Office.AutoShowTaskpaneWithDocument = true — the
 * document setting the pane writes (src/workbook/office/settings.ts) —, xl/webextensions/taskpanes.xml docks
 * it, with their relationships and content types. visibility="0", as Microsoft's example: the property decides,
 * as in a workbook the pane tagged, so both behave the same.
 */
import type { PackageEntries } from "./package";
import { escapeAttr } from "./xml-tree";

export const TASKPANES_PART = "xl/webextensions/taskpanes.xml";
export const WEBEXTENSION_PART = "xl/webextensions/webextension1.xml";
const TASKPANES_REL = "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes";
const WEBEXTENSION_REL = "http://schemas.microsoft.com/office/2011/relationships/webextension";
const TASKPANES_CT = "application/vnd.ms-office.webextensiontaskpanes+xml";
const WEBEXTENSION_CT = "application/vnd.ms-office.webextension+xml";
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * Where Excel finds the add-in: « EXCatalog » (centralized deployment from the Microsoft 365 admin center, the
 * académie's case: store « EXCatalog »), « FileSystem » (a shared folder catalog: store = its network path),
 * « SPCatalog » (a SharePoint app catalog: store = its URL), « OMEX » (Microsoft Marketplace: store = a locale).
 */
export type StoreType = "EXCatalog" | "FileSystem" | "SPCatalog" | "OMEX";
export const STORE_TYPES: readonly StoreType[] = ["EXCatalog", "FileSystem", "SPCatalog", "OMEX"];

export interface AddinReference {
  /** The manifest's <Id>. */
  readonly id: string;
  /** The manifest's <Version>. */
  readonly version: string;
  readonly storeType: StoreType;
  readonly store: string;
}

/** The add-in's id and version, read from manifest.xml's text. */
export function manifestReference(manifest: string): { id: string; version: string } | undefined {
  const id = /<Id>\s*([^<\s]+)\s*<\/Id>/.exec(manifest)?.[1];
  const version = /<Version>\s*([^<\s]+)\s*<\/Version>/.exec(manifest)?.[1];
  return id && version ? { id, version } : undefined;
}

export function webextensionXml(addin: AddinReference): string {
  return (
    XML +
    `<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{${escapeAttr(addin.id.toUpperCase())}}">` +
    `<we:reference id="${escapeAttr(addin.id)}" version="${escapeAttr(addin.version)}" store="${escapeAttr(addin.store)}" storeType="${addin.storeType}"/>` +
    "<we:alternateReferences/>" +
    '<we:properties><we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/></we:properties>' +
    "<we:bindings/>" +
    '<we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>' +
    "</we:webextension>"
  );
}

const TASKPANES_XML =
  XML +
  '<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11">' +
  '<wetp:taskpane dockstate="right" visibility="0" width="350" row="4">' +
  '<wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>' +
  "</wetp:taskpane></wetp:taskpanes>";

const TASKPANES_RELS =
  XML +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rId1" Type="${WEBEXTENSION_REL}" Target="webextension1.xml"/>` +
  "</Relationships>";

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * Adds the parts to a package's entries (in place). A package that already has task panes (the pane tagged it,
 * or another add-in's) is left as it is: false.
 */
export function addAutoOpen(entries: PackageEntries, addin: AddinReference): boolean {
  const rootRels = entries.get("_rels/.rels");
  const types = entries.get("[Content_Types].xml");
  if (!rootRels || !types) return false;
  const rels = decoder.decode(rootRels);
  if (rels.includes(TASKPANES_REL) || entries.has(TASKPANES_PART) || entries.has(WEBEXTENSION_PART)) return false;
  const used = new Set([...rels.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
  let n = 1;
  while (used.has(`rIdWe${n}`)) n++;
  const rel = `<Relationship Id="rIdWe${n}" Type="${TASKPANES_REL}" Target="${TASKPANES_PART}"/>`;
  const newRels = rels
    .replace(/<\/Relationships>\s*$/, `${rel}</Relationships>`)
    .replace(/<Relationships([^>]*)\/>\s*$/, `<Relationships$1>${rel}</Relationships>`);
  if (!newRels.includes(rel)) return false;
  const ct = decoder.decode(types);
  const overrides =
    `<Override PartName="/${TASKPANES_PART}" ContentType="${TASKPANES_CT}"/>` +
    `<Override PartName="/${WEBEXTENSION_PART}" ContentType="${WEBEXTENSION_CT}"/>`;
  const newTypes = ct.replace(/<\/Types>\s*$/, `${overrides}</Types>`);
  if (newTypes === ct) return false;
  entries.set("_rels/.rels", encoder.encode(newRels));
  entries.set("[Content_Types].xml", encoder.encode(newTypes));
  entries.set(TASKPANES_PART, encoder.encode(TASKPANES_XML));
  entries.set("xl/webextensions/_rels/taskpanes.xml.rels", encoder.encode(TASKPANES_RELS));
  entries.set(WEBEXTENSION_PART, encoder.encode(webextensionXml(addin)));
  return true;
}
