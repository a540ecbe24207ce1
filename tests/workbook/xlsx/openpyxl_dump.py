"""What openpyxl reads in each workbook, as one JSON object on stdout, for comparison with readXlsx.

Usage: /usr/bin/python3 tests/workbook/xlsx/openpyxl_dump.py FILE.xlsx [FILE.xlsx ...]

For each file (keyed by its base name): {"error": "..."} when openpyxl cannot open it, otherwise
{"sheets": [{"title", "state", "cells", "formulas", "merged", "validations"}], "names": {...}}.
`cells` holds the non-empty values read with data_only=True (cached results for formula cells);
dates and times, which openpyxl converts, come as {"date": "<iso>"}. `formulas` holds the formula
text of each formula cell, read with data_only=False.
"""
import datetime
import json
import os
import sys
import warnings

warnings.simplefilter("ignore")
import openpyxl  # noqa: E402
from openpyxl.worksheet._reader import WorksheetReader  # noqa: E402

# openpyxl writes a hyperlink's target into the empty cell it sits on (test-issue-877.xlsx, A1 of
# « Handlungsanweisung »): that is no content of the file, so links are not bound at all here.
WorksheetReader.bind_hyperlinks = lambda self: None


def scalar(v):
    if isinstance(v, (datetime.datetime, datetime.date, datetime.time)):
        return {"date": v.isoformat()}
    if isinstance(v, datetime.timedelta):
        return {"date": str(v)}
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    return str(v)


def non_empty(ws):
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None:
                yield c


def formula_text(v):
    text = getattr(v, "text", v)  # ArrayFormula in later versions
    return text[1:] if isinstance(text, str) and text.startswith("=") else None


def names_of(wb):
    try:
        items = list(wb.defined_names.items())
    except AttributeError:
        items = [(d.name, d) for d in wb.defined_names.definedName]
    return {name: dn.attr_text for name, dn in items}


def dump(path):
    values = openpyxl.load_workbook(path, data_only=True)
    formulas = openpyxl.load_workbook(path, data_only=False)
    sheets = []
    for ws in values.worksheets:
        wf = formulas[ws.title]
        sheets.append(
            {
                "title": ws.title,
                "state": ws.sheet_state,
                "cells": {c.coordinate: scalar(c.value) for c in non_empty(ws)},
                "formulas": {
                    c.coordinate: formula_text(c.value) for c in non_empty(wf) if formula_text(c.value) is not None
                },
                "merged": sorted(str(r) for r in ws.merged_cells.ranges),
                "validations": [
                    {"sqref": str(dv.sqref), "type": dv.type, "formula1": dv.formula1, "formula2": dv.formula2}
                    for dv in ws.data_validations.dataValidation
                ],
            }
        )
    return {"sheets": sheets, "names": names_of(values)}


def main():
    out = {}
    for path in sys.argv[1:]:
        try:
            out[os.path.basename(path)] = dump(path)
        except Exception as e:  # noqa: BLE001 - any failure means "openpyxl does not open it"
            out[os.path.basename(path)] = {"error": type(e).__name__}
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
