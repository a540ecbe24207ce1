/** What every rule needs to know about the workbook under check: the workbook as read, and the sheets asked for. */
import { asRead, type ReadInputs, type ReadOptions, type WorkbookAsRead } from "../workbook-as-read";
import type { WorkbookSnapshot } from "../snapshot";
import type { DossierContent } from "../dossier/content";
import type { Mark } from "../dossier/body";

export {
  cellOfName,
  parametersText,
  tableOf,
  textsIn,
  yearOf,
  type ReadOptions,
  type WorkbookAsRead,
} from "../workbook-as-read";

export interface CheckOptions extends ReadOptions {
  /** Only the findings of this sheet (by title) — « Vérifier la fiche ». */
  readonly sheet?: string;
  /**
   * Only the findings of these sheets (by title): the pane's live check after people changed them. The rows of
   * the other fiches are not looked at (the workbook-wide rules still run: they are cheap).
   */
  readonly sheets?: readonly string[];
  /**
   * The dossier's content and its marks on `today`, when the caller built them from this very workbook as read
   * for itself (the académie's summary counts the dossier's gaps): handed in, not built twice.
   */
  readonly dossier?: { readonly content: DossierContent; readonly marks?: readonly Mark[] };
}

export interface CheckContext extends WorkbookAsRead {
  /** The sheets whose findings are wanted, all when undefined (CheckOptions.sheets). */
  readonly only?: ReadonlySet<string>;
  /** CheckOptions.dossier. */
  readonly dossier?: CheckOptions["dossier"];
}

/** The check's context: the workbook as read (built here only when the caller has none), and the sheets asked for. */
export function makeContext(wb: WorkbookAsRead, options: CheckOptions): CheckContext;
export function makeContext(wb: WorkbookSnapshot, options: CheckOptions & ReadInputs): CheckContext;
export function makeContext(
  wb: WorkbookSnapshot | WorkbookAsRead,
  options: CheckOptions & Partial<ReadInputs>,
): CheckContext {
  const read = "placements" in wb ? wb : asRead(wb, options as ReadInputs); // the overloads make them present
  return { ...read, only: options.sheets ? new Set(options.sheets) : undefined, dossier: options.dossier };
}
