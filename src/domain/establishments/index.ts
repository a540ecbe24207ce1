/**
 * The establishments of France: their rows (src/domain/establishments/data.ts, 268 KB) become an
 * `Establishments` value in `./all`, which the command line and the tests import and the pane loads as a chunk
 * of its own; whoever needs them is handed that value, so that what only identifies sheets or shows a first
 * screen never carries them.
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

/**
 * The establishments, built once from their rows and then only read: the list in the source order (by UAI)
 * and the lookup by UAI. An explicit input of whatever needs them (the blueprint's Listes sheet, the check, the
 * dossier, the académie's view) — never a registry behind their back (#26).
 */
export interface Establishments {
  /** The 2,090 vocational and polyvalent lycées of France, in the source order (by UAI). */
  readonly list: readonly Establishment[];
  readonly byUai: ReadonlyMap<string, Establishment>;
}

/** The establishments of these rows (a pure function: `./all` calls it once on the shipped data). */
export function establishmentsOf(rows: readonly EstablishmentRow[]): Establishments {
  const list: readonly Establishment[] = Object.freeze(
    rows.map(([uai, name, town, department, academy, type, sector]) =>
      Object.freeze({
        uai,
        name,
        town,
        department,
        academy,
        type: type === "LP" ? ("LP" as const) : ("LPO" as const),
        sector: sector === "public" ? ("public" as const) : ("prive" as const),
      }),
    ),
  );
  return Object.freeze({ list, byUai: new Map(list.map((e) => [e.uai, e])) });
}

export function findEstablishment(all: Establishments, uai: string): Establishment | undefined {
  return all.byUai.get(uai.trim().toUpperCase());
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
export function searchEstablishments(all: Establishments, query: string, limit = 50): EstablishmentSearch {
  const words = fold(query).split(" ").filter(Boolean);
  if (words.length === 0) return { results: all.list.slice(0, limit), total: all.list.length };
  const scored: { e: Establishment; rank: number }[] = [];
  for (const e of all.list) {
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
