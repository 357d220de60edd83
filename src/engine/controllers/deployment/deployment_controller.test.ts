import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../../api/apps';
import type { Pod } from '../../api/core';
import { ReplicaSetController } from '../replicaset/replica_set';
import { deploymentObject, G } from '../../testing/harness';
import { FakeKubelet, Harness } from '../replicaset/testing';
import { DeploymentController } from './deployment_controller';
import { computeHash, revisionOf } from './util';
import { rollbackAnnotations, rollbackTemplate } from './rollback';

function deployment(replicas: number, image = 'nginx:1.25', extra: Partial<Deployment['spec']> = {}): Deployment {
  return deploymentObject({ namespace: 'default', replicas, image, spec: extra });
}

function setup(opts: ConstructorParameters<typeof FakeKubelet>[1] = {}) {
  const h = new Harness();
  h.add(new DeploymentController(h.ctx));
  h.add(new ReplicaSetController(h.ctx));
  h.add(new FakeKubelet(h, opts));
  h.start();
  return h;
}

const rsList = (h: Harness) => h.list<ReplicaSet>(G.replicasets);
const dep = (h: Harness) => h.get<Deployment>(G.deployments, 'web');
const cond = (h: Harness, type: string) => dep(h).status?.conditions?.find((c) => c.type === type);
const setImage = (h: Harness, image: string) => h.edit<Deployment>(G.deployments, 'web', (d) => { d.spec.template.spec.containers[0].image = image; });

