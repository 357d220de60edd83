// Golden outputs of the verbs added for the kubectl surface students meet (patch, replace,
// label, annotate, set env/resources, edit, explain, api-versions, config, wait, diff, events,
// get templates/-L/--sort-by/all/--watch), against the bare API server of testing/fake.ts.
import { beforeEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/meta';
import { createCluster } from '../index';
import { COMMANDS } from './commands';
import { complete } from './completion';
import { prepareEdit, finishEdit } from './cmd/edit';
import { EXAMPLES } from './help_examples';
import { startWatch } from './watch';
import { fakeCluster, type FakeCluster } from './testing/fake';

const PODS = { group: '', resource: 'pods' };
const DEPLOY = { group: 'apps', resource: 'deployments' };
const NS = { group: '', resource: 'namespaces' };

let k: FakeCluster;
beforeEach(() => {
  k = fakeCluster();
  k.create(NS, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
  k.create(PODS, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a', namespace: 'default', labels: { app: 'web' } }, spec: { nodeName: 'n2', containers: [{ name: 'c', image: 'nginx' }] }, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } } as KubeObject);
  k.create(PODS, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'b', namespace: 'default', labels: { app: 'db' } }, spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'redis' }] } } as KubeObject);
  k.create(DEPLOY, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.24' }] } } } } as KubeObject);
});

const out = (line: string) => k.run(line);

describe('get printers', () => {
  it('jsonpath: lists, ranges, filters; no trailing newline', () => {
    expect(out('get pods -o jsonpath={.items[*].metadata.name}').stdout).toBe('a b');
    expect(out(`get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.spec.nodeName}{"\\n"}{end}'`).stdout).toBe('a\tn2\nb\tn1\n');
    expect(out(`get pod a -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}'`).stdout).toBe('True');
    expect(out('get pod a -o jsonpath={.metadata.labels}').stdout).toBe('{"app":"web"}');
    expect(out('get pod a -o jsonpath={.missing}').stdout).toBe('');
  });
  it('custom-columns with --sort-by, <none> for missing values', () => {
    expect(out('get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,PHASE:.status.phase --sort-by=.spec.nodeName').stdout).toBe(
      'NAME   NODE   PHASE\nb      n1     <none>\na      n2     Running\n',
    );
    expect(out('get pods -o custom-columns=NAME').stderr).toBe('error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>\n');
  });
  it('go-template: fields, range, index', () => {
    expect(out(`get pods -o go-template='{{range .items}}{{.metadata.name}} {{index .metadata.labels "app"}}{{"\\n"}}{{end}}'`).stdout).toBe('a web\nb db\n');
    expect(out(`get pod a -o go-template='{{.metadata.name}}/{{.spec.nope}}'`).stdout).toBe('a/<no value>');
  });
  it('-L label columns and --sort-by', () => {
    expect(out('get pods -L app --sort-by=.spec.nodeName').stdout).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE   APP\nb      0/1               0          0s    db\na      0/1     Running   0          0s    web\n',
    );
  });
  it('get all prints each type with its kind; kind name1 name2', () => {
    expect(out('get all').stdout).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE\npod/a   0/1     Running   0          0s\npod/b   0/1               0          0s\n\nNAME                  READY   UP-TO-DATE   AVAILABLE   AGE\ndeployment.apps/web   0/2     0            0           0s\n',
    );
    expect(out('get pods a b -o name').stdout).toBe('pod/a\npod/b\n');
  });
  it('-f DIR with -R reads subdirectories', () => {
    const files: Record<string, string> = { 'm/a.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n', 'm/sub/b.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n' };
    const dirs: Record<string, string[]> = { m: ['m/a.yaml', 'm/sub'], 'm/sub': ['m/sub/b.yaml'] };
    const opts = { readFile: (p: string) => files[p], listDir: (p: string) => dirs[p] };
    expect(k.run('get -f m -o name', opts).stdout).toBe('pod/a\n');
    expect(k.run('get -f m -R -o name', opts).stdout).toBe('pod/a\npod/b\n');
  });
  it('--watch in a runner prints the table and a note; startWatch yields later rows', () => {
    const r = out('get pods -w');
    expect(r.stdout.split('\n')[0]).toBe('NAME   READY   STATUS    RESTARTS   AGE');
    expect(r.stderr).toContain('cannot follow a watch');
    const w = startWatch(k.cluster, 'get pods --watch');
    expect(w.watch).toBeDefined();
    k.create(PODS, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'c', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'x' }] } } as KubeObject);
    k.create(PODS, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'z', namespace: 'shop' }, spec: { containers: [{ name: 'c', image: 'x' }] } } as KubeObject);
    expect(w.watch!.poll()).toEqual(['c      0/1               0          0s']);
    expect(w.watch!.poll()).toEqual([]);
    w.watch!.stop();
    k.api.delete(PODS, 'default', 'c');
    expect(w.watch!.poll()).toEqual([]);
    expect(startWatch(k.cluster, 'get pods').watch).toBeUndefined();
  });
});

