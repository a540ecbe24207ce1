"use strict";
/*
 * jsx-key, the one rule of eslint-plugin-react's recommended set that TypeScript does not already enforce
 * for this code base: an element built inside `.map(...)` (or Array.from's mapper) needs a `key`, or React
 * re-renders the list wrongly and warns at run time. eslint-plugin-react brought 117 packages for it
 * (docs/decisions.md, « Installer partout »).
 */
function hasKey(element) {
  return element.openingElement.attributes.some(
    (a) => a.type === "JSXSpreadAttribute" || (a.type === "JSXAttribute" && a.name && a.name.name === "key"),
  );
}

/** The JSX an arrow or function returns: its expression body, or each `return` of its block. */
function returnedJsx(fn) {
  if (fn.body.type !== "BlockStatement") return [fn.body];
  const out = [];
  const visit = (node) => {
    if (!node || typeof node.type !== "string") return;
    if (node.type === "ReturnStatement") return void out.push(node.argument);
    if (/Function/.test(node.type)) return;
    for (const [k, v] of Object.entries(node)) {
      if (k === "parent") continue;
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v.type === "string") visit(v);
    }
  };
  fn.body.body.forEach(visit);
  return out;
}

function unwrap(node) {
  if (!node) return [];
  if (node.type === "ConditionalExpression") return [...unwrap(node.consequent), ...unwrap(node.alternate)];
  if (node.type === "LogicalExpression") return unwrap(node.right);
  return node.type === "JSXElement" ? [node] : [];
}

module.exports = {
  meta: {
    type: "problem",
    docs: { description: "Missing `key` on an element built by .map()" },
    messages: { missingKey: "Un élément construit dans .map() doit avoir une prop `key`." },
    schema: [],
  },
  create(context) {
    return {
      CallExpression(node) {
        const callee = node.callee;
        const isMap = callee.type === "MemberExpression" && callee.property.name === "map";
        const isFrom =
          callee.type === "MemberExpression" && callee.object.name === "Array" && callee.property.name === "from";
        const fn = isMap ? node.arguments[0] : isFrom ? node.arguments[1] : undefined;
        if (!fn || !/FunctionExpression$/.test(fn.type)) return;
        for (const ret of returnedJsx(fn))
          for (const el of unwrap(ret)) if (!hasKey(el)) context.report({ node: el, messageId: "missingKey" });
      },
    };
  },
};
