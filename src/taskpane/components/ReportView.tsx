import { Button, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { TEXTS } from "../texts";

const useStyles = makeStyles({
  frame: { width: "100%", height: "70vh", border: `1px solid ${tokens.colorNeutralStroke1}` },
  bar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalS },
});

/**
 * The bilan on screen, laid out for the pane (#27): each table row a block whose cells say their column, the
 * chart and titles at the pane's width, the pane's colours (dark included). Only `@media screen`: printing
 * the same document gives the A4 version, unchanged.
 */
function screenCss(dark: boolean): string {
  const fg = dark ? "#f0f0f0" : "#1b1b1b";
  const bg = dark ? "#292929" : "#ffffff";
  const title = dark ? "#9cc3ff" : "#1f3864";
  const muted = dark ? "#c8c8c8" : "#595959";
  return `@media screen {
  html { color-scheme: ${dark ? "dark" : "light"}; }
  body { margin: 8px; font-size: 13px; line-height: 1.4; color: ${fg}; background: ${bg}; overflow-wrap: anywhere; }
  .cover { padding-top: 0; }
  .cover p { font-size: 13px; }
  h1 { font-size: 20px; color: ${title}; }
  h2 { font-size: 16px; color: ${title}; }
  h3 { font-size: 14px; color: ${dark ? "#ff9a9e" : "#a4262c"}; }
  .criterion { margin-top: 16px; }
  table, tbody, tr, td { display: block; width: auto; }
  thead, tr.head { display: none; }
  tr { border: 1px solid #a6a6a6; border-radius: 4px; margin: 0 0 8px; padding: 4px 6px; }
  td { border: none; padding: 1px 0; text-align: left !important; white-space: normal !important; }
  td[data-label]::before { content: attr(data-label) "\\00a0: "; font-weight: bold; }
  .ready { color: ${dark ? "#54d454" : "#107c10"}; }
  .todo { color: ${dark ? "#ff9a9e" : "#a4262c"}; }
  .flag { background: ${dark ? "#4a1f22" : "#fde7e9"}; }
  .muted, figcaption { color: ${muted}; }
  figure.chart { margin: 8px 0; max-width: 100%; }
  figure.chart svg text { fill: ${fg}; }
}`;
}

/** The bilan's HTML with its screen layout for the pane: each cell labelled by its column's header. */
export function paneSized(html: string, dark: boolean): string {
  const doc = new DOMParser().parseFromString(html, "text/html");
  for (const table of Array.from(doc.querySelectorAll("table"))) {
    const rows = Array.from(table.querySelectorAll("tr"));
    const head = rows.find((r) => r.querySelector("th") && !r.querySelector("td"));
    const labels = head ? Array.from(head.children).map((c) => (c.textContent ?? "").trim()) : [];
    head?.classList.add("head");
    for (const tr of rows)
      Array.from(tr.children).forEach((cell, i) => {
        if (cell.tagName === "TD" && labels[i]) cell.setAttribute("data-label", labels[i]);
      });
  }
  const style = doc.createElement("style");
  style.textContent = screenCss(dark);
  doc.head.append(style);
  return `<!doctype html>\n${doc.documentElement.outerHTML}`;
}

/** Whether the pane around `el` is dark (its text light): the bilan on screen follows it. */
function isDarkAround(el: HTMLElement | null): boolean {
  const m = /(\d+),\s*(\d+),\s*(\d+)/.exec(el ? getComputedStyle(el).color : "");
  return !!m && Number(m[1]) + Number(m[2]) + Number(m[3]) > 3 * 160;
}

/**
 * The annual review in a sandboxed frame without scripts, laid out for the pane; « Imprimer » prints the A4
 * version of the same document (or saves it as PDF from the browser's print dialog).
 */
export function ReportView(props: { html: string; onClose(): void }): React.JSX.Element {
  const s = useStyles();
  const frame = React.useRef<HTMLIFrameElement>(null);
  const print = React.useRef<HTMLButtonElement>(null);
  const section = React.useRef<HTMLElement>(null);
  const [dark, setDark] = React.useState<boolean | undefined>();
  React.useLayoutEffect(() => setDark(isDarkAround(section.current)), []);
  const doc = React.useMemo(() => (dark === undefined ? undefined : paneSized(props.html, dark)), [props.html, dark]);
  // Opened by « Préparer le bilan »: the focus goes to what comes next, « Imprimer ».
  React.useEffect(() => print.current?.focus(), []);
  return (
    <section aria-label={TEXTS.reportFrame} ref={section}>
      <div className={s.bar}>
        <Button appearance="primary" ref={print} onClick={() => frame.current?.contentWindow?.print()}>
          {TEXTS.print}
        </Button>
        <Button onClick={props.onClose}>{TEXTS.closeReport}</Button>
      </div>
      {doc !== undefined && (
        <iframe
          ref={frame}
          className={s.frame}
          style={{ backgroundColor: dark ? "#292929" : "#ffffff" }}
          title={TEXTS.reportFrame}
          sandbox="allow-same-origin allow-modals"
          srcDoc={doc}
        />
      )}
    </section>
  );
}