describe('patch', () => {
  it('strategic, merge and json; (no change); errors', () => {
    expect(out(`patch deployment web -p '{"spec":{"replicas":3}}'`).stdout).toBe('deployment.apps/web patched\n');
    expect(out(`patch deployment web -p '{"spec":{"replicas":3}}'`).stdout).toBe('deployment.apps/web patched (no change)\n');
    expect(out(`patch deploy/web --type=merge -p 'metadata: {labels: {tier: front}}'`).stdout).toBe('deployment.apps/web patched\n');
    expect(out(`patch deploy web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":1}]'`).stdout).toBe('deployment.apps/web patched\n');
    expect(out('get deploy web -o jsonpath={.spec.replicas}/{.metadata.labels.tier}').stdout).toBe('1/front');
    expect(out(`patch deploy web --type=foo -p '{}'`).stderr).toBe('error: --type must be one of [json merge strategic], not "foo"\n');
    expect(out('patch deploy web').stderr).toBe("error: must specify --patch or --patch-file containing the contents of the patch\nSee 'kubectl patch -h' for help and examples\n");
    expect(out(`patch deploy nope -p '{}'`).stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });
  it('--patch-file', () => {
    expect(k.run('patch deploy web --patch-file p.yaml', { readFile: (p) => (p === 'p.yaml' ? 'spec:\n  replicas: 5\n' : undefined) }).stdout).toBe('deployment.apps/web patched\n');
  });
});

describe('replace', () => {
  const file = (replicas: number) => ({ readFile: () => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.25\n` });
  it('replaces, and --force deletes then creates', () => {
    expect(k.run('replace -f d.yaml', file(4)).stdout).toBe('deployment.apps/web replaced\n');
    expect(out('get deploy web -o jsonpath={.spec.replicas}').stdout).toBe('4');
    expect(k.run('replace --force -f d.yaml', file(2)).stdout).toBe('deployment.apps "web" deleted\ndeployment.apps/web replaced\n');
    out('delete deploy web');
    expect(k.run('replace -f d.yaml', file(1)).stderr).toBe('Error from server (NotFound): error when replacing "d.yaml": deployments.apps "web" not found\n');
  });
});

describe('label and annotate', () => {
  it('adds, refuses to overwrite, overwrites, removes', () => {
    expect(out('label pod a tier=front').stdout).toBe('pod/a labeled\n');
    expect(out('label pod a app=x')).toEqual({ stdout: '', stderr: "error: 'app' already has a value (web), and --overwrite is false\n", exitCode: 1 });
    expect(out('label pod a app=x --overwrite').stdout).toBe('pod/a labeled\n');
    expect(out('label pod a tier-').stdout).toBe('pod/a unlabeled\n');
    expect(out('label pod a app=x').stdout).toBe('pod/a not labeled\n');
    expect(out('label pods --all env=dev').stdout).toBe('pod/a labeled\npod/b labeled\n');
    expect(out('label pods -l app=db team=x').stdout).toBe('pod/b labeled\n');
    expect(out('label pod a').stderr).toBe("error: at least one label update is required\nSee 'kubectl label -h' for help and examples\n");
    expect(out('label pod a x=1 x-').stderr).toBe('error: can not both modify and remove a label in the same command\n');
    expect(out('label pods x=1').stderr).toBe('error: resource(s) were provided, but no name was specified\n');
  });
  it('annotate', () => {
    expect(out('annotate pod a owner=me').stdout).toBe('pod/a annotated\n');
    expect(out('annotate pod a owner=you').stderr).toBe("error: --overwrite is false but found the following declared annotation(s): 'owner' already has a value (me)\n");
    expect(out('annotate pod/a owner-').stdout).toBe('pod/a annotated\n');
    expect(out('get pod a -o jsonpath={.metadata.annotations.owner}').stdout).toBe('');
  });
});

describe('set env and set resources', () => {
  it('sets, lists and removes variables', () => {
    expect(out('set env deployment/web MODE=debug LEVEL=3').stdout).toBe('deployment.apps/web env updated\n');
    expect(out('set env deployment/web --list').stdout).toBe('# Deployment web, container nginx\nMODE=debug\nLEVEL=3\n');
    expect(out('set env deployment/web MODE-').stdout).toBe('deployment.apps/web env updated\n');
    expect(out('get deploy web -o jsonpath={.spec.template.spec.containers[0].env[*].name}').stdout).toBe('LEVEL');
    expect(out('set env deployment/web').stderr).toBe("error: at least one environment variable must be provided\nSee 'kubectl set env -h' for help and examples\n");
    expect(out('set env deployment/web -c nope A=1').stderr).toBe('error: unable to find container named nope\n');
  });
  it('sets requests and limits', () => {
    expect(out('set resources deployment/web --limits=cpu=200m,memory=512Mi --requests=cpu=100m').stdout).toBe('deployment.apps/web resource requirements updated\n');
    expect(out('get deploy web -o jsonpath={.spec.template.spec.containers[0].resources}').stdout).toBe('{"limits":{"cpu":"200m","memory":"512Mi"},"requests":{"cpu":"100m"}}');
    expect(out('set resources deployment/web').exitCode).toBe(1);
    expect(out('set resources deployment/web --limits=cpu').stderr).toBe('error: invalid resource spec: "cpu"\n');
  });
});

describe('config', () => {
  it('set-context --current --namespace changes the default namespace of later commands', () => {
    expect(out('config current-context').stdout).toBe('kind-kind\n');
    expect(out('config set-context --current --namespace=shop').stdout).toBe('Context "kind-kind" modified.\n');
    expect(out('config get-contexts').stdout).toBe('CURRENT   NAME        CLUSTER     AUTHINFO    NAMESPACE\n*         kind-kind   kind-kind   kind-kind   shop\n');
    expect(out('get pods').stderr).toBe('No resources found in shop namespace.\n');
    expect(out('get pods -n default -o name').stdout).toBe('pod/a\npod/b\n');
    expect(out('config view --minify -o jsonpath={..namespace}').stdout).toBe('shop');
    expect(out('config use-context nope').stderr).toBe('error: no context exists with the name: "nope"\n');
  });
  it('the kubeconfig survives a snapshot of a real cluster', () => {
    const c = createCluster({ seed: 3, bare: true });
    c.kubectl('config set-context --current --namespace=kube-system');
    const restored = createCluster({ snapshot: c.snapshot() });
    expect(restored.kubectl('config view --minify -o jsonpath={..namespace}').stdout).toBe('kube-system');
  });
});

describe('wait', () => {
  it('condition met, timeout, jsonpath, delete', () => {
    expect(out('wait --for=condition=Ready pod/a').stdout).toBe('pod/a condition met\n');
    const t0 = k.clock.now();
    expect(out('wait --for=condition=Ready pod/b --timeout=5s')).toEqual({ stdout: '', stderr: 'error: timed out waiting for the condition on pods/b\n', exitCode: 1 });
    expect(k.clock.now() - t0).toBe(5000);
    expect(out("wait --for=jsonpath='{.status.phase}'=Running pod/a").stdout).toBe('pod/a condition met\n');
    k.onAdvance = (now) => {
      if (now - t0 >= 8000 && k.api.tryGet(PODS, 'default', 'b')) k.api.delete(PODS, 'default', 'b', { gracePeriodSeconds: 0 });
    };
    expect(out('wait --for=delete pod/b --timeout=30s').stdout).toBe('pod/b condition met\n');
    expect(out('wait --for=condition=Ready pod -l app=web').stdout).toBe('pod/a condition met\n');
    expect(out('wait pod/a').stderr).toBe("error: --for must be specified\nSee 'kubectl wait -h' for help and examples\n");
    expect(out('wait --for=bogus pod/a').stderr).toBe('error: unrecognized condition: "bogus"\n');
  });
});

describe('diff', () => {
  it('prints a unified diff and exits 1 when the object would change, 0 when not', () => {
    const m = (img: string) => ({ readFile: () => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels:\n    app: web\nspec:\n  nodeName: n2\n  containers:\n  - name: c\n    image: ${img}\n` });
    k.run('apply -f p.yaml', m('nginx'));
    expect(k.run('diff -f p.yaml', m('nginx'))).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    const r = k.run('diff -f p.yaml', m('nginx:1.26'));
    expect(r.exitCode).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('diff -u -N /tmp/LIVE-0000000001/v1.Pod.default.a /tmp/MERGED-0000000002/v1.Pod.default.a');
    expect(lines[1]).toBe('--- /tmp/LIVE-0000000001/v1.Pod.default.a\t2025-03-03 09:00:00.000000000 +0000');
    expect(r.stdout).toContain('-  - image: nginx\n+  - image: nginx:1.26\n');
    expect(r.stdout).toMatch(/^@@ -\d+,\d+ \+\d+,\d+ @@$/m);
  });
});

