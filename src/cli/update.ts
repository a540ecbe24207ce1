import { buildBlueprint } from "../domain/blueprint/build";
import { PARAMS, SHEET_KEYS } from "../domain/blueprint/layout";
import { makeContext } from "../domain/check/context";
import { isFichesWorkbook, NOT_FICHES_WORKBOOK } from "../domain/identify";
import { auditYearProblem } from "../domain/parameters";
import { reconcile } from "../domain/reconcile";
import { describeEdits } from "../domain/reconcile/describe";
import { applyEditsToXlsx } from "../workbook/xlsx/update";
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
  const ctx = makeContext(snapshot, {});
  if (!args.options.has("convert") && !isFichesWorkbook(ctx.identified))
    throw new UserError(
      `${file} : ${NOT_FICHES_WORKBOOK} ; update n'y a rien écrit. Pour y ajouter les 8 fiches, Paramètres et ` +
        `Synthèse (ses feuilles restent telles quelles), relancez avec --convert ; pour un classeur neuf, utilisez generate.`,
    );
  const auditYear = yearOption(args, "audit-year");
  if (auditYear !== undefined) {
    const p = auditYearProblem(ctx.referenceYear, auditYear);
    if (p) throw new UserError(p);
  }
  const bp = buildBlueprint({ referenceYear: ctx.referenceYear, auditYear: auditYear ?? ctx.auditYear });
  const { edits, findings } = reconcile(bp, snapshot, {
    setValues:
      auditYear !== undefined ? [{ sheetKey: SHEET_KEYS.parameters, address: PARAMS.auditYear, value: auditYear }] : [],
  });
  if (edits.length === 0) {
    io.out(`${file} : rien à mettre à jour, le classeur est conforme.`);
  } else {
    let updated: Uint8Array;
    try {
      updated = applyEditsToXlsx(bytes, edits);
    } catch (e) {
      const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
      throw new UserError(`${file} : mise à jour impossible (${why}) ; le fichier n'a pas été modifié.`);
    }
    await writeFileAtomic(out, updated);
    io.out(`${out} : mis à jour.`);
    for (const line of describeEdits(edits)) io.out(`  ${line}`);
  }
  for (const f of findings) io.out(`  ⚠ ${f.sheet}!${f.cell} : ${f.message}`);
  return 0;
}
