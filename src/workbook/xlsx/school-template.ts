/**
 * Batch generation (#28): one workbook generated without a school — the same writer as `generate` —, then, for
 * each school, only what the school changes in it: Paramètres' school and head of school (B4, B5) and each
 * fiche's printed header (docs/decisions.md §45). Every other part is the template's, deflated once
 * (zip-write.ts). A test holds each stamped workbook equal, as read, to the one `generate --uai` writes.
 */
import { buildBlueprint, type BlueprintOptions } from "../../domain/blueprint/build";
import { printedHeader } from "../../domain/blueprint/criterion-sheet";
import { PARAMS } from "../../domain/blueprint/layout";
import { headerFooterText } from "../../domain/blueprint/types";
import { readPackage, type PackageEntries } from "./package";
import { escapeText } from "./xml-tree";
import { xmlChars } from "../xml-text";
import { TemplateZip } from "./zip-write";

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Sheet name → part path, from the workbook part and its relationships. */
function sheetParts(entries: PackageEntries): Map<string, string> {
  const wb = decoder.decode(entries.get("xl/workbook.xml"));
  const rels = decoder.decode(entries.get("xl/_rels/workbook.xml.rels"));
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name !== undefined && part)
      out.set(
        name
          .replace(/&amp;/g, "&")
          .replace(/&apos;/g, "'")
          .replace(/&quot;/g, '"'),
        part,
      );
  }
  return out;
}

function replaceOnce(xml: string, pattern: RegExp, by: string, what: string): string {
  let hit = 0;
  const out = xml.replace(pattern, () => (hit++, by));
  if (hit !== 1) throw new Error(`modèle inattendu : ${what}`);
  return out;
}

export class SchoolTemplate {
  private readonly zip: TemplateZip;
  private readonly parameters: { part: string; xml: string };
  private readonly fiches: { part: string; criterion: number; xml: string }[];

  /**
   * `bytes`: the workbook generated with `options` and no school nor head of school. Its blueprint is built
   * once, here, only for the sheets' names (the template's Listes is already written: "not-needed"); each school
   * then changes only Paramètres and the fiches' printed header (printedHeader, as the blueprint makes it).
   */
  constructor(bytes: Uint8Array, options: Omit<BlueprintOptions, "school" | "headOfSchool">) {
    const entries = readPackage(bytes);
    const parts = sheetParts(entries);
    const bp = buildBlueprint({ ...options, establishments: "not-needed" });
    const partOf = (name: string) => {
      const p = parts.get(name);
      if (!p) throw new Error(`modèle inattendu : feuille ${name}`);
      return p;
    };
    const params = bp.sheets.find((s) => s.role === "parameters");
    if (!params) throw new Error("modèle inattendu : Paramètres");
    const p = partOf(params.name);
    this.parameters = { part: p, xml: decoder.decode(entries.get(p)) };
    this.fiches = bp.sheets
      .flatMap((s) => (s.role === "criterion" && s.criterion !== undefined ? [{ ...s, criterion: s.criterion }] : []))
      .map((s) => ({
        part: partOf(s.name),
        criterion: s.criterion,
        xml: decoder.decode(entries.get(partOf(s.name))),
      }));
    this.zip = new TemplateZip(entries);
  }

  /** The workbook of one school: the template with its school, head of school and printed headers. */
  forSchool(school: string | undefined, headOfSchool: string | undefined): Uint8Array {
    const replaced = new Map<string, Uint8Array>();
    const cell = (address: string, value: string | undefined, xml: string) => {
      const text = value === undefined ? undefined : xmlChars(value);
      if (!text) return xml;
      const pattern = new RegExp(`<c r="${address}"( s="\\d+")?/>`, "g");
      let style = "";
      const out = xml.replace(pattern, (_m, s: string | undefined) => ((style = s ?? ""), "\u0000"));
      if (!out.includes("\u0000")) throw new Error(`modèle inattendu : Paramètres!${address}`);
      return out.replace(
        "\u0000",
        `<c r="${address}"${style} t="inlineStr"><is><t xml:space="preserve">${escapeText(text)}</t></is></c>`,
      );
    };
    let params = cell(PARAMS.school, school, this.parameters.xml);
    params = cell(PARAMS.headOfSchool, headOfSchool, params);
    if (params !== this.parameters.xml) replaced.set(this.parameters.part, encoder.encode(params));
    if (school !== undefined && xmlChars(school)) {
      for (const f of this.fiches) {
        const header = headerFooterText(printedHeader(f.criterion, xmlChars(school)));
        const xml = replaceOnce(
          f.xml,
          /<oddHeader>[^<]*<\/oddHeader>/g,
          `<oddHeader>${escapeText(header)}</oddHeader>`,
          `en-tête de ${f.part}`,
        );
        replaced.set(f.part, encoder.encode(xml));
      }
    }
    return this.zip.build(replaced);
  }
}
