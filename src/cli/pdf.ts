/** Making PDFs from a shell: where the tools live, and the two conversions (HTML by a browser, Word by LibreOffice). */
import { execFile } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { UserError } from "./files";

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
export async function htmlToPdf(html: string): Promise<Uint8Array> {
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
      await officeToPdf(soffice, src, dir);
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

/** LibreOffice headless, with a profile of its own in `dir` (two conversions at once do not clash): `src` → `dir`. */
function officeToPdf(soffice: string, src: string, dir: string): Promise<void> {
  return run(soffice, [
    "--headless",
    `-env:UserInstallation=file://${path.join(dir, "lo")}`,
    "--convert-to",
    "pdf",
    "--outdir",
    dir,
    src,
  ]);
}

/** Converts a .docx to PDF with LibreOffice (Writer), headless: the same document, for the committee and the auditor. */
export async function docxToPdf(docx: Uint8Array): Promise<Uint8Array> {
  const soffice = pdfTools().offices.find((p) => existsSync(p));
  const failed =
    "La conversion en PDF a échoué : utilisez --out dossier.docx et enregistrez-le en PDF depuis Word ou LibreOffice.";
  if (!soffice)
    throw new UserError(
      "PDF impossible ici : LibreOffice n'a pas été trouvé. Installez-le, ou utilisez --out dossier.docx et enregistrez-le en PDF depuis Word.",
    );
  const dir = mkdtempSync(path.join(tmpdir(), "ldm-dossier-"));
  try {
    const src = path.join(dir, "dossier.docx");
    writeFileSync(src, docx);
    await officeToPdf(soffice, src, dir);
    const pdf = path.join(dir, "dossier.pdf");
    if (!existsSync(pdf)) throw new UserError(failed);
    return new Uint8Array(readFileSync(pdf));
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(failed);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
