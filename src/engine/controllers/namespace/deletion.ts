// The namespaced-resources deleter: mirrors pkg/controller/namespace/deletion/
// namespaced_resources_deleter.go (deleteAllContent, deleteAllContentForGroupVersionResource,
// estimateGracefulTermination, the NamespaceDeletion* conditions) and status_condition_utils.go.
// Pure helpers here; the controller (namespace_controller.ts) performs the API calls.
import type { Namespace, Pod } from '../../api/core';
import type { Condition, KubeObject } from '../../api/meta';
import type { ResourceInfo } from '../../api/resources';

/** What the controller saw for one resource type after asking for its deletion. */
export interface GVRContent {
  info: ResourceInfo;
  remaining: KubeObject[];
}

/**
 * Discovery: every namespaced resource the API serves that can be listed and deleted. New kinds
 * are covered as soon as they are in the catalogue, as upstream's discovery-driven deleter.
 */
export function deletableResources(all: ResourceInfo[], served: (i: ResourceInfo) => boolean): ResourceInfo[] {
  return all.filter((i) => i.namespaced && served(i) && i.verbs.includes('list') && (i.verbs.includes('delete') || i.verbs.includes('deletecollection')));
}

/**
 * estimateGracefulTerminationForPods: the longest grace period among pods still shutting down.
 * Two pods with grace 30 s and 10 s: 30, so the controller looks again after 30/2 + 1 = 16 s.
 */
export function estimateGracefulTermination(pods: Pod[]): number {
  let estimate = 0;
  for (const p of pods) {
    if (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') continue;
    const grace = p.metadata.deletionGracePeriodSeconds ?? p.spec?.terminationGracePeriodSeconds ?? 30;
    if (grace > estimate) estimate = grace;
  }
  return estimate;
}

/** The namespace controller's requeue delay for a ResourcesRemainingError: Estimate/2 + 1 seconds. */
export function requeueAfterMs(estimateSeconds: number): number {
  return (Math.floor(estimateSeconds / 2) + 1) * 1000;
}

export const CONDITION_TYPES = [
  'NamespaceDeletionDiscoveryFailure',
  'NamespaceDeletionGroupVersionParsingFailure',
  'NamespaceDeletionContentFailure',
  'NamespaceContentRemaining',
  'NamespaceFinalizersRemaining',
] as const;

const OK: Record<(typeof CONDITION_TYPES)[number], [string, string]> = {
  NamespaceDeletionDiscoveryFailure: ['ResourcesDiscovered', 'All resources successfully discovered'],
  NamespaceDeletionGroupVersionParsingFailure: ['ParsedGroupVersions', 'All legacy kube types successfully parsed'],
  NamespaceDeletionContentFailure: ['ContentDeleted', 'All content successfully deleted, may be waiting on finalization'],
  NamespaceContentRemaining: ['ContentRemoved', 'All content successfully removed'],
  NamespaceFinalizersRemaining: ['ContentHasNoFinalizers', 'All content-preserving finalizers finished'],
};

/**
 * The five deletion conditions after one pass. Content still present:
 *   NamespaceContentRemaining True SomeResourcesRemain
 *   "Some resources are remaining: pods. has 2 resource instances"
 * (`<resource>.<group>`, so core kinds end in a dot, as on a real cluster).
 */
export function deletionConditions(content: GVRContent[], failures: string[], old: Condition[] | undefined, now: string): Condition[] {
  const remaining: string[] = [];
  const finalizers = new Map<string, number>();
  for (const c of content) {
    if (!c.remaining.length) continue;
    remaining.push(`${c.info.resource}.${c.info.group} has ${c.remaining.length} resource instances`);
    for (const o of c.remaining) for (const f of o.metadata.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1);
  }
  const bad: Partial<Record<(typeof CONDITION_TYPES)[number], [string, string]>> = {};
  if (failures.length) bad.NamespaceDeletionContentFailure = ['ContentDeletionFailed', `Failed to delete all resource types, ${failures.length} remaining: ${failures.join(', ')}`];
  if (remaining.length) bad.NamespaceContentRemaining = ['SomeResourcesRemain', `Some resources are remaining: ${remaining.sort().join(', ')}`];
  if (finalizers.size) {
    const parts = [...finalizers.keys()].sort().map((f) => `${f} in ${finalizers.get(f)} resource instances`);
    bad.NamespaceFinalizersRemaining = ['SomeFinalizersRemain', `Some content in the namespace has finalizers remaining: ${parts.join(', ')}`];
  }
  return CONDITION_TYPES.map((type) => {
    const [reason, message] = bad[type] ?? OK[type];
    const status = bad[type] ? 'True' : 'False';
    const prev = old?.find((c) => c.type === type);
    const lastTransitionTime = prev && prev.status === status ? prev.lastTransitionTime ?? now : now;
    return { type, status, lastTransitionTime, reason, message } as Condition;
  });
}

export function isTerminating(ns: Namespace): boolean {
  return !!ns.metadata.deletionTimestamp;
}
