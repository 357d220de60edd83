// describe pod: mirrors PodDescriber.Describe / describePod in
// staging/src/k8s.io/kubectl/pkg/describe/describe.go.
import type { Event, Pod } from '../../api/core';
import { controllerOf } from '../../api/meta';
import { milliCPU, parseQuantity } from '../../api/quantity';
import type { PrintContext } from '../printers/columns';
import { humanDuration } from '../duration';
import {
  describeContainers,
  describeEvents,
  describeVolumes,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTolerationsMultiline,
} from './helpers';
import { LEVEL_0, LEVEL_1, PrefixWriter, rfc1123z } from './writer';

/** GetPodQOS: Guaranteed when every container has equal cpu+memory requests and limits. */
export function podQOS(pod: Pod): string {
  const cs = [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])];
  let anySet = false;
  let guaranteed = true;
  for (const c of cs) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const r of ['cpu', 'memory']) {
      if (req[r] !== undefined || lim[r] !== undefined) anySet = true;
      const l = lim[r];
      const q = req[r] ?? l;
      if (l === undefined) guaranteed = false;
      else if (r === 'cpu' ? milliCPU(q) !== milliCPU(l) : parseQuantity(q) !== parseQuantity(l)) guaranteed = false;
    }
  }
  if (!anySet) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

export function describePod(pod: Pod, events: Event[], p: PrintContext): string {
  const w = new PrefixWriter();
  const st = pod.status ?? {};
  w.write(LEVEL_0, `Name:\t${pod.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${pod.metadata.namespace}\n`);
  if (pod.spec.priority !== undefined) w.write(LEVEL_0, `Priority:\t${pod.spec.priority}\n`);
  if (pod.spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${pod.spec.priorityClassName}\n`);
  w.write(LEVEL_0, `Service Account:\t${pod.spec.serviceAccountName ?? ''}\n`);
  if (!pod.spec.nodeName) w.write(LEVEL_0, 'Node:\t<none>\n');
  else w.write(LEVEL_0, `Node:\t${pod.spec.nodeName}/${st.hostIP ?? ''}\n`);
  if (st.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
  printLabelsMultiline(w, 'Labels', pod.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp && st.phase !== 'Failed' && st.phase !== 'Succeeded') {
    const left = p.parse(pod.metadata.deletionTimestamp) - p.now;
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${humanDuration(-left)})\n`);
    w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(LEVEL_0, `Status:\t${st.phase ?? ''}\n`);
  }
  if (st.reason) w.write(LEVEL_0, `Reason:\t${st.reason}\n`);
  if (st.message) w.write(LEVEL_0, `Message:\t${st.message}\n`);
  w.write(LEVEL_0, `IP:\t${st.podIP ?? ''}\n`);
  const ips = st.podIPs ?? [];
  if (!ips.length) w.write(LEVEL_0, 'IPs:\t<none>\n');
  else {
    w.write(LEVEL_0, 'IPs:\n');
    for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
  }
  const ctrl = controllerOf(pod);
  if (ctrl) w.write(LEVEL_0, `Controlled By:\t${ctrl.kind}/${ctrl.name}\n`);
  if (st.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${st.nominatedNodeName}\n`);
  if (pod.spec.initContainers?.length) describeContainers(w, 'Init Containers', pod.spec.initContainers, st.initContainerStatuses, '');
  describeContainers(w, 'Containers', pod.spec.containers ?? [], st.containerStatuses, '');
  if (pod.spec.readinessGates?.length) {
    w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of pod.spec.readinessGates) {
      const c = st.conditions?.find((x) => x.type === g.conditionType);
      w.write(LEVEL_1, `${g.conditionType} \t${c?.status ?? '<none>'} \n`);
    }
  }
  if (st.conditions?.length) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
    for (const c of st.conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, pod.spec.volumes, '');
  w.write(LEVEL_0, `QoS Class:\t${st.qosClass ?? podQOS(pod)}\n`);
  printLabelsMultiline(w, 'Node-Selectors', pod.spec.nodeSelector);
  printTolerationsMultiline(w, 'Tolerations', pod.spec.tolerations);
  describeEvents(w, events, p);
  return w.toString();
}
