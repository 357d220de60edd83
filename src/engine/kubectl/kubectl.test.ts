// Golden-output tests of kubectl verbs against a bare API server (no controllers): objects are
// created directly, so every expectation is independent of the rest of the engine.
import { beforeEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/meta';
import { invalid, required } from '../apiserver/validation/field';
import { fakeCluster, type FakeCluster } from './testing/fake';

const DEPLOY = { group: 'apps', resource: 'deployments' };
const RS = { group: 'apps', resource: 'replicasets' };
const PODS = { group: '', resource: 'pods' };
const NODES = { group: '', resource: 'nodes' };

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.24
`;

let k: FakeCluster;
beforeEach(() => {
  k = fakeCluster();
});

function pod(name: string, extra: Partial<KubeObject> = {}, labels: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels }, spec: { containers: [{ name: 'c', image: 'nginx' }] }, ...extra };
}

describe('command line and errors', () => {
  it('accepts lines with or without kubectl and global flags before the verb', () => {
    k.create(PODS, pod('a'));
    expect(k.run('kubectl get pods').stdout).toBe('NAME   READY   STATUS   RESTARTS   AGE\na      0/1              0          0s\n');
    expect(k.run('-n default get po a --no-headers').stdout).toBe('a   0/1      0   0s\n');
  });
  it('reports unknown verbs, flags and types as kubectl does', () => {
    // kubectl v1.32: `kubectl gett pods`, `kubectl de`, `kubectl xyz`, `kubectl get pods --foo`.
    expect(k.run('gett pods')).toEqual({ stdout: '', stderr: 'error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n', exitCode: 1 });
    expect(k.run('de').stderr).toBe('error: unknown command "de" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n\tdelete\n\tdescribe\n\tcp\n\tdebug\n');
    expect(k.run('xyz').stderr).toBe('error: unknown command "xyz" for "kubectl"\n');
    expect(k.run('get pods --foo')).toEqual({ stdout: '', stderr: "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n", exitCode: 1 });
    expect(k.run('get foo').stderr).toBe('error: the server doesn\'t have a resource type "foo"\n');
    expect(k.run('rollout foo deploy/x').stderr).toBe("error: unknown command \"foo\"\nSee 'kubectl rollout -h' for help and examples\n");
    expect(k.run('scale deploy/web').stderr).toBe('error: required flag(s) "replicas" not set\n');
  });
  it('prints the empty-list message on stderr', () => {
    expect(k.run('get pods')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
    expect(k.run('get nodes').stderr).toBe('No resources found\n');
    expect(k.run('get pods -A').stderr).toBe('No resources found\n');
  });
  it('reports NotFound for a named object', () => {
    expect(k.run('get pod x')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "x" not found\n', exitCode: 1 });
  });
});

describe('get', () => {
  it('prints NAMESPACE with -A, labels, several types with kind prefixes, -o name', () => {
    k.create(PODS, pod('a', {}, { app: 'web', tier: 'fe' }));
    k.create(PODS, { ...pod('b'), metadata: { name: 'b', namespace: 'kube-system' } });
    k.run('apply -f -', WEB);
    k.clock.setNow(125_000);
    expect(k.run('get pods -A').stdout).toBe('NAMESPACE     NAME   READY   STATUS   RESTARTS   AGE\ndefault       a      0/1              0          2m5s\nkube-system   b      0/1              0          2m5s\n');
    expect(k.run('get pods --show-labels').stdout).toBe('NAME   READY   STATUS   RESTARTS   AGE    LABELS\na      0/1              0          2m5s   app=web,tier=fe\n');
    expect(k.run('get pods,deploy').stdout).toBe(
      'NAME    READY   STATUS   RESTARTS   AGE\npod/a   0/1              0          2m5s\n\nNAME                  READY   UP-TO-DATE   AVAILABLE   AGE\ndeployment.apps/web   0/2     0            0           2m5s\n',
    );
    expect(k.run('get deploy/web pod/a -o name').stdout).toBe('deployment.apps/web\npod/a\n');
    expect(k.run('get deploy -o wide').stdout).toBe('NAME   READY   UP-TO-DATE   AVAILABLE   AGE    CONTAINERS   IMAGES       SELECTOR\nweb    0/2     0            0           2m5s   nginx        nginx:1.24   app=web\n');
  });
  it('filters with equality and set-based selectors and field selectors', () => {
    k.create(PODS, pod('a', {}, { app: 'web', env: 'prod' }));
    k.create(PODS, pod('b', {}, { app: 'db', env: 'dev' }));
    k.create(PODS, pod('c', {}, { app: 'web', env: 'dev' }));
    const names = (line: string) => k.run(line).stdout.trim();
    expect(names('get pods -l app=web -o name')).toBe('pod/a\npod/c');
    expect(names("get pods -l 'env in (dev),app!=db' -o name")).toBe('pod/c');
    expect(names('get pods -l !env -o name')).toBe('');
    expect(names('get pods --field-selector metadata.name=b -o name')).toBe('pod/b');
  });
  it('prints one object as is and several in a List for -o yaml', () => {
    k.create(PODS, pod('a'));
    const one = k.run('get pod a -o yaml').stdout;
    expect(one.startsWith('apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: "2025-03-03T09:00:00Z"\n  labels: {}\n  name: a\n')).toBe(true);
    const list = k.run('get pods -o yaml').stdout;
    expect(list.startsWith('apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n')).toBe(true);
    expect(list.endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true);
    expect(JSON.parse(k.run('get pod a -o json').stdout).metadata.name).toBe('a');
  });
  it('prints node STATUS and ROLES', () => {
    k.create(NODES, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'cp', labels: { 'node-role.kubernetes.io/control-plane': '' } }, spec: {}, status: { conditions: [{ type: 'Ready', status: 'True' }], nodeInfo: { kubeletVersion: 'v1.32.2' } } });
    k.create(NODES, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'w1' }, spec: { unschedulable: true }, status: { conditions: [{ type: 'Ready', status: 'Unknown' }], nodeInfo: { kubeletVersion: 'v1.32.2' } } });
    expect(k.run('get nodes').stdout).toBe('NAME   STATUS                        ROLES           AGE   VERSION\ncp     Ready                         control-plane   0s    v1.32.2\nw1     NotReady,SchedulingDisabled   <none>          0s    v1.32.2\n');
  });
  it('prints events', () => {
    k.create({ group: '', resource: 'events' }, {
      apiVersion: 'v1', kind: 'Event', metadata: { name: 'a.1', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'a', namespace: 'default' }, reason: 'Scheduled', message: 'Successfully assigned default/a to w1',
      source: { component: 'default-scheduler' }, firstTimestamp: '2025-03-03T09:00:00Z', lastTimestamp: '2025-03-03T09:00:00Z', count: 1, type: 'Normal',
    });
    k.clock.setNow(65_000);
    expect(k.run('get events').stdout).toBe('LAST SEEN   TYPE     REASON      OBJECT   MESSAGE\n65s         Normal   Scheduled   pod/a    Successfully assigned default/a to w1\n');
  });
});

describe('apply', () => {
  it('creates, reports unchanged, then configured', () => {
    expect(k.run('apply -f -', WEB)).toEqual({ stdout: 'deployment.apps/web created\n', stderr: '', exitCode: 0 });
    const d = k.api.get(DEPLOY, 'default', 'web');
    const last = d.metadata.annotations!['kubectl.kubernetes.io/last-applied-configuration'];
    expect(last).toBe(
      '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx:1.24","name":"nginx"}]}}}}\n',
    );
    expect(k.run('apply -f -', WEB).stdout).toBe('deployment.apps/web unchanged\n');
    expect(k.run('apply -f -', WEB.replace('nginx:1.24', 'nginx:1.25').replace('  replicas: 2\n', '')).stdout).toBe('deployment.apps/web configured\n');
    const after = k.api.get(DEPLOY, 'default', 'web') as unknown as { spec: { replicas?: number; template: { spec: { containers: { image: string }[] } } } };
    expect(after.spec.template.spec.containers[0].image).toBe('nginx:1.25');
    // replicas was in the last applied configuration and is gone from the manifest: removed.
    expect(after.spec.replicas).toBeUndefined();
  });
  it('keeps fields set by others (scale) that were never applied', () => {
    k.run('apply -f -', WEB.replace('  replicas: 2\n', ''));
    k.run('scale deploy web --replicas=5');
    expect(k.run('apply -f -', WEB.replace('  replicas: 2\n', '')).stdout).toBe('deployment.apps/web unchanged\n');
    expect((k.api.get(DEPLOY, 'default', 'web') as unknown as { spec: { replicas: number } }).spec.replicas).toBe(5);
  });
  it('reports a YAML syntax error with its line and applies nothing', () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: a: b\n`;
    expect(k.run('apply -f -', text)).toEqual({
      stdout: '',
      stderr: 'error: error parsing STDIN: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context\n',
      exitCode: 1,
    });
    expect(k.api.tryGet(PODS, 'default', 'ok')).toBeUndefined();
  });
  it('reports an unknown kind', () => {
    expect(k.run('apply -f -', WEB.replace('kind: Deployment', 'kind: Deploymnt')).stderr).toBe(
      'error: resource mapping not found for name: "web" namespace: "" from "STDIN": no matches for kind "Deploymnt" in version "apps/v1"\nensure CRDs are installed first\n',
    );
  });
  it('applies the valid documents of a multi-document input and reports the others', () => {
    const text = `${WEB}---\napiVersion: v1\nkind: Widget\nmetadata:\n  name: w\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n`;
    const r = k.run('apply -f -', text);
    expect(r.stdout).toBe('deployment.apps/web created\npod/p created\n');
    expect(r.stderr).toBe('error: resource mapping not found for name: "w" namespace: "" from "STDIN": no matches for kind "Widget" in version "v1"\nensure CRDs are installed first\n');
    expect(r.exitCode).toBe(1);
  });
  it('reformats Invalid errors: one cause inline, several as a list', () => {
    k.api.register('apps', 'deployments', {
      validate: (o) => {
        const spec = (o.spec ?? {}) as { selector?: unknown; replicas?: number };
        const errs = [];
        if (!spec.selector) errs.push(required('spec.selector'));
        if ((spec.replicas ?? 0) < 0) errs.push(invalid('spec.replicas', spec.replicas, 'must be greater than or equal to 0'));
        return errs;
      },
    });
    const noSel = WEB.replace(/  selector:\n    matchLabels:\n      app: web\n/, '');
    expect(k.run('apply -f -', noSel).stderr).toBe('The Deployment "web" is invalid: spec.selector: Required value\n');
    expect(k.run('apply -f -', noSel.replace('replicas: 2', 'replicas: -1')).stderr).toBe(
      'The Deployment "web" is invalid: \n* spec.selector: Required value\n* spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    );
  });
  it('reads -f files through the resolver, and fails for a missing path', () => {
    const files: Record<string, string> = { 'web.yaml': WEB };
    expect(k.run('apply -f web.yaml', { readFile: (p) => files[p] }).stdout).toBe('deployment.apps/web created\n');
    expect(k.run('apply -f nope.yaml', { readFile: (p) => files[p] }).stderr).toBe('error: the path "nope.yaml" does not exist\n');
    expect(k.run('apply').stderr).toBe('error: must specify one of -f and -k\n');
  });
});

