/**
 * The Office.js adapter: reads a workbook snapshot in two round trips and applies a list of edits in as
 * few more as 1 MB a request allows. It translates; it decides nothing. No sync in a loop, except the write's
 * planned batches. Its parts: read.ts, write.ts (meter.ts estimates a batch's size), events.ts, run.ts.
 */
export { queueSheet, readSnapshot, rereadSheets, type ReadResult } from "./read";
export { applyEdits, protectionOptions, type ApplyOptions } from "./write";
export { watchWorkbook, type SheetChange } from "./events";
export { officeErrorMessage, officeRunner } from "./run";
