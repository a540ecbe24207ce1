/** `ldm-fiches dossier FICHIER [--out dossier.docx|dossier.pdf] [--criterion N]`: the labelling dossier. */
import { dossierUseCase } from "../app/dossier";
import { UseCaseError } from "../app/port";
import { criterionArgument } from "../domain/identify";
import type { CriterionNumber } from "../domain/referential/types";
import { writeDocx } from "../workbook/docx/write";
import { xlsxSession } from "../workbook/xlsx/session";
import { parseArgs, stringOption } from "./args";
import { readWorkbookFile, UserError, writeFileAtomic } from "./files";
import type { Io } from "./io";
import { docxToPdf } from "./pdf";

function criterionOption(raw: string | undefined): CriterionNumber | undefined {
  if (raw === undefined) return undefined;
  const n = criterionArgument(raw);
  if (n === undefined) throw new UserError(`--criterion : « ${raw} » n'est pas un critère (1 à 8, ou C1 à C8).`);
  return n;
}

export async function dossierCommand(argv: readonly string[], io: Io, today = new Date()): Promise<number> {
  const args = parseArgs(argv, ["out", "criterion"], []);
  if (args.positional.length !== 1)
    throw new UserError(
      "Indiquez un fichier .xlsx (ldm-fiches dossier FICHIER [--out dossier.docx|dossier.pdf] [--criterion N]).",
    );
  const file = args.positional[0];
  const criterion = criterionOption(stringOption(args, "criterion"));
  const out = stringOption(args, "out") ?? file.replace(/\.xls[xm]$/i, "") + "-dossier.docx";
  const kind = /\.pdf$/i.test(out) ? "pdf" : /\.docx$/i.test(out) ? "docx" : undefined;
  if (!kind) throw new UserError(`--out : « ${out} » doit se terminer par .docx ou .pdf.`);
  const workbook = await readWorkbookFile(file);
  let dossier;
  try {
    dossier = await dossierUseCase(xlsxSession(workbook.bytes, workbook.snapshot), {
      today,
      criterion,
      oursOnly: true,
    });
  } catch (e) {
    if (e instanceof UseCaseError) throw new UserError(`${file} : ${e.message} ; aucun dossier écrit.`);
    throw e;
  }
  const docx = writeDocx(dossier.document, { created: today });
  await writeFileAtomic(out, kind === "pdf" ? await docxToPdf(docx) : docx);
  const actions = dossier.content.criteria
    .filter((c) => criterion === undefined || c.criterion.number === criterion)
    .reduce((n, c) => n + c.actions.length, 0);
  io.out(
    `Dossier écrit : ${out} (${actions} action(s) et engagement(s) ; ${dossier.gaps === 0 ? "rien à compléter" : `${dossier.gaps} point(s) à compléter, listés en première page`}).`,
  );
  return 0;
}
