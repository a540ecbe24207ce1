/** The labelling dossier of a workbook: its content, what it lacks, and the document the surfaces write. */
import type { Finding } from "../findings";
import type { CriterionNumber } from "../referential/types";
import type { WorkbookAsRead } from "../workbook-as-read";
import { buildDossier, coverGaps, markItems, type Mark } from "./build";
import { findEstablishment, type Establishments } from "../establishments";
import { schoolProperName } from "../establishments/proper-name";
import { dossierContent, type DossierContent } from "./content";
import type { DocumentModel } from "./document";

export interface Dossier {
  readonly document: DocumentModel;
  readonly content: DossierContent;
  readonly findings: readonly Finding[];
  /** The « À compléter » the body writes (the working version's list is exactly these). */
  readonly marks: readonly Mark[];
  /** How many: the one-line summary's count. */
  readonly gaps: number;
  /**
   * The final version only: what keeps it from being written — the cover's parameters, then the marks by
   * school and criterion. Empty when it can be sent.
   */
  readonly refused: readonly string[];
}

export interface DossierRequest {
  readonly today: Date;
  readonly criterion?: CriterionNumber;
  /** The version to send: the guide's cover, no to-do list, no tool's name; refused while a part is missing. */
  readonly final?: boolean;
  /** The check's findings on the same workbook as read (the use case runs the check: the dossier does not import it). */
  readonly findings: readonly Finding[];
}

/** What the final version still lacks, grouped for one line: « l'établissement : … ; critère 3 : … ». */
function refusal(content: DossierContent, marks: readonly Mark[]): string[] {
  const out = [...coverGaps(content)];
  const scopes = [...new Set(marks.map((m) => m.scope))];
  for (const s of scopes) {
    const items = markItems(marks.filter((m) => m.scope === s));
    out.push(`${s === "school" ? "l'établissement" : `critère ${s}`} : ${items.join(", ")}`);
  }
  return out;
}

/**
 * The school as a letter names it, from the directory (« Lycée professionnel Beau de Rochas, Digne-les-Bains »),
 * when its UAI is there; the check never needs it (this stays out of the check's code, loaded by every pane).
 */
function named(content: DossierContent, establishments: Establishments): DossierContent {
  const known = content.uai ? findEstablishment(establishments, content.uai) : undefined;
  return known ? { ...content, schoolName: schoolProperName(known) } : content;
}

export function prepareDossier(read: WorkbookAsRead, options: DossierRequest): Dossier {
  const content = named(dossierContent(read), read.establishments);
  const findings = options.findings;
  const built = buildDossier(content, { ...options, findings });
  const refused = options.final ? refusal(content, built.marks) : [];
  return {
    document: built.document,
    content,
    findings,
    marks: built.marks,
    gaps: built.marks.length,
    refused,
  };
}

export { applicationWords, MISSING } from "./build";