describe('DeploymentController', () => {
  it('creates <deploy>-<hash> with the hash label and annotations, then 3 pods', () => {
    const h = setup();
    const d = h.create(G.deployments, deployment(3));
    const hash = computeHash(d.spec.template);
    const [rs] = rsList(h);
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.spec.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.spec.template!.metadata!.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.metadata.annotations).toEqual({
      'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4',
    });
    expect(rs.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Deployment', name: 'web', uid: d.metadata.uid, controller: true });
    expect(h.pods()).toHaveLength(3);
    expect(h.pods()[0].metadata.name).toMatch(new RegExp(`^web-${hash}-[a-z0-9]{5}$`));
    expect(h.eventMessages('ScalingReplicaSet')).toEqual([`Scaled up replica set web-${hash} from 0 to 3`]);
    expect(dep(h).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    // NewReplicaSetCreated was set on creation; the pods appearing (updatedReplicas 0 → 3) is progress.
    expect(cond(h, 'Progressing')).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "web-${hash}" is progressing.` });
    h.advance(2000);
    expect(dep(h).status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
    expect(cond(h, 'Available')).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' });
    expect(cond(h, 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "web-${hash}" has successfully progressed.` });
  });

  it('scales up and down; scale-down removes not-yet-Ready pods first', () => {
    const h = setup();
    h.create(G.deployments, deployment(3));
    h.advance(2000);
    h.edit<Deployment>(G.deployments, 'web', (d) => { d.spec.replicas = 5; });
    expect(h.activePods()).toHaveLength(5);
    const fresh = h.activePods().filter((p) => !p.status?.conditions?.some((c) => c.type === 'Ready')).map((p) => p.metadata.name).sort();
    expect(fresh).toHaveLength(2);
    h.edit<Deployment>(G.deployments, 'web', (d) => { d.spec.replicas = 3; });
    expect(h.activePods()).toHaveLength(3);
    const deleted = h.eventMessages('SuccessfulDelete').map((m) => m.replace('Deleted pod: ', '')).sort();
    expect(deleted).toEqual(fresh);
    const [rs] = rsList(h);
    expect(h.eventMessages('ScalingReplicaSet')).toEqual([
      `Scaled up replica set ${rs.metadata.name} from 0 to 3`, `Scaled up replica set ${rs.metadata.name} from 3 to 5`, `Scaled down replica set ${rs.metadata.name} from 5 to 3`,
    ]);
  });

  it('rolls 10 replicas at 25%/25% without exceeding 13 pods or dropping below 8 available', () => {
    const h = setup();
    h.create(G.deployments, deployment(10));
    h.advance(2000);
    let maxPods = 0;
    let minAvailable = Infinity;
    h.onChange = () => {
      const active = h.activePods();
      maxPods = Math.max(maxPods, active.length);
      minAvailable = Math.min(minAvailable, active.filter((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length);
    };
    setImage(h, 'nginx:1.26');
    // new 0→3 (13 in spec), old 10→8 (13−8−3 = 2 may go), new 3→5 (spec total 11 < 13); then
    // 13−8−5 = 0: wait for new pods to become available.
    const firstStep = rsList(h).map((r) => r.spec.replicas).sort((a, b) => a! - b!);
    expect(firstStep).toEqual([5, 8]);
    for (let i = 0; i < 30; i++) h.advance(1000);
    h.onChange = undefined;
    expect(maxPods).toBe(13);
    expect(minAvailable).toBe(8);
    const d = dep(h);
    expect(d.status).toMatchObject({ replicas: 10, updatedReplicas: 10, availableReplicas: 10 });
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    const byRev = rsList(h).sort((a, b) => revisionOf(a) - revisionOf(b));
    expect(byRev.map((r) => [revisionOf(r), r.spec.replicas])).toEqual([[1, 0], [2, 10]]);
    expect(cond(h, 'Progressing')?.reason).toBe('NewReplicaSetAvailable');
  });

  it('Recreate: old pods all gone before any new pod exists', () => {
    const h = setup();
    h.create(G.deployments, deployment(3, 'nginx:1.25', { strategy: { type: 'Recreate' } }));
    h.advance(2000);
    let overlap = false;
    h.onChange = () => {
      const hashes = new Set(h.pods().map((p) => p.metadata.labels?.['pod-template-hash']));
      if (hashes.size > 1) overlap = true;
    };
    setImage(h, 'nginx:1.26');
    expect(h.activePods()).toHaveLength(0);
    expect(rsList(h)).toHaveLength(1); // the new RS is not even created yet
    h.advance(2500); // terminating pods go away
    expect(rsList(h)).toHaveLength(2);
    expect(h.activePods()).toHaveLength(3);
    h.advance(2000);
    h.onChange = undefined;
    expect(overlap).toBe(false);
    expect(dep(h).status).toMatchObject({ updatedReplicas: 3, availableReplicas: 3 });
  });

  it('rollback: the old RS becomes new again with revision max+1 and revision-history', () => {
    const h = setup();
    h.create(G.deployments, { ...deployment(2), metadata: { name: 'web', namespace: 'default', annotations: { 'kubernetes.io/change-cause': 'v1' } } });
    h.advance(2000);
    h.edit<Deployment>(G.deployments, 'web', (d) => {
      d.spec.template.spec.containers[0].image = 'nginx:1.26';
      d.metadata.annotations = { ...d.metadata.annotations, 'kubernetes.io/change-cause': 'v2' };
    });
    for (let i = 0; i < 10; i++) h.advance(1000);
    const v1 = rsList(h).find((r) => revisionOf(r) === 1)!;
    expect(v1.metadata.annotations?.['kubernetes.io/change-cause']).toBe('v1');
    // What `kubectl rollout undo` does, with the exported helpers.
    h.edit<Deployment>(G.deployments, 'web', (d) => {
      d.spec.template = rollbackTemplate(v1)!;
      d.metadata.annotations = rollbackAnnotations(d, v1);
    });
    for (let i = 0; i < 10; i++) h.advance(1000);
    expect(rsList(h)).toHaveLength(2);
    const revived = h.get<ReplicaSet>(G.replicasets, v1.metadata.name!);
    expect(revived.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '3', 'deployment.kubernetes.io/revision-history': '1' });
    expect(revived.spec.replicas).toBe(2);
    expect(dep(h).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(dep(h).status).toMatchObject({ updatedReplicas: 2, availableReplicas: 2, replicas: 2 });
    expect(h.trace.recent().some((t) => t.component === 'deployment-controller' && t.action === 'rollback')).toBe(true);
  });

  it('keeps only revisionHistoryLimit old ReplicaSets', () => {
    const h = setup();
    h.create(G.deployments, deployment(1, 'nginx:1', { revisionHistoryLimit: 2 }));
    h.advance(2000);
    for (let v = 2; v <= 6; v++) {
      setImage(h, `nginx:${v}`);
      for (let i = 0; i < 6; i++) h.advance(1000);
    }
    const revs = rsList(h).map(revisionOf).sort((a, b) => a - b);
    expect(revs).toEqual([4, 5, 6]);
  });

  it('pause: template changes wait, scaling still happens; resume rolls out', () => {
    const h = setup();
    h.create(G.deployments, deployment(2));
    h.advance(2000);
    h.edit<Deployment>(G.deployments, 'web', (d) => { d.spec.paused = true; });
    expect(cond(h, 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    setImage(h, 'nginx:1.26');
    expect(rsList(h)).toHaveLength(1);
    h.edit<Deployment>(G.deployments, 'web', (d) => { d.spec.replicas = 4; });
    expect(rsList(h)[0].spec.replicas).toBe(4);
    expect(h.activePods()).toHaveLength(4);
    h.edit<Deployment>(G.deployments, 'web', (d) => { d.spec.paused = false; });
    expect(rsList(h)).toHaveLength(2);
    expect(cond(h, 'Progressing')?.reason).not.toBe('DeploymentPaused');
    for (let i = 0; i < 15; i++) h.advance(1000);
    expect(dep(h).status).toMatchObject({ replicas: 4, updatedReplicas: 4, availableReplicas: 4 });
    expect(cond(h, 'Progressing')?.reason).toBe('NewReplicaSetAvailable');
  });

  it('progress deadline exceeded when new pods never become Ready', () => {
    const h = setup({ neverReady: (p: Pod) => p.spec.containers[0].image === 'nginx:broken' });
    h.create(G.deployments, deployment(2, 'nginx:1.25', { progressDeadlineSeconds: 30 }));
    h.advance(2000);
    setImage(h, 'nginx:broken');
    h.advance(20_000);
    expect(cond(h, 'Progressing')?.reason).toBe('ReplicaSetUpdated');
    h.advance(15_000);
    const newRS = rsList(h).find((r) => revisionOf(r) === 2)!;
    expect(cond(h, 'Progressing')).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${newRS.metadata.name}" has timed out progressing.` });
    // The old pods keep serving: maxUnavailable 0 at 2 replicas.
    expect(cond(h, 'Available')?.status).toBe('True');
  });

  it('minReadySeconds delays the Deployment\'s availability', () => {
    const h = setup();
    h.create(G.deployments, deployment(2, 'nginx:1.25', { minReadySeconds: 10 }));
    h.advance(2000);
    expect(dep(h).status).toMatchObject({ readyReplicas: 2, availableReplicas: 0 });
    expect(cond(h, 'Available')).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable' });
    h.advance(10_000);
    expect(dep(h).status).toMatchObject({ readyReplicas: 2, availableReplicas: 2 });
    expect(cond(h, 'Available')?.status).toBe('True');
  });

  it('adopts an orphan ReplicaSet that matches its selector and is identical to its template', () => {
    const h = setup();
    const tmpl = deployment(2).spec.template;
    const hash = computeHash(tmpl);
    h.create<ReplicaSet>(G.replicasets, {
      apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: `web-${hash}`, namespace: 'default', labels: { app: 'web', 'pod-template-hash': hash } },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } }, template: { metadata: { labels: { app: 'web', 'pod-template-hash': hash } }, spec: tmpl.spec } },
    });
    const d = h.create(G.deployments, deployment(2));
    expect(rsList(h)).toHaveLength(1);
    expect(rsList(h)[0].metadata.ownerReferences?.[0].uid).toBe(d.metadata.uid);
    expect(h.activePods()).toHaveLength(2);
  });

  it('leaves no timer behind once the rollout is complete, and its state round-trips', () => {
    const h = new Harness();
    const dc = h.add(new DeploymentController(h.ctx));
    h.add(new ReplicaSetController(h.ctx));
    h.add(new FakeKubelet(h));
    h.start();
    h.create(G.deployments, deployment(2));
    const pending = () => h.clock.save().timers.filter((t) => t.owner === 'deployment-controller');
    expect(pending()).toHaveLength(1); // the progress-deadline check while pods start
    const saved = JSON.parse(JSON.stringify(dc.save()));
    const again = new DeploymentController(h.ctx);
    again.load(saved);
    expect(again.save()).toEqual(saved);
    h.advance(2000);
    expect(cond(h, 'Progressing')?.reason).toBe('NewReplicaSetAvailable');
    expect(pending()).toHaveLength(0);
  });
});
