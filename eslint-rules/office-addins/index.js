"use strict";
/*
 * The eight Office.js rules of eslint-plugin-office-addins 4.0.10 (OfficeDev/Office-Addin-Scripts, MIT,
 * LICENSE beside this file), copied unchanged from its compiled lib/rules and lib/utils. The published
 * package also requires prettier, eslint-plugin-react-native, office-addin-prettier-config and its own
 * typescript-eslint ~8.8 for a recommended config we never used: 162 packages for these rules, which
 * need only @typescript-eslint/utils (docs/decisions.md, « Installer partout »).
 */
const rules = require("./rules").default;

module.exports = { meta: { name: "office-addins (eslint-plugin-office-addins 4.0.10)", version: "4.0.10" }, rules };
