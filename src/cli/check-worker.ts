/** One worker of `check` over many files: checks the files it is handed, one at a time, and answers each. */
import { parentPort } from "worker_threads";
import "../domain/establishments/all";
import { checkFile } from "./check";

export interface CheckTask {
  readonly index: number;
  readonly file: string;
  readonly sheet?: string;
  readonly today: number;
}

parentPort?.on("message", (task: CheckTask) => {
  void checkFile(task.file, task.sheet, new Date(task.today)).then((report) =>
    parentPort?.postMessage({ index: task.index, report }),
  );
});
