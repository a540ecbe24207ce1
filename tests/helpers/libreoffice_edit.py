"""Edits a workbook as a person does in LibreOffice Calc, through its UNO bridge (Debian's python3).

usage: libreoffice_edit.py IN OUT PROFILE_DIR ACTION...
ACTION is one of
  insert-rows:SHEET_PREFIX:ROW:COUNT   insert COUNT whole rows at 1-based ROW of the first sheet whose
                                       name starts with SHEET_PREFIX (what is below moves down, as in Excel)
  type:SHEET_PREFIX:CELL:TEXT          type TEXT into CELL
  link:SHEET_PREFIX:CELL:URL           put a hyperlink in CELL (Insertion > Hyperlien, or a typed URL that
                                       Calc's autocorrection turns into a link): its text is one URL field
  no-validation:SHEET_PREFIX:RANGE     RANGE loses its drop-down (Données > Validité > Toutes les valeurs)
The sheet is unprotected for the edit and protected again (a person does the same in Calc, where a
protected sheet refuses row insertion unless its options allow it). Saved as .xlsx (Excel 2007-365).
"""
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main():
    src, out, profile, *actions = sys.argv[1:]
    pipe = "ldm%d" % os.getpid()
    office = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "-env:UserInstallation=file://" + os.path.abspath(profile),
            "--accept=pipe,name=%s;urp;" % pipe,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(120):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.5)
        if ctx is None:
            raise SystemExit("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0, (prop("Hidden", True),))
        sheets = doc.Sheets

        def sheet(prefix):
            for name in sheets.ElementNames:
                if name.startswith(prefix):
                    return sheets.getByName(name)
            raise SystemExit("no sheet " + prefix)

        for action in actions:
            kind, prefix, *rest = action.split(":", 3)
            s = sheet(prefix)
            was = s.isProtected()
            if was:
                s.unprotect("")
            if kind == "insert-rows":
                s.Rows.insertByIndex(int(rest[0]) - 1, int(rest[1]))
            elif kind == "type":
                s.getCellRangeByName(rest[0]).setString(rest[1])
            elif kind == "link":
                target = s.getCellRangeByName(rest[0])
                target.setString("")
                field = doc.createInstance("com.sun.star.text.TextField.URL")
                field.URL = rest[1]
                field.Representation = rest[1]
                text = target.getText()
                text.insertTextContent(text.createTextCursor(), field, False)
            elif kind == "no-validation":
                area = s.getCellRangeByName(rest[0])
                validation = area.Validation
                validation.Type = uno.Enum("com.sun.star.sheet.ValidationType", "ANY")
                area.Validation = validation
            else:
                raise SystemExit("unknown action " + kind)
            if was:
                s.protect("")
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        office.terminate()
        office.wait(30)


main()
