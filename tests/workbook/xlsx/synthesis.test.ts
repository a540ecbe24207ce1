/**
 * The live Synthèse sheet: its formulas, recalculated by LibreOffice (an independent engine) after the
 * sheets were filled by openpyxl, give the numbers the domain computes from the same sheets.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { buildBlueprint } from "../../../src/domain/blueprint/build";
import { synthesize } from "../../../src/domain/synthesis";
import { CRITERIA } from "../../../src/domain/referential/criteria";
import { blueprintToXlsx } from "../../../src/workbook/xlsx/generate";
import { readXlsx } from "../../../src/workbook/xlsx/read";
import { SYSTEM_PYTHON } from "../../helpers/python";
import { ESTABLISHMENTS } from "../../helpers/establishments";

const dir = mkdtempSync(path.join(tmpdir(), "ldm-synth-"));

const C3_AXES = CRITERIA[2].axes.map((a) => a.text);

const FILL = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
n = {x[:2]: x for x in wb.sheetnames}
p = wb["Paramètres"]
p["B4"] = "0040007L — LYCEE PROFESSIONNEL LYCEE DES METIERS BEAU DE ROCHAS (DIGNE LES BAINS)"
p["B5"] = "Mme Dupont"
p["B10"] = "Mme Leroy"
p["B11"] = "M. Martin"
p["B20"] = "Axe du projet : réussite de tous"
c1 = wb[n["C1"]]
rows = [
  ("DIAGNOSTIC de l’offre de formations", "Tendre vers une carte de formations plus adaptée au territoire", "Créer une cartographie", "Nombre d’actions", 3, 5),
  ("diagnostic de l'offre de formations", "Communiquer sur l’offre de formation en identifiant un ou deux champ(s) dominant(s) de métier pour l’établissement en cohérence avec la dénomination souhaitée.", "Forum", "Nombre de visiteurs", 120, None),
  ("Axe du projet : réussite de tous", None, "Tutorat", None, None, None),
]
for i, (a, b, c, d, e, f) in enumerate(rows):
  r = 10 + i
  for col, v in zip("ABCDEF", (a, b, c, d, e, f)):
    if v is not None: c1[f"{col}{r}"] = v
c7 = wb[n["C7"]]
c7["A10"] = "PREVENTION"; c7["B10"] = "Faire vivre les dispositifs existants"; c7["C10"] = "Repérer"; c7["D10"] = "Taux d’absentéisme"; c7["E10"] = 0.1
# C2: a filled row, no error, and no indicator: not ready, on the sheet as in the review.
c2 = wb[n["C2"]]
c2["A10"] = "DEVELOPPEMENT de la mission d’accueil et de formation des publics de statuts différents"
c2["B10"] = "Accueillir des publics de statuts différents"
c2["C10"] = "Inscrire cet axe de travail dans le projet d’établissement"
# C3: two guide axes, one pasted from a web page (non-breaking spaces, a straight apostrophe, a trailing space):
# the same axis for the check, the review and the Synthèse.
c3 = wb[n["C3"]]
c3["A10"] = ${JSON.stringify(C3_AXES[0].replace(/ /g, " ").replace(/’/g, "'") + " ")}
c3["C10"] = "Action"
c3["A11"] = ${JSON.stringify(C3_AXES[1])}
c3["C11"] = "Action"
# The follow-up: an action with its evidence, an action without, an engagement.
c3["I10"] = "Action"; c3["S10"] = "Compte rendu"
c3["I11"] = "action"
c3["I12"] = "Engagement"; c3["C12"] = "À venir"
# Measures per year (L–P), on filled rows and on an empty row (not counted); results against targets (Q vs F).
c1["L10"] = 4; c1["M10"] = 5; c1["L11"] = 130; c1["N11"] = " "; c1["L30"] = 9
c1["Q10"] = 6
c7["F10"] = 0.08; c7["Q10"] = 0.12
wb.save(sys.argv[2])
`;

/** What « Vérifier tout le classeur » writes in Synthèse J:K: the check's counts, per criterion. */
const COUNTS = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
s = wb["Synthèse"]
for i, (e, w, reached, missed) in enumerate(json.loads(sys.argv[3])):
  s.cell(row=5 + i, column=10, value=e); s.cell(row=5 + i, column=11, value=w)
  s.cell(row=5 + i, column=23, value=reached); s.cell(row=5 + i, column=24, value=missed)
wb.save(sys.argv[2])
`;

const DUMP = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
s = wb["Synthèse"]
print(json.dumps([[s.cell(row=r, column=c).value for c in range(1, 25)] for r in range(5, 13)], ensure_ascii=False))
`;

