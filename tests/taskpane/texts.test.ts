/**
 * Every message of the pane (src/taskpane/texts.ts), as a teacher reads it (#27): French typography that does
 * not break a line inside « » or before : ; ! ?, real plurals, no command to type in a shell.
 */
import { TEXTS } from "../../src/taskpane/texts";

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
