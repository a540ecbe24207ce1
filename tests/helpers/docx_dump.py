"""Dump a .docx as python-docx reads it, as JSON on stdout.

Usage: /usr/bin/python3 docx_dump.py FILE.docx

Prints {"paragraphs": [{"style", "text"}], "tables": [[[{"text", "span"}]]], "core": {...},
"sections": [{"header", "footer", "first_page_footer", "different_first_page"}]}.
A paragraph's text takes the runs inside hyperlinks too (python-docx 0.8 only sees direct runs), so that the
entries of a table of contents are read as Word shows them.
"""
import json
import sys

from docx import Document
from docx.oxml.ns import qn
from docx.text.run import Run


def paragraph_text(paragraph):
    """The text of the paragraph's runs, those inside hyperlinks included (tabs and breaks as python-docx)."""
    runs = paragraph._p.xpath("./w:r | ./w:hyperlink/w:r")
    return "".join(Run(r, paragraph).text for r in runs)


def paragraphs(container):
    return [{"style": p.style.name if p.style is not None else None, "text": paragraph_text(p)}
            for p in container.paragraphs]


def cell_span(tc):
    tc_pr = tc.tcPr
    if tc_pr is None:
        return 1
    span = tc_pr.find(qn("w:gridSpan"))
    return int(span.get(qn("w:val"))) if span is not None else 1


def tables(doc):
    """Each table row by row, each real `w:tc` once (python-docx repeats spanned cells per grid column)."""
    out = []
    for table in doc.tables:
        rows = []
        for row in table.rows:
            cells = []
            for tc in row._tr.tc_lst:
                cell = type(table.cell(0, 0))(tc, table)
                text = "\n".join(paragraph_text(p) for p in cell.paragraphs)
                cells.append({"text": text, "span": cell_span(tc)})
            rows.append(cells)
        out.append(rows)
    return out


def part_text(part):
    return "\n".join(paragraph_text(p) for p in part.paragraphs)


def main(path):
    doc = Document(path)
    core = doc.core_properties
    sections = [{
        "header": part_text(s.header),
        "footer": part_text(s.footer),
        "first_page_footer": part_text(s.first_page_footer),
        "first_page_header": part_text(s.first_page_header),
        "different_first_page": s.different_first_page_header_footer,
        "page_width": s.page_width,
        "page_height": s.page_height,
        "left_margin": s.left_margin,
    } for s in doc.sections]
    json.dump({
        "paragraphs": paragraphs(doc),
        "tables": tables(doc),
        "core": {"title": core.title, "author": core.author,
                 "created": core.created.isoformat() if core.created else None},
        "sections": sections,
    }, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
