/**
 * The labelling dossier's parts still to write (rule dossier-incomplete, information): one finding for the
 * school's parts and one per criterion, each listing what the dossier prints as « À compléter » (the body's own
 * record of its marks). Said only once the fiches hold rows — before that, « fiche vide » says enough.
 * And the evaluation of each action (rule action-evaluation-missing): a measure after its start year, a
 * plus-value at the audit.
 */
import { DOSSIER_KEY } from "../blueprint/dossier-sheet";
import { FOLLOW_UP } from "../blueprint/layout";
import { address } from "../a1";
import { actionWords, dossierMarks } from "../dossier/body";
import { dossierContent, type DossierContent } from "../dossier/content";
import { criterionGap, schoolGap } from "../dossier/gaps";
import { actionYears, measureIn } from "../dossier/years";
import type { CriterionNumber } from "../referential/types";
import type { CheckContext } from "./context";
import { finding, type Finding } from "./findings";

/**
 * An action (status « Action ») with no measure after its start year once a year after it has begun, or without a
 * plus-value once the audit year has come: the dossier would print empty « suivi » and « fin » columns, or no
 * effect. Information before the audit year, a warning from it on.
 */
function checkEvaluation(ctx: CheckContext, content: DossierContent): Finding[] {
  const out: Finding[] = [];
  const audit = content.auditYear;
  if (audit === undefined) return out;
  const N = content.referenceYear;
  const year = ctx.today.getFullYear();
  const severity = year >= audit ? "warning" : "info";
  for (const c of content.criteria)
    for (const a of c.actions) {
      if (a.kind !== "action" || !a.kindSaid || a.lines.length === 0) continue;
      const years = actionYears(a.duration, N, audit);
      if (years.start >= audit) continue;
      // A result, or a measure in a year of the action after its start, up to the last year shown.
      const measured =
        year <= years.start ||
        a.lines.some((l) => {
          if (l.result) return true;
          for (let y = years.start + 1; y <= years.shownEnd; y++) if (measureIn(l, y, N)) return true;
          return false;
        });
      const valued = year < audit || a.lines.some((l) => !!l.addedValue);
      if (measured && valued) continue;
      const row = a.lines[0].row;
      const missing = [
        ...(measured ? [] : [`aucune mesure après ${years.start} (ni résultat à l'audit ${audit})`]),
        ...(valued ? [] : ["aucune plus-value"]),
      ];
      out.push(
        finding(
          "action-evaluation-missing",
          a.sheet,
          address(row, measured ? FOLLOW_UP.columns.addedValue : FOLLOW_UP.columns.firstMeasure),
          `Ligne ${row} : ${actionWords(a)} (${years.start}-${years.end}) n'a ${missing.join(" et ")} : le dossier de labellisation l'évalue au début, au milieu et à la fin de l'action.`,
          c.criterion.number as CriterionNumber,
          severity,
        ),
      );
    }
  return out;
}

export function checkDossier(ctx: CheckContext): Finding[] {
  const content = ctx.dossier?.content ?? dossierContent(ctx);
  const evaluation = checkEvaluation(ctx, content);
  const sheet = ctx.identified.get(DOSSIER_KEY)?.sheet.name;
  if (sheet === undefined) return evaluation;
  const started = content.criteria.filter((c) => c.actions.length > 0);
  if (started.length === 0) return evaluation;
  const out: Finding[] = [];
  const marks = ctx.dossier?.marks ?? dossierMarks(content, undefined, ctx.today);
  const school = schoolGap(content, marks);
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
    const gap = criterionGap(content, c, marks);
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
  return [...out, ...evaluation];
}
