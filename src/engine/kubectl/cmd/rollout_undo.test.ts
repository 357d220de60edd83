// kubectl rollout undo for DaemonSets and StatefulSets (and the dry-run forms for Deployments):
// first against a bare API server with hand-made ControllerRevisions, so the expectations follow
// only from polymorphichelpers/rollback.go and rollout_undo.go; then on a whole cluster, where
// the controllers renumber the restored revision and roll the pods back.
import { beforeEach, describe, expect, it } from 'vitest';
import type { ControllerRevision, DaemonSet, StatefulSet } from '../../api/apps';
import type { Pod } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import { createCluster } from '../../index';
import { fakeCluster, type FakeCluster } from '../testing/fake';
import { DS, STS, TEMPLATE, daemonSet, revision, statefulSet, template } from '../testing/revisions';

let k: FakeCluster;
beforeEach(() => {
  k = fakeCluster();
});

const imageOf = (o: KubeObject) => (o as DaemonSet).spec.template.spec.containers[0].image;

describe('rollout undo daemonset (rollback.go, DaemonSetRollbacker)', () => {
  beforeEach(() => {
    const ds = daemonSet(k, template('fluentd', 'fluentd:v2'));
    revision(k, ds, 1, template('fluentd', 'fluentd:v1'));
    revision(k, ds, 2, template('fluentd', 'fluentd:v2'));
  });

  it('restores the second-highest revision with its $patch: replace data', () => {
    expect(k.run('rollout undo ds/fluentd')).toEqual({ stdout: 'daemonset.apps/fluentd rolled back\n', stderr: '', exitCode: 0 });
    const ds = k.api.get(DS, 'default', 'fluentd') as DaemonSet;
    expect(ds.spec.template).toEqual(template('fluentd', 'fluentd:v1'));
  });

  it('skips a revision equal to the current template, naming --to-revision as given', () => {
    expect(k.run('rollout undo ds/fluentd --to-revision=2').stdout).toBe('daemonset.apps/fluentd skipped rollback (current template already matches revision 2)\n');
    // Before the controller renumbers a restored revision, the second highest one can equal the
    // template; kubectl then reports revision 0, the --to-revision it was given.
    k.run('rollout undo ds/fluentd');
    expect(k.run('rollout undo ds/fluentd').stdout).toBe('daemonset.apps/fluentd skipped rollback (current template already matches revision 0)\n');
  });

  it('dry runs: client prints the template it would restore; server sends the patch and stores nothing', () => {
    expect(k.run('rollout undo ds/fluentd --dry-run=client')).toEqual({ stdout: `daemonset.apps/fluentd will roll back to ${TEMPLATE('fluentd', 'fluentd:v1')} (dry run)\n`, stderr: '', exitCode: 0 });
    expect(k.run('rollout undo ds/fluentd --to-revision=1 --dry-run=server').stdout).toBe('daemonset.apps/fluentd rolled back (server dry run)\n');
    expect(imageOf(k.api.get(DS, 'default', 'fluentd'))).toBe('fluentd:v2');
    // Checked against kubectl v1.32 (client-side).
    expect(k.run('rollout undo ds/fluentd --dry-run=maybe').stderr).toBe('error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n');
    expect(k.run('rollout undo --dry-run=maybe').stderr).toBe('error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n');
  });

  it('-o name prints the object name only', () => {
    expect(k.run('rollout undo ds/fluentd -o name').stdout).toBe('daemonset.apps/fluentd\n');
  });

  it('reports a missing revision, and a history too short to go back', () => {
    expect(k.run('rollout undo ds/fluentd --to-revision=7')).toEqual({ stdout: '', stderr: 'error: unable to find specified revision 7 in history\n', exitCode: 1 });
    expect(k.run('rollout undo ds/fluentd --to-revision=-1').stderr).toBe('error: unable to find specified revision -1 in history\n');
    const lone = k.create(DS, { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'lone', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'lone' } }, template: template('lone', 'x:1') } } as DaemonSet);
    revision(k, lone, 1, template('lone', 'x:1'));
    expect(k.run('rollout undo ds/lone').stderr).toBe('error: no last revision to roll back to\n');
    // --to-revision=1 is allowed with a single revision (and here already matches).
    expect(k.run('rollout undo ds/lone --to-revision=1').stdout).toBe('daemonset.apps/lone skipped rollback (current template already matches revision 1)\n');
  });
});

