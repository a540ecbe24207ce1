/*
 * The size of the request Office.js itself would send to Excel for ONE batch (one context.sync()), measured
 * without any Office host.
 *
 * How: the Excel JavaScript API client for Excel on the web, node_modules/@microsoft/office-js/dist/
 * excel-web-16.00.debug.js (the library office.js loads in Excel on the web), is run in a Node `vm` context
 * with a few inert browser globals (window, document, navigator, location). `requestSize(queue)` makes a real
 * `new Excel.RequestContext()`, lets `queue(ctx)` queue its calls, then calls the library's own `ctx.sync()`:
 * ClientRequestContext.syncPrivate → ClientRequest.buildRequestMessageBodyAndRequestFlags builds the batch
 * (Actions + ObjectPaths), the library's OfficeJsRequestExecutor (the executor used for the local document,
 * as in Excel on the web) serializes it with RichApiMessageUtility.buildMessageArrayForIRequestExecutor
 * (JSON.stringify of the body) and hands the message array to OSF.DDA.RichApi.executeRichApiRequestAsync.
 * That host entry point, which only exists once Office has initialized, is the one thing replaced here: it
 * records the message array and answers with a failure, so the sync rejects (expected, ignored).
 *
 * `bytes` is the UTF-8 length of the request body text (element 4 of that array, the « ProcessQuery » body).
 * Not counted: the host's own envelope around it (the postMessage/XDM wrapping in Excel on the web, which
 * carries the body as a JSON string, hence escapes it once more; the HTTP request Excel's server receives).
 * `messageBytes` (the whole message array as JSON) gives an idea of that wrapping, not its exact size.
 *
 *   const office = require("./office-request-size");
 *   const { bytes, body } = await office.requestSize((ctx) => { ctx.workbook.worksheets.load("items/name"); });
 *
 * The callback queues calls only: it must not call ctx.sync() itself.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");

const LIBRARY = path.join(
  path.dirname(require.resolve("@microsoft/office-js/package.json", { paths: [path.resolve(__dirname, "..")] })),
  "dist",
  "excel-web-16.00.debug.js",
);

const MEASURED_ONLY = "office-request-size answers every request with a failure (no ctx.sync() in the callback)";

let sandbox;
let recorded;
/** Set while a mirrored run syncs: told each message array, and the library is answered « succeeded ». */
let answering;

/** The library, loaded once per process in its own `vm` context. */
function library() {
  if (sandbox) return sandbox;
  const silent = { log() {}, info() {}, warn() {}, error() {}, debug() {}, trace() {} };
  const element = () => ({
    style: {},
    setAttribute() {},
    appendChild() {},
    addEventListener() {},
    getElementsByTagName: () => [],
  });
  const document = {
    readyState: "complete",
    cookie: "",
    URL: "https://localhost/",
    body: element(),
    head: element(),
    documentElement: element(),
    getElementById: () => null,
    getElementsByTagName: () => [],
    createElement: element,
    addEventListener() {},
  };
  const g = {
    console: silent,
    document,
    navigator: { userAgent: "node", platform: "node" },
    location: {
      href: "https://localhost/",
      search: "",
      hash: "",
      protocol: "https:",
      host: "localhost",
      hostname: "localhost",
    },
    setTimeout,
    clearTimeout,
    // Nothing the library might start on load may keep Node alive.
    setInterval: (...args) => {
      const t = setInterval(...args);
      if (t && typeof t.unref === "function") t.unref();
      return t;
    },
    clearInterval,
    addEventListener() {},
    removeEventListener() {},
  };
  g.window = g;
  g.self = g;
  g.top = g;
  g.parent = g;
  vm.createContext(g);
  vm.runInContext(fs.readFileSync(LIBRARY, "utf8"), g, { filename: LIBRARY });
  if (!g.Excel || typeof g.Excel.RequestContext !== "function" || !g.OSF || !g.OSF.DDA) {
    throw new Error(`office-request-size: ${LIBRARY} did not define Excel.RequestContext`);
  }
  // The host side of the request: the library's OfficeJsRequestExecutor calls this with the message array
  // [customData, method, path, headers, body, appPermission, flags, …]. Record it and answer « failed ».
  g.OSF.DDA.RichApi = g.OSF.DDA.RichApi || {};
  g.OSF.DDA.RichApi.executeRichApiRequestAsync = (messageArray, callback) => {
    if (answering) {
      // A mirrored run: the request is recorded, the answer is an empty success (the in-memory Excel answers).
      answering(messageArray);
      callback({ status: "succeeded", value: { data: [200, [], '{"Results":[]}'] } });
      return;
    }
    if (recorded) recorded.push(messageArray);
    callback({ status: "failed", error: { code: 5001, message: MEASURED_ONLY } });
  };
  sandbox = g;
  return g;
}

let queue = Promise.resolve();

