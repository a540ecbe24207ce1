import { FluentProvider, MessageBar, MessageBarBody, Spinner, Text, Title2, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { OFFICE_READY_TIMEOUT_MS, TEXTS } from "../texts";
import { officeReady } from "../office-ready";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
});

type Status = { kind: "loading" } | { kind: "ready" } | { kind: "error"; message: string };

export function App(): React.JSX.Element {
  const styles = useStyles();
  const [status, setStatus] = React.useState<Status>({ kind: "loading" });
  React.useEffect(() => {
    officeReady(OFFICE_READY_TIMEOUT_MS).then(
      (info) => setStatus(info.host === "Excel" ? { kind: "ready" } : { kind: "error", message: TEXTS.notExcel }),
      () => setStatus({ kind: "error", message: TEXTS.officeTimeout }),
    );
  }, []);
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root}>
        <Title2 as="h1">{TEXTS.appTitle}</Title2>
        <Text>{TEXTS.subtitle}</Text>
        {status.kind === "loading" && <Spinner label={TEXTS.loadingOffice} />}
        {status.kind === "ready" && <Text>{TEXTS.ready}</Text>}
        {status.kind === "error" && (
          <MessageBar intent="error">
            <MessageBarBody>{status.message}</MessageBarBody>
          </MessageBar>
        )}
      </main>
    </FluentProvider>
  );
}