describe('events', () => {
  it('lists events oldest first, filters by --for and --types', () => {
    const ev = (name: string, type: string, reason: string, obj: string, secs: number) =>
      k.create({ group: '', resource: 'events' }, {
        apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: 'default' }, type, reason, message: `${reason} happened`,
        involvedObject: { kind: 'Pod', name: obj, namespace: 'default' }, lastTimestamp: k.clock.iso(secs * 1000),
      } as unknown as KubeObject);
    ev('e2', 'Warning', 'BackOff', 'b', 0);
    ev('e1', 'Normal', 'Pulled', 'a', -30);
    k.clock.setNow(k.clock.now() + 60_000);
    expect(out('events').stdout).toBe('LAST SEEN   TYPE      REASON    OBJECT   MESSAGE\n90s         Normal    Pulled    pod/a    Pulled happened\n60s         Warning   BackOff   pod/b    BackOff happened\n');
    expect(out('events --types=Warning').stdout).toBe('LAST SEEN   TYPE      REASON    OBJECT   MESSAGE\n60s         Warning   BackOff   pod/b    BackOff happened\n');
    expect(out('events --for pod/a -o name').stdout).toBe('event/e1\n');
    expect(out('events -n shop').stderr).toBe('No events found in shop namespace.\n');
  });
});

