import { CRITERIA, criterion } from "../../src/domain/referential/criteria";
import type { Entry } from "../../src/domain/referential/types";

// [axes, objectives, actions, indicators] per criterion: a change to the data must change this line too.
const COUNTS: Record<number, [number, number, number, number]> = {
  1: [4, 3, 8, 5],
  2: [6, 5, 9, 5],
  3: [6, 16, 18, 10],
  4: [5, 7, 12, 15],
  5: [3, 6, 9, 8],
  6: [4, 8, 13, 11],
  7: [4, 5, 17, 12],
  8: [1, 6, 9, 10],
};

test.each(Object.entries(COUNTS))("criterion %s: axes, objectives, actions and indicators counted", (n, counts) => {
  const c = criterion(Number(n) as 1);
  expect([c.axes.length, c.objectives.length, c.actions.length, c.indicators.length]).toEqual(counts);
});

test("the 8 criteria with their official titles", () => {
  expect(CRITERIA.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  expect(CRITERIA.map((c) => c.title)).toEqual([
    "Une offre de formations professionnelles construite autour d'un ensemble de métiers et de parcours de formation",
    "L’accueil du public de statuts différents",
    "Des réponses pédagogiques et des parcours de formation adaptés",
    "Un partenariat actif avec le tissu économique local et les organismes de proximité ainsi que les établissements partenaires agissant dans les domaines de la formation professionnelle, de l’orientation et de l’insertion",
    "L’organisation d'actions culturelles",
    "La mise en œuvre d’actions visant à l’ouverture internationale",
    "La mise en place et le suivi d’actions pour prévenir le décrochage scolaire et pour accueillir des jeunes bénéficiant du droit au retour en formation initiale",
    "Une politique active de communication",
  ]);
});

function allTexts(): string[] {
  const out: string[] = [];
  const add = (e: Entry) => {
    out.push(e.text, ...(e.details ?? []));
    if (e.group) out.push(e.group);
  };
  for (const c of CRITERIA) {
    out.push(c.title, c.shortTitle, ...c.description, ...c.qualeducFiches);
    [c.reformMeasures, c.evaluationLinks, c.axes, c.objectives, c.actions, c.indicators].forEach((col) =>
      col.forEach(add),
    );
  }
  return out;
}

test("every text is trimmed, without bullet, trailing colon or doubled space", () => {
  for (const t of allTexts()) {
    expect(t).toBe(t.trim());
    expect(t).not.toBe("");
    expect(t).not.toMatch(/^·/);
    expect(t).not.toMatch(/:$/);
    expect(t).not.toMatch(/ {2}/);
  }
});

test("drop-down values are unique within their column; short titles fit a sheet name", () => {
  for (const c of CRITERIA) {
    for (const col of [c.axes, c.objectives, c.actions, c.indicators]) {
      expect(new Set(col.map((e) => e.text)).size).toBe(col.length);
    }
    expect(`C${c.number} ${c.shortTitle}`.length).toBeLessThanOrEqual(31);
  }
  expect(new Set(CRITERIA.map((c) => c.shortTitle)).size).toBe(8);
});

test("the guide's structure: an axis with its sub-points, grouped objectives and actions", () => {
  const c1 = criterion(1);
  expect(c1.axes[0]).toEqual({
    text: "DIAGNOSTIC de l’offre de formations",
    details: [
      "Contexte de l’offre, analyse des données et indicateurs économiques, emploi, RH, des branches professionnelles, concertée dans le cadre d’un CMQ, d’un GRETA...",
      "Données consoles ORION\u00a0et Archipel : effectifs, attractivité, taux de réussite aux examens, de poursuite d’études ou d’insertion...",
    ],
  });
  expect(c1.objectives[0].details).toEqual([
    "colorée autour d’un ensemble de métiers, de diplômes, et de parcours de formation",
    "complémentaire en réseau d’établissements, en CMQ",
  ]);
  expect(criterion(3).objectives.find((e) => e.text === "Positionner les apprenants")?.group).toBe(
    "PÉDAGOGIE ET PARCOURS ADAPTÉS",
  );
  expect(new Set(criterion(3).objectives.map((e) => e.group))).toEqual(
    new Set([
      "PÉDAGOGIE ET PARCOURS ADAPTÉS",
      "PÉDAGOGIE DE L’ALTERNANCE (PFMP)",
      "ORIENTATION",
      "FORMATION DES ENSEIGNANTS",
    ]),
  );
  const c7 = criterion(7).actions;
  expect(c7.find((e) => e.text === "Repérer les apprenants en décrochage")?.group).toBe("Intervention");
  expect(c7.filter((e) => e.group === "Prévention")).toHaveLength(7);
  expect(c7.filter((e) => e.group === "Remédiation")).toHaveLength(4);
  expect(c7[0]).toEqual({ text: "Construire un tableau de bord des actions" });
  expect(criterion(7).axes[0]).toEqual({
    text: "PREVENTION",
    details: ["Repérage précoce, pratiques pédagogiques différenciées…"],
  });
  expect(criterion(4).axes[0].details).toHaveLength(4);
  expect(criterion(8).axes).toEqual([
    {
      text: "DÉFINITION d’une stratégie de communication dans le cadre du pilotage de l’établissement",
      details: ["Communication interne", "Communication externe"],
    },
  ]);
});

test("descriptions, Qualéduc fiches, reform measures and evaluation links are there", () => {
  expect(CRITERIA.map((c) => c.description.length)).toEqual([5, 5, 8, 7, 7, 3, 5, 7]);
  expect(criterion(1).qualeducFiches).toEqual(["3.2.Analyser_et_faire_évoluer_l'offre_de_formation"]);
  expect(criterion(5).qualeducFiches).toEqual([]);
  expect(criterion(4).reformMeasures.find((e) => e.text === "Acteurs")?.details).toEqual([
    "Bureau des entreprises",
    "Réseau d’établissements",
    "Professeurs associés",
  ]);
  for (const c of CRITERIA) {
    expect(c.evaluationLinks.length).toBeGreaterThan(0);
    for (const d of c.evaluationLinks) expect(d.text).toMatch(/^Domaine \d/);
  }
});

test("criterion() refuses an unknown number", () => {
  expect(() => criterion(9 as 1)).toThrow("Critère 9 inconnu");
});
