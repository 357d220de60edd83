// Pod status as the kubelet reports it: mirrors pkg/kubelet/kubelet_pods.go
// (generateAPIPodStatus, getPhase, convertToAPIContainerStatuses) and pkg/kubelet/status
// (generate.go: GeneratePodReadyCondition, GeneratePodInitializedCondition, …). Pure: from the
// pod, the runtime record and `now` to a PodStatus value.
import type { Container, ContainerState, ContainerStatus, Pod, PodPhase, PodStatus } from '../api/core';
import type { Condition } from '../api/meta';
import { isRunning, type ContainerInstance, type ContainerRecord, type PodRecord } from './runtime';

export interface StatusInput {
  pod: Pod;
  rec: PodRecord;
  hostIP: string;
  iso: (ms: number) => string;
  now: number;
}

function terminatedState(i: ContainerInstance, iso: (ms: number) => string): ContainerState {
  const t: NonNullable<ContainerState['terminated']> = {
    exitCode: i.exitCode ?? 0,
    reason: i.reason,
    startedAt: iso(i.startedAt),
    finishedAt: iso(i.finishedAt ?? i.startedAt),
    containerID: `containerd://${i.id}`,
  };
  if (i.message) t.message = i.message;
  return { terminated: t };
}

/** convertToAPIContainerStatuses for one container. */
export function containerStatus(spec: Container, c: ContainerRecord | undefined, defaultWaiting: string, iso: (ms: number) => string): ContainerStatus {
  const cur = c?.current;
  let state: ContainerState;
  let lastState: ContainerState = {};
  if (c?.waiting) {
    state = { waiting: c.waiting.message ? { reason: c.waiting.reason, message: c.waiting.message } : { reason: c.waiting.reason } };
    if (cur && !isRunning(cur)) lastState = terminatedState(cur, iso);
    else if (c.previous) lastState = terminatedState(c.previous, iso);
  } else if (cur) {
    state = isRunning(cur) ? { running: { startedAt: iso(cur.startedAt) } } : terminatedState(cur, iso);
    if (c.previous) lastState = terminatedState(c.previous, iso);
  } else {
    state = { waiting: { reason: defaultWaiting } };
  }
  const running = !!state.running;
  const s: ContainerStatus = {
    name: spec.name,
    state,
    lastState,
    ready: running && !!c?.ready,
    restartCount: c?.restartCount ?? 0,
    image: cur?.image ?? spec.image ?? '',
    imageID: cur?.imageID ?? '',
    started: running && c?.startupDoneAt !== undefined,
  };
  if (cur) s.containerID = `containerd://${cur.id}`;
  return s;
}