describe('create and run', () => {
  it('create -f reports AlreadyExists with the source', () => {
    expect(k.run('create -f -', WEB).stdout).toBe('deployment.apps/web created\n');
    expect(k.run('create -f -', WEB)).toEqual({
      stdout: '',
      stderr: 'Error from server (AlreadyExists): error when creating "STDIN": deployments.apps "web" already exists\n',
      exitCode: 1,
    });
  });
  it('create deployment prints the generator as --dry-run=client -o yaml', () => {
    expect(k.run('create deployment web --image=nginx --replicas=3 --port=80 --dry-run=client -o yaml').stdout).toBe(
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: web\n  strategy: {}\n  template:\n    metadata:\n      creationTimestamp: null\n      labels:\n        app: web\n    spec:\n      containers:\n      - image: nginx\n        name: nginx\n        ports:\n        - containerPort: 80\n        resources: {}\nstatus: {}\n',
    );
    expect(k.run('create deployment web --image=nginx').stdout).toBe('deployment.apps/web created\n');
    expect(k.run('create deployment x').stderr).toBe('error: required flag(s) "image" not set\n');
    expect(k.run('create namespace dev').stdout).toBe('namespace/dev created\n');
  });
  it('run creates a pod labelled run=NAME with args after --', () => {
    expect(k.run('run x --image=busybox -- sh -c "exit 1"').stdout).toBe('pod/x created\n');
    const p = k.api.get(PODS, 'default', 'x') as unknown as { metadata: { labels: Record<string, string> }; spec: { containers: { args: string[] }[] } };
    expect(p.metadata.labels).toEqual({ run: 'x' });
    expect(p.spec.containers[0].args).toEqual(['sh', '-c', 'exit 1']);
  });
});

