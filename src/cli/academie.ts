/**
 * `ldm-fiches academie FICHIER... --out tableau.xlsx [--academie NOM] [--html tableau.html] [--noms]` (#28):
 * every school's workbook in one table, read with one worker per core; a file that cannot be read is listed
 * with its reason, never stops the run.
 */
import { ESTABLISHMENTS } from "../domain/establishments/all";
import { promises as fs } from "fs";
import * as path from "path";
import { academieUseCase, summarizeUseCase } from "../app/academie";
import { UseCaseError } from "../app/port";
import type { FileOutcome, SchoolSummary } from "../domain/academie";
import {
  FINDING_COLUMNS,
  findingRowsOf,
  severitiesStillListed,
  SHEETS,
  type RenderedFindings,
} from "../domain/academie-table";
import { SEVERITIES, type Severity } from "../domain/findings";
import { academieHtml } from "../documents/html/academie";
import { XlsxReadError } from "../workbook/xlsx/read";
import { xlsxSession } from "../workbook/xlsx/session";
import { renderRows, tablesToXlsx } from "../workbook/xlsx/table-writer";
import { parseArgs, stringOption } from "./args";
import { forEachInOrder } from "./check-pool";
import { batchProbe } from "./probe";
import { readInputFile, UserError, writeFileAtomic } from "./files";
import type { Io } from "./io";

/** What a worker is handed to sum up one file (check-worker.ts). */
export interface SummaryInput {
  readonly file: string;
  readonly today: number;
  readonly listed: Readonly<Record<Severity, boolean>>;
}

const capitalize = (s: string) => s.replace(/^./, (c) => c.toUpperCase());

/**
 * The workbook's findings as rows of « Constats », rendered here, in the worker that read it: the main thread
 * receives three strings instead of ~400 objects, and joins them (2,090 workbooks: ~800,000 findings, which took
 * it seconds to receive, hold and render).
 */
function renderedFindings(
  summary: SchoolSummary,
  file: string,
  listed: Readonly<Record<Severity, boolean>>,
): RenderedFindings {
  const rows = (severity: Severity) => {
    const values = findingRowsOf(summary, file, severity);
    return listed[severity] ? renderRows(FINDING_COLUMNS, values) : { count: values.length };
  };
  return { error: rows("error"), warning: rows("warning"), info: rows("info") };
}

/** Every severity rendered: a file summed up on its own, or the first ones of a batch. */
const ALL_LISTED: Readonly<Record<Severity, boolean>> = { error: true, warning: true, info: true };

/**
 * One file summed up, its findings rendered (those of the severities « Constats » may still list), or the reason it
 * was not (in a worker or here); never throws.
 */
export async function summarizeFile(
  file: string,
  today: Date,
  listed: Readonly<Record<Severity, boolean>> = ALL_LISTED,
): Promise<FileOutcome<RenderedFindings>> {
  try {
    const bytes = await readInputFile(file);
    const modified = (await fs.stat(file)).mtimeMs;
    const summary = await summarizeUseCase(xlsxSession(bytes), {
      today,
      establishments: ESTABLISHMENTS,
      probe: batchProbe(),
    });
    return { file, modified, summary: { ...summary, findings: renderedFindings(summary, file, listed) } };
  } catch (e) {
    if (e instanceof XlsxReadError || e instanceof UserError || e instanceof UseCaseError)
      return { file, problem: capitalize(e.message) };
    const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
    return { file, problem: `Fichier illisible : ${why}` };
  }
}

export async function academieCommand(argv: readonly string[], io: Io, today = new Date()): Promise<number> {
  const args = parseArgs(argv, ["out", "academie", "html"], ["noms"]);
  if (args.positional.length === 0)
    throw new UserError(
      "Indiquez les classeurs à rassembler (ldm-fiches academie FICHIER... --out tableau.xlsx [--academie NOM]).",
    );
  const out = stringOption(args, "out");
  if (out === undefined) throw new UserError("Indiquez le tableau à écrire : --out tableau.xlsx.");
  if (!/\.xlsx$/i.test(out)) throw new UserError(`--out : « ${out} » doit se terminer par .xlsx.`);
  const html = stringOption(args, "html");
  if (html !== undefined && !/\.html?$/i.test(html))
    throw new UserError(`--html : « ${html} » doit se terminer par .html.`);
  const outputs = new Set([path.resolve(out), ...(html ? [path.resolve(html)] : [])]);
  // The table is never one of the workbooks it reads (a second run over « *.xlsx » would read the first table).
  const files = args.positional.filter((f) => !outputs.has(path.resolve(f)));
  const academie = stringOption(args, "academie");
  const request = {
    today,
    establishments: ESTABLISHMENTS,
    names: args.options.has("noms"),
    ...(academie !== undefined ? { academie } : {}),
  };
  // The académie's name is checked before the files are read.
  try {
    academieUseCase<RenderedFindings>([], request);
  } catch (e) {
    if (e instanceof UseCaseError) throw new UserError(`--academie : ${e.message}`);
    throw e;
  }
  const progress = io.progress;
  const outcomes: FileOutcome<RenderedFindings>[] = new Array(files.length);
  /** The findings of the workbooks summed up so far, by severity: what « Constats » may still list of the next. */
  const known = { error: 0, warning: 0, info: 0 };
  await forEachInOrder(
    "summary",
    files.map((file): SummaryInput => ({ file, today: today.getTime(), listed: ALL_LISTED })),
    (i) => summarizeFile(i.file, today, i.listed),
    (outcome, index) => {
      outcomes[index] = outcome;
      if ("summary" in outcome)
        for (const severity of SEVERITIES) known[severity] += outcome.summary.findings[severity].count;
    },
    {
      progress:
        progress && files.length > 1 ? (done, total) => progress(`${done} / ${total} classeurs lus`) : undefined,
      prepare: (input) => ({ ...input, listed: severitiesStillListed(known) }),
    },
  );
  if (progress && files.length > 1) progress("");
  const { consolidation, sheets } = academieUseCase(outcomes, request);
  await writeFileAtomic(out, await tablesToXlsx(sheets));
  const title = `Fiches LDM — ${consolidation.academie ? `académie ${consolidation.academie}` : "établissements"}`;
  // The page holds the tables one reads on screen; the findings (up to 200,000 rows) stay in the workbook.
  const page = sheets.filter((s) => s.name !== SHEETS.findings);
  if (html) await writeFileAtomic(html, new TextEncoder().encode(academieHtml(page, title, today)));
  const c = consolidation;
  io.out(
    `Tableau écrit : ${out}${html ? ` et ${html}` : ""} — ${c.rows.length} établissement(s), ` +
      `${c.unread.length} fichier(s) non lu(s) (feuille « ${SHEETS.unread} »)` +
      (c.missing ? `, ${c.missing.length} établissement(s) de l'académie sans classeur.` : "."),
  );
  return 0;
}
