/**
 * The blueprint without establishments — which sheet is which —, the same for every workbook of a batch: made
 * once in a process (a worker of the pool, or the command) and handed to each use case (ReadOptions.probe), as
 * decisions §50 foresaw. It depends on nothing but the model (the default criteria), never on a file (#28).
 */
import { buildBlueprint } from "../domain/blueprint/build";
import type { Blueprint } from "../domain/blueprint/types";

let probe: Blueprint | undefined;

export function batchProbe(): Blueprint {
  return (probe ??= buildBlueprint({ establishments: "not-needed" }));
}