/** getPhase (kubelet_pods.go), for a pod that is not being deleted. */
export function getPhase(pod: Pod, init: ContainerStatus[], regular: ContainerStatus[], podIsTerminal: boolean): PodPhase {
  const spec = pod.spec;
  const restartPolicy = spec.restartPolicy ?? 'Always';
  let pendingInit = 0;
  let failedInit = 0;
  const sidecars = new Set((spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  for (const s of init) {
    if (sidecars.has(s.name)) {
      if (!s.started) pendingInit++;
      continue;
    }
    if (s.state.terminated) {
      if (s.state.terminated.exitCode !== 0) failedInit++;
    } else if (s.state.waiting && s.lastState.terminated && s.lastState.terminated.exitCode !== 0) failedInit++;
    else pendingInit++;
  }
  let unknown = 0, running = 0, waiting = 0, stopped = 0, succeeded = 0;
  for (const s of regular) {
    if (s.state.running) running++;
    else if (s.state.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state.waiting) {
      if (s.lastState.terminated) stopped++;
      else waiting++;
    } else unknown++;
  }
  if (failedInit > 0 && restartPolicy === 'Never') return 'Failed';
  if (pendingInit > 0 && !podIsTerminal) return 'Pending';
  if (waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (restartPolicy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

function condition(type: string, ok: boolean, reason: string | undefined, message: string | undefined, old: Condition[] | undefined, nowIso: string): Condition {
  const status = ok ? 'True' : 'False';
  const prev = old?.find((c) => c.type === type);
  const c: Condition = { type, status, lastProbeTime: null, lastTransitionTime: prev && prev.status === status ? prev.lastTransitionTime : nowIso };
  if (!ok || reason === 'PodCompleted') {
    if (reason) c.reason = reason;
    if (message) c.message = message;
  }
  return c;
}

/** generateAPIPodStatus: the whole status the kubelet writes. */
export function generateAPIPodStatus(inp: StatusInput): PodStatus {
  const { pod, rec, iso } = inp;
  const spec = pod.spec;
  const old = pod.status ?? {};
  const nowIso = iso(inp.now);
  const initSpecs = spec.initContainers ?? [];
  const initStatuses = initSpecs.map((c) => containerStatus(c, rec.containers[c.name], 'PodInitializing', iso));
  // convertToAPIContainerStatuses: a pod with init containers reports PodInitializing (not
  // ContainerCreating) for every container not yet started, also after the init containers finish.
  const regularWaiting = initSpecs.length === 0 ? 'ContainerCreating' : 'PodInitializing';
  const regular = spec.containers.map((c) => containerStatus(c, rec.containers[c.name], regularWaiting, iso));
  const phase: PodPhase = rec.terminal ?? getPhase(pod, initStatuses, regular, false);
  const terminal = phase === 'Succeeded' || phase === 'Failed';

  const sidecarNames = new Set(initSpecs.filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  const incompleteInit = initStatuses.filter((s) => (sidecarNames.has(s.name) ? !s.started : !(s.state.terminated?.exitCode === 0))).map((s) => s.name);
  const initialized = rec.initDone || incompleteInit.length === 0;
  const unready = [...initStatuses.filter((s) => sidecarNames.has(s.name)), ...regular].filter((s) => !s.ready).map((s) => s.name);
  const gates = (spec.readinessGates ?? []).map((g) => g.conditionType);
  const missingGates = gates.filter((g) => old.conditions?.find((c) => c.type === g)?.status !== 'True');

  const conds: Condition[] = [];
  const sandboxUp = !!rec.sandbox && !rec.sandbox.torn;
  conds.push(condition('PodReadyToStartContainers', sandboxUp, undefined, undefined, old.conditions, nowIso));
  conds.push(
    terminal && initialized
      ? condition('Initialized', true, 'PodCompleted', undefined, old.conditions, nowIso)
      : condition('Initialized', initialized, 'ContainersNotInitialized', `containers with incomplete status: [${incompleteInit.join(' ')}]`, old.conditions, nowIso),
  );
  let readyOK = !terminal && unready.length === 0;
  let readyReason = terminal ? 'PodCompleted' : 'ContainersNotReady';
  let readyMsg = terminal ? undefined : `containers with unready status: [${unready.join(' ')}]`;
  const containersReady = condition('ContainersReady', readyOK, readyReason, readyMsg, old.conditions, nowIso);
  if (readyOK && missingGates.length) {
    readyOK = false;
    readyReason = 'ReadinessGatesNotReady';
    readyMsg = `corresponding condition of pod readiness gate "${missingGates[0]}" does not exist.`;
  }
  conds.push(condition('Ready', readyOK, readyReason, readyMsg, old.conditions, nowIso));
  conds.push(containersReady);
  const scheduled = old.conditions?.find((c) => c.type === 'PodScheduled');
  conds.push(scheduled && scheduled.status === 'True' ? { ...scheduled } : { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: nowIso });
  // Conditions other components own (DisruptionTarget, readiness gates) are kept as they are.
  const own = new Set(conds.map((c) => c.type));
  for (const c of old.conditions ?? []) if (!own.has(c.type)) conds.push({ ...c });

  const status: PodStatus = {
    phase,
    conditions: conds,
    hostIP: inp.hostIP,
    hostIPs: [{ ip: inp.hostIP }],
    startTime: iso(rec.acceptedAt),
  };
  const ip = rec.sandbox?.ip ?? old.podIP;
  if (ip) {
    status.podIP = ip;
    status.podIPs = [{ ip }];
  }
  if (initSpecs.length) status.initContainerStatuses = initStatuses;
  status.containerStatuses = regular;
  if (old.qosClass) status.qosClass = old.qosClass;
  if (old.nominatedNodeName) status.nominatedNodeName = old.nominatedNodeName;
  return status;
}
