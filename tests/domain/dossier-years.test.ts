/**
 * The dossier's pure parts: an action's own years (début / suivi / fin of the action, capped at the audit), and a
 * school's name as a letter writes it, from the directory's upper-case string.
 */
import { findEstablishment } from "../../src/domain/establishments";
import { properTown, schoolProperName } from "../../src/domain/establishments/proper-name";
import { actionYears, durationWords } from "../../src/domain/dossier/years";
import { ESTABLISHMENTS } from "../helpers/establishments";

describe("an action's years", () => {
  test("the duration names or counts them", () => {
    expect(durationWords("2025-2027")).toEqual({ start: 2025, end: 2027 });
    expect(durationWords("2026 à 2028")).toEqual({ start: 2026, end: 2028 });
    expect(durationWords("depuis 2027, 3 ans")).toEqual({ start: 2027, years: 3 });
    expect(durationWords("3 ans")).toEqual({ years: 3 });
    expect(durationWords("3")).toEqual({ years: 3 });
    expect(durationWords("")).toEqual({});
  });

  test.each([
    // duration, audit, start, shownEnd, middle, finish
    ["2025-2027", 2029, 2025, 2027, 2026, 2027],
    ["2025-2027", 2026, 2025, 2026, undefined, 2026],
    ["2026-2028", 2029, 2026, 2028, 2027, 2028],
    ["depuis 2027, 3 ans", 2029, 2027, 2029, 2028, 2029],
    ["3 ans", 2030, 2025, 2027, 2026, 2027],
    ["5 ans", 2030, 2025, 2029, 2027, 2029],
    ["", 2030, 2025, 2030, 2028, 2030],
    ["2029-2031", 2029, 2029, 2029, undefined, undefined],
    ["2020-2026", 2028, 2025, 2026, undefined, 2026],
  ] as const)("« %s », audit %i: %i → %i (suivi %s, fin %s)", (duration, audit, start, shownEnd, middle, finish) => {
    const y = actionYears(duration, 2025, audit);
    expect([y.start, y.shownEnd, y.middle, y.finish]).toEqual([start, shownEnd, middle, finish]);
    expect(y.shownEnd).toBeLessThanOrEqual(audit);
  });
});

describe("a school's proper name", () => {
  const named = (uai: string) => {
    const e = findEstablishment(ESTABLISHMENTS, uai);
    if (!e) throw new Error(uai);
    return schoolProperName(e);
  };

  test("the directory's upper case, the label's words dropped, the type spelled out", () => {
    expect(named("0040007L")).toBe("Lycée professionnel Beau de Rochas, Digne-les-Bains");
    expect(named("0040011R")).toBe("Lycée professionnel Louis Martin Bret, Manosque");
    expect(named("0040023D")).toBe("Lycée polyvalent Paul Arène, Sisteron");
    expect(named("0050003B")).toBe("Lycée polyvalent d'Altitude, Briançon");
  });

  test("towns as French writes them", () => {
    expect(properTown("DIGNE LES BAINS")).toBe("Digne-les-Bains");
    expect(properTown("LE PUY EN VELAY")).toBe("Le Puy-en-Velay");
    expect(properTown("L ISLE SUR LA SORGUE")).toBe("L'Isle-sur-la-Sorgue");
    expect(properTown("SAINT MARTIN D HERES")).toBe("Saint-Martin-d'Hères");
    expect(properTown("MARSEILLE 13E ARRONDISSEMENT")).toBe("Marseille 13e arrondissement");
    expect(properTown("LA COTE SAINT ANDRE")).toBe("La Côte-Saint-André");
  });

  test("every school of the directory gets a name: its type first, no upper-case word left, no « Lycée des métiers »", () => {
    for (const e of ESTABLISHMENTS.list) {
      const name = schoolProperName(e);
      expect(name).toMatch(/^(Lycée|École|Institut|Ensemble|Centre|Section)/);
      expect(name).not.toMatch(/LYCEE|Lycée des métiers/);
      expect(name).not.toMatch(/\b[A-Z]{4,}\b/);
    }
  });
});
