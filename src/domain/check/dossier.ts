/**
 * The labelling dossier's parts still to write (rule dossier-incomplete, information): one finding for the
 * school's parts and one per criterion, each listing what the dossier would print as « À compléter ». Said only
 * once the fiches hold rows — before that, « fiche vide » says enough.
 */
import { DOSSIER_KEY } from "../blueprint/dossier-sheet";
import { dossierContent } from "../dossier/content";
import { criterionGap, schoolGap } from "../dossier/gaps";
import type { CriterionNumber } from "../referential/types";
import type { CheckContext } from "./context";
import { finding, type Finding } from "./findings";

export function checkDossier(ctx: CheckContext): Finding[] {
  const sheet = ctx.identified.get(DOSSIER_KEY)?.sheet.name;
  if (sheet === undefined) return [];
  const content = dossierContent(ctx);
  const started = content.criteria.filter((c) => c.actions.length > 0);
  if (started.length === 0) return [];
  const out: Finding[] = [];
  const school = schoolGap(content);
  if (school)
    out.push(
      finding(
        "dossier-incomplete",
        sheet,
        school.cell,
        `Dossier de labellisation, l'établissement : à compléter — ${school.items.join(", ")}.`,
      ),
    );
  for (const c of started) {
    const gap = criterionGap(c);
    if (gap)
      out.push(
        finding(
          "dossier-incomplete",
          sheet,
          gap.cell,
          `Dossier de labellisation, critère ${c.criterion.number} : à compléter — ${gap.items.join(" ; ")}.`,
          c.criterion.number as CriterionNumber,
        ),
      );
  }
  return out;
}
