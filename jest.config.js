/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.test.json", diagnostics: { warnOnly: false } }],
  },
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
  // The command line and the tests hand the establishments to the domain's registry up front.
  setupFiles: ["<rootDir>/src/domain/establishments/all.ts"],
  testTimeout: 60000,
  reporters: ["default", "<rootDir>/tests/helpers/summary-reporter.js"],
};
