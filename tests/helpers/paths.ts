import * as path from "path";

export const REPO = path.resolve(__dirname, "../..");
/** ../shared beside the clone: seeds, data, schemas. */
export const SHARED = path.resolve(REPO, "../shared");
export const REAL_WORLD_XLSX = path.join(SHARED, "data/real-world-xlsx");
