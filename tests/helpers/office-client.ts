/**
 * Microsoft's own Excel client library in the test loop (scripts/office-request-size.js): each batch the adapter
 * queues is also queued on excel-web-16.00.debug.js (the library office.js loads in Excel on the web) and
 * serialized by it at every sync; the in-memory Excel runs the batch and answers the reads. Where it stops:
 * docs/office-api.md §3.1.
 */
import * as path from "path";
import { newSheet, type MemoryHost } from "../../src/excel-imitation/host";
import { REPO } from "./paths";

/** One sync as Microsoft's library serialized it: the request body's UTF-8 bytes, its actions and object paths. */
export interface SyncRecord {
  readonly bytes: number;
  readonly actions: number;
  readonly objectPaths: number;
  readonly body: string;
}

type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const office = require(path.join(REPO, "scripts/office-request-size.js")) as {
  mirrorRun(run: Runner): { run: Runner; syncs: SyncRecord[] };
};

/** Excel on the web refuses a request over 5 MB; the product keeps each one under 1 MB (issue #22). */
export const REQUEST_BUDGET = 1_000_000;

/** An `Excel.run`-like runner over `host` whose every sync is serialized by Microsoft's library (`syncs`). */
export function officeClientRun(host: MemoryHost): { run: Runner; syncs: SyncRecord[] } {
  return office.mirrorRun(host.run);
}

/** The largest request of a list of syncs, in bytes. */
export function largest(syncs: readonly SyncRecord[]): number {
  return Math.max(0, ...syncs.map((s) => s.bytes));
}

/** Long texts typed by a team: 8 criterion sheets × 100 rows × 7 columns. */
export function fillCriterionRows(host: MemoryHost): void {
  const long = (r: number, c: number) => `Texte saisi par l'équipe, ligne ${r}, colonne ${c} — assez long pour peser.`;
  for (const s of host.model.sheets.filter((x) => /^C\d /.test(x.name)))
    for (let r = 10; r <= 109; r++)
      for (let c = 1; c <= 7; c++) s.cells.set(`${"ABCDEFG"[c - 1]}${r}`, { value: long(r, c), locked: false });
}

/** A sheet of the school's own, 3,000 rows × 12 columns, that the product never writes. */
export function addSchoolSheet(host: MemoryHost): void {
  const data = newSheet("Données élèves");
  for (let r = 1; r <= 3000; r++)
    for (let c = 0; c < 12; c++)
      data.cells.set(`${"ABCDEFGHIJKL"[c]}${r}`, { value: c % 2 ? r * 1.5 : `Élève ${r} — donnée ${c}`, locked: true });
  host.model.sheets.push(data);
}
