/**
 * What the labelling dossier says, read from the workbook: the school's parts and, per criterion, its parts,
 * its team and its actions and engagements — each gathered from the fiche's rows (a row whose « Actions » cell
 * is empty continues the action above it, as people fill several indicators of one action) and from the texts
 * typed for it on « Dossier ». Also what is missing: the same list the check gives (rule dossier-incomplete)
 * and the dossier's first page.
 */
import { address } from "../a1";
import { FOLLOW_UP, MEASURE_COLUMNS, NAMES, PARAMS, TABLE } from "../blueprint/layout";
import {
  ACTION_TEXTS,
  CRITERION_PARTS,
  DOSSIER,
  DOSSIER_KEY,
  SCHOOL_PARTS,
  dossierBlock,
  type ActionTextKey,
  type CriterionPartKey,
  type SchoolPartKey,
} from "../blueprint/dossier-sheet";
import { parametersText, tableOf, type WorkbookAsRead } from "../workbook-as-read";
import type { Criterion, CriterionNumber } from "../referential/types";
import type { CellSnapshot, SheetSnapshot } from "../snapshot";
import { findEstablishment, uaiOfSchoolCell } from "../establishments";
import { labelStatusOf, type LabelStatus } from "../parameters";
import { listKey, shownValue } from "../text";

/** One indicator line of an action: its objective, indicator and measures as the sheet shows them. */
export interface IndicatorLine {
  readonly row: number;
  readonly objective: string;
  readonly indicator: string;
  /** The reference year's value (the seed's 2025 column): « Mesure début (N) », « Mesure à N ». */
  readonly reference: string;
  /** The target set for the audit year (the seed's audit column). */
  readonly target: string;
  /** One measure per year after the reference year. */
  readonly measures: readonly string[];
  readonly result: string;
  readonly addedValue: string;
}

export interface ActionEntry {
  readonly kind: "action" | "engagement";
  /** Whether the kind was said in the fiche (« Statut »), or presumed (an action). */
  readonly kindSaid: boolean;
  readonly name: string;
  readonly sheet: string;
  /** The fiche's rows it spans. */
  readonly rows: readonly number[];
  readonly duration: string;
  readonly perennial: string;
  readonly lines: readonly IndicatorLine[];
  readonly evidence: readonly string[];
  /** Its texts typed on « Dossier » (empty strings when not typed), and the row they were found on. */
  readonly texts: Readonly<Record<ActionTextKey, string>>;
  readonly textsRow?: number;
}

export interface TeamMember {
  readonly name: string;
  readonly firstName: string;
  readonly role: string;
}

export interface CriterionDossier {
  readonly criterion: Criterion;
  readonly sheet?: string;
  readonly parts: Readonly<Record<CriterionPartKey, string>>;
  /** The coordinator: typed on « Dossier », else the criterion's referent of Paramètres (as its name). */
  readonly coordinator?: TeamMember;
  readonly members: readonly TeamMember[];
  readonly actions: readonly ActionEntry[];
  /** Texts typed on « Dossier » for a dénomination no row of the fiche has: kept, and said. */
  readonly orphanTexts: readonly { readonly row: number; readonly name: string }[];
}

export interface DossierContent {
  /** Paramètres' establishment cell as typed (the directory's « UAI — NAME (TOWN) »). */
  readonly school: string;
  /** The school as a letter names it (« Lycée professionnel Beau de Rochas, Digne-les-Bains »), else as typed. */
  readonly schoolName: string;
  readonly uai?: string;
  readonly academy?: string;
  /** Paramètres' label year: obtained in a year (a renewal), or « candidature » (a first application). */
  readonly labelStatus?: LabelStatus;
  readonly headOfSchool: string;
  readonly referenceYear: number;
  readonly auditYear?: number;
  /** The « Dossier » sheet's name, when the workbook has it. */
  readonly dossierSheet?: string;
  readonly schoolParts: Readonly<Record<SchoolPartKey, string>>;
  readonly criteria: readonly CriterionDossier[];
}

function shown(c: CellSnapshot | undefined): string {
  return c ? shownValue(c).trim() : "";
}

function textAt(sheet: SheetSnapshot | undefined, row: number, col: number): string {
  return sheet ? shown(sheet.cells[address(row, col)]) : "";
}

