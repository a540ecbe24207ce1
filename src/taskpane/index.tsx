import * as React from "react";
import { createRoot } from "react-dom/client";
import { App, preloadFirstRun, type Boot } from "./components/App";
import { officeReady } from "./office-ready";
import { OFFICE_READY_TIMEOUT_MS, TEXTS } from "./texts";
import { themeFor } from "./theme";
import type { Theme } from "@fluentui/react-components";

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  let theme: Theme | undefined;
  const render = (boot: Boot) => root.render(<App boot={boot} theme={theme} />);
  render({ kind: "loading" });
  // The workbook engine (the domain, the use cases, the Office adapter) is a chunk of its own, fetched while
  // Office starts: the first screen does not wait for it to be parsed.
  const engine = import(/* webpackChunkName: "engine" */ "./engine");
  preloadFirstRun();
  officeReady(OFFICE_READY_TIMEOUT_MS).then(
    async (info) => {
      // Office's theme (« Noir » included) once Office says it; the page's own background follows.
      try {
        theme = await themeFor(Office.context.officeTheme);
      } catch {
        // The dark theme's chunk could not be fetched: the pane still works, in the light theme.
      }
      if (theme) document.body.style.background = theme.colorNeutralBackground1;
      if (info.host !== "Excel") return render({ kind: "error", message: TEXTS.notExcel });
      if (!Office.context.requirements.isSetSupported("ExcelApi", "1.8")) return render({ kind: "error", message: TEXTS.unsupported });
      let service;
      try {
        service = (await engine).officeService();
      } catch {
        return render({ kind: "error", message: TEXTS.engineFailed });
      }
      render({ kind: "ready", service });
    },
    () => render({ kind: "error", message: TEXTS.officeTimeout }),
  );
}
