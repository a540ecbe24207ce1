/** The findings and their rules: src/domain/findings.ts (shared by the check, the reconciliation and the dossier, #26). */
export * from "../findings";
