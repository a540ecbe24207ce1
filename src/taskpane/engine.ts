/** The pane's workbook engine, loaded on demand by index.tsx: the service over Office.js. */
import { officeRunner } from "../workbook/office/adapter";
import { officeDocumentSettings } from "../workbook/office/settings";
import { createWorkbookService, type WorkbookService } from "./services/workbook-service";

export function officeService(): WorkbookService {
  return createWorkbookService({
    run: officeRunner(),
    settings: officeDocumentSettings(),
    pageLayout: () => Office.context.requirements.isSetSupported("ExcelApi", "1.9"),
    grouping: () => Office.context.requirements.isSetSupported("ExcelApi", "1.10"),
    liveEvents: () => Office.context.requirements.isSetSupported("ExcelApi", "1.9"),
  });
}
