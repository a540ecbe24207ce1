/**
 * Reads a workbook snapshot from .xlsx bytes: only what the domain needs (sheet names and states, cells
 * with their types, shared strings and number formats, protection, merged cells, data validations,
 * defined names). Charts, drawings, comments, pivot tables and every other part are never opened.
 *
 * Safety: the package goes through {@link ZipPackage} (inflation capped per part and in total, part names
 * are map keys) and each part through {@link parseXml} (linear, no DOCTYPE, no entity expansion). Costs
 * follow the real content: a declared dimension or a far-away cell allocates nothing by itself.
 * Every failure becomes an {@link XlsxReadError} carrying one French line for the user.
 */
import { parseRange } from "../../domain/a1";
import { inputAreas } from "../../domain/blueprint/build";
import { type ChartSnapshot, type SheetSnapshot, type WorkbookSnapshot } from "../../domain/snapshot";
import { localName } from "./xml";
import { ZipPackage } from "./zip";
import {
  MAX_SHEETS,
  Parts,
  XlsxReadError,
  findWorkbookPart,
  namesOf,
  readWorkbookPart,
  resolvePartName,
  targetOfType,
  toReadError,
} from "./read-package";
import { SheetContext, readCellFormats, readSharedStrings, readWorksheet } from "./read-sheet";

export { MAX_CELLS, MAX_SHEETS, XlsxReadError, relationshipsPartOf, resolvePartName } from "./read-package";
export { decodeXstring } from "./read-sheet";

/**
 * The charts drawn on a sheet: the graphic frames of its drawing part that hold a chart, with their
 * names and the titles of their chart parts. Read tolerantly: a damaged drawing loses its charts, never
 * the workbook.
 */
export function chartsOf(parts: Parts, sheetPart: string): ChartSnapshot[] {
  const drawing = targetOfType(parts.relationships(sheetPart, true), "/drawing");
  if (drawing === undefined) return [];
  const frames: { name: string; relId?: string }[] = [];
  let frame: { name?: string; relId?: string; chart: boolean } | undefined;
  parts.parse(
    drawing,
    {
      openElement(name, a) {
        const local = localName(name);
        if (local === "graphicFrame") frame = { chart: false };
        else if (frame && local === "cNvPr" && frame.name === undefined) frame.name = a.name ?? "";
        else if (frame && local === "chart") {
          frame.chart = true;
          frame.relId = Object.entries(a).find(([k]) => localName(k) === "id")?.[1];
        }
      },
      closeElement(name) {
        if (localName(name) !== "graphicFrame" || !frame) return;
        if (frame.chart && frame.name !== undefined && frames.length < 1000)
          frames.push({ name: frame.name, relId: frame.relId });
        frame = undefined;
      },
    },
    "un dessin",
    true,
  );
  if (frames.length === 0) return [];
  const rels = parts.relationships(drawing, true);
  return frames.map((f) => {
    const part = f.relId !== undefined ? rels.get(f.relId)?.target : undefined;
    const title = part !== undefined ? chartTitle(parts, part) : undefined;
    return title !== undefined ? { name: f.name, title } : { name: f.name };
  });
}

/** The text of a chart part's own title (c:chart/c:title, not an axis title), if it is written out. */
export function chartTitle(parts: Parts, part: string): string | undefined {
  const stack: string[] = [];
  let inTitle = false;
  let inText = false;
  let text = "";
  let found = false;
  parts.parse(
    part,
    {
      // Every element is closed, a self-closing one at once: the stack is the path to the current element.
      openElement(name) {
        const local = localName(name);
        if (local === "title" && stack[stack.length - 1] === "chart") inTitle = found = true;
        if (inTitle && local === "t") inText = true;
        stack.push(local);
      },
      closeElement(name) {
        const local = localName(name);
        stack.pop();
        if (local === "t") inText = false;
        if (local === "title" && inTitle) inTitle = false;
      },
      text(t) {
        if (inText && text.length < 1000) text += t;
      },
    },
    "un graphique",
    true,
  );
  return found && text.trim() ? text : undefined;
}

// ---------------------------------------------------------------------------------------------------
// The workbook

/**
 * The product's input areas, whose lock state every sheet reports, and the rectangle that holds them all: the same
 * for every workbook (the model's layout, no input), so made once in a process rather than from a blueprint built
 * for each workbook read (#28). Made on first use; never changed (frozen).
 */
let LOCK_PROBES: Pick<SheetContext, "lockProbes" | "probeBox"> | undefined;

function lockProbes(): Pick<SheetContext, "lockProbes" | "probeBox"> {
  if (LOCK_PROBES === undefined) {
    const probes = inputAreas().flatMap((range) => {
      const ref = parseRange(range);
      return ref ? [Object.freeze({ range, ref: Object.freeze(ref) })] : [];
    });
    const refs = probes.map((p) => p.ref);
    const top = Math.min(...refs.map((r) => r.top));
    const left = Math.min(...refs.map((r) => r.left));
    const probeBox = Object.freeze({
      top,
      left,
      width: Math.max(...refs.map((r) => r.right)) - left + 1,
      height: Math.max(...refs.map((r) => r.bottom)) - top + 1,
    });
    LOCK_PROBES = { lockProbes: Object.freeze(probes), probeBox };
  }
  return LOCK_PROBES;
}

export function readWorkbook(zip: ZipPackage): WorkbookSnapshot {
  const parts = new Parts(zip);
  const workbookPart = findWorkbookPart(parts);
  const wb = readWorkbookPart(parts, workbookPart);
  if (wb.sheetCount > MAX_SHEETS)
    throw new XlsxReadError(`Fichier refusé : le classeur déclare ${wb.sheetCount} feuilles (plus de ${MAX_SHEETS}).`);
  const rels = parts.relationships(workbookPart);
  const sibling = (name: string) => resolvePartName(workbookPart, name);
  const context: SheetContext = {
    strings: readSharedStrings(parts, targetOfType(rels, "/sharedStrings") ?? parts.find(sibling("sharedStrings.xml"))),
    ...readCellFormats(parts, targetOfType(rels, "/styles") ?? parts.find(sibling("styles.xml"))),
    ...lockProbes(),
    cellCount: 0,
  };
  const sheets: SheetSnapshot[] = [];
  for (const entry of wb.sheets) {
    const rel = rels.get(entry.relId);
    // Chart sheets, dialog sheets and macro sheets are left out, and so is a sheet whose part is missing.
    if (!rel || !rel.type.endsWith("/worksheet")) continue;
    const sheet = readWorksheet(parts, rel.target, entry, context);
    if (sheet) sheets.push({ ...sheet, charts: chartsOf(parts, rel.target) });
  }
  return { sheets, names: namesOf(wb) };
}

/**
 * The snapshot of an .xlsx workbook. Throws {@link XlsxReadError} (one French line) for anything that is
 * not a readable, reasonable workbook: not a zip, damaged, a zip bomb, a DOCTYPE, too many sheets…
 */
export function readXlsx(bytes: Uint8Array): WorkbookSnapshot {
  try {
    return readWorkbook(ZipPackage.open(bytes));
  } catch (e) {
    throw toReadError(e);
  }
}
