// A small Markdown subset for lesson bodies, parsed to plain data (the UI renders it; tests read
// it). Blocks: `#`…`###` headings (a step's heading ends in `{#step-id}`), paragraphs, `-` and
// `1.` lists, `>` notes, fenced code, and ```run blocks (each line a command, one ▶ button).
// Inline: `code`, **bold**, *italic*, [links](url) and action links:
//   [text](run:kubectl get pods)              run the command in the terminal
//   [text](editor:manifests/pod.yaml)         open the lesson's manifest in the editor
//   [text](apply:manifests/pod.yaml)          apply the lesson's manifest
//   [text](spotlight:deployment/default/web)  select that object on the graph
//   (a pod may be named by a label selector: spotlight:pod/default/app=web picks one match)

export type Action =
  | { kind: 'run'; command: string }
  | { kind: 'editor'; path: string }
  | { kind: 'apply'; path: string }
  | { kind: 'spotlight'; target: string };

export type Inline =
  | { t: 'text'; v: string }
  | { t: 'code'; v: string }
  | { t: 'strong'; c: Inline[] }
  | { t: 'em'; c: Inline[] }
  | { t: 'link'; href: string; c: Inline[]; action?: Action };

export type Block =
  | { t: 'heading'; level: number; c: Inline[]; id?: string }
  | { t: 'para'; c: Inline[] }
  | { t: 'list'; ordered: boolean; items: Inline[][] }
  | { t: 'quote'; c: Inline[] }
  | { t: 'code'; lang: string; v: string }
  | { t: 'run'; lines: string[] };

export function parseAction(href: string): Action | undefined {
  const m = href.match(/^(run|editor|apply|spotlight):(.*)$/s);
  if (!m) return undefined;
  const v = m[2].trim();
  if (m[1] === 'run') return { kind: 'run', command: v };
  if (m[1] === 'editor') return { kind: 'editor', path: v };
  if (m[1] === 'apply') return { kind: 'apply', path: v };
  return { kind: 'spotlight', target: v };
}

export function parseMarkdown(src: string): Block[] {
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const fence = line.match(/^```\s*([\w-]*)\s*$/);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !/^```\s*$/.test(lines[i])) body.push(lines[i++]);
      i++;
      if (fence[1] === 'run') blocks.push({ t: 'run', lines: body.map((l) => l.trim()).filter(Boolean) });
      else blocks.push({ t: 'code', lang: fence[1], v: body.join('\n') });
      continue;
    }
    const h = line.match(/^(#{1,3})\s+(.*?)(?:\s+\{#([\w-]+)\})?\s*$/);
    if (h) {
      blocks.push({ t: 'heading', level: h[1].length, c: parseInline(h[2]), ...(h[3] ? { id: h[3] } : {}) });
      i++;
      continue;
    }
    if (/^\s*$/.test(line)) {
      i++;
      continue;
    }
    const item = /^\s*(?:([-*])|(\d+)\.)\s+/;
    if (item.test(line)) {
      const ordered = !!line.match(item)![2];
      const items: string[] = [];
      while (i < lines.length && (item.test(lines[i]) || (/^\s{2,}\S/.test(lines[i]) && items.length))) {
        if (item.test(lines[i])) items.push(lines[i].replace(item, ''));
        else items[items.length - 1] += ' ' + lines[i].trim();
        i++;
      }
      blocks.push({ t: 'list', ordered, items: items.map(parseInline) });
      continue;
    }
    if (line.startsWith('>')) {
      const text: string[] = [];
      while (i < lines.length && lines[i].startsWith('>')) text.push(lines[i++].replace(/^>\s?/, ''));
      blocks.push({ t: 'quote', c: parseInline(text.join(' ')) });
      continue;
    }
    const text: string[] = [];
    while (i < lines.length && !/^\s*$/.test(lines[i]) && !/^(#{1,3}\s|```|>)/.test(lines[i]) && !item.test(lines[i])) text.push(lines[i++].trim());
    blocks.push({ t: 'para', c: parseInline(text.join(' ')) });
  }
  return blocks;
}

export function parseInline(s: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ t: 'text', v: text });
    text = '';
  };
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '`') {
      const end = s.indexOf('`', i + 1);
      if (end > i) {
        flush();
        out.push({ t: 'code', v: s.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (ch === '*' && s[i + 1] === '*') {
      const end = s.indexOf('**', i + 2);
      if (end > i + 1) {
        flush();
        out.push({ t: 'strong', c: parseInline(s.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    if ((ch === '*' || ch === '_') && s[i + 1] !== ' ' && (ch === '*' || i === 0 || /\W/.test(s[i - 1]))) {
      const end = s.indexOf(ch, i + 1);
      if (end > i + 1) {
        flush();
        out.push({ t: 'em', c: parseInline(s.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    if (ch === '[') {
      const close = matching(s, i, '[', ']');
      if (close > 0 && s[close + 1] === '(') {
        const end = matching(s, close + 1, '(', ')');
        if (end > 0) {
          flush();
          const href = s.slice(close + 2, end);
          const action = parseAction(href);
          out.push({ t: 'link', href, c: parseInline(s.slice(i + 1, close)), ...(action ? { action } : {}) });
          i = end + 1;
          continue;
        }
      }
    }
    text += ch;
    i++;
  }
  flush();
  return out;
}

/** Index of the bracket closing the one at `start`, allowing nesting (commands contain parentheses). */
function matching(s: string, start: number, open: string, close: string): number {
  let depth = 0;
  for (let i = start; i < s.length; i++) {
    if (s[i] === '`') {
      const end = s.indexOf('`', i + 1);
      if (end > i) i = end;
      continue;
    }
    if (s[i] === open) depth++;
    else if (s[i] === close && --depth === 0) return i;
  }
  return -1;
}

/** Plain text of inline content (for titles, labels, tests). */
export function plainText(c: readonly Inline[]): string {
  return c.map((x) => (x.t === 'text' || x.t === 'code' ? x.v : plainText(x.c))).join('');
}

export interface LessonText {
  /** The `#` title. */
  title: string;
  /** Everything before the first step heading (goals, the why). */
  intro: Block[];
  /** Step id → the blocks under its heading (heading excluded). */
  steps: Record<string, Block[]>;
  /** Blocks after the last step under a heading without a step id (e.g. "What you learned"). */
  outro: Block[];
}

/** Split a body into intro, step sections (headings with `{#id}`) and outro. */
export function splitBody(src: string): LessonText {
  const blocks = parseMarkdown(src);
  const text: LessonText = { title: '', intro: [], steps: {}, outro: [] };
  let target: Block[] = text.intro;
  for (const b of blocks) {
    if (b.t === 'heading' && b.level === 1 && !text.title) {
      text.title = plainText(b.c);
      continue;
    }
    if (b.t === 'heading' && b.level === 2) {
      if (b.id) {
        target = text.steps[b.id] = [];
        continue;
      }
      if (Object.keys(text.steps).length > 0) target = text.outro;
    }
    target.push(b);
  }
  return text;
}
