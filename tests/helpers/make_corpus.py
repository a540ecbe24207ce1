"""Makes real-world-like workbooks from a generated one, with openpyxl as an independent producer:
what a school adds (a chart on a sheet of its own, comments, a data-bar conditional format, a
hyperlink, an extra sheet) plus the damage hands do (a criterion sheet deleted, drop-downs pasted over,
the lists sheet shown).

Usage: /usr/bin/python3 make_corpus.py GENERATED.xlsx OUT.xlsx
"""
import sys
import warnings

warnings.simplefilter("ignore")
import openpyxl  # noqa: E402
from openpyxl.chart import BarChart, Reference  # noqa: E402
from openpyxl.comments import Comment  # noqa: E402
from openpyxl.formatting.rule import DataBarRule  # noqa: E402

src, out = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(src)
names = wb.sheetnames
c1 = wb[[n for n in names if n.startswith("C1 ")][0]]
c3 = wb[[n for n in names if n.startswith("C3 ")][0]]
c4 = [n for n in names if n.startswith("C4 ")][0]

# What the school typed.
c1["C10"] = "Créer une cartographie des parcours — « été » 2025 ’ ok"
c1["D10"] = "Nombre d’actions de valorisation"
c1["E10"] = 3
c1["F10"] = 5
c1["G10"] = "Voir le site"
c1["G10"].hyperlink = "https://www.ac-aix-marseille.fr/lycee-des-metiers"
c1["C10"].comment = Comment("À valider en conseil pédagogique", "Référente C1")
c1.conditional_formatting.add("E10:E109", DataBarRule(start_type="min", end_type="max", color="638EC6"))

# A sheet of the school's own, with a chart.
budget = wb.create_sheet("Budget")
budget.append(["Critère", "Actions"])
for i in range(1, 9):
    budget.append([f"C{i}", i * 2])
chart = BarChart()
chart.title = "Actions par critère"
chart.add_data(Reference(budget, min_col=2, min_row=1, max_row=9), titles_from_data=True)
chart.set_categories(Reference(budget, min_col=1, min_row=2, max_row=9))
budget.add_chart(chart, "D2")

# The damage.
del wb[c4]
c3.data_validations.dataValidation = [dv for dv in c3.data_validations.dataValidation if "Axes_" not in (dv.formula1 or "")]
wb["Listes"].sheet_state = "visible"
wb.save(out)
