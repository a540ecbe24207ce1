/** The task pane's French words. */
export const TEXTS = {
  appTitle: "Fiches LDM",
  subtitle: "Fiches d'amélioration — label Lycée des métiers",
  loadingOffice: "Connexion à Excel…",
  officeTimeout:
    "Excel n'a pas répondu : Office.js n'a pas pu se charger. Vérifiez la connexion puis rouvrez le volet (Accueil › Fiches LDM).",
  notExcel: "Ce complément fonctionne dans Excel uniquement.",
  ready: "Prêt. Les fonctions du volet arrivent : générer, mettre à jour et vérifier le classeur.",
} as const;

export const OFFICE_READY_TIMEOUT_MS = 10_000;
