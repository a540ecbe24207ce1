/** The French words the generated workbook shows. One place, so wording is changed once. */

export const SHEET_PARAMETERS = "Paramètres";
export const SHEET_LISTS = "Listes";

export const LABELS = {
  parametersTitle: "Fiches d'amélioration Lycée des métiers — Paramètres",
  parametersHint:
    "Renseignez les cellules jaunes : elles alimentent l'en-tête de chaque fiche et les listes déroulantes.",
  school: "Établissement (UAI — nom)",
  headOfSchool: "Chef d'établissement",
  referenceYear: "Année de référence",
  auditYear: "Année de l'audit",
  labelYear: "Année d'obtention du label (ou « candidature »)",
  leadsTitle: "Référents des critères",
  ownAxesTitle:
    "Axes propres à l'établissement (projet d'établissement, projet de réseau, académique, recommandations de l'EE)",
  ownObjectivesTitle: "Objectifs propres à l'établissement",
  ownListHint: "Une entrée par ligne : elles s'ajoutent aux listes déroulantes de chaque fiche.",
  directionsTitle: "Sens des indicateurs",
  directionsHint:
    "Le libellé décide du sens (« absentéisme », « exclusions », « décrochage »… : une baisse est un progrès ; sinon, une hausse). Indiquez ici les exceptions, libellé tel qu'écrit dans la fiche.",
  directionsIndicator: "Intitulé de l'indicateur",
  directionsDirection: "Sens du progrès",

  sheetTitle: (n: number) => `FICHE D'AMÉLIORATION — Critère ${n}`,
  schoolHeader: "Nom de l'établissement :",
  headHeader: "Nom du chef d'établissement :",
  leadHeader: "Nom du référent du critère :",
  criterionHeader: "Critère :",
  reminder:
    "Le référent sur ce critère s'entoure d'une équipe et organise un travail collectif, dont le bilan est présenté annuellement au comité de pilotage du label. Il s'engage dans une démarche d'amélioration continue en s'appuyant sur le guide Qualéduc Lycée des métiers.",
  guidePrefix: "Ce que demande le critère : ",

  colAxes: "Axes du projet d'établissement / projet de réseau / académique / recommandations de l'EE",
  colObjectives: "Déclinaison en objectifs",
  colActions: "Actions",
  colIndicator: "Intitulé de l'indicateur",
  colResults: "Observables / Résultats",
  colOutlook: "Perspectives",
  auditYearUnset: "20..",
  auditYearPrefix: "Année de l'audit : ",

  hintAxes: "Indiquez l'axe travaillé",
  hintObjectives: "Choisissez dans la liste déroulante l'objectif travaillé",
  hintActions: "Actions déjà mises en œuvre dans l'établissement ou nouvelles actions à développer",
  hintIndicator: (referenceYear: number) =>
    `Déterminez les indicateurs de suivi permettant l'évaluation de l'atteinte de l'objectif opérationnel, en ${referenceYear}, et celui que vous souhaiteriez atteindre l'année de l'audit`,
  hintOutlook: "Indiquez les évolutions souhaitées",

  guideSheet: "Guide",
  guideTitle: "Le guide 2025 du label Lycée des métiers, critère par critère",
  guideHint:
    "Ce que le guide propose pour chaque critère (axes et leurs précisions, objectifs, exemples d'actions et d'indicateurs) : à lire, à copier dans les fiches. Cette feuille est tenue à jour par « Mettre à jour le classeur ».",
  guideAxes: "Axes de travail stratégiques",
  guideObjectives: "Objectifs opérationnels",
  guideActions: "Exemples d'actions",
  guideIndicators: "Exemples d'indicateurs d'évaluation",
  guideReform: "Mesures de la réforme",
  guideEvaluation: "Lien avec l'évaluation des établissements",
  guideQualeduc: "Fiches Qualéduc",
  followUpTitle: "Suivi de l'action (dossier de labellisation)",
  colStatus: "Statut",
  colPerennial: "Action pérenne",
  colDuration: "Durée de l'action",
  colMeasures: "Mesures de suivi de l'indicateur",
  colResult: "Résultat atteint l'année de l'audit",
  colAddedValue: "Plus-value",
  colEvidence: "Éléments de preuve",
  hintStatus: "Action (réalisée ou en cours : elle s'évalue) ou Engagement (à venir, indicateurs définis)",
  hintPerennial: "oui / non",
  hintDuration: "ex. 3 ans, 2025-2028",
  hintMeasures: "Une mesure par année scolaire (même unité que l'année de référence)",
  hintResult: "La valeur atteinte ; la colonne « Année de l'audit » reste la cible",
  hintAddedValue: "Effets sur les élèves, les enseignants, l'établissement, le réseau, les partenaires",
  hintEvidence: "Nom des documents joints au dossier, ou liens",
  listsStatus: "Statut",
  listsPerennial: "Pérenne",
  validationStatusTitle: "Statut",
  validationStatus: "Choisissez « Action » ou « Engagement ».",
  validationPerennialTitle: "Action pérenne",
  validationPerennial: "Choisissez « oui » ou « non ».",

  listsSchools: "Établissements",
  listsAxes: (n: number) => `Axes C${n}`,
  listsObjectives: (n: number) => `Objectifs C${n}`,
  listsDirections: "Sens",

  validationAxisTitle: "Axe",
  validationAxis: "Choisissez un axe de la liste. Vos axes propres s'ajoutent dans la feuille Paramètres.",
  validationObjectiveTitle: "Objectif",
  validationObjective:
    "Choisissez un objectif de la liste. Vos objectifs propres s'ajoutent dans la feuille Paramètres.",
  validationSchoolTitle: "Établissement",
  validationSchool:
    "Cet établissement n'est pas dans la liste. Vous pouvez le garder : saisissez « UAI — NOM (COMMUNE) », la lettre de contrôle de l'UAI sera vérifiée.",
  validationDirectionTitle: "Sens du progrès",
  validationDirection: "Choisissez « Une hausse est un progrès » ou « Une baisse est un progrès ».",
  validationYearTitle: "Année",
  validationReferenceYear: "Saisissez une année (ex. 2025).",
  validationAuditYear: "L'année de l'audit est comprise entre l'année de référence + 1 et l'année de référence + 5.",
} as const;
