import { reportHtml, synthesisChartSvg } from "../../src/documents/html/report";
import { indicatorDirection, synthesize } from "../../src/domain/synthesis";
import { C, fillRow, filledWorkbook, num, sheetOf, text } from "../helpers/workbooks";
import { ESTABLISHMENTS } from "../helpers/establishments";

const TODAY = new Date("2026-03-12T10:00:00Z");

test("the direction of an indicator comes from its wording", () => {
  expect(indicatorDirection("Taux d’absentéisme en cours, en PFMP")).toBe("lower");
  expect(indicatorDirection("Nombre d’exclusions de cours, de PFMP")).toBe("lower");
  expect(indicatorDirection("Nombre de conventions de partenariat")).toBe("higher");
  expect(indicatorDirection("Taux de pression dans la section euro")).toBe("higher");
});

test("a synthesis that matches the sheets: rows, coverage, values, findings, status", () => {
  const wb = filledWorkbook();
  fillRow(wb, 3, 11);
  sheetOf(wb, C(3)).cells.A11 = text("FORMATION des enseignants");
  sheetOf(wb, "Paramètres").cells.B20 = text("Notre axe du projet");
  sheetOf(wb, C(3)).cells.A12 = text("notre axe du projet");
  sheetOf(wb, C(3)).cells.C12 = text("Une action");
  const s = synthesize(wb, { establishments: ESTABLISHMENTS, today: TODAY });
  const c3 = s.criteria[2];
  expect(c3).toMatchObject({
    filledRows: 3,
    guideAxesCovered: 2,
    ownAxesUsed: 1,
    indicators: 2,
    withReference: 2,
    withAudit: 2,
  });
  expect(c3.counts.warning).toBeGreaterThan(0); // row 12 is incomplete
  expect(c3.status).toBe("prêt pour le COPIL");
  expect(s.criteria[0]).toMatchObject({ filledRows: 1, status: "prêt pour le COPIL", lead: "Référent 1" });
  expect(s.school).toMatch(/^0040007L — /);
});

test("targets that go the wrong way are flagged, in the indicator's own direction", () => {
  const wb = filledWorkbook();
  const s7 = sheetOf(wb, C(7));
  s7.cells.D10 = text("Taux d’absentéisme en cours, en PFMP");
  s7.cells.E10 = num(0.12, "0%");
  s7.cells.F10 = num(0.15, "0%");
  sheetOf(wb, C(1)).cells.F10 = num(2); // reference 4, target 2: fewer conventions
  const flagged = synthesize(wb, { establishments: ESTABLISHMENTS, today: TODAY }).criteria.flatMap((c) => c.flagged);
  expect(flagged.map((f) => [f.sheet, f.row, f.direction, f.referenceText, f.targetText])).toEqual([
    [C(1), 10, "higher", "4", "2"],
    [C(7), 10, "lower", "12 %", "15 %"],
  ]);
});

test("the report escapes what people typed and reads without the workbook", () => {
  const wb = filledWorkbook();
  sheetOf(wb, C(2)).cells.G10 = text('<img src=x onerror=alert(1)> =HYPERLINK("http://x")');
  const html = reportHtml(synthesize(wb, { establishments: ESTABLISHMENTS, today: TODAY }), TODAY);
  expect(html).toContain("&lt;img src=x onerror=alert(1)&gt; =HYPERLINK(&quot;http://x&quot;)");
  expect(html).not.toContain("<img");
  expect(html).not.toMatch(/<script/i);
  expect(html).toContain("Document préparé pour le comité de pilotage le 12/03/2026.");
  expect(html.match(/<section class="criterion">/g)).toHaveLength(8);
});

test("the report's chart: one group of bars per criterion, lengths in proportion, the school's direction followed", () => {
  const wb = filledWorkbook();
  for (const r of [11, 12, 13]) fillRow(wb, 4, r);
  sheetOf(wb, C(5)).cells.A10 = text("Un axe inconnu");
  const s = synthesize(wb, { establishments: ESTABLISHMENTS, today: TODAY });
  const svg = synthesisChartSvg(s);
  const widths = [...svg.matchAll(/<rect x="230" y="[\d.]+" width="([\d.]+)" height="8" fill="#1F3864"\/>/g)].map((m) =>
    Number(m[1]),
  );
  // Rows per criterion: 1 everywhere, 4 on C4: the longest bar fills the plot, the others a quarter of it.
  expect(widths).toHaveLength(8);
  expect(widths[3]).toBeCloseTo(640);
  expect(widths[0]).toBeCloseTo(160);
  expect(svg).toContain(">C5 Actions culturelles</text>");
  // The school says an absence rate going up is progress here: no flag.
  const s7 = sheetOf(wb, C(7));
  s7.cells.D10 = text("Taux d’absentéisme en cours, en PFMP");
  s7.cells.E10 = num(0.12, "0%");
  s7.cells.F10 = num(0.15, "0%");
  expect(synthesize(wb, { establishments: ESTABLISHMENTS, today: TODAY }).criteria[6].flagged).toHaveLength(1);
  sheetOf(wb, "Paramètres").cells.B67 = text("Taux d'absentéisme en cours, en PFMP");
  sheetOf(wb, "Paramètres").cells.C67 = text("Une hausse est un progrès");
  expect(synthesize(wb, { establishments: ESTABLISHMENTS, today: TODAY }).criteria[6].flagged).toHaveLength(0);
});
