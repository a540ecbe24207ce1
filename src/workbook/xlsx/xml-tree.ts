/**
 * A minimal XML element tree for the parts the updater rewrites (workbook, worksheets, styles, rels,
 * content types). It keeps what it does not understand: attribute order and prefixes, namespace
 * declarations, unknown elements, processing instructions. DOCTYPE is refused (never expanded).
 */
import { escapeXmlAttr, escapeXmlText } from "../xml-text";
// One decoder of references for both readers: the event parser's (`&#0;` and unknown names kept as written).
import { decodeEntities, localName } from "./xml";

export { localName };

export interface XmlElement {
  name: string;
  attrs: [string, string][];
  children: XmlNode[];
}
export type XmlNode = XmlElement | { text: string } | { raw: string };

export class XmlTreeError extends Error {}

/** The one XML text path of every writer (../xml-text.ts): forbidden characters dropped, then escaped. */
export const escapeText = escapeXmlText;
export const escapeAttr = escapeXmlAttr;

/** Parses a document; returns the prolog (declaration, PIs) as raw text and the root element. */
export function parseXmlTree(xml: string): { prolog: string; root: XmlElement } {
  let i = 0;
  const n = xml.length;
  let prolog = "";
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const attrRe = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const t = xml.slice(i, textEnd);
      if (stack.length) stack[stack.length - 1].children.push({ text: decodeEntities(t) });
      else if (t.trim() !== "") throw new XmlTreeError("texte hors de l'élément racine");
      else if (!root) prolog += t;
    }
    if (lt < 0) break;
    if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt + 4);
      if (end < 0) throw new XmlTreeError("commentaire non fermé");
      if (stack.length) stack[stack.length - 1].children.push({ raw: xml.slice(lt, end + 3) });
      else if (!root) prolog += xml.slice(lt, end + 3);
      i = end + 3;
    } else if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt + 9);
      if (end < 0) throw new XmlTreeError("CDATA non fermé");
      if (stack.length) stack[stack.length - 1].children.push({ text: xml.slice(lt + 9, end) });
      i = end + 3;
    } else if (xml.startsWith("<!", lt)) {
      throw new XmlTreeError("DOCTYPE ou déclaration d'entité interdits");
    } else if (xml.startsWith("<?", lt)) {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) throw new XmlTreeError("instruction non fermée");
      if (stack.length) stack[stack.length - 1].children.push({ raw: xml.slice(lt, end + 2) });
      else if (!root) prolog += xml.slice(lt, end + 2);
      i = end + 2;
    } else if (xml[lt + 1] === "/") {
      const end = xml.indexOf(">", lt);
      if (end < 0) throw new XmlTreeError("balise fermante non terminée");
      const name = xml.slice(lt + 2, end).trim();
      const top = stack.pop();
      if (!top || top.name !== name) throw new XmlTreeError(`balise </${name}> inattendue`);
      i = end + 1;
    } else {
      // Find the end of the tag, skipping quoted attribute values.
      let j = lt + 1;
      let quote = "";
      for (; j < n; j++) {
        const ch = xml[j];
        if (quote) {
          if (ch === quote) quote = "";
        } else if (ch === '"' || ch === "'") quote = ch;
        else if (ch === ">") break;
      }
      if (j >= n) throw new XmlTreeError("balise non terminée");
      const selfClosing = xml[j - 1] === "/";
      const inner = xml.slice(lt + 1, selfClosing ? j - 1 : j);
      const m = /^[^\s/>]+/.exec(inner);
      if (!m) throw new XmlTreeError("nom d'élément manquant");
      const el: XmlElement = { name: m[0], attrs: [], children: [] };
      attrRe.lastIndex = m[0].length;
      const rest = inner.slice(m[0].length);
      attrRe.lastIndex = 0;
      let a: RegExpExecArray | null;
      while ((a = attrRe.exec(rest))) el.attrs.push([a[1], decodeEntities(a[3] ?? a[4] ?? "")]);
      if (stack.length) stack[stack.length - 1].children.push(el);
      else if (root) throw new XmlTreeError("plusieurs éléments racine");
      else root = el;
      if (!selfClosing) stack.push(el);
      i = j + 1;
    }
  }
  if (!root) throw new XmlTreeError("document vide");
  if (stack.length) throw new XmlTreeError(`élément <${stack[stack.length - 1].name}> non fermé`);
  return { prolog, root };
}

export function serializeXml(node: XmlNode): string {
  const out: string[] = [];
  const walk = (x: XmlNode) => {
    if ("text" in x) {
      out.push(escapeText(x.text));
      return;
    }
    if ("raw" in x) {
      out.push(x.raw);
      return;
    }
    out.push("<", x.name);
    for (const [k, v] of x.attrs) out.push(" ", k, '="', escapeAttr(v), '"');
    if (x.children.length === 0) {
      out.push("/>");
      return;
    }
    out.push(">");
    for (const c of x.children) walk(c);
    out.push("</", x.name, ">");
  };
  walk(node);
  return out.join("");
}

export function serializeDocument(prolog: string, root: XmlElement): string {
  const decl = prolog.trim() ? prolog.trim() + "\n" : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  return decl + serializeXml(root);
}

export function isElement(x: XmlNode): x is XmlElement {
  return "name" in x;
}

export function childElements(el: XmlElement, local?: string): XmlElement[] {
  return el.children.filter(
    (c): c is XmlElement => isElement(c) && (local === undefined || localName(c.name) === local),
  );
}

export function firstChild(el: XmlElement, local: string): XmlElement | undefined {
  return childElements(el, local)[0];
}

export function getAttr(el: XmlElement, name: string): string | undefined {
  const hit = el.attrs.find(([k]) => k === name);
  return hit?.[1];
}

export function setAttr(el: XmlElement, name: string, value: string | undefined): void {
  const i = el.attrs.findIndex(([k]) => k === name);
  if (value === undefined) {
    if (i >= 0) el.attrs.splice(i, 1);
  } else if (i >= 0) el.attrs[i][1] = value;
  else el.attrs.push([name, value]);
}

/** The text content of an element (all descendant text). */
export function textOf(el: XmlElement): string {
  let s = "";
  for (const c of el.children) {
    if ("text" in c) s += c.text;
    else if (isElement(c)) s += textOf(c);
  }
  return s;
}

/** The prefix the document uses for a namespace URI on its root (« » when default, undefined when absent). */
export function prefixFor(root: XmlElement, uri: string): string | undefined {
  for (const [k, v] of root.attrs) {
    if (v !== uri) continue;
    if (k === "xmlns") return "";
    if (k.startsWith("xmlns:")) return k.slice(6);
  }
  return undefined;
}

export function el(name: string, attrs: [string, string][] = [], children: XmlNode[] = []): XmlElement {
  return { name, attrs, children };
}
