/**
 * What the dossier still lacks, said once: the check words it as the rule dossier-incomplete, the dossier prints
 * it on its first page (« Ce qu'il reste à compléter avant l'audit ») and writes « À compléter » in its place.
 * Required: the school's context and its links with the self-evaluation, the establishment's project and the
 * contract of objectives; per criterion its état des lieux, objectif général and coordinator; per action its
 * status, duration, description and mise en œuvre, plus « action pérenne », points forts, axes de progrès and
 * conclusion for an action, the animateur for an engagement. The transversalité, the team's members and the
 * other labels are « éventuellement » in the guide: never required.
 */
import { DOSSIER, dossierBlock, SCHOOL_PARTS } from "../blueprint/dossier-sheet";
import type { CriterionNumber } from "../referential/types";
import type { ActionEntry, CriterionDossier, DossierContent } from "./content";

export const REQUIRED_SCHOOL_PARTS = ["context", "selfEvaluation", "schoolProject", "contract"] as const;

export const SCHOOL_PART_WORDS: Record<(typeof REQUIRED_SCHOOL_PARTS)[number], string> = {
  context: "le contexte de l'établissement",
  selfEvaluation: "l'articulation avec l'auto-évaluation",
  schoolProject: "l'articulation avec le projet d'établissement",
  contract: "l'articulation avec le contrat d'objectifs",
};

export interface Gap {
  /** Where to type the first missing part (on « Dossier », or the fiche for a criterion without rows). */
  readonly cell: string;
  readonly items: readonly string[];
}

/** How an action is named in a sentence: « l'action « Forum » », « l'engagement de la ligne 14 ». */
export function actionWords(a: ActionEntry): string {
  const kind = a.kind === "engagement" ? "l'engagement" : "l'action";
  return a.name ? `${kind} « ${a.name} »` : `${kind} de la ligne ${a.rows[0]}`;
}

/** The missing parts of one action or engagement, in the guide's order. */
export function actionGaps(a: ActionEntry): string[] {
  const t = a.texts;
  const out: string[] = [];
  if (!a.name) out.push("dénomination");
  if (!a.kindSaid) out.push("statut (Action ou Engagement)");
  if (!a.duration) out.push("durée");
  if (a.kind === "action" && !a.perennial) out.push("action pérenne (oui ou non)");
  if (!t.description) out.push("description");
  if (!(t.means || t.schedule || t.places || t.organisation)) out.push("mise en œuvre");
  if (a.kind === "action") {
    if (!t.strengths) out.push("points forts");
    if (!t.improvements) out.push("axes de progrès");
    if (!t.conclusion) out.push("conclusion");
  } else if (!t.leader) out.push("animateur");
  return out;
}

export function schoolGap(content: DossierContent): Gap | undefined {
  const missing = REQUIRED_SCHOOL_PARTS.filter((k) => !content.schoolParts[k]);
  if (missing.length === 0) return undefined;
  const first = SCHOOL_PARTS.findIndex((p) => p.key === missing[0]);
  return { cell: `B${DOSSIER.schoolFirstRow + first}`, items: missing.map((k) => SCHOOL_PART_WORDS[k]) };
}

export function criterionGap(c: CriterionDossier): Gap | undefined {
  const n = c.criterion.number as CriterionNumber;
  const b = dossierBlock(n);
  if (c.actions.length === 0) return { cell: "", items: ["aucune action ni engagement dans la fiche"] };
  const items: string[] = [];
  let cell: string | undefined;
  const add = (item: string, address: string) => {
    items.push(item);
    cell ??= address;
  };
  if (!c.parts.baseline) add("état des lieux", `B${b.part(0)}`);
  if (!c.parts.goal) add("objectif général", `B${b.part(1)}`);
  if (!c.coordinator) add("coordonnateur de l'équipe", `B${b.coordinator}`);
  for (const a of c.actions) {
    const missing = actionGaps(a);
    if (missing.length)
      add(
        `${actionWords(a)} : ${missing.join(", ")}`,
        a.textsRow !== undefined ? `B${a.textsRow}` : `A${b.firstAction}`,
      );
  }
  for (const o of c.orphanTexts)
    add(`« ${o.name} » (ligne ${o.row} de Dossier) n'est l'action d'aucune ligne de la fiche`, `A${o.row}`);
  return items.length ? { cell: cell ?? `B${b.part(0)}`, items } : undefined;
}
