/**
 * The establishments chunk (the 2,090 schools, ≈ 50 KB gzip), fetched once, the first time something
 * needs it: the school search of the first-run form, or a use case that builds the whole blueprint
 * (generate, check, update, report). The pane's first screen never waits for it.
 */
export type EstablishmentsModule = typeof import("../../domain/establishments/all");

let loading: Promise<EstablishmentsModule> | undefined;

export function loadEstablishments(): Promise<EstablishmentsModule> {
  loading ??= import(/* webpackChunkName: "establishments" */ "../../domain/establishments/all").catch((e) => {
    loading = undefined;
    throw e;
  });
  return loading;
}
