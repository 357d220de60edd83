// Problems in a YAML buffer, each at a line of the document: YAML syntax errors from the `yaml`
// parser (nothing is applied while there are any), and the API server's errors from
// `kubectl apply` mapped back to the document and field they are about. Worked example:
//   Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be …
// → the document with kind Deployment and metadata.name web, the line of its `replicas:` key.
import { LineCounter, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';

export interface Problem {
  /** 1-based, like Monaco. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  severity: 'error' | 'warning';
}

interface ParsedDoc {
  doc: Document.Parsed;
  kind?: string;
  name?: string;
}

function parse(text: string): { docs: ParsedDoc[]; lc: LineCounter } {
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lc, prettyErrors: true });
  const list = Array.isArray(docs) ? docs : [];
  return {
    lc,
    docs: list.map((doc) => {
      const kind = doc.get('kind');
      const name = doc.getIn(['metadata', 'name']);
      return { doc, kind: typeof kind === 'string' ? kind : undefined, name: typeof name === 'string' ? name : undefined };
    }),
  };
}

/** YAML syntax errors (the parser's own messages, first line only). */
export function yamlProblems(text: string): Problem[] {
  const { docs, lc } = parse(text);
  const out: Problem[] = [];
  for (const { doc } of docs) {
    for (const e of doc.errors) {
      const start = lc.linePos(e.pos[0]);
      const end = lc.linePos(Math.max(e.pos[1], e.pos[0] + 1));
      out.push({ line: start.line, column: start.col, endLine: end.line, endColumn: Math.max(end.col, start.col + 1), message: e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''), severity: 'error' });
    }
  }
  return out;
}

/** How many documents with content the buffer holds. */
export function documentCount(text: string): number {
  return parse(text).docs.filter((d) => d.doc.contents !== null).length;
}

/** Identity (kind, namespace, name) of each document, for the diff against live objects. */
export function documentIdentities(text: string): { apiVersion?: string; kind?: string; namespace?: string; name?: string }[] {
  return parse(text)
    .docs.filter((d) => d.doc.contents !== null)
    .map(({ doc, kind, name }) => {
      const ns = doc.getIn(['metadata', 'namespace']);
      const av = doc.get('apiVersion');
      return { kind, name, namespace: typeof ns === 'string' ? ns : undefined, apiVersion: typeof av === 'string' ? av : undefined };
    });
}

/** The API server's and kubectl's errors (stderr of `kubectl apply -f -`) placed on lines. */
export function applyProblems(text: string, stderr: string): Problem[] {
  const { docs, lc } = parse(text);
  const out: Problem[] = [];
  const at = (node: { range?: [number, number, number] | null } | null | undefined, message: string) => {
    const r = node?.range;
    const start = lc.linePos(r ? r[0] : 0);
    const end = lc.linePos(r ? Math.max(r[1], r[0] + 1) : 1);
    out.push({ line: start.line, column: start.col, endLine: end.line, endColumn: end.line === start.line ? Math.max(end.col, start.col + 1) : 1000, message, severity: 'error' });
  };
  const find = (kind: string | undefined, name: string) => docs.find((d) => d.name === name && (kind === undefined || d.kind === kind));
  for (const raw of stderr.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    // error parsing STDIN: … yaml: line 3: mapping values are not allowed in this context
    const y = /yaml: line (\d+): (.*)$/.exec(line);
    if (y) {
      const n = Number(y[1]);
      out.push({ line: n, column: 1, endLine: n, endColumn: 1000, message: y[2], severity: 'error' });
      continue;
    }
    // Error from server (…): error when creating "STDIN": Kind.group "name" is invalid: [path: msg, path: msg]
    const inv = /(?:Error from server \((\w+)\): )?error when \w+ "[^"]*": (\w+)(?:\.[\w.]+)? "([^"]+)" is invalid: (.*)$/.exec(line);
    if (inv) {
      const d = find(inv[2], inv[3]);
      const causes = splitCauses(inv[4]);
      for (const c of causes) {
        const path = /^([A-Za-z0-9_.[\]-]+): /.exec(c)?.[1];
        at(d ? (path ? nodeAtPath(d.doc, path) : keyNode(d.doc, 'kind')) : null, `${inv[2]} "${inv[3]}" is invalid: ${c}`);
      }
      continue;
    }
    // Error from server (…): error when creating "STDIN": <message about a named object>
    const srv = /Error from server \((\w+)\): error when \w+ "[^"]*": (.*)$/.exec(line);
    if (srv) {
      const name = /"([^"]+)"/.exec(srv[2])?.[1];
      const d = name ? find(undefined, name) : undefined;
      at(d ? keyNode(d.doc, 'metadata') : null, srv[2]);
      continue;
    }
    // resource mapping not found for name: "x" namespace: "" from "STDIN": no matches for kind "Foo" in version "v1"
    const map = /resource mapping not found for name: "([^"]*)".*no matches for kind "([^"]+)" in version "([^"]+)"/.exec(line);
    if (map) {
      const d = find(map[2], map[1]);
      at(d ? keyNode(d.doc, 'kind') : null, `no matches for kind "${map[2]}" in version "${map[3]}"`);
      continue;
    }
    if (/^error: /.test(line)) at(null, line.replace(/^error: /, ''));
  }
  return out;
}

/** "[a: x, b: y]" → ["a: x", "b: y"] (commas inside {…} or quotes do not split). */
function splitCauses(s: string): string[] {
  const t = s.startsWith('[') && s.endsWith(']') ? s.slice(1, -1) : s;
  const out: string[] = [];
  let depth = 0;
  let quote = false;
  let cur = '';
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (ch === '"' && t[i - 1] !== '\\') quote = !quote;
    if (!quote && (ch === '{' || ch === '[')) depth++;
    if (!quote && (ch === '}' || ch === ']')) depth--;
    // A cause starts with "path: " after ", ": only then split.
    if (!quote && depth === 0 && ch === ',' && /^ [A-Za-z0-9_.[\]-]+: /.test(t.slice(i + 1))) {
      out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

function keyNode(doc: Document.Parsed, key: string): Node | null {
  const c = doc.contents;
  if (!isMap(c)) return c as Node | null;
  const pair = c.items.find((p) => isScalar(p.key) && p.key.value === key);
  return (pair?.key as Node | undefined) ?? (c as Node);
}

/** The key node of a field path like `spec.template.spec.containers[0].image`, or its deepest found ancestor. */
export function nodeAtPath(doc: Document.Parsed, path: string): Node | null {
  const segs: (string | number)[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return null;
    if (m[1]) segs.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) segs.push(Number(idx[1]));
  }
  let node: unknown = doc.contents;
  let best: Node | null = (doc.contents as Node | null) ?? null;
  for (const seg of segs) {
    if (typeof seg === 'number' && isSeq(node)) {
      node = node.items[seg];
      if (node) best = node as Node;
      else break;
    } else if (typeof seg === 'string' && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === seg);
      if (!pair) break;
      best = pair.key as Node;
      node = pair.value;
    } else break;
  }
  return best;
}
