"""Puts a hyperlink in a cell as a person does in LibreOffice Calc (Insertion > Hyperlien, or a typed URL that
Calc's autocorrection turns into a link): the cell's text is one URL field. Through the UNO bridge (Debian's python3).

usage: libreoffice_hyperlink.py IN OUT PROFILE_DIR SHEET_PREFIX CELL URL [RANGE]
RANGE, if given, loses its drop-down (Données > Validité > Toutes les valeurs), on the same sheet.
The sheet is unprotected for the edit and protected again. Saved as .xlsx (Excel 2007-365).
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
    src, out, profile, prefix, cell, url, *unvalidated = sys.argv[1:]
    pipe = "ldmlink%d" % os.getpid()
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
    desktop = None
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
        sheet = next(doc.Sheets.getByName(n) for n in doc.Sheets.ElementNames if n.startswith(prefix))
        was = sheet.isProtected()
        if was:
            sheet.unprotect("")
        target = sheet.getCellRangeByName(cell)
        target.setString("")
        field = doc.createInstance("com.sun.star.text.TextField.URL")
        field.URL = url
        field.Representation = url
        text = target.getText()
        text.insertTextContent(text.createTextCursor(), field, False)
        for ref in unvalidated:
            area = sheet.getCellRangeByName(ref)
            validation = area.Validation
            validation.Type = uno.Enum("com.sun.star.sheet.ValidationType", "ANY")
            area.Validation = validation
        if was:
            sheet.protect("")
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)
    finally:
        try:
            if desktop is not None:
                desktop.terminate()
        except Exception:
            pass
        office.terminate()
        office.wait(30)


main()
