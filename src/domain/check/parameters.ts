/** Rules on Paramètres: school, head of school, leads, UAI, audit year. */
import { SHEET_PARAMETERS } from "../blueprint/labels";
import { NAMES, PARAMS, leadAddress } from "../blueprint/layout";
import { uaiOfSchoolCell } from "../establishments";
import { auditYearProblem, labelPeriodProblem, labelStatusOf } from "../parameters";
import type { CellSnapshot } from "../snapshot";
import { checkUai, uaiProblemMessage } from "../uai";
import { cellOfName, yearOf, type CheckContext } from "./context";
import { finding, type Finding } from "./findings";

interface Located {
  sheet: string;
  address: string;
  cell?: CellSnapshot;
}

function locate(ctx: CheckContext, name: string, fallback: string): Located | undefined {
  const byName = cellOfName(ctx.wb, name);
  if (byName) return { sheet: byName.sheet.name, address: byName.address, cell: byName.cell };
  const params = ctx.identified.get("parametres")?.sheet;
  return params ? { sheet: params.name, address: fallback, cell: params.cells[fallback] } : undefined;
}

function isEmpty(c: CellSnapshot | undefined): boolean {
  return !c || (c.t === "s" && String(c.v).trim() === "");
}

export function checkParameters(ctx: CheckContext): Finding[] {
  if (!ctx.identified.has("parametres") && !cellOfName(ctx.wb, NAMES.school)) return []; // sheet-missing says it
  const out: Finding[] = [];
  // What the first-run form calls « facultatif » (the head of school, the referents) is never an error: a new
  // school is told what remains to fill in, as information. The school itself is required.
  const header = (
    name: string,
    fallback: string,
    message: (where: string) => string,
    optional: boolean,
    criterion?: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8,
  ) => {
    const at = locate(ctx, name, fallback);
    if (at && isEmpty(at.cell)) {
      out.push(
        finding(
          "header-missing",
          at.sheet,
          at.address,
          message(`${at.sheet}!${at.address}`),
          criterion,
          optional ? "info" : "error",
        ),
      );
    }
    return at;
  };
  const school = header(
    NAMES.school,
    PARAMS.school,
    (where) => `Le nom de l'établissement n'est pas renseigné (${where}) : il figure en tête de chaque fiche.`,
    false,
  );
  header(
    NAMES.headOfSchool,
    PARAMS.headOfSchool,
    () => "Chef d'établissement à renseigner (facultatif) : il figure en tête de chaque fiche.",
    true,
  );
  for (const c of ctx.criteria)
    header(
      NAMES.lead(c.number),
      leadAddress(c.number),
      () => `Référent du critère ${c.number} à renseigner (facultatif) : il figure en tête de sa fiche.`,
      true,
      c.number,
    );

  if (school?.cell && !isEmpty(school.cell) && school.cell.t !== "e") {
    const text = String(school.cell.v);
    const uai = uaiOfSchoolCell(text);
    if (!uai) {
      out.push(
        finding(
          "uai-invalid",
          school.sheet,
          school.address,
          `L'établissement « ${text} » ne commence pas par son UAI (ex. « 0130064Z — LYCEE … ») : choisissez-le dans la liste.`,
        ),
      );
    } else {
      const verdict = checkUai(uai);
      if (!verdict.ok) out.push(finding("uai-invalid", school.sheet, school.address, uaiProblemMessage(verdict)));
    }
  }

  const audit = locate(ctx, NAMES.auditYear, PARAMS.auditYear) ?? {
    sheet: SHEET_PARAMETERS,
    address: PARAMS.auditYear,
  };
  if (isEmpty(audit.cell)) {
    out.push(
      finding(
        "audit-year-invalid",
        audit.sheet,
        audit.address,
        `L'année de l'audit n'est pas encore choisie (${audit.sheet}!${audit.address}) : les fiches affichent « Année de l'audit : 20.. ».`,
        undefined,
        "warning",
      ),
    );
  } else if (audit.cell?.t !== "e") {
    const year = yearOf(audit.cell);
    const problem =
      year === undefined
        ? `L'année de l'audit « ${String(audit.cell?.v)} » n'est pas une année (ex. ${ctx.referenceYear + 3}).`
        : auditYearProblem(ctx.referenceYear, year);
    if (problem) out.push(finding("audit-year-invalid", audit.sheet, audit.address, problem));
  }

  // The label's period: obtained in year L, it runs five years; the renewal audit comes within them.
  const label = locate(ctx, NAMES.labelYear, PARAMS.labelYear) ?? {
    sheet: SHEET_PARAMETERS,
    address: PARAMS.labelYear,
  };
  const auditYear = yearOf(audit.cell);
  if (isEmpty(label.cell)) {
    out.push(
      finding(
        "label-period",
        label.sheet,
        label.address,
        `${label.sheet}!${label.address} : indiquez l'année d'obtention du label, ou « candidature » pour une première demande ; la période du label (5 ans) en découle.`,
        undefined,
        "info",
      ),
    );
  } else if (label.cell?.t !== "e") {
    const status = labelStatusOf(label.cell?.v);
    if (!status)
      out.push(
        finding(
          "label-period",
          label.sheet,
          label.address,
          `${label.sheet}!${label.address} : « ${String(label.cell?.v)} » n'est ni une année (ex. 2022) ni « candidature ».`,
          undefined,
          "warning",
        ),
      );
    else if (auditYear !== undefined) {
      const problem = labelPeriodProblem(status, auditYear);
      if (problem) out.push(finding("label-period", audit.sheet, audit.address, problem));
    }
  }
  return out;
}
