import { Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import {
  ChevronDown16Regular,
  ChevronRight16Regular,
  ErrorCircle16Filled,
  Info16Regular,
  Warning16Filled,
} from "@fluentui/react-icons";
import * as React from "react";
import { RULE_LABELS, type Finding, type RuleId, type Severity } from "../../domain/check/findings";
import { findingText, type CheckResult } from "../services/results";
import { TEXTS } from "../texts";
import { NativeSelect } from "./NativeSelect";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, listStyleType: "none", padding: 0, margin: 0 },
  inner: { listStyleType: "none", paddingLeft: tokens.spacingHorizontalL, margin: 0 },
  item: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start", textAlign: "left", width: "100%", justifyContent: "flex-start", fontWeight: tokens.fontWeightRegular },
  sheet: { marginTop: tokens.spacingVerticalM, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
  filter: { flexGrow: 1, minWidth: "120px" },
  error: { color: tokens.colorPaletteRedForeground1, flexShrink: 0, marginTop: "2px" },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, flexShrink: 0, marginTop: "2px" },
  info: { color: tokens.colorPaletteBlueForeground2, flexShrink: 0, marginTop: "2px" },
  chevron: { flexShrink: 0, marginTop: "2px" },
  more: { marginTop: tokens.spacingVerticalS },
});

/** Row lines shown at first, then by pages of as many: a workbook of 3,000 findings stays a short pane. */
export const PAGE_ROWS = 25;
/** The first row lines open (the first screenful); the others show their rules on one line until opened. */
export const OPEN_ROWS = 6;

/** One line of the list: a row of a sheet (or the sheet as a whole) and its findings, in the check's order. */
interface RowGroup {
  readonly key: string;
  readonly sheet: string;
  /** The row number, undefined for findings on the whole sheet or workbook. */
  readonly row?: number;
  readonly findings: Finding[];
}

const ROW = /^[A-Z]+(\d+)/;

/**
 * The findings grouped by sheet then by row, in one pass (the check already sorts them by sheet then cell): each
 * finding is pushed once into its row's list, never copied.
 */
