/**
 * One worker of the pool (check-pool.ts): does the job it is handed on one file at a time, and answers each.
 * A job's module is loaded the first time it is asked for.
 */
import { parentPort } from "worker_threads";

export type PoolJob = "check" | "summary" | "generate";

export interface PoolTask {
  readonly index: number;
  readonly job: PoolJob;
  readonly input: unknown;
}

export interface CheckInput {
  readonly file: string;
  readonly sheet?: string;
  readonly today: number;
  readonly format: import("./check").CheckFormat;
}

async function run(job: PoolJob, input: unknown): Promise<unknown> {
  if (job === "check") {
    const i = input as CheckInput;
    return (await import("./check")).renderedCheck(i.file, i.sheet, new Date(i.today), i.format);
  }
  if (job === "summary") {
    const i = input as import("./academie").SummaryInput;
    return (await import("./academie")).summarizeFile(i.file, new Date(i.today), i.listed);
  }
  return (await import("./generate-batch")).generateOne(input as import("./generate-batch").GenerateInput);
}

parentPort?.on("message", (task: PoolTask) => {
  void run(task.job, task.input).then((output) => parentPort?.postMessage({ index: task.index, output }));
});
