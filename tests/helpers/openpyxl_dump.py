"""Dumps what an independent reader (openpyxl) sees in a workbook, as JSON on stdout.

Usage: /usr/bin/python3 tests/helpers/openpyxl_dump.py FILE.xlsx [--cells SHEET ...]
"""
import json
import sys
import warnings

warnings.simplefilter("ignore")
import openpyxl  # noqa: E402


def scalar(v):
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    return str(v)


def main():
    path = sys.argv[1]
    cells_for = sys.argv[sys.argv.index("--cells") + 1:] if "--cells" in sys.argv else []
    wb = openpyxl.load_workbook(path)
    out = {"sheets": [], "names": {}}
    try:
        items = list(wb.defined_names.items())
    except AttributeError:
        items = [(d.name, d) for d in wb.defined_names.definedName]
    for name, dn in items:
        out["names"][name] = dn.attr_text
    for ws in wb.worksheets:
        sheet = {
            "title": ws.title,
            "state": ws.sheet_state,
            "protected": bool(ws.protection.sheet),
            "password": ws.protection.password,
            "freeze": ws.freeze_panes,
            "orientation": ws.page_setup.orientation,
            "fitToWidth": ws.page_setup.fitToWidth,
            "fitToHeight": ws.page_setup.fitToHeight,
            "fitToPage": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
            "printTitleRows": ws.print_title_rows,
            "printArea": ws.print_area,
            "header": [ws.oddHeader.left.text, ws.oddHeader.center.text, ws.oddHeader.right.text],
            "footer": [ws.oddFooter.left.text, ws.oddFooter.center.text, ws.oddFooter.right.text],
            "validations": [
                {
                    "sqref": str(dv.sqref),
                    "type": dv.type,
                    "formula1": dv.formula1,
                    "formula2": dv.formula2,
                    "errorStyle": dv.errorStyle,
                    "showErrorMessage": bool(dv.showErrorMessage),
                    "allowBlank": bool(dv.allow_blank),
                }
                for dv in ws.data_validations.dataValidation
            ],
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "hiddenColumns": sorted(k for k, d in ws.column_dimensions.items() if d.hidden),
            "widths": {k: d.width for k, d in ws.column_dimensions.items() if d.width},
            "maxRow": ws.max_row,
        }
        if ws.title in cells_for:
            sheet["cells"] = {
                c.coordinate: scalar(c.value)
                for row in ws.iter_rows()
                for c in row
                if c.value is not None
            }
            sheet["unlocked"] = [
                c.coordinate for row in ws.iter_rows() for c in row if c.protection is not None and not c.protection.locked
            ]
        out["sheets"].append(sheet)
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
