/**
 * The referential: the 8 criteria of the label « Lycée des métiers », section F of the guide renewed in
 * January 2025 (seed 004), in the guide's own words.
 *
 * Transcription rules: each text is the guide's, verbatim (accents, apostrophes ’ and ', capitals,
 * typos, non-breaking spaces before « : »); only the bullet « · », surrounding spaces, a trailing « : »
 * and runs of ordinary spaces are trimmed. Structure recovered from the text extraction:
 * - an axis is a bullet whose first word is in capitals; the bullets under it that are not are its `details`;
 * - an objective or action ending in « : » keeps the following bullets that start in lower case (or with
 *   « À » / « Au ») as its `details`; a bullet starting with a capital is an entry of its own;
 * - criterion 3 groups objectives and actions under headings (« PÉDAGOGIE ET PARCOURS ADAPTÉS » …), and
 *   criterion 7 its actions under « Prévention / Intervention / Remédiation » (`group`); in criterion 7,
 *   « Construire un tableau de bord des actions » comes before the groups and « Communiquer sur la
 *   stratégie mise en place et les actions » after them, so neither has a group.
 * Generated once by a parser of the seed, then reviewed; tests/domain/referential.test.ts pins the counts.
 */
import type { Criterion, CriterionNumber } from "./types";

export const CRITERIA: readonly Criterion[] = [
  {
    number: 1,
    title:
      "Une offre de formations professionnelles construite autour d'un ensemble de métiers et de parcours de formation",
    shortTitle: "Offre de formations",
    description: [
      "L’établissement propose une offre de formations professionnelles permettant des parcours ascendants, fluidifiant les passerelles et les parcours mixtes.",
      "L’offre de formations est construite en cohérence avec les besoins en compétences des filières d’activité et du territoire ; l’évolution de ces besoins est suivie par l’établissement.",
      "Des formations de spécialisation insérantes (FCIL, ou certification de spécialisation notamment) sont proposées à l’issue du premier diplôme professionnel obtenu.",
      "La coloration des diplômes professionnels est mobilisée en réponse aux besoins en compétences des territoires.",
      "Des réflexions à l’échelle de l’établissement sont conduites collectivement sur les trajectoires d’évolution de l’offre et des services proposés par l’établissement à court et moyen terme.",
    ],
    qualeducFiches: ["3.2.Analyser_et_faire_évoluer_l'offre_de_formation"],
    reformMeasures: [
      { text: "Transformation de la carte des formations" },
      { text: "Ouverture de place de spécialisation Bac + 1" },
      { text: "Parcours de consolidation des savoirs académiques et méthodologiques pour éviter les échecs en BTS" },
      { text: "Bureau des entreprises" },
      { text: "Réseau d’établissements" },
    ],
    evaluationLinks: [
      {
        text: "Domaine 1 : les apprentissages et les parcours des élèves, apprentis et stagiaires de la formation continue, l’enseignement",
        details: [
          "Acquis scolaires et résultats",
          "Insertion professionnelle, poursuite d’études, équité",
          "Choix pédagogiques, enseignement et apprentissages",
          "Personnalisation des parcours et orientation",
        ],
      },
      {
        text: "Domaine 3 : Les acteurs, la stratégie et le fonctionnement de l’établissement",
        details: [
          "Orientations stratégiques, projet d’établissement et contrat d’objectifs",
          "Fonctionnement des instances institutionnelles",
        ],
      },
      {
        text: "Domaine 4 : l’établissement dans son environnement institutionnel et partenarial",
        details: [
          "Relation avec les autorités de rattachement et leurs services, ainsi qu’avec les services déconcertés de l’État",
          "Collaboration avec les autres établissements (collèges, lycées, GRETA-CFA,CMQ, organismes de formation, enseignement supérieur et recherche)",
        ],
      },
    ],
    axes: [
      {
        text: "DIAGNOSTIC de l’offre de formations",
        details: [
          "Contexte de l’offre, analyse des données et indicateurs économiques, emploi, RH, des branches professionnelles, concertée dans le cadre d’un CMQ, d’un GRETA...",
          "Données consoles ORION et Archipel : effectifs, attractivité, taux de réussite aux examens, de poursuite d’études ou d’insertion...",
        ],
      },
      {
        text: "PROJETS d’évolution de la carte de formation : coloration de l’offre de formations tenant compte du diagnostic, du réseau d’établissements, des filières, de l’échelle académique et régionale, participation à un AMI CMA, du territoire...",
      },
      { text: "PARCOURS de formation : adaptation, individualisation, mixité..." },
      {
        text: "VALORISATION de l’offre auprès des usagers",
        details: [
          "cartographie des formations existantes, des parcours possibles, du réseau d’établissements...",
          "métiers d’avenir, France 2030, formations qualifiantes et insérantes...",
        ],
      },
    ],
    objectives: [
      {
        text: "Tendre vers une carte de formations plus adaptée au territoire",
        details: [
          "colorée autour d’un ensemble de métiers, de diplômes, et de parcours de formation",
          "complémentaire en réseau d’établissements, en CMQ",
        ],
      },
      {
        text: "Proposer l’ensemble des parcours de formation possibles dans chaque filière de formation, à l’échelle de l’établissement ou d’un réseau",
      },
      {
        text: "Communiquer sur l’offre de formation en identifiant un ou deux champ(s) dominant(s) de métier pour l’établissement en cohérence avec la dénomination souhaitée.",
      },
    ],
    actions: [
      {
        text: "Valoriser les différentes filières et champs métiers, ainsi que les possibilités de parcours différenciés, mixtes",
      },
      { text: "Créer une cartographie des parcours de formations possibles" },
      {
        text: "Favoriser et accompagner les entrées et sorties aux différents niveaux, et selon les différents statuts",
      },
      {
        text: "Mettre en place les dispositifs de type passerelle pour assurer le passage fluide des apprenants d’un niveau à l’autre (3ème/2nde – CAP/Bac pro – Bac pro/Bac techno – Bac pro/BTS)",
      },
      { text: "Mettre en place le dispositif du CAP 1, 2, 3 ans" },
      { text: "Mettre en place la certification progressive, attestation de compétences" },
      {
        text: "Créer un groupe de travail en réseau d’établis-sements pour s’assurer d’une offre de formation complète pour l’ensemble des filières (adéquation à l’insertion professionnelle, partage des RH, des plateaux techniques, …)",
      },
      { text: "Mettre en place un COPIL interne de suivi des indicateurs du diagnostic de l’offre de formation" },
    ],
    indicators: [
      { text: "Nombre d’actions de valorisation de l’offre de formations menées" },
      { text: "Cohérence de l’offre de formation" },
      { text: "Lisibilité des parcours possibles" },
      { text: "Suivi du diagnostic de l’offre de formations" },
      { text: "Exploitation des données de la console ORION et/ou Archipel" },
    ],
  },
  {
    number: 2,
    title: "L’accueil du public de statuts différents",
    shortTitle: "Publics différents",
    description: [
      "L’établissement accueille des publics de différents statuts (élèves, apprentis, stagiaires de la formation professionnelle, étudiants, adultes en formation continue...)",
      "L’intégration de publics sous différents statuts dans l’établissement est réfléchie et organisée.",
      "Le possible changement de statut des apprenants au cours de leur formation est facilité et suivi.",
      "L’accueil des potentiels futurs apprenants est organisé, notamment dans le cadre de la découverte des métiers proposée au collège.",
      "L’interaction entre les publics des différents statuts est facilitée.",
    ],
    qualeducFiches: ["3.12.Proposer_des_actions_de_formation_continue-pour_adultes"],
    reformMeasures: [
      { text: "Ambition emploi" },
      { text: "Tous droits ouverts" },
      { text: "Bureau des entreprises" },
      { text: "Transformation de la carte des formations" },
      { text: "Financement des missions par PACTE" },
    ],
    evaluationLinks: [
      {
        text: "Domaine 1 : les apprentissages et les parcours des élèves, apprentis et stagiaires de la formation continue, l’enseignement",
        details: [
          "Acquis scolaires et résultats",
          "Insertion professionnelle, poursuite d’études, équité",
          "Choix pédagogiques, enseignement et apprentissages",
          "Personnalisation des parcours et orientation",
        ],
      },
      {
        text: "Domaine 2 : la vie et le bien-être des élèves et apprentis, le climat dans l’établissement",
        details: ["Continuité, complémentarité des apprentissages et règles de vie"],
      },
    ],
    axes: [
      { text: "DEVELOPPEMENT de la mission d’accueil et de formation des publics de statuts différents" },
      { text: "MISE EN OEUVRE des modalités organisationnelles et matérielles d’accueil et d’enseignement" },
      { text: "REPARTITION des fonctions et missions au sein de l’établissement" },
      { text: "DEFINITION des actions possibles selon les publics" },
      { text: "CONTRACTUALISATION avec le GRETA-CFA ou le GIP" },
      { text: "CONFORMITÉ au référentiel Qualiopi / Eduform" },
    ],
    objectives: [
      { text: "Accueillir des publics de statuts différents" },
      {
        text: "Organiser les contenus d’enseignements pour proposer des formations répondant aux besoins des publics en lien avec les besoins du monde économique",
      },
      { text: "Construire des dispositifs différents (en continue, par module, par unité …)" },
      { text: "Individualiser les actions en fonction des besoins du public" },
      { text: "Valoriser la mise à disposition des ressources pédagogiques utilisant les TICE" },
    ],
    actions: [
      {
        text: "Définir le rôle de l’établissement pour l’accueil du public de statuts différents en groupe dédié et en mixité de public",
      },
      { text: "Inscrire cet axe de travail dans le projet d’établissement" },
      { text: "Formaliser les modalités organisationnelles et matérielles" },
      { text: "Réaliser un bilan des actions" },
      { text: "Informer sur le dispositif de la VAE et orienter vers le DAVA" },
      { text: "Former les enseignants à la pédagogie de l’alternance, à la différenciation pédagogique" },
      { text: "Intégrer des professeurs associés" },
      { text: "Construire un Plan prévisionnel de formation partagé à l’ensemble de la communauté" },
      { text: "Respecter les exigences des indicateurs Qualiopi / Eduform" },
    ],
    indicators: [
      { text: "Nombre de statuts différents pour les publics accueillis" },
      { text: "Nombre et typologie des actions mises en place dans l’établissement" },
      { text: "Pourcentage des enseignants intervenants dans le cadre de cet accueil" },
      { text: "Taux d’occupation des plateaux techniques" },
      { text: "Nombre de missions PACTE signées en lien avec ce critère" },
    ],
  },
  {
    number: 3,
    title: "Des réponses pédagogiques et des parcours de formation adaptés",
    shortTitle: "Réponses pédagogiques",
    description: [
      "Les publics accueillis bénéficient d’un parcours de formation adapté aux acquis constatés à leur entrée en formation (sur la base notamment des tests de positionnement).",
      "L’organisation des formations dans l’établissement permet la mobilisation des dispositifs pédagogiques et d’accompagnement (accompagnement personnalisé, consolidation, perfectionnement, travail en petits groupes, travail en groupes de besoin, etc.)",
      "Le suivi des élèves en fragilité est réalisé et les actions de remédiation peuvent être mobilisées rapidement.",
      "L’interdisciplinarité fait l’objet de réflexions permettant de meilleures articulations entre enseignement général et enseignement professionnel (démarche projet, réalisation du chef d’œuvre, co-intervention, etc.).",
      "Un travail est mené dans l’établissement sur l’articulation entre les périodes de formation dans l’établissement et le milieu professionnel (pédagogie de l’alternance).",
      "Le projet d’insertion professionnelle ou de poursuite d’études des apprenants est accompagné et suivi dans le temps (modules d’aide au choix d’orientation, actions menées à la préparation à la poursuite d’études, actions menées dans la préparation à l’insertion professionnelle, liens étroits avec l’enseignement supérieur).",
      "Le conseil pédagogique est actif.",
      "L’innovation pédagogique est facilitée.",
    ],
    qualeducFiches: [
      "2.1-Analyser_les_pratiques_pédagogiques-mise-en-œuvre-dans-l'établissement",
      "2.2-Évaluer-et-faire-évoluer-les-pratiques-dans-la-classe",
      "2.3.Évaluer_et_faire_évoluer_les_modalités_d'évaluation_des_élèves",
      "2.5.Organiser_et_suivre_le_parcours_de_formation_de_l'élève",
      "2.7.Organiser_et_exploiter_les_périodes_de_formation_en_milieu_professionnel_(PFMP)_et_les_stages",
    ],
    reformMeasures: [
      { text: "Enseignement des savoirs fondamentaux en classes réduites" },
      { text: "Année de terminale sur mesure" },
      { text: "Choix d’options" },
      { text: "Allocation des PFMP" },
      { text: "Tous droits ouverts" },
      { text: "Ambition emploi" },
      { text: "Parcours de consolidation (BTS en 3 ans)" },
      { text: "Implication du bureau des entreprises" },
      { text: "Partenariats extérieurs" },
      { text: "PACTE" },
    ],
    evaluationLinks: [
      {
        text: "Domaine 1 : Les apprentissages et les parcours des élèves et des apprentis, l’enseignement",
        details: [
          "Acquis scolaires et résultats",
          "Insertion professionnelle, poursuite d’études, équité",
          "Choix pédagogiques, enseignements et apprentissages",
          "Personnalisation des parcours et orientation",
        ],
      },
      {
        text: "Domaine 2 : La vie et le bien-être des élèves et apprentis, le climat scolaire",
        details: [
          "Continuité, complémentarité des apprentissages et règles de vie",
          "Temps et espaces scolaires",
          "Inclusion scolaire et équité",
        ],
      },
      {
        text: "Domaine 3 : Les acteurs, la stratégie et le fonctionnement de l’établissement",
        details: [
          "Fonctionnement des instances de l’établissement",
          "La gestion des ressources humaines, le management interne et le développement professionnel des personnels",
        ],
      },
    ],
    axes: [
      { text: "ACCOMPAGNEMENT de l’apprenant dans son parcours de formation" },
      {
        text: "MISE EN ŒUVRE d’une approche pédagogique favorisant le développement de compétences sociales et comportementales déterminantes pour l’insertion professionnelle et la réussite scolaire (softskills)",
      },
      { text: "FORMATION des enseignants" },
      { text: "STRATÉGIE de formation autour de l’alternance pédagogique" },
      { text: "HARMONISATION des pratiques d’évaluation" },
      { text: "MISE EN OEUVRE de parcours adaptés : CAP 123, classe passerelle..." },
    ],
    objectives: [
      { text: "Positionner les apprenants", group: "PÉDAGOGIE ET PARCOURS ADAPTÉS" },
      { text: "Dialoguer avec l’apprenant et sa famille", group: "PÉDAGOGIE ET PARCOURS ADAPTÉS" },
      { text: "Exploiter les tests de positionnement d’entrée en formation", group: "PÉDAGOGIE ET PARCOURS ADAPTÉS" },
      { text: "Renforcer les savoirs fondamentaux", group: "PÉDAGOGIE ET PARCOURS ADAPTÉS" },
      { text: "Proposer une certification progressive", group: "PÉDAGOGIE ET PARCOURS ADAPTÉS" },
      { text: "Suivre la réussite aux examens", group: "PÉDAGOGIE ET PARCOURS ADAPTÉS" },
      { text: "Harmoniser les pratiques enseignantes", group: "PÉDAGOGIE ET PARCOURS ADAPTÉS" },
      {
        text: "Présenter les enjeux et les objectifs globaux de la formation en milieu professionnel",
        group: "PÉDAGOGIE DE L’ALTERNANCE (PFMP)",
      },
      {
        text: "Définir des procédures de PFMP concertées dans le cadre de la stratégie partagée par l’ensemble des filières et pour tous les apprenants",
        group: "PÉDAGOGIE DE L’ALTERNANCE (PFMP)",
      },
      {
        text: "Faciliter l'intégration de l'apprenant dans une organisation et dans une équipe de travail",
        group: "PÉDAGOGIE DE L’ALTERNANCE (PFMP)",
      },
      { text: "Expliciter les attentes de l’équipe pédagogique", group: "PÉDAGOGIE DE L’ALTERNANCE (PFMP)" },
      { text: "Accompagner l’apprenant au choix d’options", group: "ORIENTATION" },
      { text: "Aider à la projection dans le métier et donner du sens à la formation", group: "ORIENTATION" },
      { text: "Proposer des options en cohérence avec la carte des formations", group: "ORIENTATION" },
      { text: "Sécuriser les parcours individuels", group: "ORIENTATION" },
      { text: "Construire une ingénierie de formation des équipes", group: "FORMATION DES ENSEIGNANTS" },
    ],
    actions: [
      {
        text: "Repérer les besoins des apprenants tout au long de leur parcours",
        details: [
          "À l’entrée en formation : exploitation des évaluations nationales, positionnement, entretien avec l’apprenant",
          "Au cours de la formation : prise en compte des progrès (compétences professionnelles, psychosociales) et des nouveaux besoins",
        ],
        group: "PÉDAGOGIE ET PARCOURS ADAPTÉS",
      },
      { text: "Prendre appui sur les alliances éducatives", group: "PÉDAGOGIE ET PARCOURS ADAPTÉS" },
      { text: "Formaliser les échanges élèves-famille", group: "PÉDAGOGIE ET PARCOURS ADAPTÉS" },
      { text: "Financer un projet par le dispositif CNR/NEFE", group: "PÉDAGOGIE ET PARCOURS ADAPTÉS" },
      {
        text: "Construire un cahier des charges pédagogiques pour chaque chef d’œuvre en cohérence avec le métier (référentiel métier et programmes)",
        group: "PÉDAGOGIE ET PARCOURS ADAPTÉS",
      },
      {
        text: "Prévoir un temps de concertation pour un partage de pratiques autour de la co-intervention",
        group: "PÉDAGOGIE ET PARCOURS ADAPTÉS",
      },
      {
        text: "Développer la méthodologie en mode projet (par la création de mini entreprises / mini structures solidaires…)",
        group: "PÉDAGOGIE ET PARCOURS ADAPTÉS",
      },
      { text: "Inscrire des apprenants à la compétition des Worldskills", group: "PÉDAGOGIE ET PARCOURS ADAPTÉS" },
      {
        text: "Définir la stratégie pédagogique des formations en milieu professionnel de toutes les filières : planifier les périodes en milieu professionnel au regard des compétences à acquérir",
        group: "PÉDAGOGIE DE L’ALTERNANCE (PFMP)",
      },
      {
        text: "Rédiger des procédures partagées toutes filières confondues",
        group: "PÉDAGOGIE DE L’ALTERNANCE (PFMP)",
      },
      {
        text: "Définir le rôle de tous les acteurs : responsable du BDE, enseignant référent, professeur principal, équipe pédagogique, DDF, tuteur en entreprise, etc.",
        group: "PÉDAGOGIE DE L’ALTERNANCE (PFMP)",
      },
      {
        text: "Préparer l’arrivée en milieu professionnel toutes filières confondues : identifier les attendus du monde professionnel, les règles indispensables et notamment en matière de sécurité",
        group: "PÉDAGOGIE DE L’ALTERNANCE (PFMP)",
      },
      {
        text: "Explorer et valider de nouveaux lieux de formation en milieu professionnel au regard des qualifications, des activités professionnelles, et de la capacité à accompagner l’apprenant",
        group: "PÉDAGOGIE DE L’ALTERNANCE (PFMP)",
      },
      {
        text: "Adapter le degré d’accompagnement nécessaire à la recherche de lieux de formation en lien avec les exigences du référentiel de formation",
        group: "PÉDAGOGIE DE L’ALTERNANCE (PFMP)",
      },
      {
        text: "Collaborer avec le pôle de stage, le responsable du bureau des entreprises",
        group: "PÉDAGOGIE DE L’ALTERNANCE (PFMP)",
      },
      {
        text: "Définir et partager des outils de suivi pédagogique : livret de suivi, tableaux de bord, fiche de suivi de la durée de la formation en milieu professionnel, etc.",
        group: "PÉDAGOGIE DE L’ALTERNANCE (PFMP)",
      },
      {
        text: "Prendre appui sur le référentiel des compétences à s'orienter de l’ONISEP pour guider les choix des apprenants",
        group: "ORIENTATION",
      },
      {
        text: "Mettre en place des actions favorisant l’acquisition de soft skills / savoir être",
        group: "ORIENTATION",
      },
    ],
    indicators: [
      { text: "Visibilité des actions en lien avec les formations en milieu professionnel" },
      { text: "Lisibilité des procédures rédigées pour les PFMP" },
      { text: "Taux de participation des filières aux actions partagées" },
      { text: "Résultats des enquêtes de satisfaction" },
      { text: "Nombre de missions PACTE signées en lien avec ce critère" },
      { text: "Nombre de professeurs ayant suivi un parcours de formation" },
      { text: "Nombre d’actions de formation en direction des tuteurs de stage en entreprise" },
      { text: "Nombre d’apprenants inscrits dans le dispositif « ambition emploi »" },
      { text: "Données du suivi de cohorte (N+1, N+2…)" },
      { text: "Nombre d‘actions type soft skills / savoir-être mises en place" },
    ],
  },
  {
    number: 4,
    title:
      "Un partenariat actif avec le tissu économique local et les organismes de proximité ainsi que les établissements partenaires agissant dans les domaines de la formation professionnelle, de l’orientation et de l’insertion",
    shortTitle: "Partenariats",
    description: [
      "L’établissement dispose d’une stratégie partenariale afin de développer des relations durables avec le tissu économique local et les partenaires en faveur de l’emploi, notamment au travers des comités locaux école-entreprise, en lien, le cas échéant, avec la feuille de route du Campus des métiers et des qualifications.",
      "L’établissement travaille en faveur de l’enseignement et de la formation professionnels avec les établissements avoisinants (collèges, lycées, centres de formation des apprentis, enseignement supérieur, etc.).",
      "Le bureau des entreprises est clairement identifié dans l’établissement et ses actions sont valorisées.",
      "Les relations avec les partenaires professionnels permettent d’engager diverses actions sur l’alternance pédagogique en formation, la qualité de la formation en milieu professionnel, l’activité des professionnels dans l’établissement ou l’immersion des professeurs dans l’entreprise.",
      "L’établissement travaille en concertation avec les autres établissements d’une même famille des métiers de baccalauréat professionnel, et en lien avec les établissements liés aux poursuites d’études des apprenants, que la candidature soit établie en réseau ou non.",
      "L’établissement est adhérent à un Campus des métiers et des qualifications lorsqu’il existe pour sa ou ses filière(s).",
      "Dans le cas de candidatures en réseau, les établissements co-candidats mettent en place une stratégie partenariale commune.",
    ],
    qualeducFiches: [
      "2.5.Organiser_et_suivre_le_parcours_de_formation_de_l'élève",
      "3.5 Faire vivre les réseaux et les partenariats",
    ],
    reformMeasures: [
      { text: "Ambition emploi" },
      { text: "Avenir pro" },
      { text: "Tous droits ouverts" },
      { text: "Transformation de la carte des formations" },
      { text: "Acteurs", details: ["Bureau des entreprises", "Réseau d’établissements", "Professeurs associés"] },
    ],
    evaluationLinks: [
      {
        text: "Domaine 4 : L’établissement dans son environnement institutionnel et partenarial",
        details: [
          "Collaborations avec les autres établissements (écoles, collèges, réseau d’éducation prioritaire, lycées, campus des métiers, enseignement supérieur et recherche)",
          "Partenariats avec le monde économique et technologique",
        ],
      },
    ],
    axes: [
      {
        text: "CONNAISSANCE",
        details: [
          "du tissu économique local (entreprises, branches professionnelles)",
          "des organismes de proximité",
          "des établissements agissant dans les domaines de la formation professionnelle, de l’orientation et de l’insertion",
          "des établissements avoisinants (collèges, lycées, enseignement supérieur, campus des métiers et des qualifications, Greta)",
        ],
      },
      { text: "DÉVELOPPEMENT de partenariats actifs, durables et formalisés" },
      { text: "VALORISATION des métiers préparés dans l’établissement" },
      { text: "TRAVAIL partenarial en réseau" },
      { text: "VISIBILITÉ des partenariats" },
    ],
    objectives: [
      { text: "Identifier, enrichir et fidéliser les partenaires de l’établissement" },
      { text: "Faire-vivre la relation école entreprise" },
      {
        text: "Positionner l’établissement comme centre de ressources local en termes de compétences professionnelles",
      },
      { text: "Répondre aux besoins du territoire en termes de compétences professionnelles" },
      { text: "S’appuyer sur les compétences des partenaires au service de la professionnalisation des apprenants" },
      { text: "Accompagner la poursuite d’études et/ou l’insertion par le travail en réseau." },
      { text: "Définir une stratégie évènementielle tout au long de l’année" },
    ],
    actions: [
      { text: "S’appuyer sur la relation école entreprise académique et locale (CLEE, …)" },
      { text: "Cartographier les partenaires" },
      { text: "Prendre appui sur l‘outil Orion pour poser un diagnostic (filière, territoire, tissu économique…)" },
      { text: "Signer des conventions de partenariat, de parrainage" },
      { text: "Construire une stratégie de communication et un plan d’actions avec les partenaires" },
      { text: "Organiser des échanges de compétences milieu professionnel / milieu scolaire" },
      { text: "Construire des projets pédagogiques autour de ces partenariats" },
      {
        text: "Développer le mentorat, le parrainage, le tutorat (enseignement supérieur, entreprise...) ; mettre en œuvre le dispositif 1 jeune, 1 mentor",
      },
      { text: "Rejoindre une cordée de la réussite" },
      { text: "Participer à la semaine de l’industrie, la semaine des lycées pro…." },
      { text: "Être centre d’accueil ou d’entraînement des compétitions régionales des Worldskills" },
      {
        text: "Organiser des évènements type job dating, petits déjeuner de l’entreprise, immersion en classe post bac",
      },
    ],
    indicators: [
      { text: "Visibilité des partenariats dans le projet d’établissement" },
      { text: "Nombre d’entreprises impliquées par champ professionnel" },
      { text: "Nombre de conventions de partenariat" },
      { text: "Nombre de parrainages" },
      { text: "Nombre de mentorats" },
      { text: "Nombre de tutorats" },
      { text: "Création et mise à jour d’un tableau de bord qui trace les relations avec les partenaires" },
      { text: "Montant de la taxe d’apprentissage perçue par l’établissement" },
      { text: "Nombre de formations ouvertes/fermées pour répondre aux besoins du territoire" },
      { text: "Taux de transformation de l’offre de formation" },
      { text: "Nombre de PLP intervenant en BTS" },
      { text: "Nombre d’événements organisés" },
      { text: "Nombre de participants aux événements" },
      {
        text: "Nombre de publications en lien avec les événements organisés sur le site internet du lycée, les réseaux sociaux…",
      },
      { text: "Existence d’une newsletter, d’un affichage en interne" },
    ],
  },
  {
    number: 5,
    title: "L’organisation d'actions culturelles",
    shortTitle: "Actions culturelles",
    description: [
      "Les actions culturelles organisées par le Lycée des métiers touchent l’ensemble des publics de l’établissement.",
      "Ces actions sont significatives, elles mobilisent les 3 piliers de l’éducation artistique et culturelle (EAC) et sont renseignées dans Adage (application dédiée à la généralisation de l’EAC), qui permet de formaliser et suivre le parcours de l’élève.",
      "Les actions intègrent l’ensemble des enseignements et l’ensemble des domaines de l’EAC (arts visuels et patrimoine, cinéma et audiovisuel, culture scientifique, technique et industrielle, histoire et mémoire, éducation aux médias et à l’information, livres et lecture, musique, spectacle vivant).",
      "Elles sont pensées collectivement, en équipe.",
      "Le pass Culture est mobilisé par l’établissement pour la part collective et les élèves sont informés de la possible mobilisation de la part individuelle, notamment en leur transmettant leurs codes ÉduConnect.",
      "Lorsque cela est pertinent, la réalisation du chef d’œuvre et l’ouverture culturelle sont articulées.",
      "Dans le cas des candidatures en réseau, les établissements co-candidats engagent des réflexions sur une stratégie d’ouverture culturelle commune.",
    ],
    qualeducFiches: [],
    reformMeasures: [{ text: "Options proposées en terminale" }],
    evaluationLinks: [
      {
        text: "Domaine 4 : L’établissement dans son environnement institutionnel et partenarial",
        details: [
          "Collaborations avec les partenaires culturels, scientifiques, sportifs, internationaux et du développement durable",
        ],
      },
    ],
    axes: [
      { text: "GARANTIE d’une équité d’accès aux actions culturelles pour tous les publics de l’établissement" },
      { text: "DÉFINITION d’une stratégie culturelle cohérente avec le projet d’établissement" },
      { text: "CONSTRUCTION du parcours d’éducation artistique et culturelle pour chaque apprenant" },
    ],
    objectives: [
      { text: "Définir un plan d’action concerté en lien avec les enseignements et le projet d’établissement" },
      {
        text: "Nommer un référent culture en charge de l’animation de la vie culturelle de l’établissement, des partenariats, de la cohérence, du suivi et de la mise en œuvre du volet culture du projet d’établissement",
      },
      { text: "Assurer la traçabilité des actions culturelles" },
      { text: "Ouvrir l’établissement sur l’environnement artistique et culturel proche" },
      {
        text: "Prendre appui sur les enseignements artistiques, les options proposées en terminale, les partenaires culturels locaux et les services académiques pour nourrir le parcours d’éducation artistique et culturelle",
      },
      { text: "Valoriser les actions, y compris celles réalisées en dehors de l’établissement" },
    ],
    actions: [
      { text: "Développer un réseau de partenaires à solliciter pour les projets artistiques et culturels" },
      {
        text: "Proposer une charte, une procédure de préparation, d’organisation et d’exploitation des actions culturelles",
      },
      { text: "Associer les familles aux projets artistiques et culturels" },
      { text: "Formaliser le parcours d’éducation artistique et culturelle dans un portfolio" },
      { text: "Proposer des options en terminale en lien avec les arts et la culture" },
      { text: "Être en relation avec le pôle territorial d’éducation artistique et culturelle (PTEAC)" },
      { text: "Être en relation avec la Délégation Académique aux Arts et à la Culture" },
      {
        text: "Construire un tableau de bord des actions culturelles menées auprès de tous les publics de l’établissement",
      },
      { text: "Informer les apprenants des possibilités d’utilisation du Pass culture" },
    ],
    indicators: [
      { text: "Tableau de bord des actions culturelles à jour" },
      {
        text: "Pourcentage d’apprenants et nombre de classes ayant participé à des sorties culturelles, projets scientifiques, voyages…",
      },
      { text: "Nombre de projets artistiques et culturels à l’initiative des apprenants" },
      { text: "Nombre de projets renseignés sur la plateforme ADAGE" },
      { text: "Nombre d’actions financées par le Pass culture" },
      { text: "Nombre d’actions publiées sur le site internet de l’établissement et les réseaux sociaux" },
      { text: "Nombre d’enseignants impliqués dans les actions culturelles et artistiques" },
      { text: "Nombre de messages adressés à la communauté éducative par le référent culture" },
    ],
  },
  {
    number: 6,
    title: "La mise en œuvre d’actions visant à l’ouverture internationale",
    shortTitle: "Ouverture internationale",
    description: [
      "L’établissement développe un plan cohérent et formalisé autour de l’ouverture internationale : actions partenariales, mobilités, échanges à distance, actions éducatives, politique et actions en faveur des langues.",
      "Ce plan implique l’ensemble des enseignements, notamment professionnels et linguistiques, en s’inscrivant dans les axes académiques, de région académique et nationaux en matière d’ouverture européenne et internationale et de mobilité des jeunes.",
      "Dans le cas des candidatures en réseau, les établissements co-candidats engagent des réflexions sur une stratégie d’ouverture internationale commune.",
    ],
    qualeducFiches: ["2.9. Développer l’ouverture européenne et internationale"],
    reformMeasures: [{ text: "Choix d’options" }],
    evaluationLinks: [
      {
        text: "Domaine 1 : Les apprentissages et les parcours des élèves et des apprentis, l’enseignement",
        details: ["Choix pédagogiques, enseignements et apprentissages"],
      },
      {
        text: "Domaine 4 : L’établissement dans son environnement institutionnel et partenarial",
        details: [
          "Collaborations avec les partenaires culturels, scientifiques, sportifs, internationaux et du développement durable",
        ],
      },
    ],
    axes: [
      {
        text: "GARANTIE d’une équité d’accès aux actions visant à l’ouverture internationale de tous les publics de l’établissement",
      },
      { text: "DEFINITION d’une stratégie d’ouverture à l’international" },
      { text: "VISER la labellisation Euroscol" },
      { text: "VISIBILITE et VALORISATION des actions orientées à l’international" },
    ],
    objectives: [
      { text: "Définir un plan d’action concerté en lien avec les enseignements et le projet d’établissement" },
      { text: "Développer la maîtrise des langues étrangères des apprenants et des acteurs de l’établissement" },
      {
        text: "Développer l’autonomie et la mobilité chez les apprenants pour une meilleure insertion professionnelle",
      },
      { text: "Enrichir la culture générale (arts et loisirs, sport, …) des apprenants" },
      { text: "Enrichir la culture professionnelle des apprenants" },
      { text: "Développer des actions visant à l’ouverture internationale au sein de l’établissement" },
      { text: "Assurer la traçabilité des actions d’ouverture à l’internationale" },
      { text: "Valoriser les actions, y compris celles réalisées en dehors de l’établissement" },
    ],
    actions: [
      { text: "Organiser des échanges avec d’autres pays pour les apprenants et les enseignants" },
      { text: "Identifier un référent mobilité, coordonnateur Erasmus+..." },
      { text: "Acculturer les enseignants à d’autres pratiques professionnelles et/ou pédagogiques (jobshadowing)" },
      {
        text: "Organiser des rencontres avec des professionnels d’entreprises internationales installées à proximité de l’établissement, des professionnels non francophones…",
      },
      { text: "Proposer des PFMP à l’étranger (programme Erasmus+)" },
      {
        text: "Valoriser les compétences acquises lors d’une expérience à l’international par des attestions telles que EUROPRO, Europass mobilité ou MobilitéPro",
      },
      { text: "S’inscrire dans le dispositif e-Twinning" },
      { text: "Ouvrir une section européenne" },
      { text: "Proposer des options de langues étrangères" },
      { text: "Accueillir un ou des assistant-s de langue dans l’établissement" },
      { text: "Proposer une page web en langue étrangère sur le site de l’établissement" },
      {
        text: "Participer à des évènements tels que les #ErasmusDays, la journée de l’Europe, la journée européenne des langues …",
      },
      {
        text: "Mettre en œuvre des projets d’ouverture à l’international à l’échelle du bassin de formation ou du réseau pédagogique d’établissements",
      },
    ],
    indicators: [
      { text: "Nombre d’actions à visée internationale réalisées" },
      { text: "Nombre d’apprenants engagés dans une action à visée internationale" },
      { text: "Nombre d’apprenants inscrits en section euro" },
      { text: "Taux de pression dans la section euro" },
      { text: "Taux de pression sur le choix des options de langues étrangères" },
      { text: "Nombre d’apprenants engagés dans le programme Erasmus+" },
      { text: "Nombre et taux de mobilités effectivement réalisées" },
      { text: "Nombre et taux d’attestations délivrées aux apprenants" },
      { text: "Nombre d’enseignants impliqués dans le programme Erasmus+" },
      { text: "Nombre d’enseignants ayant obtenu la certification DNL" },
      { text: "Nombre d’articles à visée internationale publiés sur le site de l’établissement" },
    ],
  },
  {
    number: 7,
    title:
      "La mise en place et le suivi d’actions pour prévenir le décrochage scolaire et pour accueillir des jeunes bénéficiant du droit au retour en formation initiale",
    shortTitle: "Décrochage scolaire",
    description: [
      "L’établissement organise des interventions, des actions de prévention et de remédiation pour lutter contre le décrochage scolaire.",
      "Le suivi des élèves sortis de l’établissement est mené pour faciliter la suite du parcours de chacun, dans la continuité de sa scolarité au lycée.",
      "Une participation aux réseaux FOQUALE dans la prise en charge des jeunes sortis sans diplôme ou sans un niveau suffisant de qualification.",
      "Des parcours adaptés sont pensés pour les jeunes faisant valoir leur droit au retour en formation initiale ou au redoublement dans l’établissement. Ils constituent notamment une réponse à l’obligation de formation des 16-18 ans.",
      "Le suivi des jeunes sortants de l’établissement est réalisé pour adapter les dispositifs d’aide à l’insertion professionnelle et à la poursuite d’études.",
    ],
    qualeducFiches: ["3.11. Prévenir le décrochage scolaire"],
    reformMeasures: [
      { text: "Tous droits ouverts" },
      { text: "Ambition emploi" },
      { text: "Parcours de consolidation liaison BAC PRO BTS" },
      { text: "Organisation de l’année de terminale" },
      { text: "Allocation des PFMP" },
      {
        text: "NB : Acteurs / moyens / objectifs",
        details: [
          "Consolider les savoirs fondamentaux",
          "Choix d’option",
          "Partenariat éducatif",
          "Bureau des entreprises",
          "Pactes",
        ],
      },
    ],
    evaluationLinks: [
      {
        text: "Domaine 1 : Les apprentissages et les parcours des élèves et des apprentis, l’enseignement",
        details: [
          "Choix pédagogiques, enseignements et apprentissages",
          "Personnalisation des parcours et orientation",
        ],
      },
      {
        text: "Domaine 2 : La vie et le bien-être des élèves et apprentis, le climat scolaire",
        details: ["Continuité, complémentarité des apprentissages et règles de vie"],
      },
    ],
    axes: [
      { text: "PREVENTION", details: ["Repérage précoce, pratiques pédagogiques différenciées…"] },
      { text: "INTERVENTION" },
      { text: "REMEDIATION" },
      { text: "COMMUNICATION à destination de la communauté éducative, des apprenants, des familles" },
    ],
    objectives: [
      { text: "Définir une stratégie d’actions autour du décrochage scolaire" },
      { text: "Identifier et rendre visible les acteurs, les dispositifs, les actions" },
      { text: "Faire vivre les dispositifs existants" },
      { text: "Sensibiliser et former les personnels au repérage des apprenants en risque de décrochage" },
      { text: "Développer les partenariats pour des alliances éducatives" },
    ],
    actions: [
      { text: "Construire un tableau de bord des actions" },
      { text: "Former les équipes éducatives au repérage et au traitement du décrochage", group: "Prévention" },
      { text: "Identifier des actions à l’échelle de l’établissement ou d’un réseau", group: "Prévention" },
      { text: "Anticiper les ruptures de parcours 3ème / 2nde – CAP / Bac pro – Bac pro / BTS", group: "Prévention" },
      { text: "Adapter la durée du parcours de formation aux besoins des apprenants", group: "Prévention" },
      {
        text: "Informer les apprenants des possibilités qui s’offrent à eux en terme d’accompagnement dans leur parcours",
        group: "Prévention",
      },
      {
        text: "Repérer les apprenants à besoins éducatifs particuliers pour individualiser leur parcours",
        group: "Prévention",
      },
      { text: "Définir les modalités du dialogue avec les familles", group: "Prévention" },
      { text: "Repérer les apprenants en décrochage", group: "Intervention" },
      { text: "Analyser les causes du décrochage", group: "Intervention" },
      {
        text: "Définir le plan d’actions du GPDS (groupe de prévention du décrochage scolaire)",
        group: "Intervention",
      },
      {
        text: "Organiser des actions à l’échelle de l’établissement ou d’un réseau pour lutter contre le décrochage",
        group: "Intervention",
      },
      { text: "Accompagner les retours en formation", group: "Remédiation" },
      { text: "Aménager l’année de terminale", group: "Remédiation" },
      { text: "Mettre en place des PAFI parcours adaptés dérogatoires)", group: "Remédiation" },
      { text: "Sécuriser les parcours via l’alternance / mixité des publics", group: "Remédiation" },
      { text: "Communiquer sur la stratégie mise en place et les actions" },
    ],
    indicators: [
      { text: "Taux d’absentéisme en cours, en PFMP" },
      { text: "Nombre d’exclusions de cours, de PFMP" },
      { text: "Nombre d’apprenants accompagnés" },
      { text: "Nombre de PACTE enseignants « lutte contre le décrochage scolaire »" },
      { text: "Nombre de rencontres avec l’apprenant et sa famille" },
      { text: "Nombre de tutorats mis en place" },
      { text: "Nombre d’apprenants reçus par le PsyEN" },
      { text: "Nombre d’apprenants pris en charge par la MLDS" },
      {
        text: "Nombre de personnels qualifiés ayant obtenu le CPLDS (certificat de professionnalisation en matière de lutte contre le décrochage scolaire) ou inscrits à la formation académique",
      },
      { text: "Nombre de PAFI" },
      { text: "Nombre d’enseignants inscrits dans un parcours de formation en lien avec le décrochage" },
      { text: "Nombre d’actions prévues dans le cadre de la « Semaine de persévérance scolaire »" },
    ],
  },
  {
    number: 8,
    title: "Une politique active de communication",
    shortTitle: "Communication",
    description: [
      "L’établissement définit et met en œuvre un plan de communication.",
      "Les usagers et les partenaires de l’établissement identifient son offre et ses services.",
      "Un travail de valorisation et de communication autour des métiers, des formations et des parcours proposés par l’établissement est engagé.",
      "Les partenariats, les projets éducatifs et pédagogiques ainsi que les réalisations de chefs d’œuvre de l’établissement sont valorisés.",
      "La communauté éducative dispose d’outils et de supports de communication lui permettant de s’emparer des axes de travail et actions de l’établissement, dans ses relations avec les partenaires du lycée (pages du site Web, réseaux sociaux, documents, plaquettes, etc.).",
      "Dans le cas des candidatures en réseau, les établissements co-candidats engagent des réflexions sur une stratégie de communication commune.",
      "L’établissement informe les différentes parties prenantes (entreprises, branches professionnelles, parents, élèves, etc.) et communique sur le label auprès d’elles.",
    ],
    qualeducFiches: [
      "3.6. Travailler la communication interne au sein de l’établissement",
      "3.7.Travailler la communication externe de l’établissement",
    ],
    reformMeasures: [{ text: "Bureau des entreprises" }],
    evaluationLinks: [
      {
        text: "Domaine 3 : Les acteurs, la stratégie et le fonctionnement de l’établissement",
        details: [
          "Fonctionnement des instances de l'établissement au service des politiques d'éducation nationale académique et d'établissement",
          "Gestion des ressources humaines, management interne et développement professionnel des personnels",
        ],
      },
      {
        text: "Domaine 4 : L’établissement dans son environnement institutionnel et partenarial FD",
        details: [
          "Relations avec les autorités de rattachement et leurs services ainsi qu’avec les services déconcertés de l’État",
          "Collaborations avec les autres établissements",
          "Alliance éducative avec les parents",
          "Collaborations avec les partenaires culturels, scientifiques, sportifs, internationaux et du développement durable",
        ],
      },
    ],
    axes: [
      {
        text: "DÉFINITION d’une stratégie de communication dans le cadre du pilotage de l’établissement",
        details: ["Communication interne", "Communication externe"],
      },
    ],
    objectives: [
      { text: "Choisir les modalités et canaux de communication en fonction des messages et des cibles" },
      {
        text: "Rédiger un protocole de communication concerté et validé par l’ensemble des acteurs de l’établissement",
      },
      {
        text: "Informer sur les modalités d’évaluation et de certification pour l’apprenant, sa famille, les entreprises d’accueil",
      },
      { text: "Valoriser l’image de l’établissement" },
      { text: "Rendre visibles les actions" },
      { text: "Rendre visible le label et expliciter sa signification, sa plus-value" },
    ],
    actions: [
      { text: "Désigner un référent à la communication (PACTE)" },
      { text: "Rédiger des procédures de diffusion de l’information" },
      { text: "Mettre en place un journal du lycée, une newsletter" },
      { text: "Faire vivre le site du lycée" },
      { text: "Être présent sur les réseaux sociaux" },
      { text: "Valoriser le travail en réseau" },
      { text: "Valoriser les partenariats" },
      { text: "Organiser des évènements" },
      { text: "Créer des livrets d’accueil pour les nouveaux entrants, apprenants et personnels" },
    ],
    indicators: [
      { text: "Budgets consacrés à la communication" },
      { text: "Nombre d’articles de presse" },
      { text: "Nombre d’articles publiés sur le site web et les réseaux sociaux" },
      { text: "Nombre de connexions sur le site internet de l’établissement" },
      { text: "Nombre d’abonnés sur les réseaux sociaux" },
      { text: "Fréquence des mises à jour du site" },
      { text: "Nombre d’opérations, journées portes ouvertes (JPO) ou autres manifestations" },
      { text: "Nombre de participations à des manifestations, salons, concours..." },
      { text: "Taux de participation de collégiens aux mini-stages, JPO, semaine immersive…." },
      { text: "Taux de participation des familles aux différentes actions" },
    ],
  },
];

export function criterion(n: CriterionNumber): Criterion {
  const c = CRITERIA.find((x) => x.number === n);
  if (!c) throw new RangeError(`Critère ${n} inconnu`);
  return c;
}
