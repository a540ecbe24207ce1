/**
 * How many bytes a batch's request body will weigh once Office.js serializes it, estimated before anything is
 * queued on the real context: the same queuing code runs against a stand-in workbook that only counts.
 *
 * Office.js sends a batch as one JSON body: an « ObjectPaths » map (one entry per proxy object the batch reaches:
 * a navigation property, `getItem`, a method that returns an object) and an « Actions » list (an instantiation per
 * object path, one action per property write and per method call that returns nothing). The figures below are
 * the average sizes of those entries in the bodies Microsoft's library writes (excel-web-16.00.debug.js, measured
 * by scripts/office-request-size.js on « Générer »), names and arguments added as their JSON; the estimate is
 * checked against the real serializer in tests/workbook/office/office-client.test.ts.
 */

/** `"12":{"Id":12,"ObjectPathType":4,"Name":"","ParentObjectPathId":3},` without its name. */
const NAVIGATION_PATH = 74;
/** A method's object path (`getRange`, `getItem`, `add`), with its `ArgumentInfo`, without name and arguments. */
const METHOD_PATH = 106;
/** The instantiation of an object path: `{"Id":13,"ActionType":1,"Name":"","ObjectPathId":12,"L":[12]},`. */
const INSTANTIATE = 57;
/** A property write, without its name and value. */
const SET_PROPERTY = 95;
/** A call that returns nothing (`merge`, `protect`, `delete`), without its name and arguments. */
const METHOD_ACTION = 103;
/** An object passed as an argument (a range to a chart): a reference by id. */
const OBJECT_ARGUMENT = 24;

const encoder = new TextEncoder();

/** UTF-8 bytes of a value's JSON, objects of the meter counted as references. */
function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === "function" ? "#".repeat(OBJECT_ARGUMENT) : v));
  if (text === undefined) return 4;
  // Printable ASCII is one byte a character; anything else is measured.
  return /^[ -~]*$/.test(text) ? text.length : encoder.encode(text).length;
}

/**
 * A stand-in for `Excel.Workbook` (any object the queuing code reaches from it) that only counts: `bytes()` is
 * the estimated size of what was queued on it since the last `reset()`. Nothing can be read from it.
 */
export function meterWorkbook(): { workbook: Excel.Workbook; bytes: () => number; reset: () => void } {
  let bytes = 0;
  /** An object reached by `name` (a property, or a method's result); its path is counted when it is used. */
  const node = (name: string, method: { args: number; action: number } | undefined, root = false): unknown => {
    let used = root;
    const children = new Map<PropertyKey, unknown>();
    const materialize = () => {
      if (used) return;
      used = true;
      if (method)
        bytes += METHOD_PATH + method.args + (name === "getItem" ? 0 : name.length) + INSTANTIATE - method.action;
      else bytes += NAVIGATION_PATH + name.length + INSTANTIATE;
    };
    const self: unknown = new Proxy(function () {}, {
      get(_t, key) {
        if (key === "then") materialize();
        if (typeof key !== "string" || key === "then" || key === "toJSON") return undefined;
        materialize();
        if (!children.has(key)) {
          // A member read is a navigation property, or a method about to be called (see `apply`).
          const member = (...args: unknown[]) => {
            const argBytes = jsonBytes(args);
            const action = METHOD_ACTION + key.length + argBytes;
            bytes += action;
            const result = node(key, { args: argBytes, action });
            // `add…` and `get…` hand back an object: Office.js gives it a path even when nothing uses it.
            if (/^(add|get)/.test(key)) void (result as Record<string, unknown>).then;
            return result;
          };
          const nav = node(key, undefined);
          children.set(
            key,
            new Proxy(member, {
              get: (_m, k) => (nav as Record<PropertyKey, unknown>)[k],
              set: (_m, k, v) => Reflect.set(nav as object, k, v),
            }),
          );
        }
        return children.get(key);
      },
      set(_t, key, value) {
        materialize();
        bytes += SET_PROPERTY + String(key).length + jsonBytes([value]);
        return true;
      },
    });
    return self;
  };
  return {
    workbook: node("", undefined, true) as Excel.Workbook,
    bytes: () => bytes,
    reset: () => {
      bytes = 0;
    },
  };
}
