// kubectl describe: mirrors staging/src/k8s.io/kubectl/pkg/cmd/describe/describe.go (name
// prefix matching, several objects separated by two blank lines) and dispatches to the
// describers in ../describe/.
import type { Deployment, ReplicaSet } from '../../api/apps';
import type { Event, Node, Pod, ReplicationController } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import type { ResourceInfo } from '../../api/resources';
import { isNotFound } from '../../apiserver/errors';
import { matchesLabelSelector, matches, fromSet } from '../../api/labels';
import { parseResourceArgs } from '../builder';
import type { Ctx } from '../context';
import { AggregateError, KubectlError } from '../errors';
import type { FlagSpec } from '../flags';
import { eventsFor, describeEvents, printAnnotationsMultiline, printLabelsMultiline } from '../describe/helpers';
import { describeNode } from '../describe/node';
import { describePersistentVolume, describePersistentVolumeClaim, describePodDisruptionBudget, describeStorageClass } from '../describe/storage';
import { podClaimNames, type PersistentVolume, type PersistentVolumeClaim, type StorageClass } from '../../api/storage';
import type { PodDisruptionBudget } from '../../api/policy';
import { describePod } from '../describe/pod';
import { describeService } from '../describe/service';
import type { EndpointSlice, Ingress, IngressClass, NetworkPolicy, Service } from '../../api/networking';
import { describeIngress, describeIngressClass, describeNetworkPolicy } from '../describe/ingress';
import { describeConfigMap, describeLimitRange, describeNamespace, describeResourceQuota, describeSecret } from '../describe/config';
import type { ConfigMap, LimitRange, ResourceQuota, Secret } from '../../api/config';
import type { Namespace } from '../../api/core';
import { describeDaemonSet, describeStatefulSet } from '../describe/daemonset_statefulset';
import type { DaemonSet, StatefulSet } from '../../api/apps';
import { describeDeployment, describeReplicaSet, describeReplicationController } from '../describe/workloads';
import { LEVEL_0, PrefixWriter, rfc1123z } from '../describe/writer';
import { listOptions, namespaceFor, printContext } from './common';
import { describeCronJob, describeJob } from '../describe/batch';
import { describeHorizontalPodAutoscaler } from '../describe/autoscaling';
import { describeGeneric } from '../describe/generic';
import type { CronJob, Job } from '../../api/batch';
import type { HorizontalPodAutoscaler } from '../../api/autoscaling';

export const DESCRIBE_FLAGS: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'show-events', type: 'bool', default: true },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'chunk-size', type: 'int', default: 500 },
];

const EVENTS = { group: '', resource: 'events' };
const PODS = { group: '', resource: 'pods' };

