import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize';
import { FlagError, parseFlags, type FlagSpec } from './flags';
import { humanDuration, parseGoDuration } from './duration';

describe('tokenize', () => {
  it.each([
    ['kubectl get pods', ['kubectl', 'get', 'pods']],
    ['  get   pods  ', ['get', 'pods']],
    [`run x --image=busybox -- sh -c "echo hi; exit 1"`, ['run', 'x', '--image=busybox', '--', 'sh', '-c', 'echo hi; exit 1']],
    [`a 'b c' "d \\"e\\"" f\\ g`, ['a', 'b c', 'd "e"', 'f g']],
    [`get pods -l 'app in (a,b)'`, ['get', 'pods', '-l', 'app in (a,b)']],
    ['get pods # comment', ['get', 'pods']],
    [`x ''`, ['x', '']],
  ])('%s', (line, words) => {
    expect(tokenize(line)).toEqual(words);
  });
  it('rejects an unterminated quote', () => {
    expect(() => tokenize(`echo "abc`)).toThrow(/unexpected EOF/);
  });
});

const SPECS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'replicas', type: 'int', default: 1 },
  { name: 'watch', short: 'w', type: 'bool', default: true },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'timeout', type: 'duration', default: 0 },
];

describe('parseFlags (pflag)', () => {
  it('parses every flag form and keeps arguments in order', () => {
    const f = parseFlags(['pods', '-oyaml', '-nkube-system', 'x', '--replicas', '3', '-A', '-f', 'a.yaml', '--filename=b.yaml', '--watch=false', '--timeout=1m30s'], SPECS);
    expect(f.args).toEqual(['pods', 'x']);
    expect(f.str('output')).toBe('yaml');
    expect(f.str('namespace')).toBe('kube-system');
    expect(f.int('replicas')).toBe(3);
    expect(f.bool('all-namespaces')).toBe(true);
    expect(f.arr('filename')).toEqual(['a.yaml', 'b.yaml']);
    expect(f.bool('watch')).toBe(false);
    expect(f.ms('timeout')).toBe(90_000);
  });
  it('-o=yaml, -n ns and -- end flags', () => {
    const f = parseFlags(['-o=json', '-n', 'dev', '--', '-x', '--y'], SPECS);
    expect(f.str('output')).toBe('json');
    expect(f.str('namespace')).toBe('dev');
    expect(f.args).toEqual(['-x', '--y']);
  });
  it.each([
    [['--foo'], 'unknown flag: --foo'],
    [['-x'], "unknown shorthand flag: 'x' in -x"],
    [['-n'], "flag needs an argument: 'n' in -n"],
    [['--output'], 'flag needs an argument: --output'],
    [['--replicas=abc'], 'invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax'],
    [['--watch=maybe'], 'invalid argument "maybe" for "-w, --watch" flag: strconv.ParseBool: parsing "maybe": invalid syntax'],
    [['--timeout=soon'], 'invalid argument "soon" for "--timeout" flag: time: invalid duration "soon"'],
  ])('%j → %s', (tokens, message) => {
    expect(() => parseFlags(tokens, SPECS)).toThrow(FlagError);
    expect(() => parseFlags(tokens, SPECS)).toThrow(message);
  });
});

describe('humanDuration (apimachinery duration.HumanDuration)', () => {
  const s = 1000;
  const m = 60 * s;
  const h = 60 * m;
  const d = 24 * h;
  it.each([
    [-3 * s, '<invalid>'],
    [-1 * s, '0s'],
    [0, '0s'],
    [5 * s, '5s'],
    [119 * s, '119s'],
    [2 * m, '2m'],
    [2 * m + 4 * s, '2m4s'],
    [9 * m + 30 * s, '9m30s'],
    [10 * m + 30 * s, '10m'],
    [179 * m, '179m'],
    [3 * h + 2 * m, '3h2m'],
    [5 * h, '5h'],
    [8 * h + 59 * m, '8h'],
    [24 * h, '24h'],
    [47 * h, '47h'],
    [2 * d + h, '2d1h'],
    [3 * d, '3d'],
    [8 * d, '8d'],
    [729 * d, '729d'],
    [3 * 365 * d + 45 * d, '3y45d'],
    [10 * 365 * d, '10y'],
  ])('%d ms → %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('parseGoDuration', () => {
  it.each([
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['500ms', 500],
    ['1.5s', 1500],
    ['0', 0],
    ['abc', undefined],
    ['5', undefined],
  ])('%s', (text, ms) => {
    expect(parseGoDuration(text)).toBe(ms);
  });
});
