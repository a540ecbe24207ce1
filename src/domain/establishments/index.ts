import { ESTABLISHMENT_ROWS } from "./data";

export type EstablishmentType = "LP" | "LPO";

export interface Establishment {
  readonly uai: string;
  /** Official name, upper case, without accents (as the source has it). */
  readonly name: string;
  readonly town: string;
  readonly department: string;
  readonly academy: string;
  readonly type: EstablishmentType;
  readonly sector: "public" | "prive";
}

let cache: readonly Establishment[] | undefined;
let byUai: ReadonlyMap<string, Establishment> | undefined;

/** The 2,090 vocational and polyvalent lycées of France, in the source order (by UAI). */
export function establishments(): readonly Establishment[] {
  if (!cache) {
    cache = ESTABLISHMENT_ROWS.map(([uai, name, town, department, academy, type, sector]) => ({
      uai,
      name,
      town,
      department,
      academy,
      type: type === "LP" ? "LP" : "LPO",
      sector: sector === "public" ? "public" : "prive",
    }));
  }
  return cache;
}

export function findEstablishment(uai: string): Establishment | undefined {
  if (!byUai) byUai = new Map(establishments().map((e) => [e.uai, e]));
  return byUai.get(uai.trim().toUpperCase());
}

/** The label the drop-down of Paramètres shows: « 0130064Z — LYCEE … (MARSEILLE) ». */
export function establishmentLabel(e: Pick<Establishment, "uai" | "name" | "town">): string {
  return `${e.uai} — ${e.name} (${e.town})`;
}

/**
 * The UAI at the start of a school cell, whether it came from the drop-down (« 0130064Z — … ») or was
 * typed by hand (« 0130064Z LYCEE … », « 0130064z »). Undefined when the cell does not start with one.
 */
export function uaiOfSchoolCell(text: string): string | undefined {
  const m = /^\s*([0-9]{7}[A-Za-z])(?![A-Za-z0-9])/.exec(text);
  return m ? m[1].toUpperCase() : undefined;
}

function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, " ")
    .trim();
}

/** Establishments whose UAI, name or town contains every word of the query (accents and case ignored). */
export function searchEstablishments(query: string, limit = 50): readonly Establishment[] {
  const words = fold(query).split(" ").filter(Boolean);
  if (words.length === 0) return establishments().slice(0, limit);
  const found: Establishment[] = [];
  for (const e of establishments()) {
    const hay = `${e.uai} ${fold(e.name)} ${fold(e.town)} ${e.academy}`;
    if (words.every((w) => hay.includes(w))) {
      found.push(e);
      if (found.length >= limit) break;
    }
  }
  return found;
}
