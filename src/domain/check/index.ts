/**
 * « Vérifier la fiche »: a pure function from a workbook snapshot to findings. No I/O; it never
 * throws on a strange workbook — what it cannot understand becomes a finding.
 */
import type { WorkbookSnapshot } from "../snapshot";
import type { ReadInputs, WorkbookAsRead } from "../workbook-as-read";
import { makeContext, type CheckOptions } from "./context";
import { finding, severityRank, type Finding } from "./findings";
import { checkParameters } from "./parameters";
import { checkRows } from "./rows";
import { checkRepairs } from "./repairs";
import { checkDossier } from "./dossier";

export type { CheckOptions } from "./context";
export {
  countFindings,
  RULE_LABELS,
  RULES,
  type Finding,
  type FindingCounts,
  type RuleId,
  type Severity,
} from "./findings";

const RULE_SETS = [checkRepairs, checkParameters, checkRows, checkDossier];

function cellOrder(cell: string): [number, number] {
  const m = /^([A-Z]+)(\d+)/.exec(cell);
  if (!m) return [0, 0];
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]), col];
}

/**
 * `read`: the workbook as the use case read it (then it is not built again), or its snapshot with the
 * establishments — the compiler refuses a check without them (#26), which could only find « lists-damaged ».
 */
export function checkWorkbook(read: WorkbookAsRead, options?: CheckOptions): Finding[];
export function checkWorkbook(read: WorkbookSnapshot, options: CheckOptions & ReadInputs): Finding[];
export function checkWorkbook(
  read: WorkbookSnapshot | WorkbookAsRead,
  options: CheckOptions & Partial<ReadInputs> = {},
): Finding[] {
  let findings: Finding[];
  const wb = "placements" in read ? read.wb : read;
  // Unreachable when typed (the overloads): a programming error, never a finding about the workbook.
  if (wb === read && !options.establishments) throw new TypeError("checkWorkbook: establishments missing");
  try {
    const ctx =
      "placements" in read ? makeContext(read, options) : makeContext(read, options as CheckOptions & ReadInputs);
    findings = RULE_SETS.flatMap((rules) => rules(ctx));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return [finding("lists-damaged", "", "", `Le classeur n'a pas pu être vérifié entièrement : ${why}`)];
  }
  if (options.sheet !== undefined) findings = findings.filter((f) => f.sheet === options.sheet);
  if (options.sheets !== undefined) {
    const only = new Set(options.sheets);
    findings = findings.filter((f) => only.has(f.sheet));
  }
  const sheetOrder = new Map(wb.sheets.map((s, i) => [s.name, i]));
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => {
      const sa = sheetOrder.get(a.f.sheet) ?? -1;
      const sb = sheetOrder.get(b.f.sheet) ?? -1;
      if (sa !== sb) return sa - sb;
      const [ra, ca] = cellOrder(a.f.cell);
      const [rb, cb] = cellOrder(b.f.cell);
      return ra - rb || ca - cb || severityRank(a.f.severity) - severityRank(b.f.severity) || a.i - b.i;
    })
    .map((x) => x.f);
}
