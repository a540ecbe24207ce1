import * as React from "react";
import { createRoot } from "react-dom/client";
import { App, type Boot } from "./components/App";
import { officeReady } from "./office-ready";
import { createWorkbookService } from "./services/workbook-service";
import { officeRunner } from "../workbook/office/adapter";
import { officeDocumentSettings } from "../workbook/office/settings";
import { OFFICE_READY_TIMEOUT_MS, TEXTS } from "./texts";
import { themeFor } from "./theme";
import type { Theme } from "@fluentui/react-components";

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  let theme: Theme | undefined;
  const render = (boot: Boot) => root.render(<App boot={boot} theme={theme} />);
  render({ kind: "loading" });
  officeReady(OFFICE_READY_TIMEOUT_MS).then(
    (info) => {
      // Office's theme (« Noir » included) once Office says it; the page's own background follows.
      theme = themeFor(Office.context.officeTheme);
      document.body.style.background = theme.colorNeutralBackground1;
      if (info.host !== "Excel") return render({ kind: "error", message: TEXTS.notExcel });
      if (!Office.context.requirements.isSetSupported("ExcelApi", "1.8")) return render({ kind: "error", message: TEXTS.unsupported });
      const service = createWorkbookService({
        run: officeRunner(),
        settings: officeDocumentSettings(),
        pageLayout: () => Office.context.requirements.isSetSupported("ExcelApi", "1.9"),
        liveEvents: () => Office.context.requirements.isSetSupported("ExcelApi", "1.9"),
      });
      render({ kind: "ready", service });
    },
    () => render({ kind: "error", message: TEXTS.officeTimeout }),
  );
}