describe('rollout undo statefulset (StatefulSetRollbacker)', () => {
  it('restores an older revision', () => {
    const sts = statefulSet(k, template('web', 'nginx:1.26'));
    revision(k, sts, 1, template('web', 'nginx:1.24'));
    revision(k, sts, 2, template('web', 'nginx:1.25'));
    revision(k, sts, 3, template('web', 'nginx:1.26'));
    expect(k.run('rollout undo statefulset/web --to-revision=1').stdout).toBe('statefulset.apps/web rolled back\n');
    expect(imageOf(k.api.get(STS, 'default', 'web'))).toBe('nginx:1.24');
    expect(k.run('rollout undo sts/web --dry-run=client').stdout).toBe(`statefulset.apps/web will roll back to ${TEMPLATE('web', 'nginx:1.25')} (dry run)\n`);
  });
});

describe('rollout undo of other kinds', () => {
  it('names them as RollbackerFor does (%q of a schema.GroupKind)', () => {
    k.create({ group: '', resource: 'services' }, { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default' }, spec: { ports: [{ port: 80 }] } } as KubeObject);
    expect(k.run('rollout undo svc/s').stderr).toBe('error: no rollbacker has been implemented for "Service"\n');
    // Client-side, checked against kubectl v1.32.
    expect(k.run('rollout undo').stderr).toBe('error: required resource not specified\n');
    // The other rollout verbs, in their own words (StatusViewerFor prints the GroupKind with %v).
    expect(k.run('rollout status svc/s').stderr).toBe('error: no status viewer has been implemented for Service\n');
    expect(k.run('rollout restart svc/s').stderr).toBe('error: services "s" restarting is not supported\n');
  });

  it('pause and resume are for Deployments only; each refusal is reported, one line per object', () => {
    daemonSet(k, template('fluentd', 'fluentd:v1'));
    statefulSet(k, template('web', 'nginx:1.25'));
    expect(k.run('rollout pause ds/fluentd sts/web')).toEqual({
      stdout: '',
      stderr: 'error: daemonsets.apps "fluentd" pausing is not supported\nerror: statefulsets.apps "web" pausing is not supported\n',
      exitCode: 1,
    });
    expect(k.run('rollout resume sts/web').stderr).toBe('error: statefulsets.apps "web" resuming is not supported\n');
    expect(k.run('rollout restart ds/fluentd').stdout).toBe('daemonset.apps/fluentd restarted\n');
  });

  it('Deployment: a client dry run prints the bare template (no "will roll back to")', () => {
    const d = k.create({ group: 'apps', resource: 'deployments' }, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      // The revision annotation the controller sets (the rollback's JSON patch replaces annotations).
      metadata: { name: 'web', namespace: 'default', annotations: { 'deployment.kubernetes.io/revision': '2' } },
      spec: { selector: { matchLabels: { app: 'web' } }, template: template('web', 'nginx:1.25') },
    } as KubeObject);
    for (const [rev, image] of [[1, 'nginx:1.24'], [2, 'nginx:1.25']] as const) {
      k.create({ group: 'apps', resource: 'replicasets' }, {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: { name: `web-${rev}`, namespace: 'default', annotations: { 'deployment.kubernetes.io/revision': String(rev) }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: d.metadata.uid ?? '', controller: true }] },
        spec: { selector: { matchLabels: { app: 'web' } }, template: template('web', image) },
      } as KubeObject);
    }
    expect(k.run('rollout undo deploy/web --dry-run=client').stdout).toBe(`deployment.apps/web ${TEMPLATE('web', 'nginx:1.24')} (dry run)\n`);
    expect(k.run('rollout undo deploy/web --dry-run=server').stdout).toBe('deployment.apps/web rolled back (server dry run)\n');
    expect(imageOf(k.api.get({ group: 'apps', resource: 'deployments' }, 'default', 'web'))).toBe('nginx:1.25');
  });
});

