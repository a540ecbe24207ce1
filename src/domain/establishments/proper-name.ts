/**
 * A school's name as a letter writes it, from the directory's upper-case string without accents:
 * « LYCEE PROFESSIONNEL LYCEE DES METIERS BEAU DE ROCHAS », « DIGNE LES BAINS », LP →
 * « Lycée professionnel Beau de Rochas, Digne-les-Bains ». The type is spelled out from the directory's type
 * (LP, LPO), the label's own words (« LYCEE DES METIERS … ») are dropped, particles are lower case, elided
 * articles get their apostrophe, the town's words are hyphenated as French towns are, and the accents of the
 * words schools' names most often carry are restored (a short list: a rare word keeps its letters unaccented).
 */
import type { Establishment } from "./index";

/** Words printed lower case inside a name (never as its first word). */
const PARTICLES = new Set(["de", "du", "des", "la", "le", "les", "et", "en", "sur", "sous", "aux", "au", "à", "lès"]);

/** Accents of the words the directory's names and towns most often carry (upper case without accents → as written). */
const ACCENTS: Record<string, string> = {
  LYCEE: "lycée",
  METIERS: "métiers",
  HOTELLERIE: "hôtellerie",
  HOTELIER: "hôtelier",
  GENERAL: "général",
  REGIONAL: "régional",
  PRIVE: "privé",
  SANTE: "santé",
  ENERGIE: "énergie",
  ENERGIES: "énergies",
  ENERGETIQUE: "énergétique",
  ANDRE: "André",
  FRANCOIS: "François",
  RENE: "René",
  ETIENNE: "Étienne",
  HENRI: "Henri",
  LEONARD: "Léonard",
  EMILE: "Émile",
  SECURITE: "sécurité",
  ESTHETIQUE: "esthétique",
  ELECTROTECHNIQUE: "électrotechnique",
  ELECTRONIQUE: "électronique",
  ELECTRICITE: "électricité",
  ELECTRIQUE: "électrique",
  FREDERIC: "Frédéric",
  SYSTEMES: "systèmes",
  EDOUARD: "Édouard",
  CHATEAU: "Château",
  LEON: "Léon",
  EUGENE: "Eugène",
  THERESE: "Thérèse",
  SACRE: "Sacré",
  COEUR: "Cœur",
  EXUPERY: "Exupéry",
  GENIE: "génie",
  INGENIERIE: "ingénierie",
  MECANIQUE: "mécanique",
  BESANCON: "Besançon",
  NIMES: "Nîmes",
  SAONE: "Saône",
  MATERIELS: "matériels",
  JAURES: "Jaurès",
  LEGER: "Léger",
  MACE: "Macé",
  NUMERIQUE: "numérique",
  AERONAUTIQUE: "aéronautique",
  DEVELOPPEMENT: "développement",
  ECOLE: "École",
  EDUCATIF: "éducatif",
  EUROPEEN: "européen",
  ARENE: "Arène",
  SEVIGNE: "Sévigné",
  BLERIOT: "Blériot",
  CAILLIE: "Caillié",
  BICETRE: "Bicêtre",
  HERES: "Hères",
  FERE: "Fère",
  FERTE: "Ferté",
  MAULEON: "Mauléon",
  COTE: "Côte",
  PEAGE: "Péage",
  ILE: "Île",
  ISERE: "Isère",
  ARIEGE: "Ariège",
  LOZERE: "Lozère",
  VENDEE: "Vendée",
  SEVRES: "Sèvres",
  ORLEANS: "Orléans",
  BRIANCON: "Briançon",
  MACON: "Mâcon",
  GENEVIEVE: "Geneviève",
  SAINTE: "Sainte",
};

/** Generic words of a school's name: lower case after the first word (« Lycée polyvalent », « École hôtelière »). */
const GENERIC = new Set([
  "lycée",
  "lycee",
  "professionnel",
  "polyvalent",
  "technologique",
  "général",
  "régional",
  "privé",
  "public",
  "hôtelier",
  "métiers",
  "climatique",
  "éducatif",
  "européen",
  "institut",
  "ensemble",
  "scolaire",
  "centre",
  "section",
  "école",
]);

/** The directory's type prefixes, longest first (« LYCEE PROFESSIONNEL », « LPO », the odd spellings). */
const TYPE_PREFIXES = [
  "LYCEE PROFESSIONNEL",
  "LYCEE PROFESSIONEL",
  "LYCEE POLYVALENT",
  "LYCÉE POLYVALENT",
  "LYCEE POLYV",
  "LPO",
  "LP",
  "L P",
];

const SPELLED_TYPE: Record<Establishment["type"], string> = {
  LP: "Lycée professionnel",
  LPO: "Lycée polyvalent",
};

function capitalize(word: string): string {
  return word ? word[0].toUpperCase() + word.slice(1) : word;
}

/** One upper-case word as written: its accents when known, a particle lower case, else capitalised. */
function wordOf(upper: string, first: boolean): string {
  const known = ACCENTS[upper];
  const lower = (known ?? upper).toLowerCase();
  if (first) return capitalize(known ?? lower);
  if (PARTICLES.has(lower) || GENERIC.has(lower)) return lower;
  if (known) return /^[a-zà-ÿœ]/.test(known) && !GENERIC.has(known) ? capitalize(known) : known;
  // Ordinals of the arrondissements (13E, 1ER) keep their number, lower case after it.
  if (/^\d/.test(upper)) return lower;
  return capitalize(lower);
}

/**
 * Words as written, joined by `joiner`: « D ALTITUDE » → « d'Altitude », « L ESTAQUE » → « l'Estaque »
 * (an elided article joins the next word with an apostrophe).
 */
