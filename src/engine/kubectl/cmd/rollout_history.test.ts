// kubectl rollout history for DaemonSets and StatefulSets, against a bare API server holding
// hand-made ControllerRevisions (no controllers), so each expectation follows only from
// polymorphichelpers/history.go and rollout_history.go. Texts not checkable without a cluster
// are written from that source: the `<kind>/<name> <operation>` line (a trailing space when
// there is no "with revision #N"), the REVISION/CHANGE-CAUSE tabwriter table, the template
// printed with its raw tabs, and the errors.
import { beforeEach, describe, expect, it } from 'vitest';
import type { ControllerRevision, DaemonSet } from '../../api/apps';
import type { KubeObject } from '../../api/meta';
import { templatePatch } from '../../controllers/history/controller_history';
import { fakeCluster, type FakeCluster } from '../testing/fake';
import { CR, TEMPLATE, daemonSet, revision, statefulSet, template } from '../testing/revisions';

let k: FakeCluster;
beforeEach(() => {
  k = fakeCluster();
});

describe('rollout history daemonset', () => {
  let ds: DaemonSet;
  beforeEach(() => {
    ds = daemonSet(k, template('fluentd', 'fluentd:v2'));
    revision(k, ds, 1, template('fluentd', 'fluentd:v1'));
    revision(k, ds, 2, template('fluentd', 'fluentd:v2'), 'kubectl set image ds/fluentd fluentd=fluentd:v2');
  });

  it('lists the revisions with their CHANGE-CAUSE, <none> when a revision has none', () => {
    expect(k.run('rollout history ds/fluentd')).toEqual({
      stdout: 'daemonset.apps/fluentd \nREVISION  CHANGE-CAUSE\n1         <none>\n2         kubectl set image ds/fluentd fluentd=fluentd:v2\n\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('prints one revision as the DaemonSet with that revision applied', () => {
    expect(k.run('rollout history daemonset fluentd --revision=1').stdout).toBe(`daemonset.apps/fluentd with revision #1\n${TEMPLATE('fluentd', 'fluentd:v1')}\n`);
    expect(k.run('rollout history ds/fluentd --revision=3')).toEqual({ stdout: '', stderr: 'error: unable to find the specified revision\n', exitCode: 1 });
  });

  it('ignores revisions the DaemonSet does not control, even with matching labels', () => {
    k.create(CR, {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: { name: 'stray', namespace: 'default', labels: { app: 'fluentd' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'fluentd', uid: 'someone-else', controller: true }] },
      data: templatePatch(template('fluentd', 'x')),
      revision: 7,
    } as ControllerRevision);
    expect(k.run('rollout history ds/fluentd').stdout).toBe('daemonset.apps/fluentd \nREVISION  CHANGE-CAUSE\n1         <none>\n2         kubectl set image ds/fluentd fluentd=fluentd:v2\n\n');
  });

  it('-o name / -o yaml print the DaemonSet as of each revision', () => {
    expect(k.run('rollout history ds/fluentd -o name').stdout).toBe('daemonset.apps/fluentd\ndaemonset.apps/fluentd\n');
    const yaml = k.run('rollout history ds/fluentd -o yaml').stdout;
    // YAMLPrinter separates the second object with ---.
    expect(yaml.split('\n---\n')).toHaveLength(2);
    expect(yaml.indexOf('image: fluentd:v1')).toBeLessThan(yaml.indexOf('image: fluentd:v2'));
    expect(k.run('rollout history ds/fluentd --revision=2 -o yaml').stdout).toMatch(/^apiVersion: apps\/v1\nkind: DaemonSet\n[\s\S]*image: fluentd:v2\n/);
    expect(k.run('rollout history ds/fluentd --revision=9 -o yaml').stderr).toBe('error: unable to find the specified revision\n');
  });
});

describe('rollout history statefulset', () => {
  it('lists revisions (CHANGE-CAUSE column too, as v1.32 prints for StatefulSets) and one revision', () => {
    const sts = statefulSet(k, template('web', 'nginx:1.25'));
    revision(k, sts, 1, template('web', 'nginx:1.24'));
    revision(k, sts, 2, template('web', 'nginx:1.25'), 'upgrade');
    expect(k.run('rollout history statefulset/web').stdout).toBe('statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         upgrade\n\n');
    expect(k.run('rollout history sts/web --revision=1').stdout).toBe(`statefulset.apps/web with revision #1\n${TEMPLATE('web', 'nginx:1.24')}\n`);
  });

  it('says so when there is no history yet', () => {
    statefulSet(k, template('web', 'nginx:1.25'));
    expect(k.run('rollout history sts/web').stdout).toBe('statefulset.apps/web \nNo rollout history found.\n');
    // Validate() checks the revision before anything is fetched; kubectl v1.32 prints exactly this.
    expect(k.run('rollout history sts/web --revision=-1').stderr).toBe('error: revision must be a positive integer: -1\n');
  });
});

describe('rollout history errors', () => {
  it('names the kinds without a history viewer as schema.GroupKind prints them', () => {
    k.create({ group: '', resource: 'pods' }, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } as KubeObject);
    expect(k.run('rollout history pod/p').stderr).toBe('error: no history viewer has been implemented for "Pod"\n');
    k.create({ group: 'apps', resource: 'replicasets' }, { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs', namespace: 'default' }, spec: { selector: { matchLabels: { a: 'b' } }, template: template('a', 'b') } } as KubeObject);
    expect(k.run('rollout history rs/rs').stderr).toBe('error: no history viewer has been implemented for "ReplicaSet.apps"\n');
    // Client-side, checked against kubectl v1.32.
    expect(k.run('rollout history').stderr).toBe('error: required resource not specified\n');
  });

  it('goes on with the other objects after an error, then reports it', () => {
    const ds = daemonSet(k, template('fluentd', 'fluentd:v2'));
    revision(k, ds, 1, template('fluentd', 'fluentd:v1'));
    k.create({ group: '', resource: 'pods' }, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } as KubeObject);
    statefulSet(k, template('web', 'nginx:1.25'));
    expect(k.run('rollout history pod/p ds/fluentd sts/web --revision=1')).toEqual({
      // No history at all wins over the missing revision (printHistory checks it first).
      stdout: `daemonset.apps/fluentd with revision #1\n${TEMPLATE('fluentd', 'fluentd:v1')}\nstatefulset.apps/web with revision #1\nNo rollout history found.\n`,
      stderr: 'error: no history viewer has been implemented for "Pod"\n',
      exitCode: 1,
    });
  });
});
