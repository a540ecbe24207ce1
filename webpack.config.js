const path = require("path");
const devCerts = require("office-addin-dev-certs");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

/** The one place the production address is set: manifest.xml's localhost URLs become this at build. */
const urlDev = "https://localhost:3000/";
const urlProd = process.env.LDM_PROD_URL || "https://fiches-ldm.ac-aix-marseille.fr/";

/** Pages allow scripts only from the add-in itself and Microsoft's Office.js CDN. */
const OFFICE_CDN = "https://appsforoffice.microsoft.com";
function csp(dev) {
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_CDN}${dev ? " 'unsafe-eval'" : ""}`,
    // Fluent UI (Griffel) inserts its CSS rules at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self'${dev ? " wss://localhost:3000" : ""}`,
    `frame-src 'self' ${OFFICE_CDN} https://*.officeapps.live.com https://*.sharepoint.com https://*.office.com`,
    "object-src 'none'",
    "base-uri 'self'",
  ].join("; ");
}

async function getHttpsOptions() {
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
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
    resolve: { extensions: [".ts", ".tsx", ".js"] },
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
    performance: { maxAssetSize: 3_000_000, maxEntrypointSize: 3_000_000 },
    plugins: [
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
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: {
        type: "https",
        options: env.WEBPACK_BUILD || options.https !== undefined ? options.https : await getHttpsOptions(),
      },
      port: process.env.npm_package_config_dev_server_port || 3000,
    },
  };
};