describe('delete', () => {
  it('prints kubectl lines for name, -l, --all and --force', () => {
    k.create(PODS, pod('a', {}, { app: 'x' }));
    k.create(PODS, pod('b', {}, { app: 'x' }));
    k.create(PODS, pod('c'));
    expect(k.run('delete pod c').stdout).toBe('pod "c" deleted\n');
    expect(k.run('delete pods -l app=x').stdout).toBe('pod "a" deleted\npod "b" deleted\n');
    expect(k.run('delete pods --all').stdout).toBe('No resources found\n');
    k.create(PODS, pod('d'));
    expect(k.run('delete pod d --force --grace-period=0')).toEqual({
      stdout: 'pod "d" force deleted\n',
      stderr: 'warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      exitCode: 0,
    });
    expect(k.run('delete pods').stderr).toBe('error: resource(s) were provided, but no name was specified\n');
    expect(k.run('delete pod zz').stderr).toBe('Error from server (NotFound): pods "zz" not found\n');
    expect(k.run('delete pod zz --ignore-not-found').exitCode).toBe(0);
  });
  it('waits (advancing simulated time) until a finalizer is removed', () => {
    k.create(PODS, { ...pod('f'), metadata: { name: 'f', namespace: 'default', finalizers: ['example.com/hold'] } });
    k.onAdvance = (now) => {
      if (now >= 10_000) {
        const cur = k.api.tryGet(PODS, 'default', 'f');
        if (cur) k.api.update(PODS, 'default', { ...cur, metadata: { ...cur.metadata, finalizers: [] } });
      }
    };
    expect(k.run('delete pod f').stdout).toBe('pod "f" deleted\n');
    expect(k.clock.now()).toBe(10_000);
    expect(k.api.tryGet(PODS, 'default', 'f')).toBeUndefined();
  });
});

