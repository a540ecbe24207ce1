/**
 * « Prêt pour le COPIL » — one rule, written once, read by the domain (the review, the command line) and
 * written as the Synthèse sheet's live formula: a criterion is ready when at least one row is filled, the
 * last check found no error, it has at least one indicator, and each indicator has its reference-year result.
 */
export const STATUS = {
  todo: "à compléter",
  ready: "prêt pour le COPIL",
  /** The sheet only: the check has not written its counts yet. */
  unchecked: "à vérifier",
} as const;

export type Readiness = typeof STATUS.todo | typeof STATUS.ready;

export interface ReadinessFacts {
  readonly filledRows: number;
  readonly errors: number;
  readonly indicators: number;
  readonly withReference: number;
}

export function readiness(f: ReadinessFacts): Readiness {
  const ready = f.filledRows > 0 && f.errors === 0 && f.indicators > 0 && f.withReference >= f.indicators;
  return ready ? STATUS.ready : STATUS.todo;
}

/** The same rule as an Excel formula over the cells (or expressions) that hold each fact. */
export function readinessFormula(f: { [K in keyof ReadinessFacts]: string }): string {
  const q = (s: string) => `"${s}"`;
  return (
    `IF(${f.filledRows}=0,${q(STATUS.todo)},IF(${f.errors}="",${q(STATUS.unchecked)},` +
    `IF(AND(${f.errors}=0,${f.indicators}>0,${f.withReference}>=${f.indicators}),${q(STATUS.ready)},${q(STATUS.todo)})))`
  );
}
