import { Button, Input, Label, Text, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { DEFAULT_REFERENCE_YEAR } from "../../domain/blueprint/layout";
import type { EstablishmentSearch } from "../../domain/establishments";
import { auditYearBounds } from "../../domain/parameters";
import { CRITERIA } from "../../domain/referential/criteria";
import { loadEstablishments, type EstablishmentsModule } from "../services/establishments";
import type { GenerateOptions } from "../services/workbook-service";
import { TEXTS } from "../texts";
import { NativeSelect } from "./NativeSelect";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  field: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  results: { listStyleType: "none", margin: 0, padding: 0, maxHeight: "14em", overflowY: "auto" },
  result: { justifyContent: "flex-start", textAlign: "left", width: "100%", fontWeight: tokens.fontWeightRegular },
  error: { color: tokens.colorPaletteRedForeground1 },
  referents: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

const SHOWN = 8;

/**
 * The 2,090 establishments are a chunk of their own, fetched when the user first reaches the field:
 * the pane's first screen does not wait for them.
 */
function useEstablishments(): [EstablishmentsModule | undefined, () => void] {
  const [mod, setMod] = React.useState<EstablishmentsModule | undefined>();
  const load = React.useCallback(() => {
    if (!mod) void loadEstablishments().then(setMod);
  }, [mod]);
  return [mod, load];
}

export function GenerateForm(props: { busy: boolean; onGenerate(o: GenerateOptions): void }): React.JSX.Element {
  const styles = useStyles();
  const ids = { school: React.useId(), schoolError: React.useId(), head: React.useId() };
  const [establishments, loadEstablishments] = useEstablishments();
  const [query, setQuery] = React.useState("");
  const [school, setSchool] = React.useState<string | undefined>();
  const [schoolError, setSchoolError] = React.useState<string | undefined>();
  const [head, setHead] = React.useState("");
  const [auditYear, setAuditYear] = React.useState("");
  const [referents, setReferents] = React.useState<string[]>(() => CRITERIA.map(() => ""));
  const search: EstablishmentSearch | undefined = React.useMemo(
    () => establishments?.searchEstablishments(establishments.ESTABLISHMENTS, query, SHOWN),
    [establishments, query],
  );
  const { min, max } = auditYearBounds(DEFAULT_REFERENCE_YEAR);
  const years = Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
  const more = search ? search.total - search.results.length : 0;
  return (
    <form
      className={styles.form}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!school) {
          setSchoolError(query.trim() ? TEXTS.schoolNotPicked : TEXTS.schoolRequired);
          return;
        }
        props.onGenerate({
          school,
          headOfSchool: head.trim() || undefined,
          auditYear: auditYear ? Number(auditYear) : undefined,
          referents: referents.map((r) => r.trim()),
        });
      }}
    >
      <div className={styles.field}>
        <Label htmlFor={ids.school} required>
          {TEXTS.schoolLabel}
        </Label>
        <Input
          id={ids.school}
          type="search"
          placeholder={TEXTS.schoolPlaceholder}
          value={query}
          aria-describedby={schoolError ? ids.schoolError : undefined}
          aria-invalid={schoolError ? true : undefined}
          onFocus={loadEstablishments}
          onChange={(_, d) => {
            loadEstablishments();
            setQuery(d.value);
            setSchool(undefined);
            setSchoolError(undefined);
          }}
        />
        {schoolError && (
          <Text id={ids.schoolError} role="alert" className={styles.error}>
            {schoolError}
          </Text>
        )}
        {school ? (
          <Text role="status">{TEXTS.schoolChosen(school)}</Text>
        ) : (
          query.trim() !== "" && (
            <div aria-label={TEXTS.schoolResults} role="group">
              {!search ? (
                <Text>{TEXTS.schoolLoading}</Text>
              ) : search.results.length === 0 ? (
                <Text>{TEXTS.schoolNone}</Text>
              ) : (
                <ul className={styles.results}>
                  {search.results.map((e) => {
                    const label = establishments?.establishmentLabel(e) ?? e.uai;
                    return (
                      <li key={e.uai}>
                        <Button
                          appearance="subtle"
                          size="small"
                          className={styles.result}
                          onClick={() => {
                            setSchool(label);
                            setSchoolError(undefined);
                            setQuery(label);
                            // The list goes away with the button clicked: the focus goes to the next field.
                            setTimeout(() => document.getElementById(ids.head)?.focus(), 0);
                          }}
                        >
                          {label}
                        </Button>
                      </li>
                    );
                  })}
                </ul>
              )}
              {more > 0 && <Text size={200}>{TEXTS.schoolMore(more)}</Text>}
            </div>
          )
        )}
      </div>
      <div className={styles.field}>
        <Label htmlFor={ids.head}>{TEXTS.headLabel}</Label>
        <Input id={ids.head} value={head} onChange={(_, d) => setHead(d.value)} />
      </div>
      <NativeSelect label={TEXTS.auditYearLabel} value={auditYear} onChange={setAuditYear}>
        <option value="">{TEXTS.auditYearNone}</option>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </NativeSelect>
      <details>
        <summary>{TEXTS.referentsTitle}</summary>
        <div className={styles.referents}>
          {CRITERIA.map((c, i) => (
            <div key={c.number} className={styles.field}>
              <Label htmlFor={`${ids.head}-ref-${c.number}`}>{TEXTS.referentLabel(c.number, c.shortTitle)}</Label>
              <Input
                id={`${ids.head}-ref-${c.number}`}
                value={referents[i]}
                onChange={(_, d) => setReferents((r) => r.map((x, j) => (j === i ? d.value : x)))}
              />
            </div>
          ))}
        </div>
      </details>
      <Button appearance="primary" type="submit" disabled={props.busy}>
        {TEXTS.generate}
      </Button>
    </form>
  );
}
