/**
 * Types of the referential: the 8 criteria of the label « Lycée des métiers » as the guide
 * (renewed January 2025, seed 004, section F) states them.
 */

export type CriterionNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/**
 * One entry of a column of the guide's table (an axis, an objective, an action, an indicator),
 * or one bullet of a list.
 * - `text`: the entry verbatim (bullet and trailing « : » trimmed). This is the value a drop-down offers.
 * - `details`: the sub-points the guide nests under it, verbatim, if any.
 * - `group`: the heading the guide groups it under, if any (objectives of criterion 3 under
 *   « PÉDAGOGIE ET PARCOURS ADAPTÉS », actions of criterion 7 under « Prévention » …).
 */
export interface Entry {
  readonly text: string;
  readonly details?: readonly string[];
  readonly group?: string;
}

export interface Criterion {
  readonly number: CriterionNumber;
  /** Official title, e.g. « Une offre de formations professionnelles construite autour d'un ensemble de métiers et de parcours de formation ». */
  readonly title: string;
  /** A short French label for sheet names and menus (≤ 24 characters), e.g. « Offre de formations ». */
  readonly shortTitle: string;
  /** The description bullets of the criterion. */
  readonly description: readonly string[];
  /** The Qualéduc fiches linked to the criterion, as the guide names them. */
  readonly qualeducFiches: readonly string[];
  /** « Mesures de la réforme ». */
  readonly reformMeasures: readonly Entry[];
  /** « Lien avec l'évaluation des établissements »: domains with their sub-points in `details`. */
  readonly evaluationLinks: readonly Entry[];
  /** « Axes de travail stratégiques ». */
  readonly axes: readonly Entry[];
  /** « Objectifs opérationnels ». */
  readonly objectives: readonly Entry[];
  /** « Exemple d'actions ». */
  readonly actions: readonly Entry[];
  /** « Exemples d'indicateurs d'évaluation ». */
  readonly indicators: readonly Entry[];
}
