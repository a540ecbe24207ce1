import * as path from "path";

export const REPO = path.resolve(__dirname, "../..");
/** Workbooks made by Excel, LibreOffice, Google Sheets (tests/fixtures/real-world-xlsx/README.md). */
export const REAL_WORLD_XLSX = path.join(REPO, "tests/fixtures/real-world-xlsx");
/** The add-in manifest's XSD (schemas/office-addin-manifest/README.md). */
export const MANIFEST_XSD = path.join(REPO, "schemas/office-addin-manifest/OfficeAppManifestV1_1.xsd");
