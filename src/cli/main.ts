/** `ldm-fiches`: the add-in's jobs on .xlsx files, from a shell. Exit codes: 0 ok, 1 errors found, 2 cannot do it. */
// A command loads only its own modules (the writer for generate, the .xlsx reader for the others), when called:
// « --help » and « --version » load none.
import { UserError } from "./errors";
import { processIo, type Io } from "./io";

type Run = (argv: readonly string[], io: Io) => Promise<number>;

/**
 * The one table of commands: `ldm-fiches --help`, `ldm-fiches COMMAND --help`, the dispatch and the list given
 * for an unknown command all come from it (a test runs `COMMAND --help` for each).
 */
export const COMMANDS: Record<string, { readonly help: readonly string[]; readonly run: Run }> = {
  generate: {
    help: [
      "  generate [--out FICHIER] [--uai UAI] [--head NOM] [--audit-year AAAA] [--reference-year AAAA] [--force]",
      "      Crée le classeur des fiches d'amélioration (par défaut fiches-amelioration-ldm.xlsx) ;",
      "      un fichier existant n'est remplacé qu'avec --force.",
      "  generate (--academie NOM | --uai-file liste.csv) --out-dir DOSSIER [--audit-year AAAA] [--force]",
      "      Un classeur par établissement (« UAI NOM.xlsx ») : les LP/LPO de l'académie, ou les lignes",
      "      « UAI;année de l'audit;chef d'établissement » du fichier ; les fichiers présents sont gardés.",
      "      Le classeur ouvre le volet Fiches LDM : --store-type EXCatalog (déploiement centralisé, par défaut),",
      "      FileSystem|SPCatalog --store CHEMIN|URL, ou aucun (aussi pour update).",
    ],
    run: async (argv, io) => (await import("./generate")).generateCommand(argv, io),
  },
  check: {
    help: [
      "  check FICHIER... [--json] [--sheet C3|NOM]",
      "      Vérifie les fiches et liste, cellule par cellule, ce qui manque ou ne va pas ;",
      "      --sheet : un numéro de critère (C3 ou 3) ou le nom d'une feuille.",
    ],
    run: async (argv, io) => (await import("./check")).checkCommand(argv, io),
  },
  update: {
    help: [
      "  update FICHIER [--out FICHIER] [--audit-year AAAA] [--convert]",
      "      Remet le classeur en état (listes déroulantes, feuilles, noms) sans toucher aux saisies ;",
      "      --convert ajoute les fiches à un classeur qui n'en contient pas.",
    ],
    run: async (argv, io) => (await import("./update")).updateCommand(argv, io),
  },
  report: {
    help: [
      "  report FICHIER [--out bilan.pdf|bilan.html]",
      "      Prépare le bilan annuel pour le comité de pilotage (HTML imprimable, ou PDF).",
    ],
    run: async (argv, io) => (await import("./report")).reportCommand(argv, io),
  },
  dossier: {
    help: [
      "  dossier FICHIER [--out dossier.docx|dossier.pdf] [--criterion N] [--final]",
      "      Écrit le dossier de labellisation : version de travail (« À compléter » et leur liste), ou --final,",
      "      la version à envoyer, refusée (code 1) tant que quelque chose manque.",
    ],
    run: async (argv, io) => (await import("./dossier")).dossierCommand(argv, io),
  },
  academie: {
    help: [
      "  academie FICHIER... --out tableau.xlsx [--academie NOM] [--html tableau.html] [--noms]",
      "      Rassemble les classeurs des établissements en un tableau (une ligne par établissement, constats,",
      "      fichiers non lus ; --academie : ses LP/LPO sans classeur ; --noms : chefs et référents).",
    ],
    run: async (argv, io) => (await import("./academie")).academieCommand(argv, io),
  },
};

const EXIT_CODES = "Codes de sortie : 0 réussi, 1 erreurs trouvées, 2 impossible (entrée invalide, fichier illisible).";

export const USAGE = [
  "Utilisation : ldm-fiches <commande> [options]   (ldm-fiches --version, ldm-fiches <commande> --help)",
  "",
  ...Object.values(COMMANDS).flatMap((c) => c.help),
  "",
  EXIT_CODES,
].join("\n");

function commandUsage(name: string): string {
  return [`Utilisation : ldm-fiches ${name} [options]`, "", ...COMMANDS[name].help, "", EXIT_CODES].join("\n");
}

/** The version of package.json, read where the bin runs from (dist-cli/ sits beside it). */
function version(): string {
  try {
    return (require("../../package.json") as { version: string }).version;
  } catch {
    return "inconnue";
  }
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.out(USAGE);
    return name === undefined ? 2 : 0;
  }
  if (name === "--version" || name === "-v" || name === "version") {
    io.out(`ldm-fiches ${version()}`);
    return 0;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(`Commande inconnue : ${name}. Commandes : ${Object.keys(COMMANDS).join(", ")} (ldm-fiches --help).`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(commandUsage(name));
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UserError) {
      io.err(e.message);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.err(`Erreur inattendue : ${message.split("\n")[0]}`);
    if (process.env.LDM_DEBUG) io.err(String((e as Error)?.stack));
    return 2;
  }
}
