/** The blueprint of « Listes » (very hidden): the establishments and each criterion's axes and objectives. */
import { absoluteRange, address } from "../a1";
import { establishmentLabel, type Establishments } from "../establishments";
import { DIRECTION_LABELS } from "../indicators";
import { type Criterion } from "../referential/types";
import { LABELS, SHEET_LISTS } from "./labels";
import { LISTS, MARKERS, NAMES, PARAMS, PERENNIAL_CHOICES, SHEET_KEYS, STATUS_CHOICES, listColumns } from "./layout";
import { type NameBlueprint, type SheetBlueprint, type StructureCell } from "./types";
import { guideAxes, guideObjectives, markDerived, text } from "./cells";

/**
 * Listes, with the establishments when they are handed in; without them ("not-needed": only which sheet is
 * which and what to read are wanted) the schools' column and its name are left out.
 */
export function listsSheet(
  criteria: readonly Criterion[],
  version: string,
  establishments: Establishments | "not-needed",
): { sheet: SheetBlueprint; names: NameBlueprint[] } {
  const head: StructureCell[] = markDerived(
    [
      text(address(1, LISTS.schoolsColumn), LABELS.listsSchools, "listHeader"),
      text(LISTS.markerAddress, MARKERS.lists, "marker"),
      text(LISTS.versionAddress, version, "marker"),
    ],
    true,
  );
  const cells: StructureCell[] = [];
  // The 2,090 schools, built with every blueprint that lists them (derived content, as markDerived marks it).
  // Their addresses are a1's own strings, those the reader keys the cells by: the check looks each one up (#28).
  const schools: StructureCell[] =
    establishments === "not-needed"
      ? []
      : establishments.list.map((e, i) =>
          text(address(LISTS.firstItemRow + i, LISTS.schoolsColumn), establishmentLabel(e), "listItem", true),
        );
  const names: NameBlueprint[] =
    establishments === "not-needed"
      ? []
      : [
          {
            name: NAMES.schools,
            sheetKey: SHEET_KEYS.lists,
            ref: absoluteRange({
              top: LISTS.firstItemRow,
              left: 1,
              bottom: LISTS.firstItemRow + schools.length - 1,
              right: 1,
            }),
          },
        ];
  const own = (list: string, i: number) => `IF(INDEX(${list},${i})="","",INDEX(${list},${i}))`;
  for (const c of criteria) {
    const cols = listColumns(c.number);
    const columns: [number, string, string[], string, string][] = [
      [cols.axes, LABELS.listsAxes(c.number), guideAxes(c), NAMES.ownAxes, NAMES.axes(c.number)],
      [
        cols.objectives,
        LABELS.listsObjectives(c.number),
        guideObjectives(c),
        NAMES.ownObjectives,
        NAMES.objectives(c.number),
      ],
    ];
    for (const [colNo, header, items, ownList, name] of columns) {
      cells.push(text(address(1, colNo), header, "listHeader"));
      items.forEach((item, i) => cells.push(text(address(LISTS.firstItemRow + i, colNo), item, "listItem")));
      for (let i = 1; i <= PARAMS.ownItemsCount; i++) {
        cells.push({
          address: address(LISTS.firstItemRow + items.length + i - 1, colNo),
          formula: own(ownList, i),
          result: "",
          style: "listItem",
        });
      }
      const bottom = LISTS.firstItemRow + items.length + PARAMS.ownItemsCount - 1;
      names.push({
        name,
        sheetKey: SHEET_KEYS.lists,
        ref: absoluteRange({ top: LISTS.firstItemRow, left: colNo, bottom, right: colNo }),
      });
    }
  }
  cells.push(text(address(1, LISTS.directionsColumn), LABELS.listsDirections, "listHeader"));
  (["higher", "lower"] as const).forEach((d, i) =>
    cells.push(text(address(LISTS.firstItemRow + i, LISTS.directionsColumn), DIRECTION_LABELS[d], "listItem")),
  );
  names.push({
    name: NAMES.directionChoices,
    sheetKey: SHEET_KEYS.lists,
    ref: absoluteRange({
      top: LISTS.firstItemRow,
      left: LISTS.directionsColumn,
      bottom: LISTS.firstItemRow + 1,
      right: LISTS.directionsColumn,
    }),
  });
  for (const [colNo, header, items, name] of [
    [LISTS.statusColumn, LABELS.listsStatus, STATUS_CHOICES, NAMES.statusChoices],
    [LISTS.perennialColumn, LABELS.listsPerennial, PERENNIAL_CHOICES, NAMES.perennialChoices],
  ] as const) {
    cells.push(text(address(1, colNo), header, "listHeader"));
    items.forEach((item, i) => cells.push(text(address(LISTS.firstItemRow + i, colNo), item, "listItem")));
    names.push({
      name,
      sheetKey: SHEET_KEYS.lists,
      ref: absoluteRange({
        top: LISTS.firstItemRow,
        left: colNo,
        bottom: LISTS.firstItemRow + items.length - 1,
        right: colNo,
      }),
    });
  }
  names.push({ name: NAMES.version, sheetKey: SHEET_KEYS.lists, ref: "$Z$2" });
  const rest = markDerived(cells, true);
  const sheet: SheetBlueprint = {
    key: SHEET_KEYS.lists,
    role: "lists",
    name: SHEET_LISTS,
    visibility: "veryHidden",
    marker: { address: LISTS.markerAddress, value: MARKERS.lists },
    columns: [{ col: 1, width: 60 }],
    rowHeights: [],
    cells: [...head, ...schools, ...rest],
    inputs: [],
    merges: [],
    validations: [],
    protect: true,
  };
  return { sheet, names };
}
