const path = require("path");
const { gzipSync } = require("zlib");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

/**
 * The one place the production address is set: manifest.xml's localhost URLs become LDM_PROD_URL at a
 * production build. There is no default: a deployer who forgets it would ship a manifest pointing at a
 * host they may not control, so the production build stops with one French line instead.
 */
const urlDev = "https://localhost:3000/";
function productionUrl() {
  const raw = (process.env.LDM_PROD_URL || "").trim();
  if (!raw)
    throw new Error(
      "LDM_PROD_URL manquant : indiquez l'adresse HTTPS où le complément sera hébergé " +
        "(ex. LDM_PROD_URL=https://fiches-ldm.ac-exemple.fr/ npm run build) ; voir docs/deploiement.md.",
    );
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`LDM_PROD_URL : « ${raw} » n'est pas une adresse (ex. https://fiches-ldm.ac-exemple.fr/).`);
  }
  if (url.protocol !== "https:")
    throw new Error(`LDM_PROD_URL : « ${raw} » doit commencer par https:// (Office l'exige).`);
  // The manifest joins page names to this address: a missing final « / » would give « …frtaskpane.html ».
  return raw.replace(/\/*$/, "/");
}

/** Pages allow scripts only from the add-in itself and Microsoft's Office.js CDN. */
const OFFICE_CDN = "https://appsforoffice.microsoft.com";
function csp(dev) {
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_CDN}${dev ? " 'unsafe-eval'" : ""}`,
    // Fluent UI (Griffel) inserts its CSS rules at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    `frame-src 'self' ${OFFICE_CDN} https://*.officeapps.live.com https://*.sharepoint.com https://*.office.com`,
    "object-src 'none'",
    "base-uri 'self'",
  ].join("; ");
}

/**
 * What each page must load before its first button works, gzip -9: its entry, plus for the pane the chunks
 * it fetches at once — the engine (status, check, generate) and the first-run form (#27: ≤ 160 KB, aim 120).
 * Webpack's own `performance.maxEntrypointSize` counts raw bytes of the entry alone, not what a static host
 * sends; this plugin counts gzip and fails the production build above the budget, naming what it counted.
 * `LDM_BUDGET_KB` lowers every budget (to see it fail).
 */
const KB = 1024;
const BUDGETS = {
  taskpane: { kb: 160, aim: 120, with: ["engine", "generate-form"] },
  commands: { kb: 60 },
  dialog: { kb: 5 },
  preview: { kb: 200 },
};

class GzipBudgetPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("GzipBudget", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "GzipBudget", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const cap = process.env.LDM_BUDGET_KB ? Number(process.env.LDM_BUDGET_KB) * KB : Infinity;
          const gzip = (f) => gzipSync(compilation.getAsset(f).source.buffer(), { level: 9 }).length;
          for (const [name, entry] of compilation.entrypoints) {
            const rule = BUDGETS[name] ?? { kb: Infinity };
            const budget = Math.min(rule.kb * KB, cap);
            const parts = [[name, entry.getFiles()]];
            for (const chunk of rule.with ?? []) {
              const group = compilation.namedChunkGroups.get(chunk);
              if (!group) {
                compilation.errors.push(
                  new webpack.WebpackError(`Budget : le morceau « ${chunk} » attendu par « ${name} » n'existe plus.`),
                );
                continue;
              }
              parts.push([chunk, group.getFiles()]);
            }
            // A file shared by two parts is fetched once: counted once, with the first part that needs it.
            const seen = new Set();
            const sizes = parts.map(([part, files]) => {
              const own = files.filter((f) => f.endsWith(".js") && !seen.has(f));
              own.forEach((f) => seen.add(f));
              return [part, own.reduce((n, f) => n + gzip(f), 0)];
            });
            const size = sizes.reduce((n, [, b]) => n + b, 0);
            const detail = sizes.map(([part, b]) => `${part} ${(b / KB).toFixed(1)}`).join(" + ");
            if (rule.with)
              console.log(
                `Budget « ${name} » : ${detail} = ${(size / KB).toFixed(1)} Ko gzip (permis ${rule.kb}, visé ${rule.aim}).`,
              );
            if (size > budget)
              compilation.errors.push(
                new webpack.WebpackError(
                  `Budget dépassé : la page « ${name} » charge ${(size / KB).toFixed(1)} Ko gzip de JavaScript avant son premier bouton ` +
                    `(${detail}), pour ${(budget / KB).toFixed(0)} Ko permis. Chargez à la demande (import()) ce qui n'est pas le premier écran.`,
                ),
              );
          }
        },
      );
    });
  }
}

module.exports = async (_env, options) => {
  const dev = options.mode === "development";
  // Asked before anything is built: a production bundle without its address is not worth building.
  const urlProd = dev ? urlDev : productionUrl();
  const page = (chunk, filename, title, withOffice = true) =>
    new HtmlWebpackPlugin({
      filename,
      template: "./src/page.html",
      chunks: [chunk],
      title,
      csp: csp(dev),
      officeJs: withOffice ? `${OFFICE_CDN}/lib/1/hosted/office.js` : "",
      inject: "body",
    });
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      dialog: "./src/commands/dialog.ts",
      preview: "./src/preview/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      clean: true,
      filename: "[name].[contenthash:8].js",
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // The pages run on Preact's React-compatible core (decisions §51): the same components, hooks, Suspense
      // and portals, for ~4 % of react-dom's bytes. Types and tests still see React's API.
      alias: {
        "react/jsx-runtime": "preact/compat/jsx-runtime",
        "react/jsx-dev-runtime": "preact/compat/jsx-dev-runtime",
        "react-dom/client": "preact/compat/client",
        "react-dom/test-utils": "preact/test-utils",
        "react-dom$": "preact/compat",
        react$: "preact/compat",
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: "tsconfig.json", onlyCompileBundledFiles: true } },
        },
        { test: /\.(png|jpg|jpeg|gif|ico)$/, type: "asset/resource", generator: { filename: "assets/[name][ext]" } },
      ],
    },
    // Sizes are enforced in gzip by GzipBudgetPlugin; webpack's raw-byte hints would only repeat it louder.
    performance: { hints: false },
    plugins: [
      ...(dev ? [] : [new GzipBudgetPlugin()]),
      page("taskpane", "taskpane.html", "Fiches LDM"),
      page("commands", "commands.html", "Fiches LDM — commandes"),
      page("dialog", "dialog.html", "Fiches LDM — vérification", false),
      // The pane beside an in-memory workbook, to try the add-in without Office (no Office.js).
      page("preview", "preview.html", "Fiches LDM — aperçu sans Excel", false),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/aide.html", to: "aide.html" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : content.toString().split(urlDev).join(urlProd);
            },
          },
        ],
      }),
    ],
  };
};
