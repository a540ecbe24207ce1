/**
 * `generate --academie NOM --out-dir DOSSIER` and `generate --uai-file liste.csv --out-dir DOSSIER` (#28): one
 * workbook per school, named by its UAI and name, in one process with one worker per core. Each worker
 * generates the workbook once without a school, then stamps each school on it (school-template.ts). A file
 * already there is kept (listed), unless --force.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { updateUseCase } from "../app/update";
import { academieSchools, findAcademie } from "../domain/academie";
import { ESTABLISHMENTS, establishmentLabel, findEstablishment } from "../domain/establishments/all";
import { auditYearProblem } from "../domain/parameters";
import { checkUai, uaiProblemMessage } from "../domain/uai";
import { emptyPackage } from "../workbook/xlsx/empty";
import { SchoolTemplate } from "../workbook/xlsx/school-template";
import { xlsxSession } from "../workbook/xlsx/session";
import type { AddinReference } from "../workbook/xlsx/webextension";
import { tagForAutoOpen } from "./auto-open";
import { runPool } from "./check-pool";
import { describeFsError, fileExists, UserError, writeFileAtomic } from "./files";
import type { Io } from "./io";

export interface GenerateInput {
  readonly out: string;
  readonly school?: string;
  readonly head?: string;
  readonly referenceYear: number;
  readonly auditYear?: number;
  readonly force: boolean;
  /** The add-in Excel opens with the workbook (auto-open parts), if any. */
  readonly addin?: AddinReference;
}

export interface GenerateOutcome {
  readonly out: string;
  readonly problem?: string;
}

/** The template of each (reference year, audit year), made once per thread. */
const templates = new Map<string, Promise<SchoolTemplate>>();

async function templateFor(
  referenceYear: number,
  auditYear: number | undefined,
  addin: AddinReference | undefined,
): Promise<SchoolTemplate> {
  const key = JSON.stringify([referenceYear, auditYear, addin]);
  let t = templates.get(key);
  if (!t) {
    t = (async () => {
      const session = xlsxSession(emptyPackage());
      await updateUseCase(session, { generation: { referenceYear, auditYear }, establishments: ESTABLISHMENTS });
      const bytes = tagForAutoOpen(session.written() as Uint8Array, addin);
      return new SchoolTemplate(bytes, { referenceYear, auditYear });
    })();
    templates.set(key, t);
  }
  return t;
}

/** One school's workbook, written (in a worker or here); never throws. */
export async function generateOne(input: GenerateInput): Promise<GenerateOutcome> {
  try {
    const template = await templateFor(input.referenceYear, input.auditYear, input.addin);
    const bytes = template.forSchool(input.school, input.head);
    const exists = `« ${input.out} » existe déjà : gardé (--force pour le remplacer).`;
    await writeFileAtomic(input.out, bytes, input.force ? {} : { absentOrRefuse: exists });
    return { out: input.out };
  } catch (e) {
    return { out: input.out, problem: e instanceof Error ? e.message.split("\n")[0] : String(e) };
  }
}

/** « 0040007L LYCEE PROFESSIONNEL … BEAU DE ROCHAS.xlsx »: the UAI first (sorted, unique), a name any system takes. */
export function schoolFileName(uai: string): string {
  const e = findEstablishment(ESTABLISHMENTS, uai);
  const name = (e?.name ?? "")
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 80)
    .trim();
  return `${uai}${name ? ` ${name}` : ""}.xlsx`;
}

interface Line {
  readonly uai: string;
  readonly auditYear?: number;
  readonly head?: string;
}

