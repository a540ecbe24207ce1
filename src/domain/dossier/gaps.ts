/**
 * What the dossier still lacks, said once: the body records each « À compléter » it writes ({@link Mark}, in
 * build.ts), and the check words those marks as the rule dossier-incomplete, the working version lists them on
 * its first page, the command counts them, and the final version refuses while there is one. Required: the
 * school's context and its links with the self-evaluation, the establishment's project and the contract of
 * objectives; per criterion its état des lieux, objectif général and coordinator; per action its status,
 * dénomination, duration, description, objectives, indicators, start measure and mise en œuvre, plus « action
 * pérenne », a plus-value, points forts, axes de progrès and conclusion for an action, the animateur and the
 * measure at N for an engagement. The transversalité, the team's members and the other labels are
 * « éventuellement » in the guide: never required.
 */
import { DOSSIER, dossierBlock, SCHOOL_PARTS } from "../blueprint/dossier-sheet";
import type { CriterionNumber } from "../referential/types";
import { dossierMarks, markItems, REQUIRED_SCHOOL_PARTS, type Mark } from "./body";
import type { CriterionDossier, DossierContent } from "./content";

export { actionWords, REQUIRED_SCHOOL_PARTS, SCHOOL_PART_WORDS } from "./body";

export interface Gap {
  /** Where to type the first missing part (on « Dossier »). */
  readonly cell: string;
  readonly items: readonly string[];
  /** How many « À compléter » the dossier writes for it. */
  readonly marks: number;
}

export function schoolGap(content: DossierContent, marks: readonly Mark[] = dossierMarks(content)): Gap | undefined {
  const mine = marks.filter((m) => m.scope === "school");
  if (mine.length === 0) return undefined;
  const missing = REQUIRED_SCHOOL_PARTS.find((k) => !content.schoolParts[k]);
  const first = SCHOOL_PARTS.findIndex((p) => p.key === missing);
  return { cell: `B${DOSSIER.schoolFirstRow + Math.max(first, 0)}`, items: markItems(mine), marks: mine.length };
}

export function criterionGap(
  content: DossierContent,
  c: CriterionDossier,
  marks: readonly Mark[] = dossierMarks(content, c.criterion.number as CriterionNumber),
): Gap | undefined {
  const n = c.criterion.number as CriterionNumber;
  const mine = marks.filter((m) => m.scope === n);
  if (mine.length === 0) return undefined;
  const b = dossierBlock(n);
  const first = mine[0];
  const cell =
    first.part === "état des lieux"
      ? `B${b.part(0)}`
      : first.part === "objectif général"
        ? `B${b.part(1)}`
        : first.part === "coordonnateur de l'équipe"
          ? `B${b.coordinator}`
          : first.subjectRow !== undefined
            ? `B${first.subjectRow}`
            : `A${b.firstAction}`;
  return { cell, items: markItems(mine), marks: mine.length };
}
