#!/usr/bin/env node
/*
 * `npm start`: where Excel is installed (Windows, macOS), sideload the add-in with Microsoft's
 * office-addin-debugging, fetched from the npm registry on demand (`npm exec`): it is not a dependency of the
 * project, because it brings a native module (keytar) that a plain `npm ci` would have to compile
 * (docs/decisions.md, « Installer partout »). `npm stop` (`--stop`) unloads it the same way.
 * Elsewhere, and for `npm run preview` (`--preview`) everywhere: serve the add-in and its preview (the
 * pane beside an in-memory workbook), and print the preview's address first.
 * Never asks for sudo: HTTPS only when the development certificate is already installed (`npm run certs`,
 * a step of its own); otherwise one French line, and plain HTTP on 127.0.0.1, which the preview needs (it
 * loads no Office.js).
 */
const { spawn } = require("child_process");
const path = require("path");
const { devCertificate } = require("./dev-certs");

const desktop = process.platform === "win32" || process.platform === "darwin";
const previewOnly = process.argv.includes("--preview");
const stop = process.argv.includes("--stop");
const port = Number(process.env.LDM_PORT || process.env.npm_package_config_dev_server_port || 3000);
/** The version whose behaviour we know; `npm exec` fetches it once into npm's cache. */
const DEBUGGING = "office-addin-debugging@6.1.2";

function run(cmd, args, env) {
  const child = spawn(cmd, args, {
    stdio: "inherit",
    env: { ...process.env, ...env },
    shell: cmd === "npm" && process.platform === "win32",
  });
  child.on("exit", (code) => process.exit(code ?? 0));
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
}

function sideload(verb) {
  console.log(
    `${verb === "start" ? "Chargement" : "Retrait"} du complément dans Excel (${DEBUGGING}, téléchargé depuis le registre npm au premier usage)…`,
  );
  run("npm", ["exec", "--yes", `--package=${DEBUGGING}`, "--", "office-addin-debugging", verb, "manifest.xml"]);
}

if (stop) {
  if (desktop) sideload("stop");
  else
    console.log(
      "Rien à arrêter ici : sans Excel de bureau, `npm start` sert le complément au premier plan (Ctrl+C l'arrête).",
    );
} else if (desktop && !previewOnly && !process.env.LDM_WEB_ONLY) {
  sideload("start");
} else {
  const https = !previewOnly && devCertificate() !== undefined;
  const base = https ? `https://localhost:${port}/` : `http://127.0.0.1:${port}/`;
  const lines = [`Aperçu sans Excel : ${base}preview.html`];
  if (previewOnly) {
    lines.push("Le volet Fiches LDM à côté d'un classeur en mémoire (aucun Excel, aucun certificat). Arrêt : Ctrl+C.");
  } else {
    if (!https)
      lines.push(
        "Certificat de développement non installé (npm run certs, avec les droits d'administration) : " +
          "servi en HTTP sur 127.0.0.1 ; l'aperçu fonctionne, Excel sur le web demande le certificat.",
      );
    lines.push(
      `Complément : ${base}taskpane.html. Pour l'essayer dans Excel sur le web (certificat installé) :`,
      "  1. Ouvrez un classeur sur Office.com (OneDrive ou SharePoint).",
      "  2. Accueil › Compléments › Plus de compléments › Mes compléments › Charger mon complément.",
      "  3. Choisissez manifest.xml (à la racine du projet). Le groupe « Lycée des métiers » apparaît dans Accueil.",
      "Arrêt : Ctrl+C.",
    );
  }
  console.log(lines.join("\n"));
  run(process.execPath, [path.join(__dirname, "webpack.js"), "serve", "--mode", "development"], {
    LDM_DEV_PROTOCOL: https ? "https" : "http",
  });
}
