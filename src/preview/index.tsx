/**
 * The preview: the real task pane beside a grid of an in-memory workbook, to try the add-in without
 * Office (and to test it in a browser). No Office.js is loaded here.
 */
import { FluentProvider, Tab, TabList, makeStyles, tokens, webLightTheme, type Theme } from "@fluentui/react-components";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { address, columnLetters } from "../domain/a1";
import { isDateFormat, serialDate } from "../domain/text";
import { emptyModel, MemoryHost, type MemoryModel } from "../excel-imitation/host";
import type { MemoryCell, MemorySheet } from "../excel-imitation/model";
import { App, preloadFirstRun } from "../taskpane/components/App";
import type { Boot } from "../taskpane/components/App";
import { TEXTS } from "../taskpane/texts";
import { memoryDocumentSettings } from "../workbook/office/settings";
import { themeFor } from "../taskpane/theme";

const useStyles = makeStyles({
  // The pane's column follows the viewport: at most 450 px (the widest Excel pane people use), all of it at 320 px.
  layout: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) min(450px, 100vw)",
    height: "100vh",
    "@media (max-width: 600px)": { gridTemplateColumns: "100%" },
  },
  grid: {
    overflow: "auto",
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    padding: tokens.spacingHorizontalS,
    // The grid's 2,280 cells are laid out on their own: what changes in the pane does not lay them out again.
    contain: "strict",
    // A viewport as narrow as a pane (320 px) shows the pane alone, with nothing to scroll sideways.
    "@media (max-width: 600px)": { display: "none" },
  },
  pane: { overflow: "auto" },
  table: { borderCollapse: "collapse", fontSize: "11px", tableLayout: "fixed" },
  cell: { border: "1px solid #d0d0d0", padding: "2px 4px", width: "140px", height: "18px", overflow: "hidden", whiteSpace: "nowrap", textOverflow: "ellipsis", cursor: "cell" },
  head: { background: "#f3f3f3", textAlign: "center", color: "#555" },
  selected: { outline: "2px solid #107c41", outlineOffset: "-2px" },
  bar: { display: "flex", gap: "6px", alignItems: "center", margin: "6px 0" },
  barName: { width: "60px", fontSize: "12px", color: "#555" },
  barInput: { flexGrow: 1, fontSize: "12px", padding: "2px 4px" },
});

const host = new MemoryHost(emptyModel());
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());
// « Excel waits for the cell being typed » (delayForCellEdit): the preview can hold every batch until released.
let held: Promise<void> | undefined;
let release = () => undefined as void;
const run: typeof host.run = async (batch) => {
  if (held) await held;
  try {
    return await host.run(batch);
  } finally {
    notify();
  }
};
const settings = memoryDocumentSettings();
// The workbook engine (domain, use cases, service) is a chunk of its own, as in the pane: the grid and the
// pane's first screen do not wait for it.
const engine = import(/* webpackChunkName: "engine" */ "../taskpane/services/workbook-service").then((m) =>
  m.createWorkbookService({ run, pageLayout: () => true, grouping: () => true, settings }),
);
preloadFirstRun();
(
  window as unknown as {
    ldmPreview: { host: MemoryHost; settings: Map<string, unknown>; holdBatches(): void; releaseBatches(): void };
  }
).ldmPreview = {
  host,
  settings: settings.saved,
  holdBatches: () => {
    held = new Promise<void>((r) => {
      release = () => {
        held = undefined;
        r();
      };
    });
  },
  releaseBatches: () => release(),
};

function useModel(): MemoryModel {
  const [, setTick] = React.useState(0);
  React.useEffect(() => {
    const l = () => setTick((t) => t + 1);
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  }, []);
  return host.model;
}

/** A cell as Excel shows it: a typed date keeps its date format (a day number shown as « 12/03/2026 »). */
function shown(cell: MemoryCell | undefined): string {
  if (typeof cell?.value === "number" && isDateFormat(cell.numberFormat)) return serialDate(cell.value);
  return String(cell?.value ?? (cell?.formula ? `=${cell.formula}` : ""));
}

/** What a row of the grid shows, as a string: the row is drawn again only when it changed. */
function rowSignature(sheet: MemorySheet, row: number, cols: number): string {
  let sig = "";
  for (let c = 1; c <= cols; c++) {
    if (sheet.hiddenColumns?.has(c)) {
      sig += "\u0001";
      continue;
    }
    const cell = sheet.cells.get(address(row, c));
    sig += `${cell?.error ?? shown(cell)}\u0000${cell?.formula ?? ""}\u0000`;
  }
  return sig;
}

/**
 * One row of the grid. The preview redraws after every batch (the pane's reads included): with 120 rows × 19
 * columns, only the rows whose content or selection changed are drawn again.
 */
const GridRow = React.memo(function GridRow(props: {
  sheet: MemorySheet;
  row: number;
  cols: number;
  sig: string;
  selected?: string;
  onSelect(sheet: string, address: string): void;
}): React.JSX.Element {
  const s = useStyles();
  const { sheet, row } = props;
  return (
    <tr>
      <td className={`${s.cell} ${s.head}`}>{row}</td>
      {Array.from({ length: props.cols }, (_, c) => {
        // A hidden column (Range.columnHidden) is not drawn, as in Excel.
        if (sheet.hiddenColumns?.has(c + 1)) return null;
        const a = address(row, c + 1);
        const cell = sheet.cells.get(a);
        return (
          <td
            key={c}
            data-cell={a}
            className={`${s.cell} ${props.selected === a ? s.selected : ""}`}
            onClick={() => props.onSelect(sheet.name, a)}
            title={cell?.formula ? `=${cell.formula}` : undefined}
          >
            {cell?.error ?? shown(cell)}
          </td>
        );
      })}
    </tr>
  );
},
(a, b) =>
  a.sheet === b.sheet &&
  a.row === b.row &&
  a.cols === b.cols &&
  a.sig === b.sig &&
  a.onSelect === b.onSelect &&
  (a.selected === b.selected || !touchesRow(a.selected, b.selected, a.row)));