describe('edit, explain, api-versions', () => {
  it('edit is refused in a runner; prepareEdit/finishEdit serve the UI editor', () => {
    expect(out('edit deploy web').exitCode).toBe(1);
    const p = prepareEdit(k.cluster, 'kubectl edit deploy/web');
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.yaml.startsWith('# Please edit the object below.')).toBe(true);
    expect(p.yaml).toContain('kind: Deployment\n');
    expect(finishEdit(k.cluster, p.target, p.yaml).stderr).toBe('Edit cancelled, no changes made.\n');
    expect(finishEdit(k.cluster, p.target, p.yaml.replace('replicas: 2', 'replicas: 6')).stdout).toBe('deployment.apps/web edited\n');
    expect(out('get deploy web -o jsonpath={.spec.replicas}').stdout).toBe('6');
    const bad = prepareEdit(k.cluster, 'edit pod nope');
    expect(bad.ok ? '' : bad.result.stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
  });
  it('explain prints kubectl v1.32 layout', () => {
    expect(out('explain pod.spec.containers.ports').stdout).toBe(
      'KIND:       Pod\nVERSION:    v1\n\nFIELD: ports <[]ContainerPort>\n\nDESCRIPTION:\n    List of ports to expose from the container.\n    ContainerPort represents a network port in a single container.\n    \nFIELDS:\n  containerPort\t<integer> -required-\n    Number of port to expose on the pod\'s IP address.\n\n  name\t<string>\n    A name for the port.\n',
    );
    expect(out('explain pods.nope').stderr).toBe('error: field "nope" does not exist\n');
    expect(out('explain foo').stderr).toBe('error: the server doesn\'t have a resource type "foo"\n');
  });
  it('api-versions', () => {
    expect(out('api-versions').stdout.split('\n')).toContain('apps/v1');
  });
});

