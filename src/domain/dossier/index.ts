/** The labelling dossier of a workbook: its content, what it lacks, and the document the surfaces write. */
import { checkWorkbook } from "../check";
import { makeContext } from "../check/context";
import type { Finding } from "../check/findings";
import type { CriterionNumber } from "../referential/types";
import type { WorkbookSnapshot } from "../snapshot";
import { dossierDocument } from "./build";
import { dossierContent, type DossierContent } from "./content";
import type { DocumentModel } from "./document";
import { criterionGap, schoolGap } from "./gaps";

export interface Dossier {
  readonly document: DocumentModel;
  readonly content: DossierContent;
  readonly findings: readonly Finding[];
  /** Parts written « À compléter » (for the one-line summary): the gaps' items, all criteria together. */
  readonly gaps: number;
}

export function prepareDossier(
  wb: WorkbookSnapshot,
  options: { readonly today: Date; readonly criterion?: CriterionNumber },
): Dossier {
  const ctx = makeContext(wb, { today: options.today });
  const content = dossierContent(ctx);
  const findings = checkWorkbook(wb, { today: options.today });
  const criteria = content.criteria.filter(
    (c) => options.criterion === undefined || c.criterion.number === options.criterion,
  );
  const gaps =
    (options.criterion === undefined ? (schoolGap(content)?.items.length ?? 0) : 0) +
    criteria.reduce((sum, c) => sum + (criterionGap(c)?.items.length ?? 0), 0);
  return { document: dossierDocument(content, { ...options, findings }), content, findings, gaps };
}
