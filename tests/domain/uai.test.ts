import { findEstablishment, searchEstablishments, uaiOfSchoolCell } from "../../src/domain/establishments";
import { checkUai, uaiCheckLetter, uaiProblemMessage } from "../../src/domain/uai";
import { readFileSync } from "fs";
import * as path from "path";
import { ESTABLISHMENTS } from "../helpers/establishments";

test("the check letter of real UAIs", () => {
  // Codes from the national list (data/lycees-pro-lpo.csv).
  expect(uaiCheckLetter("0040003")).toBe("G");
  expect(uaiCheckLetter("0040007")).toBe("L");
  expect(uaiCheckLetter("0050003")).toBe("B");
  expect(checkUai("0130064Z").ok).toBe(true);
});

test("every UAI of the 2,090 establishments has a valid check letter", () => {
  expect(ESTABLISHMENTS.list).toHaveLength(2090);
  const bad = ESTABLISHMENTS.list.filter((e) => !checkUai(e.uai).ok);
  expect(bad).toEqual([]);
});

test("malformed codes and wrong letters are told apart, in French", () => {
  const wrong = checkUai("0130064A");
  expect(wrong).toMatchObject({ ok: false, problem: "check-letter", expectedLetter: "Z" });
  expect(uaiProblemMessage(wrong)).toBe("UAI « 0130064A » : la lettre de contrôle devrait être « Z ».");
  expect(checkUai("013006Z").problem).toBe("format");
  expect(checkUai("  ").problem).toBe("empty");
  expect(checkUai(" 0130064z ").ok).toBe(true);
});

test("the shipped list is the CSV of shared data, and the generated module agrees with it", () => {
  const csv = readFileSync(path.join(__dirname, "../../data/lycees-pro-lpo.csv"), "utf8")
    .trim()
    .split(/\r?\n/)
    .slice(1);
  expect(csv).toHaveLength(ESTABLISHMENTS.list.length);
  csv.forEach((line, i) => expect(line.split(";")[0]).toBe(ESTABLISHMENTS.list[i].uai));
});

test("lookup, search and the UAI at the start of a school cell", () => {
  expect(findEstablishment(ESTABLISHMENTS, "0040007l")?.town).toBe("DIGNE LES BAINS");
  expect(searchEstablishments(ESTABLISHMENTS, "beau de rochas digne").results.map((e) => e.uai)).toEqual(["0040007L"]);
  expect(searchEstablishments(ESTABLISHMENTS, "Sévigné gap").results.map((e) => e.uai)).toContain("0050009H");
  // « marseille »: the schools of Marseille first, then the rest of the académie; the total says how many.
  const marseille = searchEstablishments(ESTABLISHMENTS, "marseille", 30);
  expect(marseille.results).toHaveLength(30);
  expect(marseille.results.every((e) => e.town.startsWith("MARSEILLE"))).toBe(true);
  expect(marseille.total).toBeGreaterThan(30);
  const all = searchEstablishments(ESTABLISHMENTS, "marseille", 10_000).results;
  const firstOther = all.findIndex((e) => !e.town.includes("MARSEILLE"));
  expect(all.slice(firstOther).every((e) => !e.town.includes("MARSEILLE"))).toBe(true);
  expect(uaiOfSchoolCell("0040007L — LYCEE …")).toBe("0040007L");
  expect(uaiOfSchoolCell("Lycée Beau de Rochas")).toBeUndefined();
});