describe('scale and set image', () => {
  beforeEach(() => {
    k.run('apply -f -', WEB);
  });
  it('scales', () => {
    expect(k.run('scale deploy/web --replicas=4').stdout).toBe('deployment.apps/web scaled\n');
    expect((k.api.get(DEPLOY, 'default', 'web') as unknown as { spec: { replicas: number } }).spec.replicas).toBe(4);
    expect(k.run('scale deployment web --replicas 1 --current-replicas 3').stderr).toBe('error: Expected replicas to be 3, was 4\n');
  });
  it('sets images by container name and with *', () => {
    expect(k.run('set image deployment/web nginx=nginx:1.25').stdout).toBe('deployment.apps/web image updated\n');
    expect(k.run('set image deploy/web *=nginx:1.26').stdout).toBe('deployment.apps/web image updated\n');
    const d = k.api.get(DEPLOY, 'default', 'web') as unknown as { spec: { template: { spec: { containers: { image: string }[] } } } };
    expect(d.spec.template.spec.containers[0].image).toBe('nginx:1.26');
    expect(k.run('set image deployment/web foo=nginx:1.25')).toEqual({ stdout: '', stderr: 'error: unable to find container named "foo"\n', exitCode: 1 });
  });
});

describe('rollout', () => {
  function replicaSet(rev: number, image: string, cause?: string): void {
    const d = k.api.get(DEPLOY, 'default', 'web');
    const annotations: Record<string, string> = { 'deployment.kubernetes.io/revision': String(rev) };
    if (cause) annotations['kubernetes.io/change-cause'] = cause;
    k.create(RS, {
      apiVersion: 'apps/v1', kind: 'ReplicaSet',
      metadata: { name: `web-${rev}`, namespace: 'default', annotations, labels: { app: 'web', 'pod-template-hash': String(rev) }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: d.metadata.uid!, controller: true }] },
      spec: { replicas: 0, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web', 'pod-template-hash': String(rev) } }, spec: { containers: [{ name: 'nginx', image }] } } },
    });
  }
  beforeEach(() => {
    k.run('apply -f -', WEB);
    replicaSet(1, 'nginx:1.23', 'first');
    replicaSet(2, 'nginx:1.24');
  });
  it('history lists revisions with CHANGE-CAUSE', () => {
    expect(k.run('rollout history deployment/web').stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         first\n2         <none>\n\n');
    expect(k.run('rollout history deployment/web --revision=9').stderr).toBe('error: unable to find the specified revision\n');
    // The template is written to a plain buffer, not a tabwriter: kubectl prints the tabs as is.
    expect(k.run('rollout history deployment/web --revision=1').stdout).toContain('deployment.apps/web with revision #1\nPod Template:\n  Labels:\tapp=web\n\tpod-template-hash=1\n  Containers:\n   nginx:\n    Image:\tnginx:1.23\n');
  });
  it('undo goes back to the previous revision, or skips when it already matches', () => {
    expect(k.run('rollout undo deployment/web --to-revision=2').stdout).toBe('deployment.apps/web skipped rollback (current template already matches revision 2)\n');
    expect(k.run('rollout undo deployment/web').stdout).toBe('deployment.apps/web rolled back\n');
    const d = k.api.get(DEPLOY, 'default', 'web') as unknown as { spec: { template: { metadata: { labels: Record<string, string> }; spec: { containers: { image: string }[] } } } };
    expect(d.spec.template.spec.containers[0].image).toBe('nginx:1.23');
    expect(d.spec.template.metadata.labels).toEqual({ app: 'web' });
    expect(k.run('rollout undo deployment/web --to-revision=7').stderr).toBe('error: unable to find specified revision 7 in history\n');
  });
  it('pause, resume, restart', () => {
    expect(k.run('rollout pause deployment/web').stdout).toBe('deployment.apps/web paused\n');
    // objectpauser.go: pausing twice is an error, reported as set.CalculatePatches reports it.
    expect(k.run('rollout pause deployment/web')).toEqual({ stdout: '', stderr: 'error: deployments.apps "web" is already paused\n', exitCode: 1 });
    expect(k.run('rollout undo deployment/web').stderr).toBe("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n");
    expect(k.run('rollout restart deployment/web').stderr).toBe('error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)\n');
    expect(k.run('rollout resume deployment/web').stdout).toBe('deployment.apps/web resumed\n');
    expect(k.run('rollout resume deployment/web').stderr).toBe('error: deployments.apps "web" is not paused\n');
    k.clock.setNow(60_000);
    expect(k.run('rollout restart deployment/web').stdout).toBe('deployment.apps/web restarted\n');
    const d = k.api.get(DEPLOY, 'default', 'web') as unknown as { spec: { template: { metadata: { annotations: Record<string, string> } } } };
    expect(d.spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt']).toBe('2025-03-03T09:01:00Z');
  });
  it('status prints each new line while simulated time advances', () => {
    const setStatus = (status: Record<string, unknown>) => {
      const d = k.api.get(DEPLOY, 'default', 'web');
      k.api.update(DEPLOY, 'default', { ...d, status: { observedGeneration: d.metadata.generation ?? 0, ...status } }, { subresource: 'status' });
    };
    setStatus({ replicas: 3, updatedReplicas: 1, availableReplicas: 2 });
    k.onAdvance = (now) => {
      if (now === 3000) setStatus({ replicas: 3, updatedReplicas: 2, availableReplicas: 2 });
      if (now === 5000) setStatus({ replicas: 2, updatedReplicas: 2, availableReplicas: 1 });
      if (now === 8000) setStatus({ replicas: 2, updatedReplicas: 2, availableReplicas: 2 });
    };
    expect(k.run('rollout status deployment/web').stdout).toBe(
      [
        'Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...',
        'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...',
        'Waiting for deployment "web" rollout to finish: 1 of 2 updated replicas are available...',
        'deployment "web" successfully rolled out',
        '',
      ].join('\n'),
    );
    expect(k.clock.now()).toBe(8000);
  });
  it('status --timeout gives up', () => {
    const r = k.run('rollout status deploy/web --timeout=3s');
    expect(r.stderr).toBe('error: timed out waiting for the condition\n');
    expect(r.exitCode).toBe(1);
  });
});

describe('cordon and drain', () => {
  beforeEach(() => {
    k.create(NODES, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'w1' }, spec: {}, status: {} });
  });
  it('cordons and uncordons', () => {
    expect(k.run('cordon w1').stdout).toBe('node/w1 cordoned\n');
    expect(k.run('cordon w1').stdout).toBe('node/w1 already cordoned\n');
    expect(k.run('uncordon w1').stdout).toBe('node/w1 uncordoned\n');
    expect(k.run('cordon').stderr).toBe("error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n");
  });
  it('refuses bare pods without --force, then evicts and waits', () => {
    k.create(PODS, { ...pod('bare'), spec: { nodeName: 'w1', containers: [{ name: 'c', image: 'nginx' }] } });
    k.create(PODS, { ...pod('owned'), metadata: { name: 'owned', namespace: 'default', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u1', controller: true }] }, spec: { nodeName: 'w1', containers: [{ name: 'c', image: 'nginx' }] } });
    const r = k.run('drain w1');
    expect(r.stdout).toBe('node/w1 cordoned\n');
    expect(r.stderr).toBe(
      'error: unable to drain node "w1" due to error: cannot delete cannot delete Pods that declare no controller (use --force to override): default/bare, continuing command...\nThere are pending nodes to be drained:\n w1\nerror: cannot delete cannot delete Pods that declare no controller (use --force to override): default/bare\n',
    );
    const ok = k.run('drain w1 --force');
    expect(ok.stdout).toBe('node/w1 already cordoned\nevicting pod default/bare\nevicting pod default/owned\npod/bare evicted\npod/owned evicted\nnode/w1 drained\n');
    expect(ok.stderr).toBe('Warning: deleting Pods that declare no controller: default/bare\n');
  });
});

describe('describe', () => {
  it('describes a pod in kubectl layout', () => {
    k.create(PODS, {
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: 'web-1', namespace: 'default', labels: { app: 'web' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: 'u', controller: true }] },
      spec: { nodeName: 'w1', priority: 0, serviceAccountName: 'default', containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80, protocol: 'TCP' }] }], tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }] },
      status: {
        phase: 'Running', hostIP: '172.18.0.3', podIP: '10.244.1.5', podIPs: [{ ip: '10.244.1.5' }], startTime: '2025-03-03T09:00:00Z', qosClass: 'BestEffort',
        conditions: [{ type: 'Ready', status: 'True' }, { type: 'PodScheduled', status: 'True' }],
        containerStatuses: [{ name: 'nginx', ready: true, restartCount: 0, image: 'nginx:1.25', imageID: 'docker.io/library/nginx@sha256:1', containerID: 'containerd://abc', state: { running: { startedAt: '2025-03-03T09:00:02Z' } }, lastState: {} }],
      },
    });
    expect(k.run('describe pod web-1').stdout).toBe(
      [
        'Name:             web-1',
        'Namespace:        default',
        'Priority:         0',
        'Service Account:  default',
        'Node:             w1/172.18.0.3',
        'Start Time:       Mon, 03 Mar 2025 09:00:00 +0000',
        'Labels:           app=web',
        'Annotations:      <none>',
        'Status:           Running',
        'IP:               10.244.1.5',
        'IPs:',
        '  IP:           10.244.1.5',
        'Controlled By:  ReplicaSet/web-abc',
        'Containers:',
        '  nginx:',
        '    Container ID:   containerd://abc',
        '    Image:          nginx:1.25',
        '    Image ID:       docker.io/library/nginx@sha256:1',
        '    Port:           80/TCP',
        '    Host Port:      0/TCP',
        '    State:          Running',
        '      Started:      Mon, 03 Mar 2025 09:00:02 +0000',
        '    Ready:          True',
        '    Restart Count:  0',
        '    Environment:    <none>',
        '    Mounts:         <none>',
        'Conditions:',
        '  Type           Status',
        '  Ready          True ',
        '  PodScheduled   True ',
        'Volumes:         <none>',
        'QoS Class:       BestEffort',
        'Node-Selectors:  <none>',
        'Tolerations:     node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
        'Events:          <none>',
        '',
      ].join('\n'),
    );
  });
  it('describes a deployment with its replica sets and events', () => {
    k.run('apply -f -', WEB);
    const d = k.api.get(DEPLOY, 'default', 'web');
    k.create({ group: '', resource: 'events' }, {
      apiVersion: 'v1', kind: 'Event', metadata: { name: 'web.1', namespace: 'default' },
      involvedObject: { kind: 'Deployment', name: 'web', namespace: 'default', uid: d.metadata.uid }, reason: 'ScalingReplicaSet', message: 'Scaled up replica set web-1 from 0 to 2',
      source: { component: 'deployment-controller' }, firstTimestamp: '2025-03-03T09:00:00Z', lastTimestamp: '2025-03-03T09:00:00Z', count: 1, type: 'Normal',
    });
    k.clock.setNow(30_000);
    const out = k.run('describe deploy web').stdout;
    expect(out).toContain('Name:               web\nNamespace:          default\nCreationTimestamp:  Mon, 03 Mar 2025 09:00:00 +0000\nLabels:             <none>\nAnnotations:        <none>\nSelector:           app=web\nReplicas:           2 desired | 0 updated | 0 total | 0 available | 0 unavailable\n');
    expect(out).toContain('Pod Template:\n  Labels:  app=web\n  Containers:\n   nginx:\n    Image:         nginx:1.24\n    Port:          <none>\n    Host Port:     <none>\n    Environment:   <none>\n    Mounts:        <none>\n  Volumes:         <none>\n  Node-Selectors:  <none>\n  Tolerations:     <none>\n');
    expect(out).toContain('  Tolerations:     <none>\nOldReplicaSets:    <none>\nNewReplicaSet:     <none>\nEvents:\n  Type    Reason             Age   From                   Message\n  ----    ------             ----  ----                   -------\n  Normal  ScalingReplicaSet  30s   deployment-controller  Scaled up replica set web-1 from 0 to 2\n');
  });
  it('falls back to name prefixes and reports NotFound', () => {
    k.create(PODS, pod('web-aaa'));
    expect(k.run('describe pod web').stdout).toContain('Name:             web-aaa\n');
    expect(k.run('describe pod zzz').stderr).toBe('Error from server (NotFound): pods "zzz" not found\n');
  });
});

describe('version and api-resources', () => {
  it('prints versions', () => {
    expect(k.run('version').stdout).toBe('Client Version: v1.32.2\nKustomize Version: v5.5.0\nServer Version: v1.32.2\n');
  });
  it('lists resources from the catalogue', () => {
    const lines = k.run('api-resources').stdout.split('\n');
    // Column widths follow the longest entry, which grows as kinds are added.
    expect(lines[0]).toMatch(/^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND$/);
    expect(lines.some((l) => /^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/.test(l))).toBe(true);
  });
});
