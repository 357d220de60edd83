// kubectl logs: mirrors staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go. The kubelet renders the
// container's own output lazily (kubelet.logs); web servers' access-log lines for simulated
// requests are appended (traffic/access_log.ts keeps the last 100 per container instance).
import type { Pod } from '../../api/core';
import { newBadRequest, newNotFound } from '../../apiserver/errors';
import type { Ctx } from '../context';
import { KubectlError } from '../errors';
import type { FlagSpec } from '../flags';

export const LOGS_FLAGS: FlagSpec[] = [
  { name: 'container', short: 'c', type: 'string' },
  { name: 'previous', short: 'p', type: 'bool' },
  { name: 'tail', type: 'int', default: -1 },
  { name: 'follow', short: 'f', type: 'bool' },
  { name: 'timestamps', type: 'bool' },
  { name: 'all-containers', type: 'bool' },
];

const PODS = { group: '', resource: 'pods' };

export function runLogs(ctx: Ctx): void {
  const args = ctx.flags.args;
  if (args.length !== 1) {
    throw new KubectlError(`error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples`);
  }
  const name = args[0].replace(/^(pod|pods|po)\//, '');
  const ns = ctx.namespace;
  const pod = ctx.api.tryGet(PODS, ns, name) as Pod | undefined;
  if (!pod) throw newNotFound(PODS, name);
  let container = ctx.flags.str('container') || undefined;
  if (!container && pod.spec.containers.length > 1) {
    container = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? pod.spec.containers[0].name;
    ctx.err(`Defaulted container "${container}" out of: ${pod.spec.containers.map((c) => c.name).join(', ')}`);
  }
  const previous = ctx.flags.bool('previous');
  const kubelet = ctx.cluster.kubelets.get(pod.spec.nodeName ?? '');
  if (!kubelet) {
    const c = container ?? pod.spec.containers[0]?.name ?? '';
    if (previous) throw newBadRequest(`previous terminated container "${c}" in pod "${name}" not found`);
    throw newBadRequest(`container "${c}" in pod "${name}" is waiting to start: ContainerCreating`);
  }
  let lines = kubelet.logs(ns, name, container, previous);
  const cname = container ?? pod.spec.containers[0]?.name ?? '';
  const r = kubelet.records[`${ns}/${name}`]?.containers[cname];
  const inst = previous ? (r?.current && r.current.finishedAt !== undefined && r.waiting ? r.current : r?.previous) : r?.current;
  if (inst) lines = [...lines, ...ctx.cluster.traffic.accessLog(`${ns}/${name}`, cname, inst.id).filter((l) => l.at <= ctx.now()).map((l) => l.text)];
  const tail = ctx.flags.int('tail');
  if (tail >= 0) lines = tail === 0 ? [] : lines.slice(-tail);
  for (const l of lines) ctx.out(l);
}
