import { Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ErrorCircle16Filled, Info16Regular, Warning16Filled } from "@fluentui/react-icons";
import * as React from "react";
import type { Finding } from "../../domain/check";
import type { CheckResult } from "../services/results";
import { TEXTS } from "../texts";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, listStyleType: "none", padding: 0, margin: 0 },
  item: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start", textAlign: "left", width: "100%", justifyContent: "flex-start" },
  sheet: { marginTop: tokens.spacingVerticalM, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1, flexShrink: 0, marginTop: "2px" },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, flexShrink: 0, marginTop: "2px" },
  info: { color: tokens.colorPaletteBlueForeground2, flexShrink: 0, marginTop: "2px" },
});

function Icon(props: { f: Finding }): React.JSX.Element {
  const s = useStyles();
  const label = TEXTS.severity[props.f.severity];
  if (props.f.severity === "error") return <ErrorCircle16Filled className={s.error} aria-label={label} />;
  if (props.f.severity === "warning") return <Warning16Filled className={s.warning} aria-label={label} />;
  return <Info16Regular className={s.info} aria-label={label} />;
}

export function FindingsList(props: { result: CheckResult; onSelect(f: Finding): void }): React.JSX.Element {
  const s = useStyles();
  const { counts, findings, notAFiche, sheet, scope } = props.result;
  if (notAFiche)
    return (
      <section aria-label={TEXTS.findingsTitle}>
        <Text role="status">{TEXTS.notAFiche(sheet ?? "")}</Text>
      </section>
    );
  const bySheet = new Map<string, Finding[]>();
  for (const f of findings) bySheet.set(f.sheet, [...(bySheet.get(f.sheet) ?? []), f]);
  return (
    <section aria-label={TEXTS.findingsTitle}>
      <div role="status">
        <Badge color="danger">{counts.error}</Badge> <Badge color="warning">{counts.warning}</Badge>{" "}
        <Badge color="informative">{counts.info}</Badge> <Text>{TEXTS.counts(counts.error, counts.warning, counts.info)}</Text>
      </div>
      {findings.length === 0 && <Text>{scope === "workbook" ? TEXTS.noFindingWorkbook : TEXTS.noFinding}</Text>}
      {[...bySheet].map(([sheet, list]) => (
        <div key={sheet}>
          <Text as="h3" className={s.sheet} block>
            {sheet || "Classeur"}
          </Text>
          <ul className={s.list}>
            {list.map((f, i) => (
              <li key={`${f.rule}-${f.cell}-${i}`}>
                <Button appearance="subtle" className={s.item} onClick={() => props.onSelect(f)} data-rule={f.rule}>
                  <Icon f={f} />
                  <span>
                    {f.cell && !f.message.startsWith(f.cell) && <strong>{f.cell} </strong>}
                    {f.message}
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
