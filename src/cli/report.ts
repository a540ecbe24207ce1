import { ESTABLISHMENTS } from "../domain/establishments/all";
import { UseCaseError } from "../app/port";
import { reportUseCase } from "../app/report";
import { xlsxSession } from "../workbook/xlsx/session";
import { STATUS } from "../domain/readiness";
import { parseArgs, stringOption } from "./args";
import { readWorkbookFile, UserError, writeFileAtomic } from "./files";
import type { Io } from "./io";
import { htmlToPdf } from "./pdf";

export { pdfTools } from "./pdf";

export async function reportCommand(argv: readonly string[], io: Io, today = new Date()): Promise<number> {
  const args = parseArgs(argv, ["out"], []);
  if (args.positional.length !== 1)
    throw new UserError("Indiquez un fichier .xlsx (ldm-fiches report FICHIER [--out bilan.pdf|bilan.html]).");
  const file = args.positional[0];
  const out = stringOption(args, "out") ?? file.replace(/\.xls[xm]$/i, "") + "-bilan.html";
  const kind = /\.pdf$/i.test(out) ? "pdf" : /\.html?$/i.test(out) ? "html" : undefined;
  if (!kind) throw new UserError(`--out : « ${out} » doit se terminer par .pdf ou .html.`);
  const workbook = await readWorkbookFile(file);
  let review;
  try {
    review = await reportUseCase(xlsxSession(workbook.bytes, workbook.snapshot), {
      today,
      establishments: ESTABLISHMENTS,
      oursOnly: true,
    });
  } catch (e) {
    if (e instanceof UseCaseError) throw new UserError(`${file} : ${e.message} ; aucun bilan écrit.`);
    throw e;
  }
  const { html, synthesis } = review;
  const bytes = kind === "pdf" ? await htmlToPdf(html) : new TextEncoder().encode(html);
  await writeFileAtomic(out, bytes);
  const ready = synthesis.criteria.filter((c) => c.status === STATUS.ready).length;
  io.out(`Bilan écrit : ${out} (${ready} critère(s) sur 8 prêts pour le COPIL).`);
  return 0;
}