/** Whether either selection is on `row` (a selection elsewhere does not change the row). */
function touchesRow(x: string | undefined, y: string | undefined, row: number): boolean {
  const on = (addr: string | undefined) => !!addr && Number(/\d+$/.exec(addr)?.[0]) === row;
  return on(x) || on(y);
}

/** Rows drawn at once: a first screen's worth. */
const FIRST_ROWS = 36;

function Grid(): React.JSX.Element {
  const s = useStyles();
  const model = useModel();
  const visible = model.sheets.filter((x) => x.visibility === "Visible");
  const active = model.sheets[model.activeSheet] ?? visible[0];
  // Down to row 120 and across to column S: the table and its follow-up columns (I–S) can be typed into. The
  // rows below the first screen are drawn once the page is idle: the preview's stand-in for Excel should not
  // delay the pane it is there to show (in Excel, the grid is Excel's).
  const [rows, setRows] = React.useState(FIRST_ROWS);
  React.useEffect(() => {
    const all = () => setRows(120);
    if (typeof requestIdleCallback !== "function") return void setTimeout(all, 200);
    const id = requestIdleCallback(all, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }, []);
  const cols = 19;
  const [draft, setDraft] = React.useState<string | undefined>();
  const select = React.useCallback((sheet: string, addr: string) => {
    // As in Excel: the sheet becomes active and onSelectionChanged is raised (the live check's drop-down picks).
    host.select(sheet, addr);
    setDraft(undefined);
    notify();
  }, []);
  const selected = model.selection?.sheet === active?.name ? model.selection?.address : undefined;
  const current = selected ? active?.cells.get(selected) : undefined;
  // Typing in the bar and pressing Entrée is what a person does in Excel: the cell changes, the sheet's
  // onChanged handlers are called (the pane's live check follows); a locked cell of a protected sheet refuses.
  const commit = () => {
    if (!active || !selected || draft === undefined) return;
    host.edit(active.name, selected, draft);
    setDraft(undefined);
    notify();
  };
  return (
    <div className={s.grid} data-testid="grid">
      <TabList
        selectedValue={active?.name}
        onTabSelect={(_, d) => {
          host.activate(String(d.value));
          notify();
        }}
      >
        {visible.map((x) => (
          <Tab key={x.name} value={x.name}>
            {x.name}
          </Tab>
        ))}
      </TabList>
      {active && (
        <div className={s.bar}>
          <span className={s.barName}>{selected ?? ""}</span>
          <input
            className={s.barInput}
            aria-label="Contenu de la cellule"
            disabled={!selected}
            value={draft ?? shown(current)}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") commit();
              if (e.key === "Escape") setDraft(undefined);
            }}
          />
        </div>
      )}
      {active && (
        <table className={s.table} aria-label={`Feuille ${active.name}`}>
          <tbody>
            <tr>
              <td className={`${s.cell} ${s.head}`} />
              {Array.from({ length: cols }, (_, c) =>
                // A hidden column (Range.columnHidden) is not drawn, as in Excel.
                active.hiddenColumns?.has(c + 1) ? null : (
                  <td key={c} className={`${s.cell} ${s.head}`}>
                    {columnLetters(c + 1)}
                  </td>
                ),
              )}
            </tr>
            {Array.from({ length: rows }, (_, r) => (
              <GridRow
                key={r}
                sheet={active}
                row={r + 1}
                cols={cols}
                sig={rowSignature(active, r + 1, cols)}
                selected={model.selection?.sheet === active.name ? model.selection.address : undefined}
                onSelect={select}
              />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

// « ?theme=dark » shows the pane as Office's dark theme makes it (the same choice as in Excel).
const officeTheme =
  new URLSearchParams(window.location.search).get("theme") === "dark" ? { bodyBackgroundColor: "#1f1f1f" } : undefined;
function Preview(props: { paneTheme: Theme }): React.JSX.Element {
  const { paneTheme } = props;
  const s = useStyles();
  const [boot, setBoot] = React.useState<Boot>({ kind: "loading" });
  React.useEffect(() => {
    engine.then(
      (service) => setBoot({ kind: "ready", service }),
      () => setBoot({ kind: "error", message: TEXTS.engineFailed }),
    );
  }, []);
  return (
    <FluentProvider theme={webLightTheme}>
      <div className={s.layout}>
        <Grid />
        <div className={s.pane} style={{ background: paneTheme.colorNeutralBackground1 }}>
          <App boot={boot} theme={paneTheme} />
        </div>
      </div>
    </FluentProvider>
  );
}

const container = document.getElementById("container");
// The pane's theme as in Excel: the dark one is a chunk fetched only when asked for.
if (container) void themeFor(officeTheme).then((paneTheme) => createRoot(container).render(<Preview paneTheme={paneTheme} />));
