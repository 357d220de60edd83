// Whole-cluster storage and disruption scenarios on fixed seeds (scenarios/storage.scenario and
// scenarios/pdb-drain.scenario replayed, plus direct checks on the objects).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';
import { parseScenario, runScenario } from '../../scenario/index';
import type { PersistentVolume, PersistentVolumeClaim } from '../../api/storage';

const DIR = join(__dirname, '..', '..', '..', '..', 'scenarios');
function transcript(file: string, seed = 1): string {
  return runScenario(createCluster({ seed }), parseScenario(readFileSync(join(DIR, file), 'utf8')), {}).transcript;
}
function outputOf(t: string, command: string, n = -1): string {
  const blocks = t.split(/^\$ /m).filter((b) => b.startsWith(command));
  const b = blocks.at(n) ?? '';
  return b.slice(b.indexOf('\n') + 1);
}

const CLAIM = `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
`;
const POD = `apiVersion: v1
kind: Pod
metadata: {name: app}
spec:
  containers:
  - {name: app, image: nginx:1.25}
  volumes:
  - name: data
    persistentVolumeClaim: {claimName: data}
`;

describe('storage (whole cluster)', () => {
  it('a default-class claim binds after its pod is scheduled, to pvc-<uid> pinned to the node', () => {
    const c = createCluster({ seed: 3 });
    c.apply(CLAIM);
    c.advance(5000);
    const pending = c.objects('/persistentvolumeclaims')[0] as PersistentVolumeClaim;
    expect(pending.spec.storageClassName).toBe('standard');
    expect(pending.status?.phase).toBe('Pending');
    expect(pending.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    c.apply(POD);
    c.advance(1000);
    expect(c.kubectl('get pod app').stdout).toMatch(/app\s+0\/1\s+Pending/);
    c.advance(20000);
    const claim = c.objects('/persistentvolumeclaims')[0] as PersistentVolumeClaim;
    const pv = c.objects('/persistentvolumes')[0] as PersistentVolume;
    expect(claim.status?.phase).toBe('Bound');
    expect(pv.metadata.name).toBe(`pvc-${claim.metadata.uid}`);
    const pod = c.objects('/pods', 'default').find((p) => p.metadata.name === 'app') as unknown as { spec: { nodeName?: string } };
    expect(pv.spec.nodeAffinity?.required?.nodeSelectorTerms[0].matchExpressions?.[0].values).toEqual([pod.spec.nodeName]);
    expect(claim.metadata.annotations?.['volume.kubernetes.io/selected-node']).toBe(pod.spec.nodeName);
    expect(c.kubectl('get pvc data').stdout).toMatch(new RegExp(`^data\\s+Bound\\s+${pv.metadata.name}\\s+1Gi\\s+RWO\\s+standard\\s+<unset>\\s+\\d+s$`, 'm'));
    expect(c.kubectl('get pv').stdout).toMatch(/1Gi\s+RWO\s+Delete\s+Bound\s+default\/data\s+standard\s+<unset>\s+\d+s/);
    expect(c.kubectl('get pod app').stdout).toMatch(/1\/1\s+Running/);
    // Deleting the claim while the pod uses it: Terminating until the pod is gone, then the PV goes.
    c.kubectl('delete pvc data --wait=false');
    c.advance(5000);
    expect(c.kubectl('get pvc data').stdout).toMatch(/data\s+Terminating/);
    c.kubectl('delete pod app --wait=false');
    c.advance(40_000);
    expect(c.objects('/persistentvolumeclaims')).toHaveLength(0);
    expect(c.objects('/persistentvolumes')).toHaveLength(0);
  });

  it('the storage scenario: events, unsatisfiable claim, missing claim', () => {
    const t = transcript('storage.scenario');
    expect(outputOf(t, 'kubectl get storageclass')).toMatch(/^standard \(default\)\s+rancher\.io\/local-path\s+Delete\s+WaitForFirstConsumer\s+false\s+\d+s$/m);
    expect(outputOf(t, 'kubectl get pvc data', 0)).toMatch(/^data\s+Pending\s+standard\s+<unset>\s+5s$/m);
    const ev = outputOf(t, 'kubectl get events --field-selector involvedObject.name=data');
    for (const r of ['WaitForFirstConsumer', 'ExternalProvisioning', 'Provisioning', 'ProvisioningSucceeded']) expect(ev).toContain(` ${r} `);
    expect(ev).toContain('waiting for first consumer to be created before binding');
    expect(outputOf(t, 'kubectl get pvc orphan')).toMatch(/orphan\s+Pending/);
    expect(outputOf(t, 'kubectl describe pvc orphan')).toContain('no persistent volumes available for this claim and no storage class is set');
    expect(outputOf(t, 'kubectl get events --field-selector involvedObject.name=nopvc')).toContain(
      '0/4 nodes are available: persistentvolumeclaim "missing" not found. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    );
    expect(outputOf(t, 'kubectl get pv')).toMatch(/No resources found|^NAME/);
  });

  it('a claim of an unknown class stays Pending with ProvisioningFailed', () => {
    const c = createCluster({ seed: 2 });
    c.apply(CLAIM.replace('spec:', 'spec:\n  storageClassName: manual'));
    c.advance(5000);
    expect(c.kubectl('get pvc data').stdout).toMatch(/data\s+Pending\s+manual/);
    expect(c.kubectl('describe pvc data').stdout).toContain('storageclass.storage.k8s.io "manual" not found');
  });

  it('drain with a PodDisruptionBudget (minAvailable 2 of 3) evicts one pod at a time', () => {
    const t = transcript('pdb-drain.scenario');
    expect(outputOf(t, 'kubectl get pdb web', 0)).toMatch(/^web\s+2\s+N\/A\s+1\s+\d+s$/m);
    const drain = outputOf(t, 'kubectl drain kind-worker');
    expect(drain).toContain(`error when evicting pods/"`);
    expect(drain).toContain(`-n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.`);
    expect(drain.match(/^pod\/web-\S+ evicted$/gm)).toHaveLength(3);
    expect(drain).toContain('node/kind-worker drained');
    expect(outputOf(t, 'kubectl get pods -l app=web -o wide', -1).match(/1\/1\s+Running/g)).toHaveLength(3);
    expect(outputOf(t, 'kubectl get pods -l app=web -o wide', -1)).not.toContain('kind-worker ');
  });

  it('validation: minAvailable and maxUnavailable together are refused', () => {
    const c = createCluster({ seed: 1 });
    const r = c.apply(`apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: bad}
spec:
  minAvailable: 1
  maxUnavailable: 1
  selector: {matchLabels: {app: x}}
`);
    expect(r.stderr).toContain('minAvailable and maxUnavailable cannot be both set');
  });

  it('snapshots round-trip with storage state', () => {
    const c = createCluster({ seed: 5 });
    c.apply(CLAIM);
    c.apply(POD);
    c.advance(1500);
    const snap = c.snapshot();
    const d = createCluster({ snapshot: snap });
    c.advance(20000);
    d.advance(20000);
    expect(JSON.stringify(d.snapshot().store)).toBe(JSON.stringify(c.snapshot().store));
  });
});
