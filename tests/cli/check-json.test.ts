/** `check --json` writes its reports one at a time, with the very bytes one JSON.stringify of them all would give. */
import fc from "fast-check";
import { jsonArrayItem, writeJsonItems } from "../../src/cli/check";

const written = (items: readonly unknown[]) => {
  const lines: string[] = [];
  writeJsonItems(items.map(jsonArrayItem), (l) => lines.push(l));
  return lines.map((l) => `${l}\n`).join("");
};

test("the same bytes as JSON.stringify(reports, null, 2), whatever the reports hold (line breaks in messages too)", () => {
  fc.assert(
    fc.property(fc.array(fc.jsonValue()), (items) => {
      expect(written(items)).toBe(`${JSON.stringify(items, null, 2)}\n`);
    }),
    { numRuns: 300 },
  );
  const report = { file: "a.xlsx", findings: [{ message: "ligne\nsuivante « x »", cell: "E11" }], problem: null };
  expect(written([report, report])).toBe(`${JSON.stringify([report, report], null, 2)}\n`);
  expect(written([])).toBe("[]\n");
});

test("a report at a time: no single string holds the whole output", () => {
  const report = {
    file: "x.xlsx",
    findings: Array.from({ length: 1000 }, (_, i) => ({ cell: `A${i}`, message: "m" })),
  };
  const lengths: number[] = [];
  writeJsonItems([report, report, report].map(jsonArrayItem), (l) => lengths.push(l.length));
  const whole = JSON.stringify([report, report, report], null, 2).length;
  expect(Math.max(...lengths)).toBeLessThan(whole / 2);
});