describe('describe for Job, CronJob, HPA and generic kinds', () => {
  it('Job layout, and the generic describer for ControllerRevision', () => {
    k.create({ group: 'batch', resource: 'jobs' }, {
      apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi', namespace: 'default' },
      spec: { completions: 1, backoffLimit: 4, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] } } },
      status: { succeeded: 1, startTime: k.clock.iso(0), completionTime: k.clock.iso(5000) },
    } as unknown as KubeObject);
    const d = out('describe job pi').stdout;
    expect(d).toContain('Completions:      1\n');
    expect(d).toContain('Backoff Limit:    4\n');
    expect(d).toContain('Duration:         5s\n');
    expect(d).toContain('Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed\n');
    expect(d).toContain('Pod Template:\n');
    k.create({ group: 'apps', resource: 'controllerrevisions' }, { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name: 'r1', namespace: 'default' }, revision: 1, data: { spec: { replicas: 1 } } } as unknown as KubeObject);
    const g = out('describe controllerrevision r1').stdout;
    expect(g).toMatch(/^API Version:\s+apps\/v1$/m);
    expect(g).toMatch(/^Revision:\s+1$/m);
    expect(g).toMatch(/^Data:\n  Spec:\n    Replicas:\s+1$/m);
  });
});

describe('help', () => {
  const paths: string[] = [];
  for (const c of COMMANDS) {
    paths.push(c.name);
    for (const s of c.subcommands ?? []) paths.push(`${c.name} ${s.name}`);
  }
  it.each(paths)('kubectl %s --help has a description, Examples, Options and Usage', (path) => {
    expect(EXAMPLES[path], `add an example for "${path}" to help_examples.ts`).toBeTruthy();
    const r = k.run(`${path} --help`);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Examples:\n');
    expect(r.stdout).toContain('Usage:\n  kubectl');
    expect(k.run(`help ${path}`).stdout).toBe(r.stdout);
    expect(k.run(`${path} -h`).stdout).toBe(r.stdout);
  });
  it('kubectl, kubectl help and kubectl --help print the command list', () => {
    expect(k.run('').stdout).toBe(k.run('help').stdout);
    expect(k.run('--help').stdout).toContain('Basic Commands (Beginner):');
  });
});

