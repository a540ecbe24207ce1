/** The establishments with their data: the 2,090 rows of data.ts, as the value everything that needs them is handed. */
import { ESTABLISHMENT_ROWS } from "./data";
import { establishmentsOf, type Establishments } from "./index";

export const ESTABLISHMENTS: Establishments = establishmentsOf(ESTABLISHMENT_ROWS);

export * from "./index";
