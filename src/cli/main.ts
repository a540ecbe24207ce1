/** `ldm-fiches`: the add-in's jobs on .xlsx files, from a shell. Exit codes: 0 ok, 1 errors found, 2 cannot do it. */
import { checkCommand } from "./check";
import { UserError } from "./files";
import { generateCommand } from "./generate";
import { processIo, type Io } from "./io";
import { reportCommand } from "./report";
import { updateCommand } from "./update";

export const USAGE = [
  "Utilisation : ldm-fiches <commande> [options]",
  "",
  "  generate [--out FICHIER] [--uai UAI] [--head NOM] [--audit-year AAAA] [--reference-year AAAA]",
  "      Crée le classeur des fiches d'amélioration (par défaut fiches-amelioration-ldm.xlsx).",
  "  check FICHIER... [--json] [--sheet NOM]",
  "      Vérifie les fiches et liste, cellule par cellule, ce qui manque ou ne va pas.",
  "  update FICHIER [--out FICHIER] [--audit-year AAAA]",
  "      Remet le classeur en état (listes déroulantes, feuilles, noms) sans toucher aux saisies.",
  "  report FICHIER [--out bilan.pdf|bilan.html]",
  "      Prépare le bilan annuel pour le comité de pilotage (HTML imprimable, ou PDF).",
  "",
  "Codes de sortie : 0 réussi, 1 erreurs trouvées, 2 impossible (entrée invalide, fichier illisible).",
].join("\n");

type Command = (argv: readonly string[], io: Io) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  generate: generateCommand,
  check: (argv, io) => checkCommand(argv, io),
  update: updateCommand,
  report: (argv, io) => reportCommand(argv, io),
};

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.out(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`Commande inconnue : ${name}. Commandes : ${Object.keys(COMMANDS).join(", ")} (ldm-fiches --help).`);
    return 2;
  }
  try {
    return await command(rest, io);
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