function describeObject(ctx: Ctx, info: ResourceInfo, obj: KubeObject): string {
  const p = printContext(ctx);
  const ns = obj.metadata.namespace;
  const events = ctx.flags.bool('show-events') ? eventsFor(ctx.api.list(EVENTS, info.namespaced ? ns : undefined).items, obj) : [];
  switch (`${info.group}/${info.resource}`) {
    case '/pods':
      return describePod(obj as Pod, events, p);
    case '/services': {
      const slices = (ctx.api.list({ group: 'discovery.k8s.io', resource: 'endpointslices' }, ns, { labelSelector: `kubernetes.io/service-name=${obj.metadata.name}` }).items as EndpointSlice[]);
      return describeService(obj as Service, slices, events, p);
    }
    case '/configmaps':
      return describeConfigMap(obj as ConfigMap, events, p);
    case '/secrets':
      return describeSecret(obj as Secret);
    case '/resourcequotas':
      return describeResourceQuota(obj as ResourceQuota);
    case '/limitranges':
      return describeLimitRange(obj as LimitRange);
    case '/namespaces':
      return describeNamespace(
        obj as Namespace,
        ctx.api.list({ group: '', resource: 'resourcequotas' }, obj.metadata.name).items as ResourceQuota[],
        ctx.api.list({ group: '', resource: 'limitranges' }, obj.metadata.name).items as LimitRange[],
      );
    case 'apps/daemonsets':
    case 'apps/statefulsets': {
      const owned = (ctx.api.list(PODS, ns).items as Pod[]).filter((x) => x.metadata.ownerReferences?.some((r) => r.uid === obj.metadata.uid && r.controller));
      return info.resource === 'daemonsets' ? describeDaemonSet(obj as DaemonSet, owned, events, p) : describeStatefulSet(obj as StatefulSet, owned, events, p);
    }
    case 'apps/deployments': {
      const owned = (ctx.api.list({ group: 'apps', resource: 'replicasets' }, ns).items as ReplicaSet[]).filter((rs) =>
        rs.metadata.ownerReferences?.some((r) => r.uid === obj.metadata.uid && r.controller),
      );
      return describeDeployment(obj as Deployment, owned, events, p);
    }
    case 'apps/replicasets': {
      const rs = obj as ReplicaSet;
      const pods = (ctx.api.list(PODS, ns).items as Pod[]).filter(
        (x) => x.metadata.ownerReferences?.some((r) => r.uid === rs.metadata.uid && r.controller) && matchesLabelSelector(rs.spec.selector, x.metadata.labels),
      );
      return describeReplicaSet(rs, pods, events, p);
    }
    case '/replicationcontrollers': {
      const rc = obj as ReplicationController;
      const pods = (ctx.api.list(PODS, ns).items as Pod[]).filter((x) => x.metadata.ownerReferences?.some((r) => r.uid === rc.metadata.uid) && matches(fromSet(rc.spec.selector), x.metadata.labels));
      return describeReplicationController(rc, pods, events, p);
    }
    case '/nodes': {
      const pods = (ctx.api.list(PODS, undefined).items as Pod[]).filter((x) => x.spec.nodeName === obj.metadata.name);
      return describeNode(obj as Node, pods, events, p);
    }
    case '/persistentvolumeclaims': {
      const usedBy = (ctx.api.list(PODS, ns).items as Pod[]).filter((x) => podClaimNames(x.spec).includes(obj.metadata.name ?? ''));
      return describePersistentVolumeClaim(obj as PersistentVolumeClaim, usedBy, events, p);
    }
    case '/persistentvolumes':
      return describePersistentVolume(obj as PersistentVolume, events, p);
    case 'storage.k8s.io/storageclasses':
      return describeStorageClass(obj as StorageClass, events, p);
    case 'batch/jobs':
      return describeJob(obj as Job, events, p);
    case 'batch/cronjobs':
      return describeCronJob(obj as CronJob, events, p);
    case 'autoscaling/horizontalpodautoscalers':
      return describeHorizontalPodAutoscaler(obj as HorizontalPodAutoscaler, events, p);
    case 'apps/controllerrevisions':
    case '/events':
      return describeGeneric(obj, info.namespaced, events, p);
    case 'policy/poddisruptionbudgets':
      return describePodDisruptionBudget(obj as PodDisruptionBudget, events, p);
    case 'networking.k8s.io/ingresses': {
      const services = ctx.api.list({ group: '', resource: 'services' }, ns).items as Service[];
      const slices = ctx.api.list({ group: 'discovery.k8s.io', resource: 'endpointslices' }, ns).items as EndpointSlice[];
      return describeIngress(obj as Ingress, { services, slices }, events, p);
    }
    case 'networking.k8s.io/ingressclasses':
      return describeIngressClass(obj as IngressClass, events, p);
    case 'networking.k8s.io/networkpolicies':
      // metav1.Time's String(): `2025-03-03 09:00:00 +0000 UTC`.
      return describeNetworkPolicy(obj as NetworkPolicy, (obj.metadata.creationTimestamp ?? '').replace('T', ' ').replace(/Z$/, ' +0000 UTC'));
    default:
      return genericDescribe(obj, info, events, p);
  }
}

function genericDescribe(obj: KubeObject, info: ResourceInfo, events: Event[], p: ReturnType<typeof printContext>): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
  if (info.namespaced) w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  if (info.kind === 'Namespace') {
    const st = (obj.status ?? {}) as { phase?: string };
    w.write(LEVEL_0, `Status:\t${st.phase ?? ''}\n`);
    w.write(LEVEL_0, '\nNo resource quota.\n\nNo LimitRange resource.\n');
    return w.toString();
  }
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(obj.metadata.creationTimestamp)}\n`);
  describeEvents(w, events, p);
  return w.toString();
}

export function runDescribe(ctx: Ctx): void {
  const f = ctx.flags;
  if (!f.args.length && !f.arr('filename').length) {
    throw new KubectlError('error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
  }
  const refs = parseResourceArgs(ctx, f.args);
  const found: { info: ResourceInfo; obj: KubeObject }[] = [];
  const errors: unknown[] = [];
  for (const ref of refs) {
    const ns = f.bool('all-namespaces') ? undefined : namespaceFor(ctx, ref.info);
    if (ref.name === undefined) {
      for (const obj of ctx.api.list(ref.info, ns, listOptions(ctx)).items) found.push({ info: ref.info, obj });
      continue;
    }
    try {
      found.push({ info: ref.info, obj: ctx.api.get(ref.info, ns ?? '', ref.name) });
    } catch (e) {
      if (!isNotFound(e)) throw e;
      // describe falls back to every object whose name starts with the given one.
      const matches = ctx.api.list(ref.info, ns).items.filter((o) => (o.metadata.name ?? '').startsWith(ref.name!));
      if (!matches.length) errors.push(e);
      for (const obj of matches) found.push({ info: ref.info, obj });
    }
  }
  const texts = found.map(({ info, obj }) => describeObject(ctx, info, obj));
  if (texts.length) ctx.out(texts.join('\n\n').replace(/\n$/, ''));
  if (!found.length && !errors.length) {
    const namespaced = refs.some((r) => r.info.namespaced);
    ctx.err(namespaced && !f.bool('all-namespaces') ? `No resources found in ${ctx.namespace} namespace.` : 'No resources found');
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError(errors);
}
