import { execFile } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { UseCaseError } from "../app/port";
import { reportUseCase } from "../app/report";
import { xlsxSession } from "../workbook/xlsx/session";
import { STATUS } from "../domain/readiness";
import { parseArgs, stringOption } from "./args";
import { readWorkbookFile, UserError, writeFileAtomic } from "./files";
import type { Io } from "./io";

/**
 * Where Chromium, Chrome, Edge and LibreOffice live on Linux, Windows and macOS, then the PATH; the
 * environment variable LDM_NAVIGATEUR names another one (a Chromium-based browser).
 */
export function pdfTools(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): { browsers: string[]; offices: string[] } {
  const chosen = env.LDM_NAVIGATEUR ? [env.LDM_NAVIGATEUR] : [];
  const onPath = (names: string[]) =>
    (env.PATH ?? "")
      .split(path.delimiter)
      .filter(Boolean)
      .flatMap((dir) => names.map((n) => path.join(dir, n)));
  if (platform === "win32") {
    const roots = [env.PROGRAMFILES, env["PROGRAMFILES(X86)"], env.LOCALAPPDATA].filter((r): r is string => !!r);
    const win = (...parts: string[]) => roots.map((r) => path.win32.join(r, ...parts));
    return {
      browsers: [
        ...chosen,
        ...win("Microsoft", "Edge", "Application", "msedge.exe"),
        ...win("Google", "Chrome", "Application", "chrome.exe"),
        ...win("Chromium", "Application", "chrome.exe"),
      ],
      offices: [...win("LibreOffice", "program", "soffice.exe"), ...onPath(["soffice.exe"])],
    };
  }
  if (platform === "darwin") {
    const app = (name: string, bin: string) => [`/Applications/${name}.app/Contents/MacOS/${bin}`];
    return {
      browsers: [
        ...chosen,
        ...app("Google Chrome", "Google Chrome"),
        ...app("Microsoft Edge", "Microsoft Edge"),
        ...app("Chromium", "Chromium"),
      ],
      offices: [...app("LibreOffice", "soffice"), ...onPath(["soffice"])],
    };
  }
  return {
    browsers: [
      ...chosen,
      "/usr/bin/chromium",
      "/usr/bin/chromium-browser",
      "/usr/bin/google-chrome",
      "/usr/bin/microsoft-edge",
      ...onPath(["chromium", "chromium-browser", "google-chrome", "microsoft-edge"]),
    ],
    offices: ["/usr/bin/soffice", "/usr/bin/libreoffice", ...onPath(["soffice", "libreoffice"])],
  };
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: 120_000 }, (err) => (err ? reject(err) : resolve()));
  });
}

/** Prints the HTML to PDF with headless Chromium, or LibreOffice where Chromium is absent. */
async function htmlToPdf(html: string): Promise<Uint8Array> {
  const dir = mkdtempSync(path.join(tmpdir(), "ldm-report-"));
  try {
    const src = path.join(dir, "bilan.html");
    const pdf = path.join(dir, "bilan.pdf");
    writeFileSync(src, html);
    const tools = pdfTools();
    const chromium = tools.browsers.find((p) => existsSync(p));
    const soffice = tools.offices.find((p) => existsSync(p));
    if (chromium) {
      await run(chromium, [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--no-first-run",
        `--user-data-dir=${path.join(dir, "profile")}`,
        "--no-pdf-header-footer",
        `--print-to-pdf=${pdf}`,
        `file://${src}`,
      ]);
    } else if (soffice) {
      await run(soffice, [
        "--headless",
        `-env:UserInstallation=file://${path.join(dir, "lo")}`,
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        src,
      ]);
    } else {
      throw new UserError(
        "PDF impossible ici : ni Edge, ni Chrome, ni Chromium, ni LibreOffice n'a été trouvé. Installez-en un (ou indiquez le chemin " +
          "du navigateur dans LDM_NAVIGATEUR), ou utilisez --out bilan.html et imprimez-le depuis un navigateur.",
      );
    }
    if (!existsSync(pdf))
      throw new UserError(
        "La conversion en PDF a échoué : utilisez --out bilan.html et imprimez-le depuis un navigateur.",
      );
    return new Uint8Array(readFileSync(pdf));
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(
      "La conversion en PDF a échoué : utilisez --out bilan.html et imprimez-le depuis un navigateur.",
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function reportCommand(argv: readonly string[], io: Io, today = new Date()): Promise<number> {
  const args = parseArgs(argv, ["out"], []);
  if (args.positional.length !== 1)
    throw new UserError("Indiquez un fichier .xlsx (ldm-fiches report FICHIER [--out bilan.pdf|bilan.html]).");
  const file = args.positional[0];
  const out = stringOption(args, "out") ?? file.replace(/\.xlsx$/i, "") + "-bilan.html";
  const kind = /\.pdf$/i.test(out) ? "pdf" : /\.html?$/i.test(out) ? "html" : undefined;
  if (!kind) throw new UserError(`--out : « ${out} » doit se terminer par .pdf ou .html.`);
  const workbook = await readWorkbookFile(file);
  let review;
  try {
    review = await reportUseCase(xlsxSession(workbook.bytes, workbook.snapshot), { today, oursOnly: true });
  } catch (e) {
    if (e instanceof UseCaseError) throw new UserError(`${file} : ${e.message} ; aucun bilan écrit.`);
    throw e;
  }
  const { html, synthesis } = review;
  const bytes = kind === "pdf" ? await htmlToPdf(html) : new TextEncoder().encode(html);
  await writeFileAtomic(out, bytes);
  const ready = synthesis.criteria.filter((c) => c.status === STATUS.ready).length;
  io.out(`Bilan écrit : ${out} (${ready} critère(s) sur 8 prêts pour le COPIL).`);
  return 0;
}