/**
 * Queues `fill(ctx)` on a fresh Excel.RequestContext, runs the library's sync and returns the request body it
 * built and serialized: { bytes, body, messageBytes, flags }. Even an empty callback gives a request (the
 * library always instantiates the workbook): about 130 bytes.
 */
function requestSize(fill) {
  const run = queue.then(() => measure(fill));
  queue = run.catch(() => undefined);
  return run;
}

async function measure(fill) {
  const g = library();
  const ctx = new g.Excel.RequestContext();
  recorded = [];
  try {
    await fill(ctx);
  } catch (e) {
    recorded = undefined;
    throw e;
  }
  let failure;
  try {
    await ctx.sync();
  } catch (e) {
    failure = e;
  }
  const sent = recorded;
  recorded = undefined;
  if (sent.length === 0) {
    if (failure) throw failure;
    return { bytes: 0, body: "", messageBytes: 0, flags: 0 };
  }
  if (sent.length > 1) throw new Error("office-request-size: the callback must not call ctx.sync()");
  const message = sent[0];
  const body = message[4];
  if (typeof body !== "string") throw new Error("office-request-size: unexpected message array from the library");
  return {
    bytes: Buffer.byteLength(body, "utf8"),
    body,
    messageBytes: Buffer.byteLength(JSON.stringify(message), "utf8"),
    flags: message[6],
  };
}

/** What one serialized request holds: its size, its actions and object paths (counted from the body). */
function describe(body) {
  const parsed = JSON.parse(body);
  return {
    bytes: Buffer.byteLength(body, "utf8"),
    actions: (parsed.Actions || []).length,
    objectPaths: Object.keys(parsed.ObjectPaths || {}).length,
    body,
  };
}

const PAIR = Symbol("mirrorPair");

/**
 * A proxy that sends every call and property write to both an in-memory Excel object (`mem`) and the
 * matching object of Microsoft's library (`real()`, made on first use), and answers every read from the
 * in-memory one. Loaded values (arrays, plain objects) are the in-memory ones; an object the in-memory Excel
 * hands back from a method or a navigation property is mirrored in turn.
 */
function mirror(mem, real) {
  if (mem === null || typeof mem !== "object" || Array.isArray(mem)) return mem;
  let cached;
  const other = () => (cached === undefined ? (cached = real()) : cached);
  const proxy = new Proxy(mem, {
    get(target, key) {
      if (key === PAIR) return { mem, real: other };
      const value = Reflect.get(target, key);
      if (typeof value === "function") {
        return (...args) => {
          const realArgs = args.map((a) => (a && a[PAIR] ? a[PAIR].real() : a));
          const memArgs = args.map((a) => (a && a[PAIR] ? a[PAIR].mem : a));
          const r = other();
          const realResult = r[key](...realArgs);
          const memResult = value.apply(target, memArgs);
          return memResult === target ? proxy : mirror(memResult, () => realResult);
        };
      }
      if (value !== null && typeof value === "object" && !Array.isArray(value) && typeof key === "string")
        return mirror(value, () => other()[key]);
      return value;
    },
    set(target, key, value) {
      const v = value && value[PAIR] ? value[PAIR] : undefined;
      other()[key] = v ? v.real() : value;
      return Reflect.set(target, key, v ? v.mem : value);
    },
  });
  return proxy;
}

/**
 * A run of the in-memory Excel whose every batch is also queued on Microsoft's client library, and every sync
 * serialized by it: `mirrorRun(hostRun)` gives `{ run, syncs }`; `run` is an `Excel.run`-like runner to hand to
 * the service or the adapter; each `context.sync()` first has the library build and serialize its request
 * (recorded in `syncs`: bytes, actions, object paths, body), then runs the batch on the in-memory Excel, whose
 * answers the code reads. The library's own answer is an empty success: nothing loaded through it is ever read.
 */
function mirrorRun(hostRun) {
  const syncs = [];
  const run = (batch) =>
    hostRun((memContext) => {
      const g = library();
      const realContext = new g.Excel.RequestContext();
      const sync = async () => {
        const sent = [];
        const previous = queue;
        let release;
        queue = new Promise((resolve) => (release = resolve));
        await previous;
        answering = (message) => sent.push(message);
        try {
          await realContext.sync();
        } finally {
          answering = undefined;
          release();
        }
        // An empty batch is not sent by the library (nothing to do): it counts as a sync of 0 bytes.
        syncs.push(sent.length ? describe(sent[0][4]) : { bytes: 0, actions: 0, objectPaths: 0, body: "" });
        await memContext.sync();
      };
      const context = new Proxy(memContext, {
        get(target, key) {
          if (key === "sync") return sync;
          if (key === "workbook") return mirror(target.workbook, () => realContext.workbook);
          return Reflect.get(target, key);
        },
      });
      return batch(context);
    });
  return { run, syncs };
}

module.exports = { requestSize, mirrorRun, LIBRARY };
