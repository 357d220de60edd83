// Fixtures for the rollout history/undo tests: DaemonSets, StatefulSets and ControllerRevisions
// written straight into a fake cluster's API server, shaped as the controllers write them.
import type { ControllerRevision, DaemonSet, StatefulSet } from '../../api/apps';
import type { PodTemplateSpec } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import { templatePatch } from '../../controllers/history/controller_history';
import type { FakeCluster } from './fake';

export const DS = { group: 'apps', resource: 'daemonsets' };
export const STS = { group: 'apps', resource: 'statefulsets' };
export const CR = { group: 'apps', resource: 'controllerrevisions' };

export function template(app: string, image: string): PodTemplateSpec {
  return { metadata: { labels: { app } }, spec: { containers: [{ name: app, image }] } } as PodTemplateSpec;
}

/** A ControllerRevision as the DaemonSet/StatefulSet controllers write it. */
export function revision(k: FakeCluster, owner: KubeObject, n: number, t: PodTemplateSpec, cause?: string): ControllerRevision {
  const cr: ControllerRevision = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: `${owner.metadata.name}-rev${n}`,
      namespace: owner.metadata.namespace,
      labels: { ...t.metadata?.labels, 'controller-revision-hash': `rev${n}` },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: owner.kind, name: owner.metadata.name ?? '', uid: owner.metadata.uid ?? '', controller: true, blockOwnerDeletion: true }],
    },
    data: templatePatch(t),
    revision: n,
  };
  if (cause) cr.metadata.annotations = { 'kubernetes.io/change-cause': cause };
  return k.create(CR, cr) as ControllerRevision;
}

export function daemonSet(k: FakeCluster, t: PodTemplateSpec): DaemonSet {
  return k.create(DS, {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'fluentd', namespace: 'default' },
    spec: { selector: { matchLabels: { app: 'fluentd' } }, template: t },
  } as DaemonSet) as DaemonSet;
}

export function statefulSet(k: FakeCluster, t: PodTemplateSpec): StatefulSet {
  return k.create(STS, {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default' },
    spec: { serviceName: 'web', replicas: 2, selector: { matchLabels: { app: 'web' } }, template: t },
  } as StatefulSet) as StatefulSet;
}

/** describe.DescribePodTemplate for template(app, image), tabs unaligned. */
export const TEMPLATE = (app: string, image: string) =>
  [
    'Pod Template:',
    `  Labels:\tapp=${app}`,
    '  Containers:',
    `   ${app}:`,
    `    Image:\t${image}`,
    '    Port:\t<none>',
    '    Host Port:\t<none>',
    '    Environment:\t<none>',
    '    Mounts:\t<none>',
    '  Volumes:\t<none>',
    '  Node-Selectors:\t<none>',
    '  Tolerations:\t<none>',
    '',
  ].join('\n');

