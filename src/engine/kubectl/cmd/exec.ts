// kubectl exec: mirrors staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go (and the kubelet's
// exec path). The command runs in the container's simulated shell (kubelet/executor.ts) with
// the container's environment and files, plus network tools (traffic/toolbox.ts). A non-zero
// exit prints `command terminated with exit code N`, as kubectl does.
import type { Pod } from '../../api/core';
import { newNotFound } from '../../apiserver/errors';
import { Shell } from '../../kubelet/executor';
import { containerFilesAt } from '../../kubelet/pod_fs';
import { plannedExit } from '../../kubelet/runtime';
import { DATE_TOKEN, EPOCH_SECONDS_TOKEN, YMDHMS_TOKEN, renderTime } from '../../kubelet/program';
import { networkPrograms } from '../../traffic/toolbox';
import type { Ctx } from '../context';
import { KubectlError } from '../errors';
import type { FlagSpec } from '../flags';

export const EXEC_FLAGS: FlagSpec[] = [
  { name: 'container', short: 'c', type: 'string' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'filename', short: 'f', type: 'stringArray' },
];

const PODS = { group: '', resource: 'pods' };

export function runExec(ctx: Ctx): void {
  const args = ctx.flags.args;
  if (!args.length) throw new KubectlError("error: pod, type/name or --filename must be specified\nSee 'kubectl exec -h' for help and examples");
  const name = args[0].replace(/^(pod|pods|po)\//, '');
  const argv = args.slice(1);
  if (!argv.length) throw new KubectlError('error: you must specify at least one command for the container');
  const ns = ctx.namespace;
  const pod = ctx.api.tryGet(PODS, ns, name) as Pod | undefined;
  if (!pod) throw newNotFound(PODS, name);
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') {
    throw new KubectlError(`error: cannot exec into a container in a completed pod; current phase is ${pod.status.phase}`);
  }
  let container = ctx.flags.str('container');
  if (!container) {
    container = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? pod.spec.containers[0]?.name ?? '';
    if (pod.spec.containers.length > 1) ctx.err(`Defaulted container "${container}" out of: ${pod.spec.containers.map((c) => c.name).join(', ')}`);
  }
  const spec = pod.spec.containers.find((c) => c.name === container);
  const kubelet = ctx.cluster.kubelets.get(pod.spec.nodeName ?? '');
  const rec = kubelet?.records[`${ns}/${name}`];
  const inst = rec?.containers[container]?.current;
  const now = ctx.now();
  const end = inst ? inst.finishedAt ?? plannedExit(inst, undefined, undefined)?.at ?? Infinity : -Infinity;
  if (!spec || !kubelet || !rec || !inst || end <= now) {
    throw new KubectlError(`error: unable to upgrade connection: container not found ("${container}")`);
  }
  const image = kubelet.imageSpecOf(inst);
  const input = kubelet.processInput(pod, spec, rec, image, argv);
  input.programs = networkPrograms(ctx.cluster.network, ctx.cluster.traffic, pod, () => now);
  // Its volumes as set up now (emptyDir and other shared ones as every container wrote them) plus
  // its own changes elsewhere.
  const sh = new Shell(input, containerFilesAt(pod, spec, inst, input.baseFiles, now));
  let code = 0;
  try {
    sh.command(argv);
    code = sh.status;
  } catch (e) {
    // The shell's own control flow: `exit N` (an Exit with a code) or a command that would run
    // forever (the exec session is cut off after its output so far).
    if (e instanceof Error) throw e;
    const c = (e as { code?: unknown }).code;
    code = typeof c === 'number' ? c : 0;
  }
  const t = renderTime(ctx.clock.epochMs + now);
  for (const l of sh.lines) {
    ctx.out(l.text.split(DATE_TOKEN).join(t.date).split(EPOCH_SECONDS_TOKEN).join(String(t.epochSeconds)).split(YMDHMS_TOKEN).join(t.ymdhms));
  }
  if (code !== 0) throw new KubectlError(`command terminated with exit code ${code}`, code);
}
