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

/**
 * The Python script that drives LibreOffice through UNO: it opens the .docx, refreshes its indexes (the table of
 * contents gets its page numbers, twice: the first refresh may move pages), then exports the PDF. Written to a
 * temporary folder at each use (the command line ships no separate file).
 */
export const REFRESH_AND_EXPORT_PY = String.raw`import os, subprocess, sys, time
import uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p

def main():
    soffice, src, dst, profile = sys.argv[1:5]
    pipe = "ldmpdf%d" % os.getpid()
    office = subprocess.Popen([soffice, "--headless", "--invisible", "--nologo", "--norestore",
        "-env:UserInstallation=" + uno.systemPathToFileUrl(os.path.abspath(profile)),
        "--accept=pipe,name=%s;urp;" % pipe], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    desktop = None
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(240):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe); break
            except Exception:
                if office.poll() is not None: break
                time.sleep(0.25)
        if ctx is None: sys.exit(3)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0, (prop("Hidden", True),))
        indexes = doc.getDocumentIndexes()
        for _ in range(2):
            for i in range(indexes.getCount()):
                indexes.getByIndex(i).update()
        if dst.endswith(".json"):
            # The page of each heading's bookmark (_Toc…), as LibreOffice lays the document out.
            import json
            cursor = doc.getCurrentController().getViewCursor()
            marks = doc.getBookmarks()
            pages = {}
            for name in marks.getElementNames():
                if name.startswith("_Toc"):
                    cursor.gotoRange(marks.getByName(name).getAnchor(), False)
                    pages[name] = cursor.getPage()
            with open(dst, "w") as out:
                json.dump(pages, out)
        else:
            doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)), (prop("FilterName", "writer_pdf_Export"),))
        doc.close(True)
    finally:
        try:
            if desktop is not None: desktop.terminate()
        except Exception:
            pass
        try:
            office.wait(30)
        except Exception:
            office.kill()

main()
`;

/** Pythons that can `import uno`: LibreOffice's own (Windows, macOS), then the system's (Debian's python3-uno). */
export function unoPythons(
  soffice: string,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  const chosen = env.LDM_PYTHON ? [env.LDM_PYTHON] : [];
  const dir = path.dirname(soffice);
  if (platform === "win32") return [...chosen, path.win32.join(dir, "python.exe")];
  if (platform === "darwin") return [...chosen, path.join(dir, "..", "Resources", "python")];
  return [...chosen, "/usr/bin/python3", path.join(dir, "python")];
}

/**
 * LibreOffice through UNO: open, refresh the indexes, export `out` — the PDF, or (a `.json` name) the page of
 * each heading's bookmark. False when no Python with UNO did it.
 */
async function refreshedPdf(soffice: string, src: string, out: string, dir: string): Promise<boolean> {
  const script = path.join(dir, "refresh.py");
  writeFileSync(script, REFRESH_AND_EXPORT_PY);
  for (const python of unoPythons(soffice).filter((p) => existsSync(p))) {
    try {
      await run(python, [script, soffice, src, out, path.join(dir, "lo-uno")]);
      if (existsSync(out)) return true;
    } catch {
      // This Python has no UNO, or LibreOffice failed: the next one, or the plain conversion.
    }
  }
  return false;
}

/** A PDF of the dossier, and whether its table of contents was refreshed (its page numbers). */
export interface DossierPdf {
  readonly pdf: Uint8Array;
  readonly indexesRefreshed: boolean;
}

/**
 * Converts a .docx to PDF with LibreOffice (Writer), headless: the same document, for the committee and the
 * auditor. Its table of contents is refreshed first (page numbers) through UNO when a Python with UNO is there;
 * else the plain conversion prints the pre-filled contents, without page numbers.
 */
export async function docxToPdfRefreshed(docx: Uint8Array): Promise<DossierPdf> {
  const soffice = pdfTools().offices.find((p) => existsSync(p));
  if (soffice) {
    const dir = mkdtempSync(path.join(tmpdir(), "ldm-dossier-uno-"));
    try {
      const src = path.join(dir, "dossier.docx");
      const pdf = path.join(dir, "dossier.pdf");
      writeFileSync(src, docx);
      if (await refreshedPdf(soffice, src, pdf, dir))
        return { pdf: new Uint8Array(readFileSync(pdf)), indexesRefreshed: true };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { pdf: await docxToPdf(docx), indexesRefreshed: false };
}

/**
 * The page of each heading's `_Toc` bookmark as LibreOffice lays the .docx out (Carlito stands in for Calibri with
 * the same metrics), for the table of contents' cached page numbers: Word shows them without refreshing, and
 * without asking anything on opening. Undefined without LibreOffice and a Python with UNO.
 */
export async function headingPages(docx: Uint8Array): Promise<ReadonlyMap<string, number> | undefined> {
  const soffice = pdfTools().offices.find((p) => existsSync(p));
  if (!soffice) return undefined;
  const dir = mkdtempSync(path.join(tmpdir(), "ldm-dossier-pages-"));
  try {
    const src = path.join(dir, "dossier.docx");
    const json = path.join(dir, "pages.json");
    writeFileSync(src, docx);
    if (!(await refreshedPdf(soffice, src, json, dir))) return undefined;
    const pages = JSON.parse(readFileSync(json, "utf8")) as Record<string, number>;
    return new Map(Object.entries(pages).filter(([, p]) => Number.isInteger(p) && p > 0));
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Converts a .docx to PDF with LibreOffice (Writer), headless, as it is (fields not refreshed). */
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
