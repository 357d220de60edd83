import { describe, expect, it } from 'vitest';
import { complete, commonPrefix, completionContext } from './completion';
import { HeredocCollector, parseHeredocStart } from './heredoc';
import { ShellInput } from './shellInput';
import { banner } from './render';

const ctx = completionContext({
  '/pods': { 'default/web-1': {}, 'default/web-2': {}, 'kube-system/coredns-x': {} },
  'apps/deployments': { 'default/web': {} },
  '/nodes': { 'kind-worker': {}, 'kind-worker2': {} },
});

describe('heredoc', () => {
  it.each([
    ['kubectl apply -f - <<EOF', { command: 'kubectl apply -f -', delimiter: 'EOF', stripTabs: false }],
    ["kubectl apply -f - <<'END'", { command: 'kubectl apply -f -', delimiter: 'END', stripTabs: false }],
    ['kubectl apply -f - <<-EOF', { command: 'kubectl apply -f -', delimiter: 'EOF', stripTabs: true }],
    ['kubectl get pods', undefined],
  ])('parses %s', (line, want) => expect(parseHeredocStart(line)).toEqual(want));

  it('collects lines up to the delimiter as stdin', () => {
    const h = new HeredocCollector(parseHeredocStart('kubectl apply -f - <<EOF')!);
    expect(h.push('kind: ConfigMap')).toBeUndefined();
    expect(h.push('  name: x')).toBeUndefined();
    expect(h.push('EOF')).toBe('kind: ConfigMap\n  name: x\n');
  });
});

describe('completion', () => {
  it.each([
    ['kub', ['kubectl']],
    ['kubectl ge', ['get']],
    ['kubectl get dep', ['deployments']],
    ['kubectl get pods w', ['web-1', 'web-2']],
    ['kubectl get pods -n kube-system c', ['coredns-x']],
    ['kubectl describe deploy/w', ['deploy/web']],
    ['kubectl cordon kind-worker', ['kind-worker', 'kind-worker2']],
    ['kubectl rollout st', ['status']],
    ['sim node f', ['fail']],
    ['sim node fail kind-worker2', ['kind-worker2']],
  ])('%s', (line, want) => expect(complete(line, ctx).candidates).toEqual(want));

  it('common prefix', () => expect(commonPrefix(['web-1', 'web-2'])).toBe('web-'));
});

describe('ShellInput', () => {
  const make = (history: string[] = []) => new ShellInput({ history: () => history, complete: (l) => complete(l, ctx), cols: () => 80 });

  it('submits a typed line on Enter', () => {
    const sh = make();
    expect(sh.feed('kubectl get pods\r').submits).toEqual([{ line: 'kubectl get pods' }]);
  });

  it('collects a pasted heredoc into one command with stdin', () => {
    const sh = make();
    const r = sh.feed('kubectl apply -f - <<EOF\rapiVersion: v1\rkind: Namespace\rmetadata:\r  name: x\rEOF\r');
    expect(r.submits).toEqual([{ line: 'kubectl apply -f -', stdin: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n' }]);
  });

  it('Ctrl-C drops the line and any heredoc', () => {
    const sh = make();
    sh.feed('kubectl apply -f - <<EOF\rkind: X\r');
    expect(sh.collectingHeredoc).toBe(true);
    sh.feed('\x03');
    expect(sh.collectingHeredoc).toBe(false);
    expect(sh.feed('kubectl get ns\r').submits).toEqual([{ line: 'kubectl get ns' }]);
  });

  it('↑/↓ walk the history and come back to the draft', () => {
    const sh = make(['one', 'two']);
    sh.feed('dra');
    sh.feed('\x1b[A');
    expect(sh.buffer).toBe('two');
    sh.feed('\x1b[A');
    expect(sh.buffer).toBe('one');
    sh.feed('\x1b[B\x1b[B');
    expect(sh.buffer).toBe('dra');
  });

  it('edits in the middle of the line and completes with Tab', () => {
    const sh = make();
    sh.feed('kubectl gt\x1b[D');
    sh.feed('e');
    expect(sh.buffer).toBe('kubectl get');
    sh.feed('\x05\x7f\x7f\x7fdesc\t');
    expect(sh.buffer).toBe('kubectl describe ');
  });

  it('`clear` clears the screen', () => {
    const r = make().feed('clear\r');
    expect(r.clear).toBe(true);
  });
});

describe('banner', () => {
  const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '').split('\r\n').filter(Boolean);
  it('is one line when the terminal is wide enough', () => {
    expect(plain(banner(120))).toEqual(['kubectl and sim commands · Tab completes · \u2191/\u2193 history · Ctrl-C cancels · clear']);
  });
  it('breaks between parts, never inside one, to fit a narrow terminal', () => {
    expect(plain(banner(44))).toEqual(['kubectl and sim commands · Tab completes ·', '\u2191/\u2193 history · Ctrl-C cancels · clear']);
    for (const cols of [30, 36, 40, 50, 60]) {
      const lines = plain(banner(cols));
      for (const l of lines) expect(l.length).toBeLessThanOrEqual(cols);
      expect(lines.join(' ').replace(/ · /g, '|').replace(/ ·/g, '')).toBe('kubectl and sim commands|Tab completes|\u2191/\u2193 history|Ctrl-C cancels|clear');
    }
  });
});
