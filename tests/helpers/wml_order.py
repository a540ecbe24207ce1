"""Checks every XML part of a .docx for the element order WordprocessingML requires.

Usage: /usr/bin/python3 wml_order.py FILE.docx

No openly licensed copy of the ECMA-376 schemas can be shipped in this repository (see docs/decisions.md), so
the sequences below are the schema's own (ECMA-376 Part 1, 5th edition, transitional; wml.xsd, shared-*.xsd,
opc-*.xsd), written out for every element the writer produces: for each parent, the allowed children in the
order the schema's xsd:sequence gives. A child not listed for a known parent is an error (the writer would be
producing something nobody checked); children must appear in non-decreasing order of their rank; elements
whose rank is marked as single (`!`) may appear at most once. Prints one problem per line and exits 1, or
prints "ok N elements" and exits 0.
"""
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
EP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"

# Inline content of a paragraph (EG_PContent, EG_RunLevelElements): any order, repeated.
P_CONTENT = ["r", "hyperlink", "bookmarkStart", "bookmarkEnd", "fldSimple"]
# Block-level content (EG_BlockLevelElts): any order, repeated.
BLOCK = ["p", "tbl", "bookmarkStart", "bookmarkEnd"]

# parent: list of groups in order; a group is a list of names allowed at that rank (any order inside the group).
ORDER = {
    "document": [["body"]],
    "body": [BLOCK, ["sectPr"]],
    "hdr": [BLOCK],
    "ftr": [BLOCK],
    "tc": [["tcPr"], BLOCK],
    "p": [["pPr"], P_CONTENT],
    "hyperlink": [["r", "bookmarkStart", "bookmarkEnd"]],
    "r": [["rPr"], ["t", "br", "tab", "fldChar", "instrText"]],
    "pPr": [
        ["pStyle"], ["keepNext"], ["keepLines"], ["pageBreakBefore"], ["framePr"], ["widowControl"], ["numPr"],
        ["suppressLineNumbers"], ["pBdr"], ["shd"], ["tabs"], ["suppressAutoHyphens"], ["kinsoku"], ["wordWrap"],
        ["overflowPunct"], ["topLinePunct"], ["autoSpaceDE"], ["autoSpaceDN"], ["bidi"], ["adjustRightInd"],
        ["snapToGrid"], ["spacing"], ["ind"], ["contextualSpacing"], ["mirrorIndents"], ["suppressOverlap"], ["jc"],
        ["textDirection"], ["textAlignment"], ["textboxTightWrap"], ["outlineLvl"], ["divId"], ["cnfStyle"],
        ["rPr"], ["sectPr"], ["pPrChange"],
    ],
    "rPr": [
        ["rStyle"], ["rFonts"], ["b"], ["bCs"], ["i"], ["iCs"], ["caps"], ["smallCaps"], ["strike"], ["dstrike"],
        ["outline"], ["shadow"], ["emboss"], ["imprint"], ["noProof"], ["snapToGrid"], ["vanish"], ["webHidden"],
        ["color"], ["spacing"], ["w"], ["kern"], ["position"], ["sz"], ["szCs"], ["highlight"], ["u"], ["effect"],
        ["bdr"], ["shd"], ["fitText"], ["vertAlign"], ["rtl"], ["cs"], ["em"], ["lang"], ["eastAsianLayout"],
        ["specVanish"], ["oMath"],
    ],
    "tbl": [["tblPr"], ["tblGrid"], ["tr"]],
    "tblPr": [
        ["tblStyle"], ["tblpPr"], ["tblOverlap"], ["bidiVisual"], ["tblStyleRowBandSize"], ["tblStyleColBandSize"],
        ["tblW"], ["jc"], ["tblCellSpacing"], ["tblInd"], ["tblBorders"], ["shd"], ["tblLayout"], ["tblCellMar"],
        ["tblLook"], ["tblCaption"], ["tblDescription"],
    ],
    "tblGrid": [["gridCol"]],
    "tr": [["tblPrEx"], ["trPr"], ["tc"]],
    # CT_TrPr is a choice repeated, but Word writes (and we keep) CT_TrPrBase's documented order.
    "trPr": [
        ["cnfStyle"], ["divId"], ["gridBefore"], ["gridAfter"], ["wBefore"], ["wAfter"], ["cantSplit"],
        ["trHeight"], ["tblHeader"], ["tblCellSpacing"], ["jc"], ["hidden"],
    ],
    "tcPr": [
        ["cnfStyle"], ["tcW"], ["gridSpan"], ["hMerge"], ["vMerge"], ["tcBorders"], ["shd"], ["noWrap"], ["tcMar"],
        ["textDirection"], ["tcFitText"], ["vAlign"], ["hideMark"],
    ],
    "tblBorders": [["top"], ["left", "start"], ["bottom"], ["right", "end"], ["insideH"], ["insideV"]],
    "tblCellMar": [["top"], ["left", "start"], ["bottom"], ["right", "end"]],
    "sectPr": [
        ["headerReference", "footerReference"], ["footnotePr"], ["endnotePr"], ["type"], ["pgSz"], ["pgMar"],
        ["paperSrc"], ["pgBorders"], ["lnNumType"], ["pgNumType"], ["cols"], ["formProt"], ["vAlign"],
        ["noEndnote"], ["titlePg"], ["textDirection"], ["bidi"], ["rtlGutter"], ["docGrid"], ["printerSettings"],
    ],
    "tabs": [["tab"]],
    "numPr": [["ilvl"], ["numId"]],
    "pBdr": [["top"], ["left"], ["bottom"], ["right"], ["between"], ["bar"]],
    "styles": [["docDefaults"], ["latentStyles"], ["style"]],
    "docDefaults": [["rPrDefault"], ["pPrDefault"]],
    "rPrDefault": [["rPr"]],
    "pPrDefault": [["pPr"]],
    "style": [
        ["name"], ["aliases"], ["basedOn"], ["next"], ["link"], ["autoRedefine"], ["hidden"], ["uiPriority"],
        ["semiHidden"], ["unhideWhenUsed"], ["qFormat"], ["locked"], ["personal"], ["personalCompose"],
        ["personalReply"], ["rsid"], ["pPr"], ["rPr"], ["tblPr"], ["trPr"], ["tcPr"], ["tblStylePr"],
    ],
    "numbering": [["numPicBullet"], ["abstractNum"], ["num"], ["numIdMacAtCleanup"]],
    "abstractNum": [["nsid"], ["multiLevelType"], ["tmpl"], ["name"], ["styleLink"], ["numStyleLink"], ["lvl"]],
    "lvl": [
        ["start"], ["numFmt"], ["lvlRestart"], ["pStyle"], ["isLgl"], ["suff"], ["lvlText"], ["lvlPicBulletId"],
        ["legacy"], ["lvlJc"], ["pPr"], ["rPr"],
    ],
    "num": [["abstractNumId"], ["lvlOverride"]],
    "settings": [
        ["writeProtection"], ["view"], ["zoom"], ["removePersonalInformation"], ["removeDateAndTime"],
        ["doNotDisplayPageBoundaries"], ["displayBackgroundShape"], ["printPostScriptOverText"],
        ["printFractionalCharacterWidth"], ["printFormsData"], ["embedTrueTypeFonts"], ["embedSystemFonts"],
        ["saveSubsetFonts"], ["saveFormsData"], ["mirrorMargins"], ["alignBordersAndEdges"],
        ["bordersDoNotSurroundHeader"], ["bordersDoNotSurroundFooter"], ["gutterAtTop"], ["hideSpellingErrors"],
        ["hideGrammaticalErrors"], ["activeWritingStyle"], ["proofState"], ["formsDesign"], ["attachedTemplate"],
        ["linkStyles"], ["stylePaneFormatFilter"], ["stylePaneSortMethod"], ["documentType"], ["mailMerge"],
        ["revisionView"], ["trackRevisions"], ["doNotTrackMoves"], ["doNotTrackFormatting"], ["documentProtection"],
        ["autoFormatOverride"], ["styleLockTheme"], ["styleLockQFSet"], ["defaultTabStop"], ["autoHyphenation"],
        ["consecutiveHyphenLimit"], ["hyphenationZone"], ["doNotHyphenateCaps"], ["showEnvelope"],
        ["summaryLength"], ["clickAndTypeStyle"], ["defaultTableStyle"], ["evenAndOddHeaders"],
        ["bookFoldRevPrinting"], ["bookFoldPrinting"], ["bookFoldPrintingSheets"],
        ["drawingGridHorizontalSpacing"], ["drawingGridVerticalSpacing"],
        ["displayHorizontalDrawingGridEvery"], ["displayVerticalDrawingGridEvery"],
        ["doNotUseMarginsForDrawingGridOrigin"], ["drawingGridHorizontalOrigin"], ["drawingGridVerticalOrigin"],
        ["doNotShadeFormData"], ["noPunctuationKerning"], ["characterSpacingControl"], ["printTwoOnOne"],
        ["strictFirstAndLastChars"], ["noLineBreaksAfter"], ["noLineBreaksBefore"], ["savePreviewPicture"],
        ["doNotValidateAgainstSchema"], ["saveInvalidXml"], ["ignoreMixedContent"], ["alwaysShowPlaceholderText"],
        ["doNotDemarcateInvalidXml"], ["saveXmlDataOnly"], ["useXSLTWhenSaving"], ["saveThroughXslt"],
        ["showXMLTags"], ["alwaysMergeEmptyNamespace"], ["updateFields"], ["hdrShapeDefaults"], ["footnotePr"],
        ["endnotePr"], ["compat"], ["docVars"], ["rsids"], ["mathPr"], ["attachedSchema"], ["themeFontLang"],
        ["clrSchemeMapping"], ["doNotIncludeSubdocsInStats"], ["doNotAutoCompressPictures"], ["forceUpgrade"],
        ["captions"], ["readModeInkLockDown"], ["smartTagType"], ["schemaLibrary"], ["shapeDefaults"],
        ["doNotEmbedSmartTags"], ["decimalSymbol"], ["listSeparator"],
    ],
    "compat": [["compatSetting"]],
}