/** Prepositions after which an article stays lower case in a name (« Vincent de Paul », « Jules Le Cesne »). */
const PREPOSITIONS = new Set(["DE", "DU", "DES", "SUR", "SOUS", "EN", "A", "AUX", "AU", "ET"]);

function words(upper: readonly string[], joiner: string, afterType = false): string {
  const out: string[] = [];
  for (let i = 0; i < upper.length; i++) {
    const w = upper[i];
    const first = out.length === 0;
    // In a name, an article is part of a proper name (« Les Potiers », « Jules Le Cesne »), except after a
    // preposition (« Lycée de la Salle »); in a town, it is lower case (« Digne-les-Bains »).
    if (joiner === " " && ["LE", "LA", "LES"].includes(w) && !(i > 0 && PREPOSITIONS.has(upper[i - 1]))) {
      out.push(capitalize(w.toLowerCase()));
      continue;
    }
    // After the type, « de », « du », « des » open the name in lower case (« Lycée professionnel de Narce »).
    if (first && afterType && ["DE", "DU", "DES"].includes(w)) {
      out.push(w.toLowerCase());
      continue;
    }
    if ((w === "D" || w === "L") && i + 1 < upper.length) {
      const next = wordOf(upper[++i], false);
      // « Lycée polyvalent d'Altitude »: after the type, an elided article is not the sentence's first word.
      out.push(`${first && !afterType ? w : w.toLowerCase()}'${capitalize(next)}`);
      continue;
    }
    out.push(wordOf(w, first));
  }
  return out.join(joiner);
}

/**
 * A town as French writes it: its words hyphenated, a leading article kept apart (« LE PUY EN VELAY » →
 * « Le Puy-en-Velay », « DIGNE LES BAINS » → « Digne-les-Bains », « MARSEILLE 13E ARRONDISSEMENT » →
 * « Marseille 13e arrondissement »).
 */
export function properTown(upper: string): string {
  const all = upper.trim().split(/\s+/).filter(Boolean);
  if (all.length === 0) return "";
  const arrondissement = all.findIndex((w) => /^\d+(E|ER)$/.test(w));
  if (arrondissement > 0)
    return `${properTown(all.slice(0, arrondissement).join(" "))} ${all
      .slice(arrondissement)
      .map((w) => w.toLowerCase())
      .join(" ")}`;
  const article = ["LE", "LA", "LES"].includes(all[0]) && all.length > 1 ? capitalize(all[0].toLowerCase()) : "";
  const rest = article ? all.slice(1) : all;
  const joined = words(rest, "-").replace(/^[a-zà-ÿ]/, (c) => c.toUpperCase());
  // An elided « L ISLE » at the start stays « L'Isle »; inside, « SAINT MARTIN D HERES » → « Saint-Martin-d'Hères ».
  return article ? `${article} ${joined}` : joined;
}

/** The type a name's own prefix says (it wins over the directory's type, which sometimes disagrees). */
const PREFIX_TYPE: Record<string, Establishment["type"]> = {
  "LYCEE PROFESSIONNEL": "LP",
  "LYCEE PROFESSIONEL": "LP",
  LP: "LP",
  "L P": "LP",
  "LYCEE POLYVALENT": "LPO",
  "LYCÉE POLYVALENT": "LPO",
  "LYCEE POLYV": "LPO",
  LPO: "LPO",
};

/**
 * The name alone, without the type words and the label's words (« Beau de Rochas », « Louis Martin Bret »), the
 * type its prefix says, and « privé » when it follows the type.
 */
export function properName(upper: string): {
  readonly name: string;
  readonly typed: boolean;
  readonly type?: Establishment["type"];
  readonly privateSchool?: boolean;
} {
  let rest = upper.trim().replace(/\s+/g, " ");
  let typed = false;
  let type: Establishment["type"] | undefined;
  for (const p of TYPE_PREFIXES) {
    if (rest === p || rest.startsWith(`${p} `)) {
      rest = rest.slice(p.length).trim();
      typed = true;
      type = PREFIX_TYPE[p];
      break;
    }
  }
  const privateSchool = typed && /^PRIVEE? /.test(rest);
  if (privateSchool) rest = rest.replace(/^PRIVEE? /, "");
  // « LYCEE DES METIERS » right after the type names the label (« … LYCEE DES METIERS BEAU DE ROCHAS »); after a
  // name it starts the label's trades (« LOUIS MARTIN BRET LYCEE DES METIERS DE L HOTELLERIE … »), dropped.
  const label = rest.indexOf("LYCEE DES METIERS");
  if (label === 0) {
    rest = rest.slice("LYCEE DES METIERS".length).trim();
    typed = true;
  } else if (label > 0) rest = rest.slice(0, label).trim();
  return {
    name: words(rest.split(" ").filter(Boolean), " ", true),
    typed,
    ...(type ? { type } : {}),
    ...(privateSchool ? { privateSchool } : {}),
  };
}

/** « Lycée professionnel Beau de Rochas, Digne-les-Bains ». */
export function schoolProperName(e: Pick<Establishment, "name" | "town" | "type">): string {
  const { name, typed, type, privateSchool } = properName(e.name);
  const generic = /^(Lycée|École|Institut|Ensemble|Centre|Section)\b/.test(name);
  const spelled = `${SPELLED_TYPE[type ?? e.type]}${privateSchool ? " privé" : ""}`;
  const full = typed || !generic ? `${spelled}${name ? ` ${name}` : ""}` : name;
  const town = properTown(e.town);
  return town ? `${full}, ${town}` : full;
}
