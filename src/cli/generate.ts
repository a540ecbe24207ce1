import { updateUseCase } from "../app/update";
import { CRITERIA } from "../domain/referential/criteria";
import { DEFAULT_REFERENCE_YEAR } from "../domain/blueprint/layout";
import { ESTABLISHMENTS, establishmentLabel, findEstablishment } from "../domain/establishments/all";
import { auditYearProblem, referenceYearProblem } from "../domain/parameters";
import { checkUai, uaiProblemMessage } from "../domain/uai";
import { emptyPackage } from "../workbook/xlsx/empty";
import { xlsxSession } from "../workbook/xlsx/session";
import { parseArgs, stringOption, yearOption } from "./args";
import { addinReference, AUTO_OPEN_OPTIONS, tagForAutoOpen } from "./auto-open";
import { fileExists, UserError, writeFileAtomic } from "./files";
import type { Io } from "./io";

export const DEFAULT_OUTPUT = "fiches-amelioration-ldm.xlsx";

export async function generateCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(
    argv,
    ["out", "uai", "audit-year", "reference-year", "head", "academie", "uai-file", "out-dir", ...AUTO_OPEN_OPTIONS],
    ["force"],
  );
  if (args.positional.length > 0)
    throw new UserError(`Argument inattendu : ${args.positional[0]} (generate ne prend que des options).`);
  const referenceYear = yearOption(args, "reference-year") ?? DEFAULT_REFERENCE_YEAR;
  const refProblem = referenceYearProblem(referenceYear);
  if (refProblem) throw new UserError(refProblem);
  const auditYear = yearOption(args, "audit-year");
  if (auditYear !== undefined) {
    const p = auditYearProblem(referenceYear, auditYear);
    if (p) throw new UserError(p);
  }
  // The add-in Excel opens with the workbook (#28), as in a workbook the pane generated.
  const addin = addinReference(args);
  // Many schools at once (#28): one workbook per school in --out-dir.
  const academie = stringOption(args, "academie");
  const uaiFile = stringOption(args, "uai-file");
  const outDir = stringOption(args, "out-dir");
  if (academie !== undefined || uaiFile !== undefined || outDir !== undefined) {
    if ((academie === undefined) === (uaiFile === undefined))
      throw new UserError("--out-dir va avec --academie NOM ou --uai-file liste.csv (l'un des deux).");
    if (outDir === undefined) throw new UserError("Indiquez le dossier des classeurs : --out-dir DOSSIER.");
    if (args.options.has("out") || args.options.has("uai"))
      throw new UserError("--out et --uai font un seul classeur : avec --academie ou --uai-file, utilisez --out-dir.");
    const { generateBatch } = await import("./generate-batch");
    return generateBatch(
      {
        outDir,
        referenceYear,
        force: args.options.has("force"),
        ...(addin ? { addin } : {}),
        ...(academie !== undefined ? { academie } : {}),
        ...(uaiFile !== undefined ? { uaiFile } : {}),
        ...(auditYear !== undefined ? { auditYear } : {}),
        ...(stringOption(args, "head") !== undefined ? { head: stringOption(args, "head") } : {}),
      },
      io,
    );
  }
  let school: string | undefined;
  const uaiArg = stringOption(args, "uai");
  if (uaiArg !== undefined) {
    const verdict = checkUai(uaiArg);
    if (!verdict.ok) throw new UserError(uaiProblemMessage(verdict));
    const e = findEstablishment(ESTABLISHMENTS, verdict.uai);
    // A school missing from the national list keeps its (valid) UAI; its name is typed in Paramètres.
    school = e ? establishmentLabel(e) : verdict.uai;
  }
  const out = stringOption(args, "out") ?? DEFAULT_OUTPUT;
  if (!/\.xlsx$/i.test(out)) throw new UserError(`--out : « ${out} » doit se terminer par .xlsx.`);
  const force = args.options.has("force");
  const exists =
    `« ${out} » existe déjà : generate ne remplace pas un classeur (tout ce qui y est saisi serait perdu). ` +
    `Choisissez un autre --out, remettez-le en état avec update, ou ajoutez --force pour le remplacer.`;
  if (!force && (await fileExists(out))) throw new UserError(exists);
  // The same use case as the pane's « Générer »: the update of an empty workbook to the blueprint.
  const session = xlsxSession(emptyPackage());
  await updateUseCase(session, {
    generation: { referenceYear, auditYear, school, headOfSchool: stringOption(args, "head") },
    establishments: ESTABLISHMENTS,
  });
  // Checked again under the write's lock, just before the rename: a file created meanwhile is not replaced.
  const bytes = tagForAutoOpen(session.written() as Uint8Array, addin);
  await writeFileAtomic(out, bytes, force ? {} : { absentOrRefuse: exists });
  const criteria = CRITERIA.length;
  io.out(
    `Classeur écrit : ${out} (${criteria} fiches critères, année de référence ${referenceYear}, ` +
      `année de l'audit ${auditYear ?? "à choisir"}${school ? `, ${school}` : ""}).`,
  );
  return 0;
}
