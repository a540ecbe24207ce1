"use strict";
/*
 * domain-cycles: no cycle between the parts of src/domain (a folder — check/, dossier/, blueprint/… — or a file
 * at its root — identify.ts, facts.ts…). Each part may import another only if that other never leads back to it
 * (issue #26: check↔dossier, check↔reconcile, identify↔blueprint). The graph is read from the files once per
 * lint run (a regular expression over `from "…"` and `import("…")`); the import that closes a cycle is reported,
 * with the way back.
 */
const fs = require("fs");
const path = require("path");

const graphs = new Map();

/** The part of src/domain a file belongs to: its first folder, or its own name without extension. */
function partOf(domainDir, file) {
  const rel = path.relative(domainDir, file);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return undefined;
  const first = rel.split(path.sep)[0];
  return first.replace(/\.(ts|tsx|js)$/, "");
}

function resolvePart(domainDir, fromFile, spec) {
  if (!spec.startsWith(".")) return undefined;
  return partOf(domainDir, path.resolve(path.dirname(fromFile), spec));
}

function walk(dir, out) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

/** part → parts it imports (type-only imports count: a cycle of types is still two parts that know each other). */
function graphOf(domainDir) {
  let g = graphs.get(domainDir);
  if (g) return g;
  g = new Map();
  for (const file of walk(domainDir, [])) {
    const from = partOf(domainDir, file);
    const text = fs.readFileSync(file, "utf8");
    const edges = g.get(from) ?? new Set();
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)"([^"]+)"/g)) {
      const to = resolvePart(domainDir, file, m[1]);
      if (to && to !== from) edges.add(to);
    }
    g.set(from, edges);
  }
  graphs.set(domainDir, g);
  return g;
}

/** A way from `start` to `goal` in the graph, as a list of parts, or undefined. */
function pathBetween(g, start, goal) {
  const prev = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length) {
    const n = queue.shift();
    if (n === goal) {
      const out = [];
      for (let x = goal; x !== undefined; x = prev.get(x)) out.unshift(x);
      return out;
    }
    for (const m of g.get(n) ?? []) {
      if (!prev.has(m)) {
        prev.set(m, n);
        queue.push(m);
      }
    }
  }
  return undefined;
}

module.exports = {
  meta: {
    type: "problem",
    docs: { description: "No import cycle between the folders (and root files) of src/domain." },
    schema: [],
    messages: {
      cycle: "Cycle entre les parties du domaine : {{way}} (DESIGN, couches ; #26).",
    },
  },
  create(context) {
    const file = context.filename ?? context.getFilename();
    const marker = `${path.sep}src${path.sep}domain${path.sep}`;
    const at = file.lastIndexOf(marker);
    if (at < 0) return {};
    const domainDir = file.slice(0, at + marker.length - 1);
    const from = partOf(domainDir, file);
    const check = (node) => {
      if (!node.source || typeof node.source.value !== "string") return;
      const to = resolvePart(domainDir, file, node.source.value);
      if (!to || to === from) return;
      const back = pathBetween(graphOf(domainDir), to, from);
      if (back) context.report({ node: node.source, messageId: "cycle", data: { way: [from, ...back].join(" → ") } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
