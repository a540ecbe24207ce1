import { Button, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { TEXTS } from "../texts";

const useStyles = makeStyles({
  frame: { width: "100%", height: "70vh", border: `1px solid ${tokens.colorNeutralStroke1}`, backgroundColor: "#fff" },
  bar: { display: "flex", gap: tokens.spacingHorizontalS },
});

/**
 * The annual review, print-ready, in a sandboxed frame without scripts: the user prints it or saves it
 * as PDF from the browser's print dialog.
 */
export function ReportView(props: { html: string; onClose(): void }): React.JSX.Element {
  const s = useStyles();
  const frame = React.useRef<HTMLIFrameElement>(null);
  const print = React.useRef<HTMLButtonElement>(null);
  // Opened by « Préparer le bilan »: the focus goes to what comes next, « Imprimer ».
  React.useEffect(() => print.current?.focus(), []);
  return (
    <section aria-label={TEXTS.reportFrame}>
      <div className={s.bar}>
        <Button appearance="primary" ref={print} onClick={() => frame.current?.contentWindow?.print()}>
          {TEXTS.print}
        </Button>
        <Button onClick={props.onClose}>{TEXTS.closeReport}</Button>
      </div>
      <iframe ref={frame} className={s.frame} title={TEXTS.reportFrame} sandbox="allow-same-origin allow-modals" srcDoc={props.html} />
    </section>
  );
}
