// describe node: mirrors NodeDescriber / describeNode in describe.go (conditions, addresses,
// capacity, non-terminated pods with their requests, allocated resources, events).
import type { Event, Node, Pod } from '../../api/core';
import { milliCPU, parseQuantity } from '../../api/quantity';
import type { PrintContext } from '../printers/columns';
import { age, nodeRoles } from '../printers/columns';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './helpers';
import { LEVEL_0, LEVEL_1, PrefixWriter, rfc1123z } from './writer';

function podRequests(pod: Pod, kind: 'requests' | 'limits'): { cpu: number; memory: number } {
  let cpu = 0;
  let memory = 0;
  for (const c of pod.spec.containers ?? []) {
    cpu += milliCPU(c.resources?.[kind]?.cpu ?? 0);
    memory += parseQuantity(c.resources?.[kind]?.memory ?? 0);
  }
  return { cpu, memory };
}

function fmtCPU(m: number): string {
  return m % 1000 === 0 ? String(m / 1000) : `${m}m`;
}

function fmtMem(b: number): string {
  if (b === 0) return '0';
  for (const [s, f] of [['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]] as const) if (b % f === 0) return `${b / f}${s}`;
  return String(b);
}

function pct(v: number, total: number): number {
  return total > 0 ? Math.trunc((v * 100) / total) : 0;
}

export function describeNode(node: Node, pods: Pod[], events: Event[], p: PrintContext): string {
  const w = new PrefixWriter();
  const st = node.status ?? {};
  w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`);
  w.write(LEVEL_0, `Roles:\t${nodeRoles(node)}\n`);
  printLabelsMultiline(w, 'Labels', node.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
  const taints = node.spec?.taints ?? [];
  w.write(LEVEL_0, 'Taints:\t');
  if (!taints.length) w.write(LEVEL_0, '<none>\n');
  taints.forEach((t, i) => {
    if (i > 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}\n`);
  });
  w.write(LEVEL_0, `Unschedulable:\t${node.spec?.unschedulable ? 'true' : 'false'}\n`);
  const conds = st.conditions ?? [];
  if (conds.length) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conds) {
      w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
  }
  w.write(LEVEL_0, 'Addresses:\n');
  for (const a of st.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [['Capacity', st.capacity], ['Allocatable', st.allocatable]] as const) {
    if (!list) continue;
    w.write(LEVEL_0, `${title}:\n`);
    for (const k of Object.keys(list).sort()) w.write(LEVEL_1, `${k}:\t${String(list[k])}\n`);
  }
  const ni = st.nodeInfo;
  if (ni) {
    w.write(LEVEL_0, 'System Info:\n');
    w.write(LEVEL_1, `Machine ID:\t${ni.machineID}\n`);
    w.write(LEVEL_1, `System UUID:\t${ni.systemUUID}\n`);
    w.write(LEVEL_1, `Boot ID:\t${ni.bootID}\n`);
    w.write(LEVEL_1, `Kernel Version:\t${ni.kernelVersion}\n`);
    w.write(LEVEL_1, `OS Image:\t${ni.osImage}\n`);
    w.write(LEVEL_1, `Operating System:\t${ni.operatingSystem}\n`);
    w.write(LEVEL_1, `Architecture:\t${ni.architecture}\n`);
    w.write(LEVEL_1, `Container Runtime Version:\t${ni.containerRuntimeVersion}\n`);
    w.write(LEVEL_1, `Kubelet Version:\t${ni.kubeletVersion}\n`);
    w.write(LEVEL_1, `Kube-Proxy Version:\t${ni.kubeProxyVersion}\n`);
  }
  if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if (node.spec?.podCIDRs?.length) w.write(LEVEL_0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);
  if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`);
  const running = pods.filter((x) => x.status?.phase !== 'Succeeded' && x.status?.phase !== 'Failed');
  const alloc = st.allocatable ?? {};
  const allocCPU = milliCPU(alloc.cpu ?? 0);
  const allocMem = parseQuantity(alloc.memory ?? 0);
  w.write(LEVEL_0, `Non-terminated Pods:\t(${running.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t------------\t----------\t---------------\t-------------\t---\n');
  let reqCPU = 0;
  let limCPU = 0;
  let reqMem = 0;
  let limMem = 0;
  for (const pod of running) {
    const r = podRequests(pod, 'requests');
    const l = podRequests(pod, 'limits');
    reqCPU += r.cpu;
    limCPU += l.cpu;
    reqMem += r.memory;
    limMem += l.memory;
    w.write(
      LEVEL_1,
      `${pod.metadata.namespace}\t${pod.metadata.name}\t${fmtCPU(r.cpu)} (${pct(r.cpu, allocCPU)}%)\t${fmtCPU(l.cpu)} (${pct(l.cpu, allocCPU)}%)\t${fmtMem(r.memory)} (${pct(r.memory, allocMem)}%)\t${fmtMem(l.memory)} (${pct(l.memory, allocMem)}%)\t${age(pod.metadata.creationTimestamp, p)}\n`,
    );
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  w.write(LEVEL_1, `cpu\t${fmtCPU(reqCPU)} (${pct(reqCPU, allocCPU)}%)\t${fmtCPU(limCPU)} (${pct(limCPU, allocCPU)}%)\n`);
  w.write(LEVEL_1, `memory\t${fmtMem(reqMem)} (${pct(reqMem, allocMem)}%)\t${fmtMem(limMem)} (${pct(limMem, allocMem)}%)\n`);
  w.write(LEVEL_1, 'ephemeral-storage\t0 (0%)\t0 (0%)\n');
  describeEvents(w, events, p);
  return w.toString();
}