/** « UAI;année de l'audit;chef d'établissement » per line (a header line and empty lines are skipped). */
export function parseUaiFile(text: string, file: string): Line[] {
  const problems: string[] = [];
  const lines: Line[] = [];
  text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .forEach((raw, i) => {
      if (!raw.trim()) return;
      const [uaiField = "", yearField = "", headField = ""] = raw.split(raw.includes(";") ? ";" : ",");
      const unquote = (s: string) =>
        s
          .trim()
          .replace(/^"(.*)"$/, "$1")
          .trim();
      const uai = unquote(uaiField);
      if (i === 0 && !/\d/.test(uai)) return;
      const verdict = checkUai(uai);
      if (!verdict.ok) {
        problems.push(`ligne ${i + 1} : ${uaiProblemMessage(verdict)}`);
        return;
      }
      const year = unquote(yearField);
      if (year && !/^\d{4}$/.test(year)) {
        problems.push(`ligne ${i + 1} : « ${year} » n'est pas une année`);
        return;
      }
      const head = unquote(headField);
      lines.push({ uai: verdict.uai, ...(year ? { auditYear: Number(year) } : {}), ...(head ? { head } : {}) });
    });
  if (problems.length)
    throw new UserError(
      `${file} : ${problems.slice(0, 5).join(" ; ")}${problems.length > 5 ? ` (et ${problems.length - 5} autres)` : ""}. Rien n'a été écrit.`,
    );
  return lines;
}

export async function generateBatch(
  request: {
    readonly academie?: string;
    readonly uaiFile?: string;
    readonly outDir: string;
    readonly referenceYear: number;
    readonly auditYear?: number;
    readonly head?: string;
    readonly force: boolean;
    readonly addin?: AddinReference;
  },
  io: Io,
): Promise<number> {
  let lines: Line[];
  if (request.academie !== undefined) {
    const academie = findAcademie(ESTABLISHMENTS, request.academie);
    if (!academie) throw new UserError(`--academie : Académie inconnue : « ${request.academie} ».`);
    lines = academieSchools(ESTABLISHMENTS, academie).map((e) => ({ uai: e.uai }));
  } else {
    const file = request.uaiFile as string;
    let text: string;
    try {
      text = await fs.readFile(file, "utf8");
    } catch (e) {
      throw new UserError(`Impossible de lire « ${file} » : ${describeFsError(e)}.`);
    }
    lines = parseUaiFile(text, file);
  }
  for (const l of lines) {
    const year = l.auditYear ?? request.auditYear;
    const p = year === undefined ? undefined : auditYearProblem(request.referenceYear, year);
    if (p) throw new UserError(`${l.uai} : ${p} Rien n'a été écrit.`);
  }
  try {
    await fs.mkdir(request.outDir, { recursive: true });
  } catch (e) {
    throw new UserError(`Impossible de créer le dossier « ${request.outDir} » : ${describeFsError(e)}.`);
  }
  const seen = new Set<string>();
  const inputs: GenerateInput[] = [];
  const kept: string[] = [];
  for (const l of lines) {
    if (seen.has(l.uai)) continue;
    seen.add(l.uai);
    const out = path.join(request.outDir, schoolFileName(l.uai));
    if (!request.force && (await fileExists(out))) {
      kept.push(out);
      continue;
    }
    const e = findEstablishment(ESTABLISHMENTS, l.uai);
    const auditYear = l.auditYear ?? request.auditYear;
    const head = l.head ?? request.head;
    inputs.push({
      out,
      school: e ? establishmentLabel(e) : l.uai,
      referenceYear: request.referenceYear,
      force: request.force,
      ...(request.addin ? { addin: request.addin } : {}),
      ...(auditYear !== undefined ? { auditYear } : {}),
      ...(head !== undefined ? { head } : {}),
    });
  }
  const progress = io.progress;
  const outcomes = await runPool(
    "generate",
    inputs,
    generateOne,
    progress && inputs.length > 1 ? (done, total) => progress(`${done} / ${total} classeurs écrits`) : undefined,
  );
  if (progress && inputs.length > 1) progress("");
  const failed = outcomes.filter((o) => o.problem);
  for (const f of failed) io.err(`${f.out} : ${f.problem}`);
  if (kept.length) {
    const shown = kept.slice(0, 5).map((k) => `« ${path.basename(k)} »`);
    io.out(
      `${kept.length} classeur(s) déjà présent(s), gardé(s) (--force pour les remplacer) : ${shown.join(", ")}${kept.length > 5 ? "…" : ""}`,
    );
  }
  io.out(
    `${outcomes.length - failed.length} classeur(s) écrit(s) dans ${request.outDir}` +
      (failed.length ? ` ; ${failed.length} impossible(s).` : "."),
  );
  return failed.length ? 2 : 0;
}
