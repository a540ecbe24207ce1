/**
 * The in-memory Excel keeps the rules Microsoft documents for the Excel JavaScript API, each tested here with
 * its source (docs/office-api.md lists them): a fake more lenient than Excel would let the adapter pass here and
 * fail in a school's workbook.
 */
import { emptyModel, MemoryHost, OfficeLikeError, asTyped } from "../../src/excel-imitation/host";

async function run<T>(host: MemoryHost, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
  return host.run(batch);
}

// learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-core-concepts (« load », « sync »):
// a property is readable only once loaded and synced.
test("reading a property that was not loaded throws PropertyNotLoaded", async () => {
  const host = new MemoryHost(emptyModel());
  await expect(
    run(host, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Feuil1").getRange("A1");
      await ctx.sync();
      return r.values;
    }),
  ).rejects.toMatchObject({ code: "PropertyNotLoaded" });
});

// learn.microsoft.com/javascript/api/excel/excel.formatprotection#excel-excel-formatprotection-locked-member:
// « null » when the range's cells are not all alike.
test("a mixed property reads null (format.protection.locked over locked and unlocked cells)", async () => {
  const host = new MemoryHost(emptyModel());
  host.model.sheets[0].cells.set("A1", { locked: false, value: "x" });
  const locked = await run(host, async (ctx) => {
    const p = ctx.workbook.worksheets.getItem("Feuil1").getRange("A1:A2").format.protection;
    p.load("locked");
    await ctx.sync();
    return p.locked;
  });
  expect(locked).toBeNull();
});

// learn.microsoft.com/javascript/api/excel/excel.worksheetprotection#excel-excel-worksheetprotection-protect-member(1):
// a protected sheet refuses writes to locked cells; protect() takes the permissions left to people.
test("a protected sheet refuses a write to a locked cell (AccessDenied); protect records its options", async () => {
  const host = new MemoryHost(emptyModel());
  await run(host, async (ctx) => {
    ctx.workbook.worksheets.getItem("Feuil1").protection.protect({ allowInsertRows: true, allowSort: true });
    await ctx.sync();
  });
  expect(host.model.sheets[0].protectionOptions).toEqual({ allowInsertRows: true, allowSort: true });
  await expect(
    run(host, async (ctx) => {
      ctx.workbook.worksheets.getItem("Feuil1").getRange("B2").values = [["x"]];
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: "AccessDenied" });
});

// learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling: a failing command
// rejects the sync. That the commands queued before it have run (a batch is not a transaction) is NOT written
// there: it is the assumption the product must survive (docs/office-api.md §4, to verify in a real Excel).
test("a failing command stops the batch, and what came before it stays written", async () => {
  const host = new MemoryHost(emptyModel());
  await expect(
    run(host, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Feuil1");
      ws.getRange("A1").values = [["avant"]];
      ws.protection.protect();
      ws.getRange("A2").values = [["après"]];
      await ctx.sync();
    }),
  ).rejects.toBeInstanceOf(OfficeLikeError);
  expect(host.model.sheets[0].cells.get("A1")?.value).toBe("avant");
  expect(host.model.sheets[0].cells.get("A2")?.value).toBeUndefined();
});

// learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties:
// only isNullObject is documented on a null object; the in-memory Excel fails any other use of it.
test("loading through a null object (a sheet getNextOrNullObject did not find) fails the batch", async () => {
  const host = new MemoryHost(emptyModel());
  await expect(
    run(host, async (ctx) => {
      const next = ctx.workbook.worksheets.getFirst().getNextOrNullObject();
      next.getRange("A1").load("values");
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: "InvalidObjectPath" });
  const isNull = await run(host, async (ctx) => {
    const next = ctx.workbook.worksheets.getFirst().getNextOrNullObject();
    await ctx.sync();
    return next.isNullObject;
  });
  expect(isNull).toBe(true);
});

// OfficeDev/office-js#1559 (Microsoft: values are parsed as typed, in en-US, « by design »); « @ » is Excel's
// Text number format.
test("a text written through values is parsed as if typed — unless the cell is formatted as Text", async () => {
  expect(asTyped("2025-01")).toEqual({ value: 45658, numberFormat: "mmm-yy" });
  expect(asTyped("45%")).toEqual({ value: 0.45, numberFormat: "0%" });
  expect(asTyped("12")).toEqual({ value: 12 });
  expect(asTyped("Action 12")).toBeUndefined();
  const host = new MemoryHost(emptyModel());
  await run(host, async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Feuil1");
    ws.getRange("A1").values = [["2025-01"]];
    ws.getRange("A2").numberFormat = [["@"]];
    ws.getRange("A2").values = [["2025-01"]];
    await ctx.sync();
  });
  expect(host.model.sheets[0].cells.get("A1")).toMatchObject({ value: 45658, numberFormat: "mmm-yy" });
  expect(host.model.sheets[0].cells.get("A2")).toMatchObject({ value: "2025-01", numberFormat: "@" });
});

// learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization (Excel on the web:
// 5 MB per request and per response): each answer's size is measured.
test("each sync's answer is measured: a bigger load answers more bytes", async () => {
  const host = new MemoryHost(emptyModel());
  for (let r = 1; r <= 100; r++) host.model.sheets[0].cells.set(`A${r}`, { value: `ligne ${r}`, locked: true });
  await run(host, async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Feuil1");
    ws.getRange("A1:A10").load("values");
    await ctx.sync();
    ws.getRange("A1:A100").load("values");
    await ctx.sync();
  });
  const [small, big] = host.contexts[0].responseBytes;
  expect(small).toBeGreaterThan(10 * 8);
  expect(big).toBeGreaterThan(small * 5);
});
