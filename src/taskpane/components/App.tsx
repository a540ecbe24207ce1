import {
  Button,
  FluentProvider,
  Text,
  Title2,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";
import * as React from "react";
import type { Finding } from "../../domain/check";
import type { GenerateOptions, WorkbookService } from "../services/workbook-service";
import { frenchSpaces, mergeLive, ServiceError, type CheckResult, type WorkbookStatus } from "../services/results";
import { createBurst } from "../services/burst";
import type { CriterionNumber } from "../../domain/referential/types";
import { LIVE_CHECK_QUIET_MS, TEXTS } from "../texts";
import { GuideExamples } from "./GuideExamples";
import { colorSchemeOf } from "../theme";
import { FOLLOW_UP_TEXTS } from "../services/follow-up";
import { Notice } from "./Notice";
import { Working } from "./Working";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// Screens that are not the pane's first one are chunks of their own, fetched when first shown: the
// first-run form (with the school search), the findings, the review.
const loadGenerateForm = () => import(/* webpackChunkName: "generate-form" */ "./GenerateForm");
const GenerateForm = React.lazy(() => loadGenerateForm().then((m) => ({ default: m.GenerateForm })));
/**
 * The first-run form fetched alongside the engine, not after it: a new workbook's first screen would otherwise wait
 * for one more request once the status is known (5.8 KB gzip; the same module when React.lazy asks for it).
 */
export function preloadFirstRun(): void {
  loadGenerateForm().catch(() => undefined);
}
const FindingsList = React.lazy(() =>
  import(/* webpackChunkName: "findings" */ "./FindingsList").then((m) => ({ default: m.FindingsList })),
);
const ReportView = React.lazy(() =>
  import(/* webpackChunkName: "report-view" */ "./ReportView").then((m) => ({ default: m.ReportView })),
);

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  start: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalS },
  startTitle: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  // A native box: Fluent's Checkbox would add 2.6 KB gzip to the first screen.
  choice: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase300 },
  // A native link and rule for the same reason (Fluent's Link and Divider: 3.9 KB gzip before the first button).
  link: {
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: "underline",
    ":hover": { color: tokens.colorBrandForegroundLinkHover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, borderRadius: tokens.borderRadiusSmall },
  },
  rule: { width: "100%", margin: 0, border: "none", borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
});

export type Boot = { kind: "loading" } | { kind: "error"; message: string } | { kind: "ready"; service: WorkbookService };

type Message = { intent: "success" | "error" | "info"; lines: string[] };

/** How long an action runs before the pane says what Excel may be waiting for. */
const SLOW_MS = 3000;

