/**
 * The establishments of France, as a registry: the rows (src/domain/establishments/data.ts, 268 KB) are
 * handed over by whoever needs them — `./all` for the command line and the tests, a chunk loaded on
 * demand in the pane — so that what only identifies sheets or shows a first screen never carries them.
 */

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

export type EstablishmentRow = readonly [string, string, string, string, string, string, string];

let rows: readonly EstablishmentRow[] | undefined;
let cache: readonly Establishment[] | undefined;
let byUai: ReadonlyMap<string, Establishment> | undefined;

/** Hands the rows over (once is enough; `./all` does it on import). */
export function provideEstablishments(data: readonly EstablishmentRow[]): void {
  if (rows === data) return;
  rows = data;
  cache = undefined;
  byUai = undefined;
}

/**
 * A programming error, not a workbook's: the rows were asked for before anyone handed them over (a surface
 * that forgot `./all` or the pane's chunk). The check lets it through instead of turning it into a finding (#26).
 */
export class EstablishmentsNotLoaded extends Error {
  constructor() {
    super("La liste des établissements n'est pas encore chargée.");
    this.name = "EstablishmentsNotLoaded";
  }
}

/** The 2,090 vocational and polyvalent lycées of France, in the source order (by UAI). */
export function establishments(): readonly Establishment[] {
  if (!rows) throw new EstablishmentsNotLoaded();
  if (!cache) {
    cache = rows.map(([uai, name, town, department, academy, type, sector]) => ({
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

export interface EstablishmentSearch {
  /** The best matches first, at most `limit`. */
  readonly results: readonly Establishment[];
  /** How many establishments match in all (more than `results` when the list was cut). */
  readonly total: number;
}

/**
 * Establishments where every word of the query is found in the UAI, the town, the name or the académie
 * (accents and case ignored), best first: a school is ranked by the weakest field any word needed —
 * UAI, then town, then name, then académie — so « marseille » lists the schools of Marseille before the
 * rest of the académie d'Aix-Marseille.
 */
export function searchEstablishments(query: string, limit = 50): EstablishmentSearch {
  const words = fold(query).split(" ").filter(Boolean);
  if (words.length === 0) return { results: establishments().slice(0, limit), total: establishments().length };
  const scored: { e: Establishment; rank: number }[] = [];
  for (const e of establishments()) {
    const fields = [e.uai, ` ${fold(e.town)} `, ` ${fold(e.name)} `, fold(e.academy)];
    let rank = 0;
    for (const w of words) {
      // A whole word of the town or name counts more than a piece of one.
      let best = Infinity;
      fields.forEach((f, i) => {
        if (f.includes(` ${w} `) || (i === 0 && f.startsWith(w))) best = Math.min(best, i * 2);
        else if (f.includes(w)) best = Math.min(best, i * 2 + 1);
      });
      rank = Math.max(rank, best);
      if (rank === Infinity) break;
    }
    if (rank !== Infinity) scored.push({ e, rank });
  }
  scored.sort(
    (a, b) => a.rank - b.rank || a.e.town.localeCompare(b.e.town, "fr") || a.e.name.localeCompare(b.e.name, "fr"),
  );
  return { results: scored.slice(0, limit).map((x) => x.e), total: scored.length };
}
