/**
 * `check` over many files: one worker per core (the check is CPU work), each handed the next file as soon as
 * it answers; the reports come back in the order of the files. Few files, one core, or no compiled worker (the
 * tests run the sources): checked here, one after the other.
 */
import { existsSync } from "fs";
import { availableParallelism } from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import type { FileReport } from "./check";
import type { CheckTask } from "./check-worker";

/** Below this many files, starting workers (≈ 0.15 s each) costs more than it saves. */
export const FILES_PER_WORKER = 8;

export async function checkFiles(
  files: readonly string[],
  sheet: string | undefined,
  today: Date,
  checkOne: (file: string) => Promise<FileReport>,
  progress?: (done: number, total: number) => void,
): Promise<FileReport[]> {
  const script = path.join(__dirname, "check-worker.js");
  // LDM_CHECK_WORKERS caps the workers (1: one after the other, as the bench's « before »).
  const cap = Number(process.env.LDM_CHECK_WORKERS) || availableParallelism();
  const count = Math.min(cap, availableParallelism(), Math.floor(files.length / FILES_PER_WORKER));
  const reports: FileReport[] = new Array(files.length);
  let done = 0;
  if (count < 2 || !existsSync(script)) {
    for (const [i, file] of files.entries()) {
      reports[i] = await checkOne(file);
      progress?.(++done, files.length);
    }
    return reports;
  }
  let next = 0;
  // A larger young generation: reading a workbook makes many short-lived objects, and fewer scavenges follow.
  const workers = Array.from(
    { length: count },
    () => new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 64 } }),
  );
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let pending = 0;
            const give = () => {
              if (next >= files.length) {
                if (pending === 0) resolve();
                return;
              }
              const task: CheckTask = { index: next, file: files[next], sheet, today: today.getTime() };
              next++;
              pending++;
              worker.postMessage(task);
            };
            worker.on("message", (m: { index: number; report: FileReport }) => {
              reports[m.index] = m.report;
              pending--;
              progress?.(++done, files.length);
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
  return reports;
}