function Workspace(props: { service: WorkbookService }): React.JSX.Element {
  const { service } = props;
  const styles = useStyles();
  const [status, setStatus] = React.useState<WorkbookStatus | undefined>();
  const [busy, setBusy] = React.useState<string | undefined>(TEXTS.reading);
  // Excel holds a batch while someone is typing in a cell (delayForCellEdit): after a while, say why.
  const [slow, setSlow] = React.useState(false);
  React.useEffect(() => {
    setSlow(false);
    if (!busy) return;
    const timer = setTimeout(() => setSlow(true), SLOW_MS);
    return () => clearTimeout(timer);
  }, [busy]);
  const [message, setMessage] = React.useState<Message | undefined>();
  const [result, setResult] = React.useState<CheckResult | undefined>();
  const [report, setReport] = React.useState<string | undefined>();
  const [dossier, setDossier] = React.useState<{ url: string; fileName: string; line: string } | undefined>();
  // « Préparer le dossier » writes the working version, or the final one when this is ticked.
  const [finalDossier, setFinalDossier] = React.useState(false);
  // The previous dossier's download link is released when another replaces it, or when the pane closes.
  React.useEffect(() => () => (dossier ? URL.revokeObjectURL(dossier.url) : undefined), [dossier]);

  const messageRef = React.useRef<HTMLDivElement>(null);
  // A message appears at the top of the pane: bring it into view however far the pane was scrolled.
  React.useEffect(() => {
    if (message) messageRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [message]);

  // `refresh`: read the workbook's status again afterwards (a check writes nothing it shows: no second read).
  const act = React.useCallback(async <T,>(label: string, f: () => Promise<T>, after?: (t: T) => void, refresh = true) => {
    setBusy(label);
    setMessage(undefined);
    try {
      const t = await f();
      after?.(t);
      if (refresh) setStatus(await service.status());
    } catch (e) {
      setMessage({ intent: "error", lines: [e instanceof ServiceError ? e.message : `Erreur inattendue : ${String(e)}`] });
    } finally {
      setBusy(undefined);
    }
  }, [service]);

  React.useEffect(() => {
    void act(TEXTS.reading, async () => undefined);
  }, [act]);

  // Live: what people (or co-authors) change is checked again once the burst of changes is over, and the
  // findings follow without a click; the pane follows the active sheet. Our own writes are not re-checked
  // here (each action refreshes its findings itself). Nothing here writes to the workbook.
  const generated = !!status?.generated;
  React.useEffect(() => {
    if (!generated) return;
    const burst = createBurst<string>(LIVE_CHECK_QUIET_MS, async (ids) => {
      try {
        const live = await service.recheck(ids);
        setResult((shown) => mergeLive(shown, live));
      } catch (e) {
        setMessage({ intent: "error", lines: [e instanceof ServiceError ? e.message : String(e)] });
      }
    });
    service
      .watch({
        changed: (c) => {
          if (!c.byThisAddin) burst.add(c.worksheetId);
        },
        activated: (id) => {
          const known = service.activated(id);
          if (known) setStatus(known);
          else void service.status().then(setStatus, () => undefined);
        },
      })
      .catch((e: unknown) => setMessage({ intent: "error", lines: [e instanceof ServiceError ? e.message : String(e)] }));
    return () => burst.cancel();
  }, [service, generated]);

  /**
   * After an action that writes, findings on screen would describe the workbook as it was: they are
   * checked again (same scope) in the same step, so a fix shows as a fix.
   */
  const thenRefresh = async <T,>(f: () => Promise<T>): Promise<T> => {
    const t = await f();
    if (result) setResult(await service.check(result.scope));
    return t;
  };

  const generate = (o: GenerateOptions) =>
    act(TEXTS.generating, () => service.generate(o), (lines) => {
      setMessage({ intent: "success", lines });
      // The fiches exist: the next thing to do is the first button of the workspace.
      focusNext.current = firstAction;
    });
  const update = () =>
    act(TEXTS.updating, () => thenRefresh(() => service.update()), (lines) => setMessage({ intent: "success", lines }));
  // After a click, the focus goes where the answer is (never lost to the page's body).
  const [findingsFocus, setFindingsFocus] = React.useState(0);
  const reportButton = React.useRef<HTMLButtonElement>(null);
  const firstAction = React.useRef<HTMLButtonElement>(null);
  const check = (scope: "sheet" | "workbook") =>
    act(
      TEXTS.checking,
      () => service.check(scope),
      (r) => {
        setResult(r);
        setFindingsFocus((n) => n + 1);
      },
      false,
    );
  const prepareReport = () => act(TEXTS.reporting, () => service.report(), setReport);
  // Where the focus goes once the action is over and its controls are enabled again.
  const focusNext = React.useRef<React.RefObject<HTMLElement | null> | undefined>(undefined);
  React.useEffect(() => {
    const target = focusNext.current?.current;
    if (busy || !target) return;
    focusNext.current = undefined;
    target.focus();
  });
  const closeReport = () => {
    setReport(undefined);
    focusNext.current = reportButton;
  };
  const prepareDossier = () =>
    act(TEXTS.dossiering, () => service.dossier({ final: finalDossier }), (d) =>
      setDossier({
        url: URL.createObjectURL(new Blob([d.bytes as BlobPart], { type: DOCX_TYPE })),
        fileName: d.fileName,
        line: d.final ? TEXTS.dossierFinalReady(d.actions) : TEXTS.dossierReady(d.actions, d.gaps),
      }),
    );
  const select = (f: Finding) => act(TEXTS.reading, () => service.selectCell(f.sheet, f.cell.split(":")[0]));
  const insert = (criterion: CriterionNumber) => (column: "action" | "indicator", text: string) =>
    act(
      TEXTS.reading,
      () => thenRefresh(() => service.insertIntoSelectedRow(column, text, criterion)),
      (cell) => setMessage({ intent: "success", lines: [TEXTS.inserted(cell)] }),
    );

  return (
    <>
      {busy && <Working label={busy} />}
      {busy && slow && <Text role="status">{TEXTS.stillWaiting}</Text>}
      {message && (
        <Notice intent={message.intent} ref={messageRef}>
          {message.lines.map((l, i) => (
            <div key={i}>{frenchSpaces(l)}</div>
          ))}
        </Notice>
      )}
      {status && !status.generated && (
        <section aria-label={TEXTS.firstRunTitle}>
          <Title3 as="h2">{TEXTS.firstRunTitle}</Title3>
          <Text block>{TEXTS.firstRunHelp}</Text>
          <React.Suspense fallback={<Working label={TEXTS.reading} />}>
            <GenerateForm busy={!!busy} onGenerate={generate} />
          </React.Suspense>
        </section>
      )}
      {status?.generated && (
        <>
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={!!busy} onClick={() => check("sheet")} ref={firstAction}>
              {TEXTS.checkSheet}
            </Button>
            <Button disabled={!!busy} onClick={() => check("workbook")}>
              {TEXTS.checkWorkbook}
            </Button>
            <Button disabled={!!busy} onClick={update}>
              {TEXTS.update}
            </Button>
            <Button disabled={!!busy} onClick={prepareReport} ref={reportButton}>
              {TEXTS.report}
            </Button>
            <Button disabled={!!busy} onClick={prepareDossier}>
              {TEXTS.dossier}
            </Button>
          </div>
          <label className={styles.choice}>
            <input
              type="checkbox"
              checked={finalDossier}
              disabled={!!busy}
              onChange={(e) => setFinalDossier(e.target.checked)}
            />
            {TEXTS.dossierFinal}
          </label>
          {dossier && (
            <Notice intent="success">
              <div>{dossier.line}</div>
              <a className={styles.link} href={dossier.url} download={dossier.fileName}>
                {TEXTS.downloadDossier}
              </a>
              <div>{TEXTS.dossierHint}</div>
            </Notice>
          )}
          {status.start && !result && !report && (
            // A new workbook: what to do next, not a list of what is missing (the form called it optional).
            <section aria-labelledby="ldm-start-title" className={styles.start}>
              <h2 id="ldm-start-title" className={styles.startTitle}>
                {TEXTS.startTitle}
              </h2>
              <Text block>{TEXTS.startHelp}</Text>
              {status.start.parameters && (
                <Button
                  disabled={!!busy}
                  onClick={() => {
                    const p = status.start?.parameters;
                    if (p) void act(TEXTS.reading, () => service.selectCell(p.sheet, p.cell));
                  }}
                >
                  {TEXTS.startReferents(status.start.parameters.referentsMissing)}
                </Button>
              )}
              {status.start.firstFiche && (
                <Button
                  appearance="primary"
                  disabled={!!busy}
                  onClick={() => {
                    const f = status.start?.firstFiche;
                    if (f) void act(TEXTS.reading, () => service.selectCell(f.sheet, f.cell));
                  }}
                >
                  {TEXTS.startCriterion1}
                </Button>
              )}
            </section>
          )}
          {/* One boundary each: the bilan's code on its way must not take the findings away (and back) meanwhile. */}
          <React.Suspense fallback={<Working label={TEXTS.reading} />}>
            {report && <ReportView html={report} onClose={closeReport} />}
          </React.Suspense>
          <React.Suspense fallback={<Working label={TEXTS.reading} />}>
            {result && <FindingsList result={result} onSelect={select} focusToken={findingsFocus} />}
          </React.Suspense>
          <hr className={styles.rule} />
          {status.activeCriterion ? (
            <GuideExamples
              criterion={status.activeCriterion}
              busy={!!busy}
              onInsert={insert(status.activeCriterion)}
            />
          ) : (
            <Text>{TEXTS.notCriterionSheet}</Text>
          )}
          {status.activeCriterion && (
            // The follow-up columns I–S, folded or not from here: Excel refuses its outline on a protected sheet.
            <div className={styles.buttons}>
              <Button
                disabled={!!busy}
                onClick={() =>
                  act(FOLLOW_UP_TEXTS.button, () => service.followUp(), (r) =>
                    setMessage({ intent: "info", lines: [r.line] }),
                  )
                }
              >
                {FOLLOW_UP_TEXTS.button}
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}

export function App(props: { boot: Boot; theme?: Theme }): React.JSX.Element {
  const styles = useStyles();
  const { boot } = props;
  const theme = props.theme ?? webLightTheme;
  return (
    <FluentProvider theme={theme}>
      <main className={styles.root} style={{ colorScheme: colorSchemeOf(theme) }}>
        <Title2 as="h1">{TEXTS.appTitle}</Title2>
        <Text>{TEXTS.subtitle}</Text>
        {boot.kind === "loading" && <Working label={TEXTS.loadingOffice} />}
        {boot.kind === "error" && (
          <Notice intent="error">{boot.message}</Notice>
        )}
        {boot.kind === "ready" && <Workspace service={boot.service} />}
      </main>
    </FluentProvider>
  );
}
