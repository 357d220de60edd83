// A small POSIX-shell word splitter for the terminal and scenario files (what bash does to a
// kubectl command line before kubectl/pkg/cmd sees os.Args): quotes, backslash escapes, no
// expansion. Heredocs are resolved by the caller into stdin.

export class TokenizeError extends Error {}

/**
 * Split a command line into words. 'single quotes' keep everything literally; "double quotes"
 * allow \" \\ \$ \` escapes; a backslash outside quotes escapes the next character and a
 * backslash-newline joins lines. A `#` at the start of a word begins a comment.
 */
export function tokenize(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
      i++;
      continue;
    }
    if (c === '#' && !inWord) break;
    inWord = true;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new TokenizeError('unexpected EOF while looking for matching `\'\'');
      cur += line.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (c === '"') {
      i++;
      let closed = false;
      while (i < line.length) {
        const d = line[i];
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === '\\' && i + 1 < line.length && '"\\$`\n'.includes(line[i + 1])) {
          if (line[i + 1] !== '\n') cur += line[i + 1];
          i += 2;
          continue;
        }
        cur += d;
        i++;
      }
      if (!closed) throw new TokenizeError('unexpected EOF while looking for matching `"\'');
      continue;
    }
    if (c === '\\') {
      if (i + 1 < line.length) {
        if (line[i + 1] !== '\n') cur += line[i + 1];
        else if (cur === '') inWord = false;
        i += 2;
      } else i++;
      continue;
    }
    cur += c;
    i++;
  }
  if (inWord) words.push(cur);
  return words;
}
