#!/usr/bin/env node
/*
 * `npm start`: where Excel is installed (Windows, macOS), sideload the add-in with
 * office-addin-debugging; elsewhere serve it over HTTPS and explain how to sideload it in Excel on the web.
 */
const { spawn } = require("child_process");

const desktop = process.platform === "win32" || process.platform === "darwin";

function run(cmd, args) {
  const child = spawn(process.execPath, [cmd, ...args], { stdio: "inherit" });
  child.on("exit", (code) => process.exit(code ?? 0));
}

if (desktop && !process.env.LDM_WEB_ONLY) {
  run(require.resolve("office-addin-debugging/cli.js"), ["start", "manifest.xml"]);
} else {
  console.log(
    [
      "Excel de bureau absent : le complément est servi sur https://localhost:3000/.",
      "Pour l'essayer dans Excel sur le web :",
      "  1. Ouvrez un classeur sur Office.com (OneDrive ou SharePoint).",
      "  2. Accueil › Compléments › Plus de compléments › Mes compléments › Charger mon complément.",
      "  3. Choisissez manifest.xml (à la racine du projet). Le groupe « Lycée des métiers » apparaît dans Accueil.",
      "Le certificat de développement est créé au premier lancement (office-addin-dev-certs).",
      "Arrêt : Ctrl+C.",
    ].join("\n"),
  );
  run(require.resolve("webpack-cli/bin/cli.js"), ["serve", "--mode", "development"]);
}
