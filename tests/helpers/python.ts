import { execFileSync } from "child_process";
import * as path from "path";

/** Debian's Python, which sees python3-openpyxl (the pyenv python3 on the PATH does not). */
export const SYSTEM_PYTHON = "/usr/bin/python3";

export interface OpenpyxlSheet {
  title: string;
  state: "visible" | "hidden" | "veryHidden";
  protected: boolean;
  password: string | null;
  freeze: string | null;
  orientation: string | null;
  fitToWidth: number | null;
  fitToHeight: number | null;
  fitToPage: boolean;
  printTitleRows: string | null;
  printArea: string | string[] | null;
  header: (string | null)[];
  footer: (string | null)[];
  validations: {
    sqref: string;
    type: string;
    formula1: string | null;
    formula2: string | null;
    errorStyle: string | null;
    showErrorMessage: boolean;
    allowBlank: boolean;
  }[];
  merged: string[];
  hiddenColumns: string[];
  widths: Record<string, number>;
  maxRow: number;
  cells?: Record<string, string | number | boolean | null>;
  unlocked?: string[];
}

export interface OpenpyxlDump {
  sheets: OpenpyxlSheet[];
  names: Record<string, string>;
}

/** What openpyxl reads in `file`; `cellsFor` lists the sheets whose cells are dumped too. */
export function openpyxlDump(file: string, cellsFor: string[] = []): OpenpyxlDump {
  const script = path.join(__dirname, "openpyxl_dump.py");
  const out = execFileSync(SYSTEM_PYTHON, [script, file, "--cells", ...cellsFor], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out) as OpenpyxlDump;
}

/**
 * Edits a workbook as another program would: openpyxl loads `file`, runs the Python `statements` (the
 * workbook is `wb`), and saves to `saveAs` (or over `file`).
 */
export function editWithOpenpyxl(file: string, statements: readonly string[], saveAs: string = file): void {
  execFileSync(SYSTEM_PYTHON, [
    "-c",
    ["import sys, openpyxl", "wb = openpyxl.load_workbook(sys.argv[1])", ...statements, "wb.save(sys.argv[2])"].join(
      "\n",
    ),
    file,
    saveAs,
  ]);
}