describe('completion', () => {
  const c = (line: string, cursor?: number) => complete(k.cluster, line, cursor);
  it('verbs, subcommands, types, names, flags and values', () => {
    expect(c('kubectl ge')).toEqual({ candidates: ['get'], replaceFrom: 8 });
    expect(c('rollout ').candidates).toEqual(['history', 'pause', 'restart', 'resume', 'status', 'undo']);
    expect(c('get deploy').candidates).toEqual(['deploy', 'deployment', 'deployments', 'deployments.apps']);
    expect(c('get pods ')).toEqual({ candidates: ['a', 'b'], replaceFrom: 9 });
    expect(c('get pods a ').candidates).toEqual(['b']);
    expect(c('describe pod/')).toEqual({ candidates: ['pod/a', 'pod/b'], replaceFrom: 9 });
    expect(c('get pods -n shop ').candidates).toEqual([]);
    expect(c('get pods -o ').candidates).toContain('yaml');
    expect(c('get pods -o=ya')).toEqual({ candidates: ['yaml'], replaceFrom: 12 });
    expect(c('get pods -n ').candidates).toEqual(['shop']);
    expect(c('patch deploy web --ty').candidates).toEqual(['--type']);
    expect(c('patch deploy web --type ').candidates).toEqual(['json', 'merge', 'strategic']);
    expect(c('wait --for=con').candidates).toEqual(['condition=Available', 'condition=Complete', 'condition=Ready']);
    expect(c('sim ').candidates).toEqual(['help', 'load', 'node', 'pod', 'traffic']);
    expect(c('sim node ').candidates).toEqual(['add', 'fail', 'recover']);
    expect(c('get pods', 3)).toEqual({ candidates: ['get'], replaceFrom: 0 });
    expect(c('frobnicate ').candidates).toEqual([]);
  });
  it('create ingress / create poddisruptionbudget and their flags; rollout history and undo take workloads', () => {
    expect(c('create i').candidates).toEqual(['ingress']);
    expect(c('create po').candidates).toEqual(['poddisruptionbudget']);
    expect(c('create ingress web --ru').candidates).toEqual(['--rule']);
    expect(c('create ing web --de').candidates).toEqual(['--default-backend']);
    expect(c('create pdb web --m').candidates).toEqual(['--max-unavailable', '--min-available']);
    expect(c('create pdb web --dry-run=').candidates).toEqual(['client', 'none', 'server']);
    expect(c('rollout undo deploy').candidates).toContain('deployments');
    expect(c('rollout history deployment ').candidates).toEqual(['web']);
    expect(c('rollout undo ds/').candidates).toEqual([]);
    expect(c('rollout undo --to-').candidates).toEqual(['--to-revision']);
  });
  it('is reachable from a real Cluster and the public API', () => {
    const cl = createCluster({ seed: 1, bare: true });
    expect(cl.complete('cordon ').candidates.length).toBeGreaterThan(0);
  });
});

describe('field selectors on a real cluster', () => {
  it('spec.nodeName and status.phase for pods, metadata.name for every kind', () => {
    const cl = createCluster({ seed: 7 });
    const nodes = cl.kubectl('get pods -A -o jsonpath={.items[*].spec.nodeName}').stdout.split(' ');
    const r = cl.kubectl(`get pods -A --field-selector=spec.nodeName=${nodes[0]} -o jsonpath={.items[*].spec.nodeName}`);
    expect(r.exitCode).toBe(0);
    expect(new Set(r.stdout.split(' '))).toEqual(new Set([nodes[0]]));
    expect(cl.kubectl('get pods -A --field-selector=status.phase=Running').exitCode).toBe(0);
    for (const type of ['pods', 'deployments', 'services', 'nodes', 'namespaces', 'events', 'jobs', 'configmaps', 'daemonsets']) {
      expect(cl.kubectl(`get ${type} -A --field-selector=metadata.name=x`).exitCode, type).toBe(0);
    }
  });
});
