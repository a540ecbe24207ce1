/** The académie's consolidation (#28), pure: duplicates, other académies, missing schools, the findings' cap. */
import { consolidate, type SchoolSummary } from "../../src/domain/academie";
import {
  academieTables,
  MAX_FINDING_ROWS,
  severitiesStillListed,
  type RenderedFindings,
} from "../../src/domain/academie-table";
import type { Finding } from "../../src/domain/check";
import { ESTABLISHMENTS } from "../helpers/establishments";

const today = new Date("2026-12-04");

function summary(uai: string | undefined, findings: Finding[] = []): SchoolSummary {
  return {
    ...(uai ? { uai } : {}),
    schoolText: uai ?? "",
    labelYear: "",
    referenceYear: 2025,
    headOfSchool: "Mme Dupont",
    leads: [],
    criteria: [],
    counts: { error: findings.length, warning: 0, info: 0 },
    dossierGaps: 0,
    findings,
  };
}

test("two workbooks of one school: the newer kept; another académie flagged; the rest of the académie missing", () => {
  const c = consolidate(
    [
      { file: "ancien.xlsx", modified: 1, summary: summary("0040007L") },
      { file: "lyon.xlsx", modified: 1, summary: summary("0010001W") },
      { file: "neuf.xlsx", modified: 2, summary: summary("0040007L") },
      { file: "vide.xlsx", modified: 1, summary: summary(undefined) },
      { file: "texte.xlsx", problem: "Fichier illisible" },
    ],
    { establishments: ESTABLISHMENTS, today, academie: "AIX-MARSEILLE" },
  );
  expect(c.rows.map((r) => r.file)).toEqual(["neuf.xlsx", "lyon.xlsx", "vide.xlsx"]);
  expect(c.unread.map((u) => u.file)).toEqual(["ancien.xlsx", "texte.xlsx"]);
  expect(c.unread[0].reason).toMatch(/« neuf\.xlsx » est gardé \(le plus récent\)/);
  expect(c.rows[1].remarks).toEqual(["Autre académie : LYON"]);
  expect(c.rows[2].remarks).toEqual(["Établissement non choisi dans Paramètres (pas d'UAI)"]);
  expect(c.missing?.some((e) => e.uai === "0040007L")).toBe(false);
  expect(c.missing?.every((e) => e.academy === "AIX-MARSEILLE")).toBe(true);
});

test("« Constats » stops at its cap, errors first, and says how many were left out", () => {
  const f = (severity: Finding["severity"]): Finding => ({
    rule: "value-type",
    severity,
    sheet: "C1",
    cell: "E10",
    message: severity,
  });
  const findings = [f("info"), ...Array.from({ length: MAX_FINDING_ROWS + 4 }, () => f("error"))];
  const sheets = academieTables(
    consolidate([{ file: "a.xlsx", summary: summary("0040007L", findings) }], {
      establishments: ESTABLISHMENTS,
      today,
    }),
    {
      names: false,
    },
  );
  const rows = sheets.find((s) => s.name === "Constats")?.rows ?? [];
  expect(rows).toHaveLength(MAX_FINDING_ROWS + 1);
  expect(rows[0][5]).toBe("erreur");
  expect(rows[rows.length - 1][6]).toMatch(/^… et 5 constats de plus, non listés/);
  // No staff name without --noms.
  expect(JSON.stringify(sheets)).not.toContain("Dupont");
});

test("« Constats » from rendered findings: what a batch leaves unrendered (severitiesStillListed) is never listed", () => {
  // Workbooks with many warnings and information: the cap falls among the warnings of the fourth.
  const counts = [
    { error: 10, warning: 60_000, info: 30_000 },
    { error: 0, warning: 70_000, info: 5 },
    { error: 7, warning: 50_000, info: 1 },
    { error: 3, warning: 40_000, info: 9 },
    { error: 2, warning: 8, info: 4 },
  ];
  const all = counts.map((c, i) => ({
    error: { count: c.error, text: `e${i}` },
    warning: { count: c.warning, text: `w${i}` },
    info: { count: c.info, text: `i${i}` },
  }));
  // As the académie's command does: each workbook rendered as far as the counts of those before it allow.
  const known = { error: 0, warning: 0, info: 0 };
  const batch = counts.map((c, i): RenderedFindings => {
    const listed = severitiesStillListed(known);
    for (const s of ["error", "warning", "info"] as const) known[s] += c[s];
    return {
      error: listed.error ? all[i].error : { count: c.error },
      warning: listed.warning ? all[i].warning : { count: c.warning },
      info: listed.info ? all[i].info : { count: c.info },
    };
  });
  // Some were left unrendered: the information of the last two, the warnings of the last one.
  expect(batch.map((f) => f.info.text !== undefined)).toEqual([true, true, true, false, false]);
  expect(batch.map((f) => f.warning.text !== undefined)).toEqual([true, true, true, true, false]);
  const constats = (findings: RenderedFindings[]) =>
    academieTables(
      consolidate(
        findings.map((f, i) => ({
          file: `${i}.xlsx`,
          summary: { ...summary(`004000${i}L`), findings: f },
        })),
        { establishments: ESTABLISHMENTS, today },
      ),
      { names: false },
    ).find((s) => s.name === "Constats");
  expect(constats(batch)).toEqual(constats(all));
  expect(constats(all)?.runs?.reduce((n, r) => n + r.take, 0)).toBe(MAX_FINDING_ROWS);
  // A block to list that was not rendered is a fault, not a shorter table.
  const missing = all.map((f, i) => (i === 3 ? { ...f, warning: { count: f.warning.count } } : f));
  expect(() => constats(missing)).toThrow(/n'ont pas été rendus/);
});
