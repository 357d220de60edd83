import { describe, expect, it } from 'vitest';
import type { ReplicaSet } from '../../../api/apps';
import { CycleState } from '../../framework/cycle_state';
import { staticHandle } from '../../framework/handle';
import { SKIP } from '../../framework/types';
import { nodeInfo, pod } from '../../testing/fixtures';
import { New } from './scoring';

const owner = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: 'rs-uid', controller: true }];
const rs: ReplicaSet = {
  apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-1', namespace: 'default' },
  spec: { selector: { matchLabels: { app: 'web' } } },
};
const web = (name: string) => ({ name, labels: { app: 'web' } });

describe('PodTopologySpread (system defaults)', () => {
  it('worked example: 3 nodes without zones, 2/0/1 matching pods ⇒ raw 5/2/4 ⇒ 40/100/60', () => {
    const nodes = [nodeInfo({ name: 'a' }, [web('w1'), web('w2'), { name: 'other' }]), nodeInfo({ name: 'b' }), nodeInfo({ name: 'c' }, [web('w3')])];
    const pl = New(staticHandle(nodes, { replicaSets: [rs] }));
    const st = new CycleState();
    const p = pod({ labels: { app: 'web' }, ownerReferences: owner });
    expect(pl.preScore(st, p, nodes)).toBeNull();
    // hostname maxSkew 3, weight ln(3 + 2) ≈ 1.609: a = 2*1.609 + 2 = 5.2 ⇒ 5; b = 2; c = 3.6 ⇒ 4.
    const scores = nodes.map((n) => pl.score(st, p, n));
    expect(scores).toEqual([5, 2, 4]);
    pl.normalizeScore(st, p, scores, nodes);
    // 100 * (max + min - s) / max with min 2, max 5.
    expect(scores).toEqual([40, 100, 60]);
  });
  it('zones add a domain count', () => {
    const nodes = [
      nodeInfo({ name: 'a', labels: { 'topology.kubernetes.io/zone': 'z1' } }, [web('w1')]),
      nodeInfo({ name: 'b', labels: { 'topology.kubernetes.io/zone': 'z1' } }),
      nodeInfo({ name: 'c', labels: { 'topology.kubernetes.io/zone': 'z2' } }),
    ];
    const pl = New(staticHandle(nodes, { replicaSets: [rs] }));
    const st = new CycleState();
    const p = pod({ labels: { app: 'web' }, ownerReferences: owner });
    pl.preScore(st, p, nodes);
    // host: ln 5 ≈ 1.609 (+2), zone: 2 domains ⇒ ln 4 ≈ 1.386 (+4).
    // a: 1.609 + 2 + 1.386 + 4 = 9.0 ⇒ 9; b: 2 + 1.386 + 4 = 7.4 ⇒ 7; c: 2 + 4 = 6.
    expect(nodes.map((n) => pl.score(st, p, n))).toEqual([9, 7, 6]);
  });
  it('pods without a controller are not spread', () => {
    const nodes = [nodeInfo({ name: 'a' })];
    expect(New(staticHandle(nodes)).preScore(new CycleState(), pod(), nodes)?.code).toBe(SKIP);
  });
  it('terminating pods and other namespaces are not counted', () => {
    const nodes = [nodeInfo({ name: 'a' }, [{ ...web('w1'), namespace: 'other' }]), nodeInfo({ name: 'b' })];
    const pl = New(staticHandle(nodes, { replicaSets: [rs] }));
    const st = new CycleState();
    const p = pod({ labels: { app: 'web' }, ownerReferences: owner });
    pl.preScore(st, p, nodes);
    expect(nodes.map((n) => pl.score(st, p, n))).toEqual([2, 2]);
  });
});