# Elements with text or only attributes: no children allowed.
LEAVES = {
    "t", "instrText", "br", "tab", "fldChar", "pStyle", "rStyle", "b", "bCs", "i", "iCs", "color", "sz", "szCs", "u",
    "kern", "lang", "rFonts", "spacing", "ind", "jc", "keepNext", "keepLines", "outlineLvl", "contextualSpacing",
    "tblStyle", "tblW", "tblLayout", "tblInd", "gridCol", "tcW", "gridSpan", "vMerge", "shd", "cantSplit",
    "tblHeader", "headerReference", "footerReference", "pgSz", "pgMar", "cols", "titlePg", "type", "numId", "ilvl",
    "top", "left", "bottom", "right", "insideH", "insideV", "name", "basedOn", "next", "uiPriority", "semiHidden",
    "unhideWhenUsed", "qFormat", "start", "numFmt", "lvlText", "lvlJc", "multiLevelType", "abstractNumId", "zoom",
    "defaultTabStop", "hyphenationZone", "characterSpacingControl", "compatSetting", "themeFontLang",
    "decimalSymbol", "listSeparator", "bookmarkStart", "bookmarkEnd", "updateFields",
}


def local(tag):
    return tag.split("}", 1)[1] if "}" in tag else tag


def check(part, root, problems):
    count = 0
    stack = [root]
    while stack:
        el = stack.pop()
        count += 1
        name = local(el.tag)
        children = list(el)
        stack.extend(children)
        if not el.tag.startswith(W):
            continue
        if name in LEAVES:
            if children:
                problems.append("%s: <w:%s> has children %s" % (part, name, [local(c.tag) for c in children]))
            continue
        groups = ORDER.get(name)
        if groups is None:
            problems.append("%s: <w:%s> is not an element this check knows" % (part, name))
            continue
        rank_of = {}
        for i, g in enumerate(groups):
            for n in g:
                rank_of.setdefault(n, i)
        last = -1
        for c in children:
            cn = local(c.tag)
            if not c.tag.startswith(W):
                problems.append("%s: <w:%s> holds a foreign element %s" % (part, name, c.tag))
                continue
            if cn not in rank_of:
                problems.append("%s: <w:%s> may not hold <w:%s>" % (part, name, cn))
                continue
            if rank_of[cn] < last:
                problems.append("%s: in <w:%s>, <w:%s> comes after an element that must follow it" % (part, name, cn))
            last = max(last, rank_of[cn])
    return count


