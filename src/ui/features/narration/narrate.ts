// Trace entries in plain words for the narration feed: who acted (as the lecture names the
// component), on what, and what it did. The engine already writes plain messages; this adds the
// speaker and a colour family so the feed reads like a script.
import type { TraceEntry } from '../../../engine';

export type Family = 'apiserver' | 'scheduler' | 'controller' | 'kubelet' | 'proxy' | 'dns' | 'user' | 'other';

const NAMES: Record<string, string> = {
  'default-scheduler': 'Scheduler',
  'kube-scheduler': 'Scheduler',
  'kube-apiserver': 'API server',
  apiserver: 'API server',
  kubelet: 'kubelet',
  'kube-proxy': 'kube-proxy',
  kubectl: 'kubectl',
  sim: 'Simulator',
  'node-lifecycle-controller': 'Node lifecycle controller',
  'garbage-collector-controller': 'Garbage collector',
  'garbagecollector': 'Garbage collector',
  'pod-garbage-collector': 'Pod GC',
  'taint-eviction-controller': 'Taint eviction controller',
};

export function familyOf(component: string): Family {
  if (/scheduler/.test(component)) return 'scheduler';
  if (/apiserver|admission/.test(component)) return 'apiserver';
  if (/kubelet/.test(component)) return 'kubelet';
  if (/proxy|endpoint/.test(component)) return 'proxy';
  if (/dns/.test(component)) return 'dns';
  if (/kubectl|^sim$|user/.test(component)) return 'user';
  if (/controller|garbage|gc|lifecycle|eviction/.test(component)) return 'controller';
  return 'other';
}

/** 'replicaset-controller' → 'ReplicaSet controller'; kubelet with an instance → 'kubelet on kind-worker'. */
export function speakerOf(t: Pick<TraceEntry, 'component' | 'instance'>): string {
  let name = NAMES[t.component];
  if (!name) {
    const m = /^(.*)-controller$/.exec(t.component);
    name = m ? `${KIND_WORDS[m[1]] ?? capitalise(m[1].replace(/-/g, ' '))} controller` : t.component;
  }
  return t.instance ? `${name} on ${t.instance}` : name;
}

const KIND_WORDS: Record<string, string> = {
  replicaset: 'ReplicaSet',
  deployment: 'Deployment',
  statefulset: 'StatefulSet',
  daemonset: 'DaemonSet',
  job: 'Job',
  cronjob: 'CronJob',
  endpointslice: 'EndpointSlice',
  replicationcontroller: 'ReplicationController',
  namespace: 'Namespace',
  serviceaccount: 'ServiceAccount',
};

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export interface Narration {
  id: number;
  time: number;
  family: Family;
  speaker: string;
  /** 'Pod web-7d9-x2' or '' */
  subject: string;
  text: string;
}

export function narrate(t: TraceEntry): Narration {
  const subject = t.object ? `${t.object.kind} ${t.object.namespace && t.object.namespace !== 'default' ? `${t.object.namespace}/` : ''}${t.object.name}` : '';
  return { id: t.id, time: t.time, family: familyOf(t.component), speaker: speakerOf(t), subject, text: t.message };
}
