/** Applies reconciliation edits to a snapshot, as an adapter would to a workbook (for the domain's tests). */
import { parseRange, parseSqref, rangeAddress, rangesOverlap, subtractRange, type RangeRef } from "../../src/domain/a1";
import { headerFooterText } from "../../src/domain/blueprint/types";
import { quoteSheetName } from "../../src/domain/a1";
import type { Edit } from "../../src/domain/reconcile";
import type { CellSnapshot } from "../../src/domain/snapshot";
import type { MutableWorkbook } from "./workbooks";

export function applyToSnapshot(wb: MutableWorkbook, edits: readonly Edit[]): MutableWorkbook {
  const sheet = (name: string) => {
    const s = wb.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`edit on missing sheet ${name}`);
    return s;
  };
  for (const e of edits) {
    switch (e.op) {
      case "create-sheet": {
        const s = {
          name: e.sheet,
          visibility: "visible" as const,
          protected: false,
          cells: {},
          validations: [],
          merges: [],
        };
        const i = e.before === undefined ? -1 : wb.sheets.findIndex((x) => x.name === e.before);
        if (i < 0) wb.sheets.push(s);
        else wb.sheets.splice(i, 0, s);
        break;
      }
      case "set-visibility":
        sheet(e.sheet).visibility = e.visibility;
        break;
      case "set-cells":
        for (const c of e.cells) {
          const cell: CellSnapshot =
            c.formula !== undefined
              ? typeof c.result === "number"
                ? { t: "n", v: c.result, f: c.formula }
                : { t: "s", v: c.result ?? "", f: c.formula }
              : c.number !== undefined
                ? { t: "n", v: c.number }
                : { t: "s", v: c.text ?? "" };
          sheet(e.sheet).cells[c.address] = cell;
        }
        break;
      case "format-inputs":
        for (const [a, v] of Object.entries(e.area.values ?? {})) {
          const s = sheet(e.sheet);
          if (!s.cells[a]) s.cells[a] = typeof v === "number" ? { t: "n", v } : { t: "s", v };
        }
        break;
      case "unmerge": {
        const gone = new Set(e.ranges.map((r) => r.toUpperCase()));
        sheet(e.sheet).merges = (sheet(e.sheet).merges ?? []).filter((m) => !gone.has(m.toUpperCase()));
        break;
      }
      case "merge": {
        // As a workbook holds them: never two merged areas over the same cell.
        const s = sheet(e.sheet);
        for (const m of e.ranges) {
          const r = parseRange(m) as RangeRef;
          if ((s.merges ?? []).some((x) => rangesOverlap(parseRange(x) as RangeRef, r)))
            throw new Error(`merge ${m} over a merged area on ${e.sheet}`);
          s.merges = [...(s.merges ?? []), m];
        }
        break;
      }
      case "set-header-footer":
        sheet(e.sheet).headerFooter = { header: headerFooterText(e.header), footer: headerFooterText(e.footer) };
        break;
      case "set-validation": {
        const s = sheet(e.sheet);
        const area = parseRange(e.validation.sqref) as RangeRef;
        s.validations = s.validations
          .map((v) => ({
            ...v,
            sqref: parseSqref(v.sqref)
              .flatMap((r) => subtractRange(r, area))
              .map(rangeAddress)
              .join(" "),
          }))
          .filter((v) => v.sqref !== "");
        const { sqref, type, formula1, formula2, operator } = e.validation;
        s.validations.push({
          sqref,
          type,
          formula1,
          ...(formula2 !== undefined ? { formula2 } : {}),
          ...(operator ? { operator } : {}),
        });
        break;
      }
      case "set-name": {
        const formula = `${quoteSheetName(e.sheet)}!${e.ref}`;
        const n = wb.names.find((x) => x.name.toLowerCase() === e.name.toLowerCase() && x.scope === undefined);
        if (n) n.formula = formula;
        else wb.names.push({ name: e.name, formula });
        break;
      }
      case "set-protection":
        sheet(e.sheet).protected = e.protect;
        break;
      case "clear-cells":
        for (const a of e.addresses) delete sheet(e.sheet).cells[a];
        break;
      case "set-value":
        sheet(e.sheet).cells[e.address] = typeof e.value === "number" ? { t: "n", v: e.value } : { t: "s", v: e.value };
        break;
      default:
        break; // columns, heights, freeze, page setup: not in a snapshot
    }
  }
  return wb;
}