def main(path):
    problems = []
    total = 0
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        if names[0] != "[Content_Types].xml":
            problems.append("[Content_Types].xml is not the first entry")
        for name in names:
            if not name.endswith(".xml") and not name.endswith(".rels"):
                continue
            root = ET.fromstring(z.read(name))
            if name.startswith("word/") and not name.startswith("word/_rels"):
                total += check(name, root, problems)
            elif name.endswith(".rels"):
                for rel in root:
                    if local(rel.tag) != "Relationship" or not rel.get("Id") or not rel.get("Type"):
                        problems.append("%s: a relationship lacks Id or Type" % name)
                    mode = rel.get("TargetMode")
                    if rel.get("Type", "").endswith("/hyperlink"):
                        if mode != "External" or not rel.get("Target", "").startswith(("http://", "https://")):
                            problems.append("%s: hyperlink %s not external http(s)" % (name, rel.get("Target")))
                total += len(root)
            elif name == "[Content_Types].xml":
                kinds = [local(c.tag) for c in root]
                if kinds != sorted(kinds, key=lambda k: 0 if k == "Default" else 1):
                    problems.append("[Content_Types].xml: Default after Override")
                total += len(root)
            else:
                total += 1
    for p in problems:
        print(p)
    if problems:
        sys.exit(1)
    print("ok %d elements" % total)


if __name__ == "__main__":
    main(sys.argv[1])
