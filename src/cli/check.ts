import { ESTABLISHMENTS } from "../domain/establishments/all";
import { checkUseCase } from "../app/check";
import { UseCaseError } from "../app/port";
import { RULE_LABELS, type Finding, type FindingCounts } from "../domain/check";
import { SEVERITIES } from "../domain/findings";
import { XlsxReadError } from "../workbook/xlsx/read";
import { xlsxSession } from "../workbook/xlsx/session";
import { parseArgs, stringOption } from "./args";
import { readInputFile, UserError } from "./files";
import type { Io } from "./io";
import { checkFiles } from "./check-pool";
import { batchProbe } from "./probe";

const ICONS = { error: "✖", warning: "⚠", info: "ℹ" } as const;

export interface FileReport {
  readonly file: string;
  readonly readable: boolean;
  readonly problem?: string;
  readonly counts: FindingCounts;
  readonly findings: readonly Finding[];
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

export function summaryLine(c: FindingCounts): string {
  return `${plural(c.error, "erreur", "erreurs")}, ${plural(c.warning, "avertissement", "avertissements")}, ${plural(c.info, "information", "informations")}`;
}

/** The message, without the cell it may start with: the line already prints the cell once. */
function messageWithoutCell(f: Finding): string {
  if (!f.cell || !f.message.startsWith(f.cell)) return f.message;
  return f.message
    .slice(f.cell.length)
    .replace(/^\s*[:,–—-]?\s*/, "")
    .replace(/^./, (c) => c.toUpperCase());
}

/** Findings grouped by sheet, one line each, then a summary line. */
export function formatReport(r: FileReport): string[] {
  const lines = [r.file];
  let sheet: string | undefined;
  for (const f of r.findings) {
    if (f.sheet !== sheet) {
      sheet = f.sheet;
      lines.push(`  ${sheet || "(classeur)"}`);
    }
    lines.push(
      `    ${ICONS[f.severity]} ${f.cell.padEnd(8)} ${messageWithoutCell(f)}  [${RULE_LABELS[f.rule]} · ${f.rule}]`,
    );
  }
  lines.push(`  Résumé : ${summaryLine(r.counts)}.`);
  return lines;
}

/** A file that was not checked, and the one line that says why. */
function notChecked(file: string, problem: string): FileReport {
  return { file, readable: false, problem, counts: { error: 0, warning: 0, info: 0 }, findings: [] };
}

export async function checkFile(file: string, sheetArg: string | undefined, today: Date): Promise<FileReport> {
  try {
    const result = await checkUseCase(xlsxSession(await readInputFile(file)), {
      today,
      establishments: ESTABLISHMENTS,
      sheet: sheetArg,
      oursOnly: true,
      probe: batchProbe(),
    });
    if (result.notAFiche)
      return notChecked(
        file,
        `« ${result.sheet} » n'est pas une fiche critère ni Paramètres : rien à y vérifier (--sheet C1 … C8, ou sans --sheet pour tout le classeur).`,
      );
    return { file, readable: true, counts: result.counts, findings: result.findings };
  } catch (e) {
    if (e instanceof XlsxReadError || e instanceof UserError || e instanceof UseCaseError)
      return notChecked(file, e.message);
    const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
    return notChecked(file, `Fichier illisible : ${why}`);
  }
}

/**
 * One item of a JSON array as `JSON.stringify(array, null, 2)` lays it out (indented one level). A JSON text has
 * no raw line break inside a string: every "\n" is one of the layout's.
 */
export function jsonArrayItem(item: unknown): string {
  return `  ${JSON.stringify(item, null, 2).replace(/\n/g, "\n  ")}`;
}

/**
 * Items laid out by `jsonArrayItem`, written as the array `JSON.stringify(items, null, 2)` would be, byte for byte,
 * one item at a time. An académie's 2,090 filled workbooks make ~400 MB of JSON: as one string, close to the
 * longest V8 allows (2^29 characters), and a larger académie would stop with « Invalid string length » after all
 * the work was done.
 */
export function writeJsonItems(items: readonly string[], out: (text: string) => void): void {
  if (items.length === 0) return out("[]");
  items.forEach((x, i) => writeJsonItem(x, i, items.length, out));
}

/** Item `index` of `count` (at least one) of {@link writeJsonItems}, written as soon as it is known. */
export function writeJsonItem(item: string, index: number, count: number, out: (text: string) => void): void {
  if (index === 0) out("[");
  out(index < count - 1 ? `${item},` : item);
  if (index === count - 1) out("]");
}

/** A file's report with its output already written out: what the main thread prints, plus what it counts. */
export interface RenderedReport {
  readonly file: string;
  readonly readable: boolean;
  readonly problem?: string;
  readonly counts: FindingCounts;
  /** The report's JSON item (`--json`) or its lines (empty when the file was not checked). */
  readonly text: string;
}

export type CheckFormat = "json" | "text";

/**
 * Checks a file and writes its report out where the check ran (in a worker, for many files): the findings then
 * cross to the main thread as one string rather than ~400 objects to copy, and the writing is shared by the cores.
 */
export async function renderedCheck(
  file: string,
  sheet: string | undefined,
  today: Date,
  format: CheckFormat,
): Promise<RenderedReport> {
  const r = await checkFile(file, sheet, today);
  const text =
    format === "json"
      ? jsonArrayItem({ ...r, problem: r.problem ?? null })
      : r.readable
        ? formatReport(r).join("\n")
        : "";
  return {
    file: r.file,
    readable: r.readable,
    ...(r.problem !== undefined ? { problem: r.problem } : {}),
    counts: r.counts,
    text,
  };
}

export async function checkCommand(argv: readonly string[], io: Io, today = new Date()): Promise<number> {
  const args = parseArgs(argv, ["sheet"], ["json"]);
  if (args.positional.length === 0)
    throw new UserError("Indiquez au moins un fichier .xlsx à vérifier (ldm-fiches check FICHIER…).");
  const sheet = stringOption(args, "sheet");
  const files = args.positional;
  const progress = io.progress;
  const format: CheckFormat = args.options.has("json") ? "json" : "text";
  const total = { error: 0, warning: 0, info: 0 };
  let unreadable = 0;
  // Each report is written as soon as it and those before it are checked (in the files' order): nothing waits for
  // the last file, and no report is kept. The progress line on the terminal is wiped first, and comes back below.
  let onScreen = false;
  const show = progress && files.length > 1 ? (line: string) => (progress(line), (onScreen = line !== "")) : undefined;
  const write = (r: RenderedReport, i: number) => {
    if (onScreen) show?.("");
    for (const severity of SEVERITIES) total[severity] += r.counts[severity];
    if (!r.readable) unreadable++;
    if (format === "json") return writeJsonItem(r.text, i, files.length, io.out);
    if (i > 0) io.out("");
    if (r.readable) io.out(r.text);
    else io.err(`${r.file} : ${r.problem}`);
  };
  await checkFiles(
    files,
    sheet,
    today,
    format,
    (file) => renderedCheck(file, sheet, today, format),
    write,
    show ? (done, count) => show(`${done} / ${count} fichiers vérifiés`) : undefined,
  );
  if (onScreen) show?.("");
  if (format === "text" && files.length > 1) {
    io.out("");
    io.out(
      `Total : ${plural(files.length, "fichier", "fichiers")}${unreadable ? ` dont ${unreadable} non vérifié(s)` : ""} — ${summaryLine(total)}.`,
    );
  }
  if (unreadable > 0) return 2;
  return total.error > 0 ? 1 : 0;
}
