/** A small argument parser: `--name value`, `--name=value`, `--flag`, and positional arguments. */
import { UserError } from "./files";

export interface ParsedArgs {
  readonly positional: string[];
  readonly options: Map<string, string | true>;
}

export function parseArgs(argv: readonly string[], valued: readonly string[], flags: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      if (valued.includes(name)) {
        const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
        if (value === undefined || value === "") throw new UserError(`L'option --${name} attend une valeur.`);
        options.set(name, value);
      } else if (flags.includes(name) && eq < 0) {
        options.set(name, true);
      } else {
        throw new UserError(`Option inconnue : ${a} (voir ldm-fiches --help).`);
      }
    } else if (/^-[^\d]/.test(a)) {
      // « check -j f.xlsx » used to read « -j » as a file name; a file whose name starts with « - » goes after « -- ».
      throw new UserError(
        `Option inconnue : ${a} (voir ldm-fiches --help ; un fichier dont le nom commence par « - » : après « -- »).`,
      );
    } else {
      positional.push(a);
    }
  }
  return { positional, options };
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === "string" ? v : undefined;
}

export function yearOption(args: ParsedArgs, name: string): number | undefined {
  const v = stringOption(args, name);
  if (v === undefined) return undefined;
  if (!/^\d{4}$/.test(v.trim()))
    throw new UserError(`--${name} : « ${v} » n'est pas une année (4 chiffres attendus, ex. 2028).`);
  return Number(v);
}
