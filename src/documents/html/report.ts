/**
 * « Préparer le bilan »: the annual review as one print-ready HTML document (no script, inline CSS
 * only), for the committee to read without the workbook. Every text from the workbook is escaped.
 */
import { DIRECTION_LABELS } from "../../domain/indicators";
import type { CriterionSynthesis, Synthesis } from "../../domain/synthesis";
import { STATUS } from "../../domain/readiness";
import { frenchDate } from "../../domain/text";

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const CSS = `
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "DejaVu Sans", Calibri, Arial, sans-serif; font-size: 9.5pt; color: #1b1b1b; }
h1 { color: #1f3864; font-size: 22pt; margin: 0 0 6mm; }
h3 { color: #a4262c; font-size: 11pt; margin: 4mm 0 2mm; }
h2 { color: #1f3864; font-size: 14pt; border-bottom: 2px solid #2f5597; padding-bottom: 1mm; margin-top: 0; }
.cover { page-break-after: always; padding-top: 40mm; }
.cover p { font-size: 12pt; margin: 2mm 0; }
.criterion { page-break-before: always; }
.criterion.empty { page-break-before: auto; margin-top: 6mm; }
.criterion.empty h2 { font-size: 12pt; }
table { border-collapse: collapse; width: 100%; }
th { background: #2f5597; color: #fff; font-weight: bold; text-align: left; }
th, td { border: 1px solid #a6a6a6; padding: 1.2mm 1.6mm; vertical-align: top; }
tr { page-break-inside: avoid; }
td.num { text-align: right; white-space: nowrap; }
.ready { color: #107c10; font-weight: bold; }
.todo { color: #a4262c; font-weight: bold; }
.flag { background: #fde7e9; }
.muted { color: #595959; font-style: italic; }
figure.chart { margin: 5mm 0; page-break-inside: avoid; max-width: 240mm; }
figure.chart svg { font-family: "DejaVu Sans", Calibri, Arial, sans-serif; }
figcaption { color: #595959; font-size: 9pt; text-align: center; }
`;

function statusCell(c: CriterionSynthesis): string {
  return `<td class="${c.status === STATUS.ready ? "ready" : "todo"}">${escapeHtml(c.status)}</td>`;
}

