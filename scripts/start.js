#!/usr/bin/env node
/*
 * `npm start`: where Excel is installed (Windows, macOS), sideload the add-in with office-addin-debugging.
 * Elsewhere, and for `npm run preview` (`--preview`) everywhere: serve the add-in and its preview (the
 * pane beside an in-memory workbook), and print the preview's address first.
 * Never asks for sudo: HTTPS only when the development certificate is already trusted (installing it is
 * `npx office-addin-dev-certs install`, a step of its own); otherwise one French line, and plain HTTP on
 * 127.0.0.1, which the preview needs (it loads no Office.js).
 */
const { spawn } = require("child_process");

const desktop = process.platform === "win32" || process.platform === "darwin";
const previewOnly = process.argv.includes("--preview");
const port = Number(process.env.LDM_PORT || process.env.npm_package_config_dev_server_port || 3000);

function run(cmd, args, env) {
  const child = spawn(process.execPath, [cmd, ...args], { stdio: "inherit", env: { ...process.env, ...env } });
  child.on("exit", (code) => process.exit(code ?? 0));
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
}

/** Whether the dev certificate is installed and valid, asked without installing anything. */
function trustedCertificate() {
  try {
    const certs = require("office-addin-dev-certs");
    return certs.isCaCertificateInstalled() && certs.verifyCertificates();
  } catch {
    return false;
  }
}

if (desktop && !previewOnly && !process.env.LDM_WEB_ONLY) {
  run(require.resolve("office-addin-debugging/cli.js"), ["start", "manifest.xml"]);
} else {
  const https = !previewOnly && trustedCertificate();
  const base = https ? `https://localhost:${port}/` : `http://127.0.0.1:${port}/`;
  const lines = [`Aperçu sans Excel : ${base}preview.html`];
  if (previewOnly) {
    lines.push("Le volet Fiches LDM à côté d'un classeur en mémoire (aucun Excel, aucun certificat). Arrêt : Ctrl+C.");
  } else {
    if (!https)
      lines.push(
        "Certificat de développement non installé (npx office-addin-dev-certs install, avec les droits d'administration) : " +
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
  run(require.resolve("webpack-cli/bin/cli.js"), ["serve", "--mode", "development"], {
    LDM_DEV_PROTOCOL: https ? "https" : "http",
  });
}
