/**
 * Work over many files: one worker per core (reading and checking a workbook is CPU work), each handed the
 * next file as soon as it answers; the answers come back in the order of the files. Few files, one core, or no
 * compiled worker (the tests run the sources): done here, one after the other. The jobs a worker knows are in
 * check-worker.ts: `check`, the académie's summary, a batch of `generate`.
 */
import { existsSync } from "fs";
import { availableParallelism } from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import type { CheckFormat, RenderedReport } from "./check";
import type { PoolJob, PoolTask } from "./check-worker";

/** Below this many files, starting workers (≈ 0.15 s each) costs more than it saves. */
export const FILES_PER_WORKER = 8;

/** How many workers for `items` items (LDM_CHECK_WORKERS caps them; 1: one after the other, the bench's « before »). */
export function workerCount(items: number): number {
  const cap = Number(process.env.LDM_CHECK_WORKERS) || availableParallelism();
  return Math.min(cap, availableParallelism(), Math.floor(items / FILES_PER_WORKER));
}

/** Runs `job` on each input, in workers when it pays; `runLocal` does the same job in this thread. */
export async function runPool<I, O>(
  job: PoolJob,
  inputs: readonly I[],
  runLocal: (input: I) => Promise<O>,
  progress?: (done: number, total: number) => void,
): Promise<O[]> {
  const results: O[] = new Array<O>(inputs.length);
  await forEachInOrder(job, inputs, runLocal, (output, index) => (results[index] = output), { progress });
  return results;
}

export interface InOrderOptions<I> {
  readonly progress?: (done: number, total: number) => void;
  /**
   * The input as it is handed on, to a worker or to `runLocal`: what it asks may follow what the outputs handed to
   * `each` so far said (the académie's workers leave unrendered the findings « Constats » will not list).
   */
  readonly prepare?: (input: I) => I;
}

/**
 * Runs `job` on each input like {@link runPool}, and hands each output to `each` in the inputs' order as soon as it
 * and every one before it are done: a command that writes them out as they come keeps none of them (an académie's
 * 2,090 reports are ~400 MB of JSON) and has nothing left to write once the last file is checked.
 */
export async function forEachInOrder<I, O>(
  job: PoolJob,
  inputs: readonly I[],
  runLocal: (input: I) => Promise<O>,
  each: (output: O, index: number) => void,
  { progress, prepare = (input) => input }: InOrderOptions<I> = {},
): Promise<void> {
  const script = path.join(__dirname, "check-worker.js");
  const count = workerCount(inputs.length);
  let done = 0;
  if (count < 2 || !existsSync(script)) {
    for (const [i, input] of inputs.entries()) {
      each(await runLocal(prepare(input)), i);
      progress?.(++done, inputs.length);
    }
    return;
  }
  /** Outputs come back in any order: each one waits here until those before it are handed on. */
  const waiting = new Map<number, O>();
  let handed = 0;
  const arrived = (index: number, output: O) => {
    waiting.set(index, output);
    while (waiting.has(handed)) {
      const output = waiting.get(handed) as O;
      waiting.delete(handed);
      each(output, handed++);
    }
    progress?.(++done, inputs.length);
  };
  let next = 0;
  // A larger young generation: reading and checking a workbook makes many short-lived objects (its snapshot
  // lives until its findings are made), and fewer scavenges follow, fewer of them survive into the old space.
  // 128 MB (64 before): one thread, 150 filled workbooks, 3 alternated runs, CPU per workbook 57.6 → 48.4 ms
  // (256 MB: 51.2). At most 128 MB more per worker.
  const workers = Array.from(
    { length: count },
    () => new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 128 } }),
  );
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let pending = 0;
            const give = () => {
              if (next >= inputs.length) {
                if (pending === 0) resolve();
                return;
              }
              const task: PoolTask = { index: next, job, input: prepare(inputs[next]) };
              next++;
              pending++;
              worker.postMessage(task);
            };
            worker.on("message", (m: { index: number; output: O }) => {
              pending--;
              try {
                arrived(m.index, m.output);
              } catch (e) {
                reject(e); // what `each` threw (an output that cannot be written) ends the run
                return;
              }
              give();
            });
            worker.on("error", reject);
            // Two files in hand: the worker starts the next one while its answer travels back.
            give();
            give();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Checks each file (in workers when it pays) and hands each report to `each` in the files' order. */
export async function checkFiles(
  files: readonly string[],
  sheet: string | undefined,
  today: Date,
  format: CheckFormat,
  checkOne: (file: string) => Promise<RenderedReport>,
  each: (report: RenderedReport, index: number) => void,
  progress?: (done: number, total: number) => void,
): Promise<void> {
  const inputs = files.map((file) => ({ file, sheet, today: today.getTime(), format }));
  return forEachInOrder("check", inputs, (i) => checkOne(i.file), each, { progress });
}
