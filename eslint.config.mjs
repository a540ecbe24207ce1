import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

// Reuse the TypeScript plugin and parser instances the Office config brings (a second copy cannot be registered).
const officeTs = officeAddins.configs.recommended.find((c) => c.plugins && c.plugins["@typescript-eslint"]);
const tsPlugin = officeTs.plugins["@typescript-eslint"];
// Its parser import resolves to undefined under ESLint 9 (ESM interop), so take typescript-eslint's.
const tsParser = tseslint.parser;

const tsFiles = ["**/*.{ts,tsx,mts,cts}"];

export default [
  {
    ignores: [
      "dist/**",
      "dist-cli/**",
      ".bench-out/**",
      "node_modules/**",
      "coverage/**",
      "src/domain/establishments/data.ts",
    ],
  },
  ...officeAddins.configs.react,
  {
    files: tsFiles,
    plugins: { "office-addins": officeAddins, "@typescript-eslint": tsPlugin, "react-hooks": reactHooks },
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
      "react/react-in-jsx-scope": "off",
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
  {
    files: ["tests/**"],
    rules: { "office-addins/load-object-before-read": "off", "office-addins/call-sync-before-read": "off" },
  },
];
