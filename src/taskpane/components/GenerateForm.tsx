import { Button, Combobox, Field, Input, Option, Select, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { DEFAULT_REFERENCE_YEAR } from "../../domain/blueprint/layout";
import { establishmentLabel, searchEstablishments } from "../../domain/establishments";
import { auditYearBounds } from "../../domain/parameters";
import type { GenerateOptions } from "../services/workbook-service";
import { TEXTS } from "../texts";

const useStyles = makeStyles({ form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM } });

export function GenerateForm(props: { busy: boolean; onGenerate(o: GenerateOptions): void }): React.JSX.Element {
  const styles = useStyles();
  const [query, setQuery] = React.useState("");
  const [school, setSchool] = React.useState<string | undefined>();
  const [head, setHead] = React.useState("");
  const [auditYear, setAuditYear] = React.useState("");
  const matches = React.useMemo(() => searchEstablishments(query, 30), [query]);
  const { min, max } = auditYearBounds(DEFAULT_REFERENCE_YEAR);
  const years = Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        props.onGenerate({ school, headOfSchool: head.trim() || undefined, auditYear: auditYear ? Number(auditYear) : undefined });
      }}
    >
      <Field label={TEXTS.schoolLabel}>
        <Combobox
          freeform
          placeholder={TEXTS.schoolPlaceholder}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onOptionSelect={(_, d) => {
            setSchool(d.optionValue);
            setQuery(d.optionText ?? "");
          }}
        >
          {matches.length === 0 ? (
            <Option disabled value="">
              {TEXTS.schoolNone}
            </Option>
          ) : (
            matches.map((e) => (
              <Option key={e.uai} value={establishmentLabel(e)} text={establishmentLabel(e)}>
                {`${e.uai} — ${e.name} (${e.town})`}
              </Option>
            ))
          )}
        </Combobox>
      </Field>
      <Field label={TEXTS.headLabel}>
        <Input value={head} onChange={(_, d) => setHead(d.value)} />
      </Field>
      <Field label={TEXTS.auditYearLabel}>
        <Select value={auditYear} onChange={(_, d) => setAuditYear(d.value)}>
          <option value="">{TEXTS.auditYearNone}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
      </Field>
      <Button appearance="primary" type="submit" disabled={props.busy}>
        {TEXTS.generate}
      </Button>
    </form>
  );
}