export function groupByRow(findings: readonly Finding[], keep: (f: Finding) => boolean): RowGroup[] {
  const groups: RowGroup[] = [];
  const byKey = new Map<string, RowGroup>();
  for (const f of findings) {
    if (!keep(f)) continue;
    const m = ROW.exec(f.cell);
    const row = m ? Number(m[1]) : undefined;
    const key = `${f.sheet}\u0000${row ?? ""}`;
    let g = byKey.get(key);
    if (!g) {
      g = { key, sheet: f.sheet, row, findings: [] };
      byKey.set(key, g);
      groups.push(g);
    }
    g.findings.push(f);
  }
  return groups;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function worst(findings: readonly Finding[]): Severity {
  let s: Severity = "info";
  for (const f of findings) if (RANK[f.severity] < RANK[s]) s = f.severity;
  return s;
}

function Icon(props: { severity: Severity }): React.JSX.Element {
  const s = useStyles();
  const label = TEXTS.severity[props.severity];
  if (props.severity === "error") return <ErrorCircle16Filled className={s.error} aria-label={label} role="img" />;
  if (props.severity === "warning") return <Warning16Filled className={s.warning} aria-label={label} role="img" />;
  return <Info16Regular className={s.info} aria-label={label} role="img" />;
}

/** The rules of a row in a few words, each once, with how many times when more than once. */
function rulesOf(findings: readonly Finding[]): string {
  const n = new Map<RuleId, number>();
  for (const f of findings) n.set(f.rule, (n.get(f.rule) ?? 0) + 1);
  return [...n].map(([rule, k]) => (k > 1 ? `${RULE_LABELS[rule]} (${k})` : RULE_LABELS[rule])).join(", ");
}

function RowLine(props: {
  group: RowGroup;
  open: boolean;
  onToggle(key: string): void;
  onSelect(f: Finding): void;
}): React.JSX.Element {
  const s = useStyles();
  const { group, open } = props;
  const seen = new Map<string, number>();
  const where = group.row === undefined ? TEXTS.wholeSheet : TEXTS.rowLabel(group.row);
  return (
    <li>
      <Button
        appearance="subtle"
        className={s.item}
        aria-expanded={open}
        onClick={() => props.onToggle(group.key)}
        data-row={group.row ?? ""}
      >
        {open ? <ChevronDown16Regular className={s.chevron} /> : <ChevronRight16Regular className={s.chevron} />}
        <Icon severity={worst(group.findings)} />
        <span>
          <strong>{where}</strong>
          {TEXTS.rowRules(group.findings.length, rulesOf(group.findings))}
        </span>
      </Button>
      {open && (
        <ul className={s.inner}>
          {group.findings.map((f) => {
            // A key from what the finding says, never its position: the same rule on the same cell twice is numbered.
            const id = `${f.rule}|${f.cell}`;
            const k = (seen.get(id) ?? 0) + 1;
            seen.set(id, k);
            const t = findingText(f);
            return (
              <li key={`${id}|${k}`}>
                <Button appearance="subtle" className={s.item} onClick={() => props.onSelect(f)} data-rule={f.rule}>
                  <Icon severity={f.severity} />
                  <span>
                    {t.cell && <strong>{t.cell} </strong>}
                    {t.message}
                  </span>
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}

export function FindingsList(props: {
  result: CheckResult;
  onSelect(f: Finding): void;
  /** Changed by each « Vérifier » people click: the focus moves to the list's first control (never on a live check). */
  focusToken?: number;
}): React.JSX.Element {
  const s = useStyles();
  const section = React.useRef<HTMLElement>(null);
  React.useEffect(() => {
    const el = section.current;
    if (props.focusToken) (el?.querySelector<HTMLElement>("select, button") ?? el?.querySelector<HTMLElement>("[tabindex]"))?.focus();
  }, [props.focusToken]);
  const { counts, findings, notAFiche, sheet, scope } = props.result;
  const [severity, setSeverity] = React.useState<Severity | "">("");
  const [rule, setRule] = React.useState<RuleId | "">("");
  const [shown, setShown] = React.useState(PAGE_ROWS);
  // Rows opened or closed by hand; the others follow OPEN_ROWS.
  const [toggled, setToggled] = React.useState<ReadonlyMap<string, boolean>>(new Map());
  const rules = React.useMemo(() => {
    const n = new Map<RuleId, number>();
    for (const f of findings) n.set(f.rule, (n.get(f.rule) ?? 0) + 1);
    return [...n].sort((a, b) => RULE_LABELS[a[0]].localeCompare(RULE_LABELS[b[0]], "fr"));
  }, [findings]);
  const groups = React.useMemo(
    () => groupByRow(findings, (f) => (severity === "" || f.severity === severity) && (rule === "" || f.rule === rule)),
    [findings, severity, rule],
  );
  /** A filter's new choice: the list starts again from its first page. */
  const filterWith =
    <T extends string>(set: (value: T) => void) =>
    (value: string) => {
      set(value as T);
      setShown(PAGE_ROWS);
    };
  const toggle = React.useCallback(
    (key: string) =>
      setToggled((t) => {
        const next = new Map(t);
        next.set(key, !(t.get(key) ?? groups.findIndex((g) => g.key === key) < OPEN_ROWS));
        return next;
      }),
    [groups],
  );
  if (notAFiche)
    return (
      <section aria-label={TEXTS.findingsTitle} ref={section}>
        <Text role="status" tabIndex={-1}>{TEXTS.notAFiche(sheet ?? "")}</Text>
      </section>
    );
  const visible = groups.slice(0, shown);
  const bySheet: { sheet: string; rows: { g: RowGroup; open: boolean }[] }[] = [];
  visible.forEach((g, i) => {
    const line = { g, open: toggled.get(g.key) ?? i < OPEN_ROWS };
    const last = bySheet[bySheet.length - 1];
    if (last?.sheet === g.sheet) last.rows.push(line);
    else bySheet.push({ sheet: g.sheet, rows: [line] });
  });
  const rest = groups.length - visible.length;
  return (
    <section aria-labelledby="ldm-findings-title" ref={section}>
      <h2 id="ldm-findings-title" className={s.title}>
        {TEXTS.findingsTitle}
      </h2>
      <div role="status" tabIndex={-1}>
        <Badge color="danger">{counts.error}</Badge> <Badge color="warning">{counts.warning}</Badge>{" "}
        <Badge color="informative">{counts.info}</Badge> <Text>{TEXTS.counts(counts.error, counts.warning, counts.info)}</Text>
      </div>
      {findings.length === 0 && <Text>{scope === "workbook" ? TEXTS.noFindingWorkbook : TEXTS.noFinding}</Text>}
      {findings.length > OPEN_ROWS && (
        <div className={s.filters}>
          <NativeSelect
            label={TEXTS.filterSeverity}
            className={s.filter}
            value={severity}
            onChange={filterWith<Severity | "">(setSeverity)}
          >
              <option value="">{TEXTS.allSeverities}</option>
              {(["error", "warning", "info"] as const)
                .filter((x) => counts[x] > 0)
                .map((x) => (
                  <option key={x} value={x}>
                    {TEXTS.severityOption(x, counts[x])}
                  </option>
                ))}
          </NativeSelect>
          <NativeSelect
            label={TEXTS.filterRule}
            className={s.filter}
            value={rule}
            onChange={filterWith<RuleId | "">(setRule)}
          >
              <option value="">{TEXTS.allRules}</option>
              {rules.map(([r, n]) => (
                <option key={r} value={r}>
                  {`${RULE_LABELS[r]} (${n})`}
                </option>
              ))}
          </NativeSelect>
        </div>
      )}
      {bySheet.map(({ sheet: name, rows }) => (
        <div key={name}>
          <h3 className={s.sheet}>{name || TEXTS.workbookAsAWhole}</h3>
          <ul className={s.list}>
            {rows.map(({ g, open }) => (
              <RowLine
                key={g.key}
                group={g}
                open={open}
                onToggle={toggle}
                onSelect={props.onSelect}
              />
            ))}
          </ul>
        </div>
      ))}
      {rest > 0 && (
        <Button className={s.more} onClick={() => setShown((n) => n + PAGE_ROWS)}>
          {TEXTS.moreRows(Math.min(PAGE_ROWS, rest), rest)}
        </Button>
      )}
    </section>
  );
}
