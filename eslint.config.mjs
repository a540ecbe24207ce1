import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import prettier from "eslint-plugin-prettier";
import prettierOff from "eslint-config-prettier";
import globals from "globals";
// The Office.js rules of eslint-plugin-office-addins 4.0.10, carried in the repository without the 162
// packages its recommended config pulled in; and the jsx-key rule, without eslint-plugin-react's 117
// (docs/decisions.md, « Installer partout »).
import officeAddins from "./eslint-rules/office-addins/index.js";
import jsxKey from "./eslint-rules/jsx-key.js";
import domainCycles from "./eslint-rules/domain-cycles.js";

const tsPlugin = tseslint.plugin;
const tsParser = tseslint.parser;
const local = { rules: { "jsx-key": jsxKey, "domain-cycles": domainCycles } };

const tsFiles = ["**/*.{ts,tsx,mts,cts}"];

/** Outside the domain, a workbook's facts come from facts.ts, never from the check's own context. */
const checkContext = {
  group: ["**/domain/check/context"],
  message: "Les faits d'un classeur (années, feuilles, tableaux) : src/domain/facts.ts.",
};

export default [
  {
    ignores: [
      "dist/**",
      "dist-cli/**",
      ".bench-out/**",
      "node_modules/**",
      "coverage/**",
      "src/domain/establishments/data.ts",
      "eslint-rules/office-addins/**",
    ],
  },
  js.configs.recommended,
  prettierOff,
  {
    // What eslint-plugin-office-addins' « react » config set, minus React's own plugin: formatting by
    // Prettier (.prettierrc.json) and a few JavaScript rules.
    files: ["**/*.{js,mjs,cjs,ts,cts,mts}"],
    plugins: { prettier },
    rules: {
      "no-delete-var": "warn",
      "no-eval": "error",
      "no-inner-declarations": "warn",
      "no-octal": "warn",
      "prettier/prettier": ["error", { endOfLine: "auto" }],
    },
  },
  {
    files: tsFiles,
    plugins: { "office-addins": officeAddins, "@typescript-eslint": tsPlugin, "react-hooks": reactHooks, local },
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: {
        ...globals.browser,
        ...globals.node,
        Office: "readonly",
        Excel: "readonly",
        OfficeExtension: "readonly",
      },
    },
    rules: {
      "no-undef": "off",
      "no-unused-vars": "off",
      // The compiler refuses a redeclaration; the base rule would also refuse a function's overloads.
      "no-redeclare": "off",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "local/jsx-key": "error",
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    files: ["**/*.{js,cjs,mjs}"],
    languageOptions: { globals: { ...globals.node }, sourceType: "commonjs", ecmaVersion: 2022 },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module" },
  },
  // The layers (DESIGN: data flows one way). The domain decides and knows no host; the adapters translate and
  // show nothing; the pane's components talk to people through the service, never to Office.
  {
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "**/workbook/**",
                "**/documents/**",
                "**/excel-imitation/**",
                "**/taskpane/**",
                "**/commands/**",
                "**/cli/**",
                "**/app/**",
                "**/preview/**",
              ],
              message: "Le domaine ne dépend d'aucun adaptateur ni d'aucune surface.",
            },
            {
              group: [
                "fs",
                "path",
                "os",
                "child_process",
                "zlib",
                "node:*",
                "react",
                "react-dom",
                "@fluentui/*",
                "exceljs",
              ],
              message: "Le domaine est pur : ni Node, ni interface, ni bibliothèque de fichiers.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", "window", "document", "navigator", "Office", "Excel", "process"],
      // No cycle between the domain's folders (and root files): eslint-rules/domain-cycles.js (#26).
      "local/domain-cycles": "error",
    },
  },
  {
    files: ["src/app/**/*.ts", "src/cli/**/*.ts", "src/commands/**/*.ts", "src/taskpane/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            checkContext,
            {
              group: ["**/excel-imitation/**"],
              message: "L'imitation d'Excel en mémoire sert aux tests et à l'aperçu (src/preview), pas au produit.",
            },
          ],
        },
      ],
    },
  },
  {
    // The preview runs the pane beside the imitation of Excel: the one product file that may import it.
    files: ["src/preview/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [checkContext],
        },
      ],
    },
  },
  {
    files: ["src/workbook/**/*.ts", "src/documents/**/*.ts", "src/excel-imitation/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "**/taskpane/**",
                "**/commands/**",
                "**/cli/**",
                "**/preview/**",
                "react",
                "react-dom",
                "@fluentui/*",
              ],
              message: "Un adaptateur traduit ; il n'affiche rien et ne connaît pas les surfaces.",
            },
            checkContext,
          ],
        },
      ],
    },
  },
  {
    files: ["src/taskpane/components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/workbook/**", "**/documents/**", "**/excel-imitation/**"],
              message: "Un composant passe par le service (src/taskpane/services), jamais par un adaptateur.",
            },
            checkContext,
          ],
        },
      ],
      "no-restricted-globals": ["error", "Office", "Excel"],
    },
  },
  {
    // The pane reaches Excel only through the Office adapter and the use cases (#26, docs/decisions.md §50): it
    // hands a run's context to the adapter and never queues, loads or syncs an Excel object itself.
    files: ["src/taskpane/**/*.{ts,tsx}", "src/commands/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='sync']",
          message: "Le volet ne synchronise pas avec Excel : l'adaptateur Office le fait (src/workbook/office).",
        },
        {
          selector: "CallExpression[callee.property.name='load']",
          message: "Le volet ne charge pas d'objet Excel : passez par la session (src/workbook/office/session.ts).",
        },
        {
          selector: "MemberExpression[property.name='workbook']",
          message:
            "Le volet ne touche pas au classeur d'un contexte Excel : une opération de la session ou un cas d'usage (src/app).",
        },
        {
          selector: "MemberExpression[object.name='Excel']",
          message:
            "Le volet n'appelle pas l'API Excel : `officeRunner` (src/workbook/office/run.ts) est sa seule entrée.",
        },
      ],
    },
  },
  {
    files: ["tests/**"],
    rules: { "office-addins/load-object-before-read": "off", "office-addins/call-sync-before-read": "off" },
  },
];