// ------------------------------------------------------------------------ whole cluster

const FLUENTD = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: fluentd
spec:
  selector:
    matchLabels:
      app: fluentd
  template:
    metadata:
      labels:
        app: fluentd
    spec:
      containers:
      - name: fluentd
        image: nginx:1.24
`;

const WEB = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
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

function podsOf(c: ReturnType<typeof createCluster>, app: string): Pod[] {
  return (c.objects('/pods', 'default') as Pod[]).filter((p) => p.metadata.labels?.app === app && !p.metadata.deletionTimestamp);
}

describe('rollout history and undo on a running cluster', () => {
  it('DaemonSet: change-cause recorded per revision; undo renumbers the old revision and rolls the pods back', () => {
    const c = createCluster({ seed: 11 });
    c.apply(FLUENTD);
    c.advance(30_000);
    expect(c.run('kubectl rollout undo ds/fluentd').stderr).toBe('error: no last revision to roll back to\n');
    c.run('kubectl annotate ds/fluentd kubernetes.io/change-cause=nginx-1.25');
    c.run('kubectl set image ds/fluentd fluentd=nginx:1.25');
    c.advance(90_000);
    expect(c.run('kubectl rollout history ds/fluentd').stdout).toBe('daemonset.apps/fluentd \nREVISION  CHANGE-CAUSE\n1         <none>\n2         nginx-1.25\n\n');
    expect(podsOf(c, 'fluentd').map((p) => p.spec.containers[0].image)).toEqual(['nginx:1.25', 'nginx:1.25', 'nginx:1.25']);

    expect(c.run('kubectl rollout undo ds/fluentd').stdout).toBe('daemonset.apps/fluentd rolled back\n');
    c.advance(90_000);
    // Revision 1 is now revision 3 (same object, same name, its own annotations).
    expect(c.run('kubectl rollout history ds/fluentd').stdout).toBe('daemonset.apps/fluentd \nREVISION  CHANGE-CAUSE\n2         nginx-1.25\n3         <none>\n\n');
    expect(podsOf(c, 'fluentd').map((p) => p.spec.containers[0].image)).toEqual(['nginx:1.24', 'nginx:1.24', 'nginx:1.24']);
    const revs = c.objects('apps/controllerrevisions', 'default') as ControllerRevision[];
    expect(revs.map((r) => r.revision).sort()).toEqual([2, 3]);
    expect(c.run('kubectl rollout undo ds/fluentd --to-revision=3').stdout).toBe('daemonset.apps/fluentd skipped rollback (current template already matches revision 3)\n');
  });

  it('StatefulSet: undo restores the revision; status.currentRevision and updateRevision follow', () => {
    const c = createCluster({ seed: 12 });
    c.apply(WEB);
    c.advance(60_000);
    const first = (c.objects('apps/statefulsets', 'default') as StatefulSet[])[0].status?.updateRevision;
    c.run('kubectl set image sts/web nginx=nginx:1.25');
    c.advance(120_000);
    expect(c.run('kubectl rollout history sts/web').stdout).toBe('statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    expect(c.run('kubectl rollout undo sts/web').stdout).toBe('statefulset.apps/web rolled back\n');
    c.advance(120_000);
    const sts = (c.objects('apps/statefulsets', 'default') as StatefulSet[])[0];
    expect(sts.status?.updateRevision).toBe(first);
    expect(sts.status?.currentRevision).toBe(first);
    expect(c.run('kubectl rollout history sts/web').stdout).toBe('statefulset.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');
    expect(podsOf(c, 'web').map((p) => p.spec.containers[0].image)).toEqual(['nginx:1.24', 'nginx:1.24']);
  });
});
