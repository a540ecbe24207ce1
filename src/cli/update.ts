import { ESTABLISHMENTS } from "../domain/establishments/all";
import { UseCaseError } from "../app/port";
import { updateUseCase } from "../app/update";
import { workbookFacts } from "../domain/facts";
import { packageKind } from "../workbook/xlsx/package-kind";
import { xlsxSession } from "../workbook/xlsx/session";
import { parseArgs, stringOption, yearOption } from "./args";
import { addinReference, AUTO_OPEN_OPTIONS, tagForAutoOpen } from "./auto-open";
import { readWorkbookFile, sameFile, UserError, writeFileAtomic } from "./files";
import type { Io } from "./io";

/** The files update writes: an Open XML workbook, with or without macros. */
const WORKBOOK_NAME = /\.xls[xm]$/i;
const TYPE_MISMATCH = "et Excel refuse d'ouvrir un fichier dont le type de contenu ne correspond pas à l'extension.";

export async function updateCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ["out", "audit-year", ...AUTO_OPEN_OPTIONS], ["convert"]);
  const addin = addinReference(args);
  if (args.positional.length !== 1)
    throw new UserError(
      "Indiquez un seul classeur .xlsx ou .xlsm à mettre à jour (ldm-fiches update FICHIER [--out FICHIER]).",
    );
  const file = args.positional[0];
  const outArg = stringOption(args, "out");
  if (outArg !== undefined && !WORKBOOK_NAME.test(outArg))
    throw new UserError(`--out : « ${outArg} » doit se terminer par .xlsx (ou .xlsm pour un classeur avec macros).`);
  const auditYear = yearOption(args, "audit-year");
  const { bytes, snapshot, stamp } = await readWorkbookFile(file);
  const kind = packageKind(bytes);
  if (kind.strict)
    throw new UserError(
      `${file} : classeur au format « Open XML strict » : update y écrirait des parties au format habituel ` +
        `(transitionnel) ; rien n'a été écrit. Enregistrez-le dans Excel en « Classeur Excel (.xlsx) », puis relancez.`,
    );
  if (outArg === undefined && !WORKBOOK_NAME.test(file))
    throw new UserError(
      `${file} : update ne remplace qu'un classeur .xlsx ou .xlsm ; écrivez le résultat ailleurs avec --out FICHIER.xlsx.`,
    );
  // The content type says what the workbook is; the extension of a copy must say the same.
  if (outArg !== undefined && kind.macroEnabled !== /\.xlsm$/i.test(outArg))
    throw new UserError(
      kind.macroEnabled
        ? `--out : « ${outArg} » doit se terminer par .xlsm : ${file} est un classeur prenant en charge les macros, ${TYPE_MISMATCH}`
        : `--out : « ${outArg} » doit se terminer par .xlsx : ${file} ne prend pas en charge les macros, ${TYPE_MISMATCH}`,
    );
  const inPlace = outArg === undefined || (await sameFile(outArg, stamp));
  const out = outArg ?? file;
  const session = xlsxSession(bytes, snapshot);
  let result;
  try {
    result = await updateUseCase(session, {
      auditYear,
      establishments: ESTABLISHMENTS,
      oursOnly: !args.options.has("convert"),
    });
  } catch (e) {
    if (e instanceof UseCaseError && !workbookFacts(snapshot).ours)
      throw new UserError(
        `${file} : ${e.message} ; update n'y a rien écrit. Pour y ajouter les 8 fiches, Paramètres et ` +
          `Synthèse (ses feuilles restent telles quelles), relancez avec --convert ; pour un classeur neuf, utilisez generate.`,
      );
    if (e instanceof UseCaseError) throw new UserError(e.message);
    const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
    throw new UserError(`${file} : mise à jour impossible (${why}) ; le fichier n'a pas été modifié.`);
  }
  const updated = session.written();
  if (updated) {
    // A workbook the command line rewrites opens the pane too (#28), unless it has task panes already.
    await writeFileAtomic(out, tagForAutoOpen(updated, addin), { unchanged: stamp });
    io.out(`${out} : mis à jour.`);
    for (const line of result.lines) io.out(`  ${line}`);
  } else if (inPlace) {
    io.out(`${file} : rien à mettre à jour, le classeur est conforme.`);
  } else {
    // --out always writes its file: the bytes read, checked unchanged like any replacement.
    await writeFileAtomic(out, bytes, { unchanged: stamp });
    io.out(`${out} : copie écrite, rien à mettre à jour.`);
  }
  for (const f of result.findings) io.out(`  ⚠ ${f.sheet}!${f.cell} : ${f.message}`);
  return 0;
}
