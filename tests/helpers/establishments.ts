/** The establishments the tests hand in, as the command line does: built once from the shipped rows. */
export { ESTABLISHMENTS } from "../../src/domain/establishments/all";
