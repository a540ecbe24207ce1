/**
 * `ldm-fiches dossier FICHIER [--out dossier.docx|dossier.pdf] [--criterion N] [--final]`: the labelling dossier.
 * The working version by default; `--final` writes the version to send, or refuses (exit 1, one French line)
 * while a part is still « À compléter ».
 */
import { ESTABLISHMENTS } from "../domain/establishments/all";
import { dossierUseCase, refusalLine } from "../app/dossier";
import { UseCaseError } from "../app/port";
import { criterionArgument } from "../domain/identify";
import type { CriterionNumber } from "../domain/referential/types";
import { writeDocx } from "../documents/docx/write";
import { xlsxSession } from "../workbook/xlsx/session";
import { parseArgs, stringOption } from "./args";
import { readWorkbookFile, UserError, writeFileAtomic } from "./files";
import type { Io } from "./io";
import { docxToPdfRefreshed, headingPages } from "./pdf";
import { tocEntryNames } from "../documents/docx/body";

function criterionOption(raw: string | undefined): CriterionNumber | undefined {
  if (raw === undefined) return undefined;
  const n = criterionArgument(raw);
  if (n === undefined) throw new UserError(`--criterion : « ${raw} » n'est pas un critère (1 à 8, ou C1 à C8).`);
  return n;
}

export async function dossierCommand(argv: readonly string[], io: Io, today = new Date()): Promise<number> {
  const args = parseArgs(argv, ["out", "criterion"], ["final"]);
  const final = args.options.get("final") === true;
  if (args.positional.length !== 1)
    throw new UserError(
      "Indiquez un fichier .xlsx (ldm-fiches dossier FICHIER [--out dossier.docx|dossier.pdf] [--criterion N] [--final]).",
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
      establishments: ESTABLISHMENTS,
      criterion,
      oursOnly: true,
      final,
    });
  } catch (e) {
    if (e instanceof UseCaseError) throw new UserError(`${file} : ${e.message} ; aucun dossier écrit.`);
    throw e;
  }
  if (final && dossier.refused.length > 0) {
    io.err(refusalLine(dossier));
    return 1;
  }
  let docx = writeDocx(dossier.document, { created: today });
  const pdf = kind === "pdf" ? await docxToPdfRefreshed(docx) : undefined;
  if (kind === "docx") {
    // The Sommaire's page numbers written in (as LibreOffice lays it out): Word shows them, asking nothing.
    const pages = await headingPages(docx);
    const names = tocEntryNames(dossier.document.blocks);
    const tocPages = names.map((n) => pages?.get(n));
    if (pages && tocPages.every((p): p is number => p !== undefined))
      docx = writeDocx(dossier.document, { created: today, tocPages });
  }
  await writeFileAtomic(out, pdf ? pdf.pdf : docx);
  if (pdf && !pdf.indexesRefreshed)
    io.err(
      "Remarque : le sommaire du PDF n'a pas ses numéros de page (LibreOffice sans Python/UNO) ; ouvrez le .docx dans Word ou LibreOffice, mettez à jour la table des matières et exportez en PDF.",
    );
  const { actions } = dossier;
  io.out(
    final
      ? `Dossier final écrit : ${out} (${actions} action(s) et engagement(s)).`
      : `Dossier écrit : ${out} (version de travail ; ${actions} action(s) et engagement(s) ; ${dossier.gaps === 0 ? "rien à compléter" : `${dossier.gaps} partie(s) « À compléter », listées en première page`}).`,
  );
  return 0;
}
