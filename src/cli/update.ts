import { UseCaseError } from "../app/port";
import { updateUseCase } from "../app/update";
import { workbookFacts } from "../domain/facts";
import { xlsxSession } from "../workbook/xlsx/session";
import { parseArgs, stringOption, yearOption } from "./args";
import { readWorkbookFile, UserError, writeFileAtomic } from "./files";
import type { Io } from "./io";

export async function updateCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ["out", "audit-year"], ["convert"]);
  if (args.positional.length !== 1)
    throw new UserError("Indiquez un seul fichier .xlsx à mettre à jour (ldm-fiches update FICHIER [--out FICHIER]).");
  const file = args.positional[0];
  const out = stringOption(args, "out") ?? file;
  if (!/\.xlsx$/i.test(out)) throw new UserError(`--out : « ${out} » doit se terminer par .xlsx.`);
  const { bytes, snapshot } = await readWorkbookFile(file);
  const session = xlsxSession(bytes, snapshot);
  let result;
  try {
    result = await updateUseCase(session, {
      auditYear: yearOption(args, "audit-year"),
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
  if (!updated) {
    io.out(`${file} : rien à mettre à jour, le classeur est conforme.`);
  } else {
    await writeFileAtomic(out, updated);
    io.out(`${out} : mis à jour.`);
    for (const line of result.lines) io.out(`  ${line}`);
  }
  for (const f of result.findings) io.out(`  ⚠ ${f.sheet}!${f.cell} : ${f.message}`);
  return 0;
}
