// kubectl create poddisruptionbudget against what a real kubectl v1.32.5 printed for the same
// command line (`kubectl <line>` with no cluster: client-side dry runs, client-side validation,
// and metav1.ParseToLabelSelector's messages). The recorded outputs are the real binary's
// stdout, stderr and exit code, byte for byte.
import { describe, expect, it } from 'vitest';
import { fakeCluster } from '../testing/fake';

interface Golden {
  line: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Recorded from kubectl v1.32.5. */
const REAL: Golden[] = [
  {
    line: `create poddisruptionbudget my-pdb --selector=app=rails --min-available=1 --dry-run=client -o yaml`,
    stdout: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  creationTimestamp: null
  name: my-pdb
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app: rails
status:
  currentHealthy: 0
  desiredHealthy: 0
  disruptionsAllowed: 0
  expectedPods: 0
`,
    stderr: ``,
    exitCode: 0,
  },
  {
    line: `create pdb my-pdb --selector=app=nginx --min-available=50% --dry-run=client -o yaml`,
    stdout: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  creationTimestamp: null
  name: my-pdb
spec:
  minAvailable: 50%
  selector:
    matchLabels:
      app: nginx
status:
  currentHealthy: 0
  desiredHealthy: 0
  disruptionsAllowed: 0
  expectedPods: 0
`,
    stderr: ``,
    exitCode: 0,
  },
  {
    line: `create pdb web --selector=app=web --max-unavailable=25% --dry-run=client -o yaml`,
    stdout: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  creationTimestamp: null
  name: web
spec:
  maxUnavailable: 25%
  selector:
    matchLabels:
      app: web
status:
  currentHealthy: 0
  desiredHealthy: 0
  disruptionsAllowed: 0
  expectedPods: 0
`,
    stderr: ``,
    exitCode: 0,
  },
  {
    line: `create pdb zero --selector=app=web --max-unavailable=0 --dry-run=client -o yaml`,
    stdout: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  creationTimestamp: null
  name: zero
spec:
  maxUnavailable: 0
  selector:
    matchLabels:
      app: web
status:
  currentHealthy: 0
  desiredHealthy: 0
  disruptionsAllowed: 0
  expectedPods: 0
`,
    stderr: ``,
    exitCode: 0,
  },
  {
    line: `create pdb big --selector=app=web --min-available=2147483648 --dry-run=client -o yaml`,
    stdout: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  creationTimestamp: null
  name: big
spec:
  minAvailable: "2147483648"
  selector:
    matchLabels:
      app: web
status:
  currentHealthy: 0
  desiredHealthy: 0
  disruptionsAllowed: 0
  expectedPods: 0
`,
    stderr: ``,
    exitCode: 0,
  },
  {
    line: `create pdb lead --selector=app=web --min-available=007 --dry-run=client -o yaml`,
    stdout: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  creationTimestamp: null
  name: lead
spec:
  minAvailable: 7
  selector:
    matchLabels:
      app: web
status:
  currentHealthy: 0
  desiredHealthy: 0
  disruptionsAllowed: 0
  expectedPods: 0
`,
    stderr: ``,
    exitCode: 0,
  },
  {
    line: `create pdb expr --selector='app=nginx,tier in (b,a),!canary,track' --min-available=1 --dry-run=client -o yaml`,
    stdout: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  creationTimestamp: null
  name: expr
spec:
  minAvailable: 1
  selector:
    matchExpressions:
    - key: canary
      operator: DoesNotExist
    - key: tier
      operator: In
      values:
      - a
      - b
    - key: track
      operator: Exists
    matchLabels:
      app: nginx
status:
  currentHealthy: 0
  desiredHealthy: 0
  disruptionsAllowed: 0
  expectedPods: 0
`,
    stderr: ``,
    exitCode: 0,
  },
  {
    line: `create pdb sorted --selector='z in (b,a),a notin (c),app==web,app=web2' --min-available=1 --dry-run=client -o yaml`,
    stdout: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  creationTimestamp: null
  name: sorted
spec:
  minAvailable: 1
  selector:
    matchExpressions:
    - key: a
      operator: NotIn
      values:
      - c
    - key: z
      operator: In
      values:
      - a
      - b
    matchLabels:
      app: web2
status:
  currentHealthy: 0
  desiredHealthy: 0
  disruptionsAllowed: 0
  expectedPods: 0
`,
    stderr: ``,
    exitCode: 0,
  },
  {
    line: `create pdb empties --selector='a in (),b in (x,,y),c=' --min-available=1 --dry-run=client -o yaml`,
    stdout: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  creationTimestamp: null
  name: empties
spec:
  minAvailable: 1
  selector:
    matchExpressions:
    - key: a
      operator: In
      values:
      - ""
    - key: b
      operator: In
      values:
      - ""
      - x
      - "y"
    matchLabels:
      c: ""
status:
  currentHealthy: 0
  desiredHealthy: 0
  disruptionsAllowed: 0
  expectedPods: 0
`,
    stderr: ``,
    exitCode: 0,
  },
  {
    line: `create pdb ns --selector=app=web --min-available=1 -n shop --dry-run=client -o yaml`,
    stdout: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  creationTimestamp: null
  name: ns
  namespace: shop
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app: web
status:
  currentHealthy: 0
  desiredHealthy: 0
  disruptionsAllowed: 0
  expectedPods: 0
`,
    stderr: ``,
    exitCode: 0,
  },
  {
    line: `create pdb named --selector=app=web --min-available=1 --dry-run=client -o name`,
    stdout: `poddisruptionbudget.policy/named
`,
    stderr: ``,
    exitCode: 0,
  },
  {
    line: `create pdb plain --selector=app=web --min-available=1 --dry-run=client`,
    stdout: `poddisruptionbudget.policy/plain created (dry run)
`,
    stderr: ``,
    exitCode: 0,
  },
  {
    line: `create pdb --selector=app=x --max-unavailable=1 --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: exactly one NAME is required, got 0
See 'kubectl create poddisruptionbudget -h' for help and examples
`,
    exitCode: 1,
  },
  {
    line: `create pdb a b --selector=app=x --max-unavailable=1 --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: exactly one NAME is required, got 2
See 'kubectl create poddisruptionbudget -h' for help and examples
`,
    exitCode: 1,
  },
  {
    line: `create pdb my-pdb --min-available=1 --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: a selector must be specified
`,
    exitCode: 1,
  },
  {
    line: `create pdb my-pdb --selector=app=x --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: one of min-available or max-unavailable must be specified
`,
    exitCode: 1,
  },
  {
    line: `create pdb my-pdb --selector=app=x --min-available=1 --max-unavailable=1 --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: min-available and max-unavailable cannot be both specified
`,
    exitCode: 1,
  },
  {
    line: `create pdb my-pdb --selector=app=x --min-available=1Gb --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: invalid format specified for min-available
`,
    exitCode: 1,
  },
  {
    line: `create pdb my-pdb --selector=app=x --max-unavailable=-1 --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: invalid format specified for max-unavailable
`,
    exitCode: 1,
  },
  {
    line: `create pdb my-pdb --selector=app=x --max-unavailable=1.5 --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: invalid format specified for max-unavailable
`,
    exitCode: 1,
  },
  {
    line: `create pdb my-pdb --selector='app!=x' --min-available=1 --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: "!=" is not a valid label selector operator
`,
    exitCode: 1,
  },
  {
    line: `create pdb my-pdb --selector='a>1' --min-available=1 --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: "gt" isn't supported in label selectors
`,
    exitCode: 1,
  },
  {
    line: `create pdb my-pdb --selector='a<x' --min-available=1 --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: couldn't parse the selector string "a<x": unable to parse requirement: values[0]: Invalid value: "x": for 'Gt', 'Lt' operators, the value must be an integer
`,
    exitCode: 1,
  },
  {
    line: `create pdb my-pdb --selector='a b' --min-available=1 --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: couldn't parse the selector string "a b": unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt
`,
    exitCode: 1,
  },
  {
    line: `create pdb my-pdb --selector='app=web,' --min-available=1 --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: couldn't parse the selector string "app=web,": found '', expected: identifier after ','
`,
    exitCode: 1,
  },
  {
    line: `create pdb my-pdb --selector=',a' --min-available=1 --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: couldn't parse the selector string ",a": found ',', expected: !, identifier, or 'end of string'
`,
    exitCode: 1,
  },
  {
    line: `create pdb my-pdb --selector='a=b=c' --min-available=1 --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: couldn't parse the selector string "a=b=c": found '=', expected: ',' or 'end of string'
`,
    exitCode: 1,
  },
  {
    line: `create pdb my-pdb --selector='a in b' --min-available=1 --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: couldn't parse the selector string "a in b": unable to parse requirement: found 'b' expected: '('
`,
    exitCode: 1,
  },
  {
    line: `create pdb my-pdb --selector='a in (b c)' --min-available=1 --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: couldn't parse the selector string "a in (b c)": unable to parse requirement: found 'c', expected: ',' or ')'
`,
    exitCode: 1,
  },
  {
    line: `create pdb my-pdb --selector='!' --min-available=1 --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: couldn't parse the selector string "!": unable to parse requirement: found '', expected: identifier
`,
    exitCode: 1,
  },
  {
    line: `create pdb my-pdb --selector='!a=b' --min-available=1 --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: couldn't parse the selector string "!a=b": found '=', expected: ',' or 'end of string'
`,
    exitCode: 1,
  },
  {
    line: `create pdb my-pdb --selector='a=(b' --min-available=1 --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: couldn't parse the selector string "a=(b": unable to parse requirement: found '(', expected: identifier
`,
    exitCode: 1,
  },
  {
    line: `create pdb my-pdb --selector='-x=1' --min-available=1 --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: couldn't parse the selector string "-x=1": unable to parse requirement: <nil>: Invalid value: "-x": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
`,
    exitCode: 1,
  },
  {
    line: `create pdb my-pdb --selector='x/y/z=1' --min-available=1 --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: couldn't parse the selector string "x/y/z=1": unable to parse requirement: <nil>: Invalid value: "x/y/z": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')
`,
    exitCode: 1,
  },
  {
    line: `create pdb my-pdb --selector='a=b&c' --min-available=1 --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: couldn't parse the selector string "a=b&c": unable to parse requirement: values[0][a]: Invalid value: "b&c": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')
`,
    exitCode: 1,
  },
  {
    line: `create pdb my-pdb --selector='a in (-x,-y)' --min-available=1 --dry-run=client -o yaml`,
    stdout: ``,
    stderr: `error: couldn't parse the selector string "a in (-x,-y)": unable to parse requirement: [values[0][a]: Invalid value: "-x": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?'), values[1][a]: Invalid value: "-y": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')]
`,
    exitCode: 1,
  },
  {
    line: `create pdb my-pdb --selector='a=b' --min-available=1 --dry-run=bogus`,
    stdout: ``,
    stderr: `error: Invalid dry-run value (bogus). Must be "none", "server", or "client".
`,
    exitCode: 1,
  },

];

describe('kubectl create poddisruptionbudget', () => {
  it.each(REAL.map((g) => [g.line, g] as const))('%s', (_line, g) => {
    const k = fakeCluster();
    expect(k.run(g.line)).toEqual({ stdout: g.stdout, stderr: g.stderr, exitCode: g.exitCode });
  });

  it('creates the budget; a second time fails as "failed to create poddisruptionbudgets" (create_pdb.go)', () => {
    const k = fakeCluster();
    expect(k.run('create pdb web --selector=app=web --min-available=2').stdout).toBe('poddisruptionbudget.policy/web created\n');
    const pdb = k.api.get({ group: 'policy', resource: 'poddisruptionbudgets' }, 'default', 'web') as unknown as { spec: unknown };
    expect(pdb.spec).toEqual({ minAvailable: 2, selector: { matchLabels: { app: 'web' } } });
    expect(k.run('create pdb web --selector=app=web --min-available=2').stderr).toBe('error: failed to create poddisruptionbudgets: poddisruptionbudgets.policy "web" already exists\n');
  });
});
