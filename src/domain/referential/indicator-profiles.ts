/**
 * What each example indicator of the guide (2025) measures and which way is progress — reviewed one by one,
 * not guessed from its words. The check uses this for the guide's own wording; the word heuristics of
 * indicators.ts remain only for indicators a school writes itself, and the school's « Sens des indicateurs »
 * in Paramètres overrides the direction of any indicator.
 *
 * Kinds: `count` a whole number; `percentage` a share, 0–100 %; `ratio` a rate that may pass 100 % (a pressure
 * ratio: candidates per place); `countOrRate` « Nombre et taux … », either; `amount` money; `free` anything
 * (a description, a typology, a frequency), numbers included.
 */
/** Kept here, not in indicators.ts, so that the referential imports nothing back (#26: no cycle). */
export type IndicatorKind = "percentage" | "ratio" | "count" | "countOrRate" | "amount" | "free";
export type Direction = "higher" | "lower";

export interface IndicatorProfile {
  readonly kind: IndicatorKind;
  readonly direction: Direction;
}

const up = (kind: IndicatorKind): IndicatorProfile => ({ kind, direction: "higher" });
const down = (kind: IndicatorKind): IndicatorProfile => ({ kind, direction: "lower" });

/** Keyed by the guide's exact wording (criteria.ts); a test checks that every example indicator is here. */
export const GUIDE_INDICATOR_PROFILES: Readonly<Record<string, IndicatorProfile>> = {
  // Critère 1
  "Nombre d’actions de valorisation de l’offre de formations menées": up("count"),
  "Cohérence de l’offre de formation": up("free"),
  "Lisibilité des parcours possibles": up("free"),
  "Suivi du diagnostic de l’offre de formations": up("free"),
  "Exploitation des données de la console ORION et/ou Archipel": up("free"),
  // Critère 2
  "Nombre de statuts différents pour les publics accueillis": up("count"),
  // « … et typologie » : the count and the kinds of actions, in words as well.
  "Nombre et typologie des actions mises en place dans l’établissement": up("free"),
  "Pourcentage des enseignants intervenants dans le cadre de cet accueil": up("percentage"),
  "Taux d’occupation des plateaux techniques": up("percentage"),
  "Nombre de missions PACTE signées en lien avec ce critère": up("count"),
  // Critère 3
  "Visibilité des actions en lien avec les formations en milieu professionnel": up("free"),
  "Lisibilité des procédures rédigées pour les PFMP": up("free"),
  "Taux de participation des filières aux actions partagées": up("percentage"),
  "Résultats des enquêtes de satisfaction": up("free"),
  "Nombre de professeurs ayant suivi un parcours de formation": up("count"),
  "Nombre d’actions de formation en direction des tuteurs de stage en entreprise": up("count"),
  "Nombre d’apprenants inscrits dans le dispositif « ambition emploi »": up("count"),
  "Données du suivi de cohorte (N+1, N+2…)": up("free"),
  "Nombre d‘actions type soft skills / savoir-être mises en place": up("count"),
  // Critère 4
  "Visibilité des partenariats dans le projet d’établissement": up("free"),
  "Nombre d’entreprises impliquées par champ professionnel": up("count"),
  "Nombre de conventions de partenariat": up("count"),
  "Nombre de parrainages": up("count"),
  "Nombre de mentorats": up("count"),
  "Nombre de tutorats": up("count"),
  "Création et mise à jour d’un tableau de bord qui trace les relations avec les partenaires": up("free"),
  "Montant de la taxe d’apprentissage perçue par l’établissement": up("amount"),
  "Nombre de formations ouvertes/fermées pour répondre aux besoins du territoire": up("count"),
  "Taux de transformation de l’offre de formation": up("percentage"),
  "Nombre de PLP intervenant en BTS": up("count"),
  "Nombre d’événements organisés": up("count"),
  "Nombre de participants aux événements": up("count"),
  "Nombre de publications en lien avec les événements organisés sur le site internet du lycée, les réseaux sociaux…":
    up("count"),
  "Existence d’une newsletter, d’un affichage en interne": up("free"),
  // Critère 5
  "Tableau de bord des actions culturelles à jour": up("free"),
  // « Pourcentage … et nombre de classes » : a share or a count.
  "Pourcentage d’apprenants et nombre de classes ayant participé à des sorties culturelles, projets scientifiques, voyages…":
    up("countOrRate"),
  "Nombre de projets artistiques et culturels à l’initiative des apprenants": up("count"),
  "Nombre de projets renseignés sur la plateforme ADAGE": up("count"),
  "Nombre d’actions financées par le Pass culture": up("count"),
  "Nombre d’actions publiées sur le site internet de l’établissement et les réseaux sociaux": up("count"),
  "Nombre d’enseignants impliqués dans les actions culturelles et artistiques": up("count"),
  "Nombre de messages adressés à la communauté éducative par le référent culture": up("count"),
  // Critère 6
  "Nombre d’actions à visée internationale réalisées": up("count"),
  "Nombre d’apprenants engagés dans une action à visée internationale": up("count"),
  "Nombre d’apprenants inscrits en section euro": up("count"),
  // Candidates per place: 140 % is a sought-after section, not a typing error.
  "Taux de pression dans la section euro": up("ratio"),
  "Taux de pression sur le choix des options de langues étrangères": up("ratio"),
  "Nombre d’apprenants engagés dans le programme Erasmus+": up("count"),
  "Nombre et taux de mobilités effectivement réalisées": up("countOrRate"),
  "Nombre et taux d’attestations délivrées aux apprenants": up("countOrRate"),
  "Nombre d’enseignants impliqués dans le programme Erasmus+": up("count"),
  "Nombre d’enseignants ayant obtenu la certification DNL": up("count"),
  "Nombre d’articles à visée internationale publiés sur le site de l’établissement": up("count"),
  // Critère 7 — what measures dropping out falls when things get better; what fights it rises.
  "Taux d’absentéisme en cours, en PFMP": down("percentage"),
  "Nombre d’exclusions de cours, de PFMP": down("count"),
  "Nombre d’apprenants accompagnés": up("count"),
  "Nombre de PACTE enseignants « lutte contre le décrochage scolaire »": up("count"),
  "Nombre de rencontres avec l’apprenant et sa famille": up("count"),
  "Nombre de tutorats mis en place": up("count"),
  "Nombre d’apprenants reçus par le PsyEN": up("count"),
  "Nombre d’apprenants pris en charge par la MLDS": up("count"),
  "Nombre de personnels qualifiés ayant obtenu le CPLDS (certificat de professionnalisation en matière de lutte contre le décrochage scolaire) ou inscrits à la formation académique":
    up("count"),
  "Nombre de PAFI": up("count"),
  "Nombre d’enseignants inscrits dans un parcours de formation en lien avec le décrochage": up("count"),
  "Nombre d’actions prévues dans le cadre de la « Semaine de persévérance scolaire »": up("count"),
  // Critère 8
  "Budgets consacrés à la communication": up("amount"),
  "Nombre d’articles de presse": up("count"),
  "Nombre d’articles publiés sur le site web et les réseaux sociaux": up("count"),
  "Nombre de connexions sur le site internet de l’établissement": up("count"),
  "Nombre d’abonnés sur les réseaux sociaux": up("count"),
  "Fréquence des mises à jour du site": up("free"),
  "Nombre d’opérations, journées portes ouvertes (JPO) ou autres manifestations": up("count"),
  "Nombre de participations à des manifestations, salons, concours...": up("count"),
  "Taux de participation de collégiens aux mini-stages, JPO, semaine immersive….": up("percentage"),
  "Taux de participation des familles aux différentes actions": up("percentage"),
};
