/** The task pane's French words, in one place: non-breaking spaces inside « » and before : ; ! ? (tested). */

/** « 1 action ou engagement », « 3 actions et engagements »: the dossier's rows, in real plurals. */
function actionsWords(n: number): string {
  return n > 1 ? `${n}\u00a0actions et engagements` : `${n}\u00a0action ou engagement`;
}
export const TEXTS = {
  appTitle: "Fiches LDM",
  subtitle: "Fiches d'amélioration — label Lycée des métiers",
  loadingOffice: "Connexion à Excel…",
  officeTimeout:
    "Excel n'a pas répondu\u00a0: Office.js n'a pas pu se charger. Vérifiez la connexion puis rouvrez le volet (Accueil › Fiches LDM).",
  notExcel: "Ce complément fonctionne dans Excel uniquement.",
  unsupported:
    "Cette version d'Excel ne propose pas les fonctions nécessaires (ExcelApi 1.8). Utilisez Excel pour le web ou Microsoft 365 à jour.",
  reading: "Lecture du classeur…",
  firstRunTitle: "Créer les fiches d'amélioration",
  firstRunHelp: "Le classeur ne contient pas encore les fiches. Choisissez l'établissement puis générez les 8 fiches.",
  schoolLabel: "Établissement",
  schoolPlaceholder: "UAI, nom ou commune…",
  schoolNone: "Aucun établissement ne correspond.",
  establishmentsFailed:
    "La liste des établissements n'a pas pu être chargée (connexion\u00a0?)\u00a0: rien n'a été fait. Réessayez dans un instant.",
  schoolResults: "Établissements trouvés",
  schoolChosen: (label: string) => `Établissement choisi\u00a0: ${label}`,
  schoolLoading: "Chargement de la liste des établissements…",
  schoolMore: (n: number) =>
    `${n} autre${n > 1 ? "s" : ""} résultat${n > 1 ? "s" : ""}\u00a0: précisez (commune, nom ou UAI).`,
  schoolRequired:
    "Choisissez l'établissement dans la liste (tapez son nom, sa commune ou son UAI)\u00a0: il figure en tête de chaque fiche.",
  schoolNotPicked:
    "Choisissez l'établissement dans la liste proposée\u00a0: le texte tapé ne correspond pas encore à un établissement choisi.",
  referentsTitle: "Référents des critères (facultatif, modifiables ensuite dans Paramètres)",
  referentLabel: (n: number, title: string) => `Critère ${n} — ${title}`,
  headLabel: "Chef d'établissement",
  auditYearLabel: "Année de l'audit",
  auditYearNone: "À choisir plus tard",
  generate: "Générer les fiches",
  generating: "Génération des fiches…",
  update: "Mettre à jour le classeur",
  updating: "Mise à jour…",
  checkSheet: "Vérifier la fiche",
  checkWorkbook: "Vérifier tout le classeur",
  checking: "Vérification…",
  noFinding: "Aucun constat\u00a0: la fiche est prête pour le comité de pilotage.",
  noFindingWorkbook: "Aucun constat\u00a0: le classeur est prêt pour le comité de pilotage.",
  engineFailed:
    "Le volet n'a pas pu charger sa partie de calcul (réseau coupé, ou site du complément injoignable)\u00a0: fermez le volet puis rouvrez-le.",
  stillWaiting:
    "Toujours en cours… Si une cellule est en cours de saisie dans Excel, validez-la (Entrée) ou cliquez une autre cellule\u00a0: Excel attend la fin de la saisie pour laisser Fiches LDM lire ou écrire.",
  notAFiche: (sheet: string) =>
    `«\u00a0${sheet}\u00a0» n'est pas une fiche critère\u00a0: rien n'y a été vérifié. Activez une fiche (C1 … C8) ou Paramètres, ou lancez «\u00a0Vérifier tout le classeur\u00a0».`,
  wrongSheet: (sheet: string, wanted: number, actual: number | undefined) =>
    actual === undefined
      ? `«\u00a0${sheet}\u00a0» n'est pas une fiche critère\u00a0: rien n'a été inséré\u00a0; activez la fiche du critère ${wanted}.`
      : `«\u00a0${sheet}\u00a0» est la fiche du critère ${actual}\u00a0: cet exemple est du critère ${wanted}. Rien n'a été inséré\u00a0; activez la fiche du critère ${wanted}.`,
  counts: (e: number, w: number, i: number) =>
    `${e} erreur${e > 1 ? "s" : ""}, ${w} avertissement${w > 1 ? "s" : ""}, ${i} information${i > 1 ? "s" : ""}`,
  startTitle: "Pour commencer",
  startHelp:
    "Les fiches sont prêtes. Rien n'est à corriger\u00a0: remplissez-les à votre rythme, dans cet ordre par exemple.",
  startReferents: (missing: number) =>
    missing > 0
      ? `1. Nommer les référents des critères (${missing}\u00a0à renseigner, facultatif)`
      : "1. Nommer le chef d'établissement (facultatif)",
  startCriterion1: "2. Commencer le critère 1\u00a0: un axe, un objectif, une action",
  findingsTitle: "Constats",
  rowLabel: (row: number) => `Ligne\u00a0${row}`,
  wholeSheet: "Toute la feuille",
  workbookAsAWhole: "Classeur",
  rowRules: (n: number, rules: string) => ` (${n}\u00a0constat${n > 1 ? "s" : ""})\u00a0: ${rules}`,
  filterSeverity: "Gravité",
  allSeverities: "Toutes",
  severityOption: (s: "error" | "warning" | "info", n: number) =>
    `${{ error: "Erreur", warning: "Avertissement", info: "Information" }[s]}${n > 1 ? "s" : ""} (${n})`,
  filterRule: "Règle",
  allRules: "Toutes les règles",
  moreRows: (page: number, rest: number) =>
    `Afficher ${page}\u00a0ligne${page > 1 ? "s" : ""} de plus (${rest}\u00a0restante${rest > 1 ? "s" : ""})`,
  severity: { error: "Erreur", warning: "Avertissement", info: "Information" },
  examplesTitle: (n: number) => `Exemples du guide — critère ${n}`,
  examplesSearch: "Chercher une action ou un indicateur",
  actions: "Actions",
  indicators: "Indicateurs",
  insert: "Insérer",
  inserted: (cell: string) => `Inséré en ${cell}.`,
  selectRowFirst: "Sélectionnez d'abord une ligne du tableau de la fiche (à partir de la ligne 10).",
  cellNotEmpty: (cell: string) => `La cellule ${cell} n'est pas vide\u00a0: rien n'a été remplacé.`,
  nothingToUpdate: "Rien à mettre à jour\u00a0: le classeur est conforme.",
  autoOpenSet: "Le volet Fiches LDM s'ouvrira désormais avec ce classeur, pour chaque collègue qui a le complément.",
  autoOpenFailed:
    "Excel n'a pas enregistré l'ouverture automatique du volet\u00a0: relancez «\u00a0Mettre à jour le classeur\u00a0» pour réessayer.",
  notCriterionSheet: "Activez une fiche critère (C1 … C8) pour voir les exemples du guide.",
  ready: "Prêt.",
  report: "Préparer le bilan",
  reporting: "Préparation du bilan…",
  print: "Imprimer ou enregistrer en PDF",
  closeReport: "Fermer le bilan",
  reportFrame: "Bilan annuel (aperçu avant impression)",
  dossier: "Préparer le dossier",
  dossiering: "Préparation du dossier de labellisation…",
  dossierReady: (actions: number, gaps: number) =>
    `Dossier de labellisation prêt (version de travail)\u00a0: ${actionsWords(actions)}, ${gaps === 0 ? "rien à compléter" : `${gaps}\u00a0partie${gaps > 1 ? "s" : ""} «\u00a0À compléter\u00a0», listée${gaps > 1 ? "s" : ""} en première page`}.`,
  dossierFinalReady: (actions: number) =>
    `Dossier de labellisation final prêt\u00a0: ${actionsWords(actions)}, la page de garde du guide, sans liste de travail.`,
  dossierFinal: "Version finale, à envoyer (refusée tant qu'une partie est «\u00a0À compléter\u00a0»)",
  downloadDossier: "Télécharger le dossier (Word, .docx)",
  dossierHint: "Pour un PDF\u00a0: ouvrez-le dans Word, puis Fichier › Enregistrer sous › PDF.",
} as const;

export const OFFICE_READY_TIMEOUT_MS = 10_000;
/** Quiet time after the last change before the live check runs (typing, a paste's many cells: one check). */
export const LIVE_CHECK_QUIET_MS = 700;
