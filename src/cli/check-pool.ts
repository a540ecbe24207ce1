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
  const script = path.join(__dirname, "check-worker.js");
  const count = workerCount(inputs.length);
  const results: O[] = new Array<O>(inputs.length);
  let done = 0;
  if (count < 2 || !existsSync(script)) {
    for (const [i, input] of inputs.entries()) {
      results[i] = await runLocal(input);
      progress?.(++done, inputs.length);
    }
    return results;
  }
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
              const task: PoolTask = { index: next, job, input: inputs[next] };
              next++;
              pending++;
              worker.postMessage(task);
            };
            worker.on("message", (m: { index: number; output: O }) => {
              results[m.index] = m.output;
              pending--;
              progress?.(++done, inputs.length);
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
  return results;
}

export async function checkFiles(
  files: readonly string[],
  sheet: string | undefined,
  today: Date,
  format: CheckFormat,
  checkOne: (file: string) => Promise<RenderedReport>,
  progress?: (done: number, total: number) => void,
): Promise<RenderedReport[]> {
  const inputs = files.map((file) => ({ file, sheet, today: today.getTime(), format }));
  return runPool("check", inputs, (i) => checkOne(i.file), progress);
}
