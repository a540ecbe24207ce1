/**
 * Every message of the pane (src/taskpane/texts.ts), as a teacher reads it (#27): French typography that does
 * not break a line inside « » or before : ; ! ?, real plurals, no command to type in a shell.
 */
import { TEXTS } from "../../src/taskpane/texts";
import { findingText } from "../../src/taskpane/services/results";
import { checkWorkbook } from "../../src/domain/check";
import { C, freshWorkbook, num, sheetOf, text } from "../helpers/workbooks";
import { ESTABLISHMENTS } from "../helpers/establishments";

/** Every string of an object of texts; each function called with a few plausible arguments (1 and 3, a name). */
function messages(texts: Record<string, unknown>, prefix = ""): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, value] of Object.entries(texts)) {
    const name = `${prefix}${key}`;
    if (typeof value === "string") out.push([name, value]);
    else if (typeof value === "function") {
      const f = value as (...args: unknown[]) => unknown;
      for (const n of [0, 1, 3]) {
        const args = Array.from({ length: f.length }, (_, i) =>
          i === 0 && f.length > 1 ? n : i % 2 ? n : "C2 Publics",
        );
        const numeric = Array.from({ length: f.length }, () => n);
        for (const a of [args, numeric]) {
          let said: unknown;
          try {
            said = f(...a);
          } catch {
            continue;
          }
          if (typeof said === "string") out.push([`${name}(${a.join(", ")})`, said]);
        }
      }
    } else if (value && typeof value === "object") out.push(...messages(value as Record<string, unknown>, `${name}.`));
  }
  return out;
}

const all = messages(TEXTS);

test("the pane has messages to scan", () => {
  expect(all.length).toBeGreaterThan(60);
});

test.each(all)("%s: « » hold their words, : ; ! ? keep to theirs, real plurals, no shell command", (_, text) => {
  // A plain space would let the line break between « and its word, or before the colon.
  expect(text).not.toMatch(/« |[^\u00a0\u202f]»/);
  expect(text).not.toMatch(/«[^\u00a0\u202f]/);
  expect(text).not.toMatch(/ [:;!?](\s|$)/);
  expect(text).not.toMatch(/\((s|es|x)\)/);
  expect(text).not.toMatch(/ldm-fiches|--[a-z]/);
});

test("the check's messages, as the pane shows them, keep « » and : ; ! ? with their words (#27)", () => {
  const wb = freshWorkbook();
  for (const n of [1, 2, 3]) {
    const s = sheetOf(wb, C(n));
    s.cells.A12 = text("axe faux");
    s.cells.B12 = text("objectif faux");
    s.cells.D12 = text("Nombre d'élèves accueillis");
    s.cells.E12 = text("beaucoup");
    s.cells.F12 = num(46093, "m/d/yyyy");
    s.cells.L12 = num(46093, "dd/mm/yyyy");
  }
  const shown = checkWorkbook(wb, { establishments: ESTABLISHMENTS, today: new Date("2027-03-12") }).map((f) =>
    findingText(f),
  );
  expect(new Set(shown.map((s) => s.message)).size).toBeGreaterThan(10);
  for (const { message } of shown) {
    expect(message).not.toMatch(/« | »/);
    expect(message).not.toMatch(/ [:;!?](\s|$)/);
  }
  // The cell is said once: before the message, never again at its start.
  expect(shown.find((s) => s.cell === "F12")?.message).toMatch(/^Une date \(12\/03\/2026\) à la place d'un nombre/);
});
