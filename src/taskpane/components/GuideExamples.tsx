import { Button, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { criterion } from "../../domain/referential/criteria";
import type { CriterionNumber, Entry } from "../../domain/referential/types";
import { listKey } from "../../domain/text";
import { TEXTS } from "../texts";

const useStyles = makeStyles({
  list: { listStyleType: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  // The search takes the pane's width: its placeholder is read whole, even at 320 px.
  search: { width: "100%", marginBottom: tokens.spacingVerticalS },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalS} 0` },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start", justifyContent: "space-between" },
});

function matches(e: Entry, q: string): boolean {
  return q === "" || listKey(`${e.text} ${e.group ?? ""} ${(e.details ?? []).join(" ")}`).includes(listKey(q));
}

export function GuideExamples(props: {
  criterion: CriterionNumber;
  busy: boolean;
  onInsert(column: "action" | "indicator", text: string): void;
}): React.JSX.Element {
  const s = useStyles();
  const [q, setQ] = React.useState("");
  const c = criterion(props.criterion);
  const block = (title: string, column: "action" | "indicator", entries: readonly Entry[]) => (
    <div>
      <Text as="h3" weight="semibold" block>
        {title}
      </Text>
      <ul className={s.list}>
        {entries
          .filter((e) => matches(e, q))
          .map((e) => (
            <li key={e.text} className={s.row}>
              <Text size={200}>
                {e.group && <em>{e.group} · </em>}
                {e.text}
              </Text>
              <Button size="small" disabled={props.busy} onClick={() => props.onInsert(column, e.text)} aria-label={`${TEXTS.insert} : ${e.text}`}>
                {TEXTS.insert}
              </Button>
            </li>
          ))}
      </ul>
    </div>
  );
  return (
    <section aria-label={TEXTS.examplesTitle(props.criterion)}>
      <h2 className={s.title}>{TEXTS.examplesTitle(props.criterion)}</h2>
      <Input className={s.search} placeholder={TEXTS.examplesSearch} aria-label={TEXTS.examplesSearch} value={q} onChange={(_, d) => setQ(d.value)} />
      {block(TEXTS.actions, "action", c.actions)}
      {block(TEXTS.indicators, "indicator", c.indicators)}
    </section>
  );
}