function synthesisTable(s: Synthesis): string {
  const rows = s.criteria
    .map(
      (c) => `<tr>
<td>${c.criterion.number} — ${escapeHtml(c.criterion.shortTitle)}</td>
<td>${escapeHtml(c.lead) || '<span class="muted">à désigner</span>'}</td>
<td class="num">${c.filledRows}</td>
<td class="num">${c.guideAxesCovered} / ${c.criterion.axes.length}${c.ownAxesUsed ? ` + ${c.ownAxesUsed} propre(s)` : ""}</td>
<td class="num">${c.guideObjectivesCovered} / ${c.criterion.objectives.length}${c.ownObjectivesUsed ? ` + ${c.ownObjectivesUsed} propre(s)` : ""}</td>
<td class="num">${c.withReference} / ${c.indicators}</td>
<td class="num">${c.withAudit} / ${c.indicators}</td>
<td class="num">${c.counts.error}</td>
<td class="num">${c.counts.warning}</td>
${statusCell(c)}
</tr>`,
    )
    .join("\n");
  return `<table>
<thead><tr><th>Critère</th><th>Référent</th><th>Lignes</th><th>Axes du guide couverts</th><th>Objectifs du guide couverts</th>
<th>Indicateurs avec valeur ${s.referenceYear}</th><th>avec valeur ${s.auditYear ?? "de l'audit"}</th><th>Erreurs</th><th>Avertissements</th><th>Statut</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
}

/** The Synthèse chart, drawn again for paper: rows, errors and warnings per criterion, as inline SVG. */
export function synthesisChartSvg(s: Synthesis): string {
  const series = [
    { label: "Lignes remplies", colour: "#1F3864", value: (c: CriterionSynthesis) => c.filledRows },
    { label: "Erreurs", colour: "#C00000", value: (c: CriterionSynthesis) => c.counts.error },
    { label: "Avertissements", colour: "#ED7D31", value: (c: CriterionSynthesis) => c.counts.warning },
  ];
  const labelWidth = 230;
  const plotWidth = 640;
  const bar = 9;
  const group = series.length * bar + 12;
  const top = 10;
  const max = Math.max(1, ...s.criteria.flatMap((c) => series.map((x) => x.value(c))));
  const x = (v: number) => labelWidth + (v / max) * plotWidth;
  const height = top + s.criteria.length * group + 34;
  const parts: string[] = [];
  s.criteria.forEach((c, i) => {
    const y = top + i * group;
    parts.push(
      `<text x="${labelWidth - 8}" y="${y + (series.length * bar) / 2 + 4}" text-anchor="end" font-size="11">C${c.criterion.number} ${escapeHtml(c.criterion.shortTitle)}</text>`,
    );
    series.forEach((sr, k) => {
      const v = sr.value(c);
      const yy = y + k * bar;
      parts.push(
        `<rect x="${labelWidth}" y="${yy}" width="${x(v) - labelWidth}" height="${bar - 1}" fill="${sr.colour}"/>`,
      );
      parts.push(`<text x="${x(v) + 4}" y="${yy + bar - 1}" font-size="9">${v}</text>`);
    });
  });
  const axisY = top + s.criteria.length * group;
  parts.push(`<line x1="${labelWidth}" y1="${top - 4}" x2="${labelWidth}" y2="${axisY}" stroke="#808080"/>`);
  series.forEach((sr, k) => {
    const lx = labelWidth + k * 170;
    parts.push(`<rect x="${lx}" y="${axisY + 14}" width="12" height="10" fill="${sr.colour}"/>`);
    parts.push(`<text x="${lx + 18}" y="${axisY + 23}" font-size="11">${sr.label}</text>`);
  });
  return `<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${labelWidth + plotWidth + 40} ${height}" width="100%" role="img" aria-label="Lignes remplies, erreurs et avertissements par critère">
${parts.join("\n")}
</svg><figcaption>Lignes remplies et constats de la vérification, par critère</figcaption></figure>`;
}

function flaggedList(s: Synthesis): string {
  const flagged = s.criteria.flatMap((c) => c.flagged);
  if (flagged.length === 0)
    return `<p class="muted">Aucune cible de l'année de l'audit ne recule par rapport à ${s.referenceYear}.</p>`;
  const rows = flagged
    .map(
      (f) =>
        `<tr class="flag"><td>${escapeHtml(f.sheet)}, ligne ${f.row}</td><td>${escapeHtml(f.indicator)}</td><td class="num">${escapeHtml(f.referenceText)}</td><td class="num">${escapeHtml(f.targetText)}</td><td>${DIRECTION_LABELS[f.direction]}</td></tr>`,
    )
    .join("\n");
  return `<h2>Cibles à revoir</h2><p>La cible de l'année de l'audit va dans le mauvais sens par rapport à la valeur de ${s.referenceYear} (sens déduit de l'intitulé de l'indicateur, ou indiqué par l'établissement dans Paramètres › « Sens des indicateurs »).</p>
<table><thead><tr><th>Fiche</th><th>Indicateur</th><th>${s.referenceYear}</th><th>Cible</th><th>Sens</th></tr></thead><tbody>
${rows}
</tbody></table>`;
}

/** The row a finding is about (« A12 », « A12:G12 »), if any. */
function rowOf(cell: string): number | undefined {
  const m = /^[A-Z]+(\d+)/.exec(cell);
  return m ? Number(m[1]) : undefined;
}

function criterionPage(s: Synthesis, c: CriterionSynthesis): string {
  const status = `<span class="${c.status === STATUS.ready ? "ready" : "todo"}">${escapeHtml(c.status)}</span>`;
  const lead = escapeHtml(c.lead) || '<span class="muted">à désigner</span>';
  // A criterion nobody started is one line, not a page of its own.
  if (c.rows.length === 0)
    return `<section class="criterion empty">
<h2>Critère ${c.criterion.number} — ${escapeHtml(c.criterion.title)}</h2>
<p>Référent : ${lead} · <span class="muted">aucune ligne remplie</span> · ${status}</p>
</section>`;
  const errors = s.findings.filter((f) => f.criterion === c.criterion.number && f.severity === "error");
  const onSheet = errors.filter((f) => f.sheet === c.sheet);
  const errorRows = new Set(onSheet.map((f) => rowOf(f.cell)).filter((r): r is number => r !== undefined));
  // A finding on another sheet (the referent in Paramètres) names its sheet.
  const where = (f: (typeof errors)[number]) => (f.sheet === c.sheet ? f.cell : `${f.sheet}!${f.cell}`) || "—";
  const table = `<table><thead><tr><th>Ligne</th><th>Axe</th><th>Objectif</th><th>Action</th><th>Indicateur</th><th>${s.referenceYear}</th><th>${s.auditYear ?? "Année de l'audit"}</th><th>Perspectives</th></tr></thead><tbody>
${c.rows
  .map(
    (r) =>
      `<tr${errorRows.has(r.row) ? ' class="flag"' : ""}><td class="num">${r.row}</td><td>${escapeHtml(r.axis)}</td><td>${escapeHtml(r.objective)}</td><td>${escapeHtml(r.action)}</td><td>${escapeHtml(r.indicator)}</td><td class="num">${escapeHtml(r.reference)}</td><td class="num">${escapeHtml(r.audit)}</td><td>${escapeHtml(r.outlook)}</td></tr>`,
  )
  .join("\n")}
</tbody></table>`;
  const toFix = errors.length
    ? `<h3>À corriger avant le comité (${errors.length})</h3>
<table><thead><tr><th>Cellule</th><th>Constat</th></tr></thead><tbody>
${errors.map((f) => `<tr class="flag"><td>${escapeHtml(where(f))}</td><td>${escapeHtml(f.message)}</td></tr>`).join("\n")}
</tbody></table>`
    : "";
  return `<section class="criterion">
<h2>Critère ${c.criterion.number} — ${escapeHtml(c.criterion.title)}</h2>
<p>Référent : ${lead} · ${c.filledRows} ligne(s) · ${c.counts.error} erreur(s), ${c.counts.warning} avertissement(s) · ${status}</p>
<p>Suivi : ${c.followUp.actions} action(s), ${c.followUp.engagements} engagement(s)${c.followUp.withoutEvidence ? ` · <span class="todo">${c.followUp.withoutEvidence} action(s) sans élément de preuve</span>` : ""}</p>
${followUpLine(s, c)}
${table}
${toFix}
</section>`;
}

/** Measures per year and targets reached at the audit: « Mesures : 2026 : 3 · 2027 : 1 … · cibles … ». */
function followUpLine(s: Synthesis, c: CriterionSynthesis): string {
  const f = c.followUp;
  if (f.measuresByYear.every((n) => n === 0) && f.targetsReached + f.targetsMissed === 0) return "";
  const years = f.measuresByYear.map((n, i) => `${s.referenceYear + 1 + i} : ${n}`).join(" · ");
  const targets =
    f.targetsReached + f.targetsMissed > 0
      ? ` — cibles de l'audit : ${f.targetsReached} atteinte(s)${f.targetsMissed ? `, <span class="todo">${f.targetsMissed} non atteinte(s)</span>` : ""}`
      : "";
  return `<p>Lignes mesurées par année : ${years}${targets}</p>`;
}

export function reportHtml(s: Synthesis, today: Date): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Bilan annuel — fiches d'amélioration Lycée des métiers</title>
<style>${CSS}</style></head>
<body>
<section class="cover">
<h1>Bilan annuel des fiches d'amélioration<br>Label Lycée des métiers</h1>
<p><strong>${escapeHtml(s.school) || "Établissement non renseigné"}</strong></p>
<p>Chef d'établissement : ${escapeHtml(s.headOfSchool) || "non renseigné"}</p>
<p>Année de référence ${s.referenceYear} · année de l'audit ${s.auditYear ?? "à choisir"}</p>
<p>Document préparé pour le comité de pilotage le ${frenchDate(today)}.</p>
</section>
<section>
<h2>Synthèse</h2>
${synthesisTable(s)}
${synthesisChartSvg(s)}
${flaggedList(s)}
</section>
${s.criteria.map((c) => criterionPage(s, c)).join("\n")}
</body></html>
`;
}
