import * as React from "react";
import { createRoot } from "react-dom/client";
import { App, type Boot } from "./components/App";
import { officeReady } from "./office-ready";
import { createWorkbookService } from "./services/workbook-service";
import { officeRunner } from "../workbook/office/adapter";
import { officeDocumentSettings } from "../workbook/office/settings";
import { OFFICE_READY_TIMEOUT_MS, TEXTS } from "./texts";

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  const render = (boot: Boot) => root.render(<App boot={boot} />);
  render({ kind: "loading" });
  officeReady(OFFICE_READY_TIMEOUT_MS).then(
    (info) => {
      if (info.host !== "Excel") return render({ kind: "error", message: TEXTS.notExcel });
      if (!Office.context.requirements.isSetSupported("ExcelApi", "1.8")) return render({ kind: "error", message: TEXTS.unsupported });
      const service = createWorkbookService({
        run: officeRunner(),
        settings: officeDocumentSettings(),
        pageLayout: () => Office.context.requirements.isSetSupported("ExcelApi", "1.9"),
      });
      render({ kind: "ready", service });
    },
    () => render({ kind: "error", message: TEXTS.officeTimeout }),
  );
}
