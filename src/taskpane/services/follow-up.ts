/**
 * « Afficher / masquer le suivi » (issue #22), in the pane's words. The job — the active fiche's columns I–S shown
 * or hidden, its protection lifted and put back in one batch — is the use case src/app/follow-up.ts, done through
 * the Office session (src/workbook/office/session.ts, setColumnsHidden).
 */
export const FOLLOW_UP_TEXTS = {
  // French typography, as texts.ts: non-breaking spaces inside « » and before « : ».
  button: "Afficher / masquer le suivi",
  shown: (sheet: string) => `Suivi des actions affiché sur «\u00a0${sheet}\u00a0» (colonnes I à S).`,
  hidden: (sheet: string) =>
    `Suivi des actions masqué sur «\u00a0${sheet}\u00a0» (colonnes I à S)\u00a0: le même bouton l'affiche.`,
  notAFiche: (sheet: string) =>
    `«\u00a0${sheet}\u00a0» n'est pas une fiche critère\u00a0: activez une fiche (C1 … C8) pour afficher ou masquer son suivi.`,
} as const;

export interface FollowUpShown {
  readonly sheet: string;
  /** Whether the columns I–S are hidden now. */
  readonly hidden: boolean;
  /** The line the pane shows. */
  readonly line: string;
}