/** Evidence references: one per line or separated by « ; ». */
export function evidenceItems(text: string): string[] {
  return text
    .split(/\r?\n|;/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** The fiche's rows gathered into actions and engagements, in the fiche's order. */
function actionsOf(ctx: WorkbookAsRead, sheet: SheetSnapshot): Omit<ActionEntry, "texts" | "textsRow" | "sheet">[] {
  const out: {
    kind: ActionEntry["kind"];
    kindSaid: boolean;
    name: string;
    rows: number[];
    duration: string;
    perennial: string;
    lines: IndicatorLine[];
    evidence: string[];
  }[] = [];
  // Past the last row where something is typed in the table, no row has an axis, objective, action or indicator.
  const { firstRow, lastFilled } = tableOf(ctx, sheet);
  let objective = "";
  for (let r = firstRow; r <= lastFilled; r++) {
    const at = (col: number) => textAt(sheet, r, col);
    const C = TABLE.columns;
    const F = FOLLOW_UP.columns;
    const [axis, obj, action, indicator] = [at(C.axis), at(C.objective), at(C.action), at(C.indicator)];
    if (!(axis || obj || action || indicator)) continue;
    const status = listKey(at(F.status));
    let current = out[out.length - 1];
    if (action || !current) {
      current = {
        kind: status === "engagement" ? "engagement" : "action",
        kindSaid: status === "engagement" || status === "action",
        name: action,
        rows: [],
        duration: "",
        perennial: "",
        lines: [],
        evidence: [],
      };
      out.push(current);
      objective = "";
    } else if (!current.kindSaid && (status === "engagement" || status === "action")) {
      current.kind = status;
      current.kindSaid = true;
    }
    current.rows.push(r);
    current.duration ||= at(F.duration);
    current.perennial ||= at(F.perennial);
    current.evidence.push(...evidenceItems(at(F.evidence)));
    objective = obj || objective;
    if (indicator || obj)
      current.lines.push({
        row: r,
        objective,
        indicator,
        reference: at(C.reference),
        target: at(C.audit),
        measures: MEASURE_COLUMNS.map(at),
        result: at(F.result),
        addedValue: at(F.addedValue),
      });
  }
  return out;
}

function emptyTexts(): Record<ActionTextKey, string> {
  const texts = {} as Record<ActionTextKey, string>;
  for (const t of ACTION_TEXTS) texts[t.key] = "";
  return texts;
}

/** The texts typed for each dénomination in the block's action table, by its key (the first row wins). */
function typedTexts(sheet: SheetSnapshot | undefined, n: CriterionNumber) {
  const byName = new Map<string, { row: number; name: string; texts: Record<ActionTextKey, string> }>();
  if (!sheet) return byName;
  const b = dossierBlock(n);
  for (let r = b.firstAction; r <= b.lastAction; r++) {
    const name = textAt(sheet, r, 1);
    if (!name || byName.has(listKey(name))) continue;
    const texts = emptyTexts();
    ACTION_TEXTS.forEach((t, i) => (texts[t.key] = textAt(sheet, r, 2 + i)));
    byName.set(listKey(name), { row: r, name, texts });
  }
  return byName;
}

function teamMember(sheet: SheetSnapshot | undefined, row: number): TeamMember | undefined {
  const T = DOSSIER.teamColumns;
  const m = {
    name: textAt(sheet, row, T.name),
    firstName: textAt(sheet, row, T.firstName),
    role: textAt(sheet, row, T.role),
  };
  return m.name || m.firstName || m.role ? m : undefined;
}

export function dossierContent(ctx: WorkbookAsRead): DossierContent {
  const dossier = ctx.identified.get(DOSSIER_KEY)?.sheet;
  const schoolParts = Object.fromEntries(
    SCHOOL_PARTS.map((p, i) => [p.key, textAt(dossier, DOSSIER.schoolFirstRow + i, 2)]),
  ) as Record<SchoolPartKey, string>;
  const criteria = ctx.criteria.map((c): CriterionDossier => {
    const n = c.number as CriterionNumber;
    const b = dossierBlock(n);
    const parts = Object.fromEntries(CRITERION_PARTS.map((p, i) => [p.key, textAt(dossier, b.part(i), 2)])) as Record<
      CriterionPartKey,
      string
    >;
    const lead = parametersText(ctx, NAMES.lead(n), `B${PARAMS.firstLeadRow + n - 1}`);
    const coordinator =
      teamMember(dossier, b.coordinator) ?? (lead ? { name: lead, firstName: "", role: "" } : undefined);
    const members: TeamMember[] = [];
    for (let i = 0; i < DOSSIER.teamMembers; i++) {
      const m = teamMember(dossier, b.firstMember + i);
      if (m) members.push(m);
    }
    const sheet = ctx.identified.get(`c${n}`)?.sheet;
    const typed = typedTexts(dossier, n);
    const used = new Set<string>();
    const actions = (sheet ? actionsOf(ctx, sheet) : []).map((a): ActionEntry => {
      const t = a.name ? typed.get(listKey(a.name)) : undefined;
      if (t) used.add(listKey(a.name));
      return { ...a, sheet: sheet?.name ?? "", texts: t?.texts ?? emptyTexts(), ...(t ? { textsRow: t.row } : {}) };
    });
    const orphanTexts = [...typed.entries()]
      .filter(([k]) => !used.has(k))
      .map(([, v]) => ({ row: v.row, name: v.name }));
    return {
      criterion: c,
      ...(sheet ? { sheet: sheet.name } : {}),
      parts,
      ...(coordinator ? { coordinator } : {}),
      members,
      actions,
      orphanTexts,
    };
  });
  const school = parametersText(ctx, NAMES.school, PARAMS.school);
  const uai = uaiOfSchoolCell(school);
  const known = uai ? findEstablishment(ctx.establishments, uai) : undefined;
  const labelStatus = labelStatusOf(parametersText(ctx, NAMES.labelYear, PARAMS.labelYear));
  return {
    school,
    // As typed, without its UAI; the dossier's use case names it properly from the directory (prepareDossier).
    schoolName: school.replace(/^\s*[0-9]{7}[A-Za-z]\s*(?:—|-)?\s*/, ""),
    ...(uai ? { uai } : {}),
    ...(known ? { academy: known.academy } : {}),
    ...(labelStatus ? { labelStatus } : {}),
    headOfSchool: parametersText(ctx, NAMES.headOfSchool, PARAMS.headOfSchool),
    referenceYear: ctx.referenceYear,
    auditYear: ctx.auditYear,
    ...(dossier ? { dossierSheet: dossier.name } : {}),
    schoolParts,
    criteria,
  };
}
