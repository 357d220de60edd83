import { describe, expect, it } from 'vitest';
import { obj, pod } from './fixtures.test-util';
import { buildOwnershipGraph, ownershipLayout } from './ownershipLayout';

const deploy = obj('Deployment', 'web');
const rs = obj('ReplicaSet', 'web-abc', { owner: deploy });
const oldRs = obj('ReplicaSet', 'web-old', { owner: deploy });
const pods = ['web-abc-1', 'web-abc-2', 'web-abc-3'].map((n) => pod(n, 'kind-worker', { owner: rs, labels: { app: 'web' } }));
const svc = { ...obj('Service', 'web', { spec: { selector: { app: 'web' } } }), apiVersion: 'v1' };
const cron = obj('CronJob', 'report');
const job = obj('Job', 'report-1', { owner: cron });
const jobPod = pod('report-1-x', 'kind-worker', { owner: job });
const bare = pod('debug', 'kind-worker');
const lease = obj('Lease', 'x');
const other = obj('Widget', 'w', { owner: deploy }); // an unknown kind owned by a Deployment
const ALL = [deploy, rs, oldRs, ...pods, svc, cron, job, jobPod, bare, lease, obj('Deployment', 'sys', { ns: 'kube-system' }), other];

describe('buildOwnershipGraph', () => {
  const g = buildOwnershipGraph(ALL);
  it('links children to owners by ownerReferences, for any kind', () => {
    expect(g.owners.get('pod:default/web-abc-1')).toEqual(['replicaset:default/web-abc']);
    expect(g.owners.get('replicaset:default/web-abc')).toEqual(['deployment:default/web']);
    expect(g.owners.get('job:default/report-1')).toEqual(['cronjob:default/report']);
    expect(g.owners.get('widget:default/w')).toEqual(['deployment:default/web']);
  });
  it('joins a Service to the pods its selector picks', () => {
    expect(g.selects.get('service:default/web')).toEqual(pods.map((p) => `pod:default/${p.metadata.name}`));
  });
  it('leaves out bookkeeping kinds and filters by namespace', () => {
    expect(g.objects.some((o) => o.kind === 'Lease')).toBe(false);
    expect(buildOwnershipGraph(ALL, 'kube-system').objects.map((o) => o.metadata.name)).toEqual(['sys']);
  });
});

describe('ownershipLayout', () => {
  const l = ownershipLayout(buildOwnershipGraph(ALL));
  const at = (id: string) => l.items.find((i) => i.id === id)!;
  it('reads left to right: Deployment, ReplicaSet, Pod, Service', () => {
    expect(at('deployment:default/web').x).toBeLessThan(at('replicaset:default/web-abc').x);
    expect(at('replicaset:default/web-abc').x).toBeLessThan(at('pod:default/web-abc-1').x);
    expect(at('pod:default/web-abc-1').x).toBeLessThan(at('service:default/web').x);
    expect(at('cronjob:default/report').x).toBe(at('deployment:default/web').x);
    expect(at('pod:default/debug').x).toBe(at('pod:default/web-abc-1').x); // bare pods line up with the others
  });
  it('centres a parent on its children', () => {
    const ys = pods.map((p) => at(`pod:default/${p.metadata.name}`));
    const mid = (ys[0].y + ys[2].y + ys[2].height) / 2;
    const r = at('replicaset:default/web-abc');
    expect(r.y + r.height / 2).toBeCloseTo(mid);
  });
  it('draws an edge per ownerReference and per selected pod', () => {
    expect(l.edges.filter((e) => e.kind === 'owns' && e.source === 'replicaset:default/web-abc')).toHaveLength(3);
    expect(l.edges.filter((e) => e.kind === 'selects')).toHaveLength(3);
  });
  it('does not overlap items', () => {
    for (const a of l.items)
      for (const b of l.items) {
        if (a === b) continue;
        const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
      }
  });
  it('keeps earlier trees in place when a later tree grows', () => {
    const more = ownershipLayout(buildOwnershipGraph([...ALL, pod('report-1-y', 'kind-worker', { owner: job })]));
    const before = l.items.find((i) => i.id === 'pod:default/debug')!;
    const after = more.items.find((i) => i.id === 'pod:default/debug')!;
    // 'debug' (a bare Pod) sorts after the CronJob tree: it moves down. The Deployment tree does not move.
    expect(after.y).toBeGreaterThan(before.y);
    for (const id of ['deployment:default/web', 'pod:default/web-abc-1']) expect(more.items.find((i) => i.id === id)!.y).toBe(at(id).y);
  });
});