test("Synthèse, recalculated by LibreOffice, matches the sheets", async () => {
  const generated = path.join(dir, "gen.xlsx");
  writeFileSync(generated, await blueprintToXlsx(buildBlueprint({ establishments: ESTABLISHMENTS, auditYear: 2028 })));
  const typed = path.join(dir, "saisi.xlsx");
  execFileSync(SYSTEM_PYTHON, ["-c", FILL, generated, typed]);
  // The check's counts, as « Vérifier tout le classeur » writes them, then LibreOffice recalculates.
  const domain = synthesize(readXlsx(new Uint8Array(readFileSync(typed))), {
    establishments: ESTABLISHMENTS,
    today: new Date("2026-03-12"),
  });
  const counts = JSON.stringify(
    domain.criteria.map((c) => [c.counts.error, c.counts.warning, c.followUp.targetsReached, c.followUp.targetsMissed]),
  );
  const filled = path.join(dir, "rempli.xlsx");
  execFileSync(SYSTEM_PYTHON, ["-c", COUNTS, typed, filled, counts]);
  execFileSync(
    "soffice",
    [
      "--headless",
      `-env:UserInstallation=file://${path.join(dir, "lo")}`,
      "--convert-to",
      "xlsx:Calc MS Excel 2007 XML",
      "--outdir",
      path.join(dir, "lo-out"),
      filled,
    ],
    {
      stdio: "pipe",
      timeout: 120_000,
    },
  );
  const recalculated = path.join(dir, "lo-out", "rempli.xlsx");
  const rows = JSON.parse(execFileSync(SYSTEM_PYTHON, ["-c", DUMP, recalculated], { encoding: "utf8" })) as (
    string | number | null
  )[][];
  // A criterion with nothing filled is « à compléter », whatever the counts.
  expect(rows.filter((r) => r[2] === 0).every((r) => r[11] === "à compléter")).toBe(true);
  // Criterion 1: 3 rows; 1 guide axis (two spellings of it), 1 own axis; 2 guide objectives; 2 indicators with 2025, 1 with the audit year.
  expect(rows[0].slice(0, 9)).toEqual(["C1 Offre de formations", "Mme Leroy", 3, 1, 1, 2, 0, 2, 1]);
  expect(rows[6].slice(0, 9)).toEqual(["C7 Décrochage scolaire", null, 1, 1, 0, 1, 0, 1, 1]);
  // Criterion 3: two guide axes covered, the pasted one included (before: 1 on the sheet, 2 in the review).
  expect(rows[2][3]).toBe(2);
  // Its follow-up, on the sheet as in the review: 2 actions (one without evidence), 1 engagement.
  expect(rows[2].slice(14, 17)).toEqual([2, 1, 1]);
  domain.criteria.forEach((c, i) =>
    expect(rows[i].slice(14, 17)).toEqual([c.followUp.actions, c.followUp.engagements, c.followUp.withoutEvidence]),
  );
  // Measures per year: C1 has 2 rows measured in 2026, 1 in 2027 (a space is no measure, an empty row does not
  // count), on the sheet as in the review; its target is reached (6 actions for 5), C7's is not (absenteeism
  // 12 % for a target of 8 %: lower is better).
  expect(rows[0].slice(17, 22)).toEqual([2, 1, 0, 0, 0]);
  domain.criteria.forEach((c, i) => expect(rows[i].slice(17, 22)).toEqual(c.followUp.measuresByYear));
  expect(domain.criteria[0].followUp).toMatchObject({ targetsReached: 1, targetsMissed: 0 });
  expect(domain.criteria[6].followUp).toMatchObject({ targetsReached: 0, targetsMissed: 1 });
  expect(rows[6].slice(22, 24)).toEqual([0, 1]);
  // One rule for « prêt pour le COPIL »: the sheet's status is the review's, criterion by criterion — C2 (a
  // filled row, no error, no indicator) is « à compléter » in both.
  expect(rows.map((r) => r[11])).toEqual(domain.criteria.map((c) => c.status));
  expect(rows[1][11]).toBe("à compléter");
  expect(domain.criteria[1]).toMatchObject({ filledRows: 1, indicators: 0, counts: { error: 0 } });
  domain.criteria.forEach((c, i) => {
    expect([rows[i][2], rows[i][3], rows[i][4], rows[i][5], rows[i][6], rows[i][7], rows[i][8]]).toEqual([
      c.filledRows,
      c.guideAxesCovered,
      c.ownAxesUsed,
      c.guideObjectivesCovered,
      c.ownObjectivesUsed,
      c.withReference,
      c.withAudit,
    ]);
  });
}, 180_000);
