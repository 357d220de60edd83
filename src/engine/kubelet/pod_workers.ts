// Pod workers: mirrors pkg/kubelet/pod_workers.go + kubelet.go SyncPod/SyncTerminatingPod and
// kuberuntime_manager.go computePodActions. One level-triggered sync per pod: look at the pod and
// the runtime record *now*, take the next step (sandbox, pull, start, restart, stop), write the
// status, and ask for one wake-up at the next moment something will change.
import type { Container, Pod } from '../api/core';
import { jsonEqual } from '../apiserver/apiserver';
import { interpret, resolveArgv, type ProcessInput } from './interpreter';
import { goDuration } from './image_manager';
import { advanceProbe, nextProbeEvent, type ProbeTarget } from './prober';
import { initialProbeState } from './prober';
import { isRunning, plannedExit, type ContainerInstance, type ContainerRecord, type PodRecord, type ProbeType, type ReadyImage } from './runtime';
import { generateAPIPodStatus } from './status';
import { pick } from './stages';
import { bytes } from '../api/quantity';
import type { KubeletHost } from './host';
import type { PersistentVolumeClaim } from '../api/storage';
import { unreadyClaims } from './pvc_wait';

const PODS = { group: '', resource: 'pods' };
const PVCS = { group: '', resource: 'persistentvolumeclaims' };

type Policy = 'Always' | 'OnFailure' | 'Never';

function fieldPath(c: ContainerRecord): string {
  return c.kind === 'regular' ? `spec.containers{${c.name}}` : `spec.initContainers{${c.name}}`;
}

function shouldRestart(policy: Policy, exitCode: number | undefined): boolean {
  return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
}

/** `web-7d4b9c_default(3f0e…)`: format.Pod, used in back-off messages. */
function formatPod(pod: Pod): string {
  return `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
}

export class PodWorkers {
  constructor(private readonly h: KubeletHost) {}

  // ------------------------------------------------------------------ entry point

  syncPod(key: string): void {
    const h = this.h;
    const now = h.ctx.clock.now();
    const pod = h.podInformer.get(key);
    let rec: PodRecord | undefined = h.records[key];
    if (!pod || pod.spec.nodeName !== h.nodeName) {
      if (rec && rec.static && !pod) {
        h.ensureMirror(key);
        return;
      }
      if (rec) this.removeRecord(rec, now, 'the pod was removed from the API server');
      return;
    }
    if (pod.metadata.annotations?.['kubernetes.io/config.mirror'] && !h.isStaticKey(key)) {
      // A mirror pod with no static pod behind it (its manifest was moved away): an orphan.
      if (rec) this.removeRecord(rec, now, `static pod ${key} has no manifest any more`);
      h.deleteOrphanedMirror(pod);
      return;
    }
    if (rec && rec.uid !== pod.metadata.uid) {
      if (rec.static) rec.uid = pod.metadata.uid ?? '';
      else {
        this.removeRecord(rec, now, 'the pod was replaced by a new one with the same name');
        rec = undefined;
      }
    }
    if (pod.metadata.annotations?.['kubernetes.io/config.mirror'] && pod.metadata.deletionTimestamp) {
      // Deleting a mirror pod deletes only the API object: the kubelet recreates it and the
      // static pod's containers keep running (remove the manifest file to stop them).
      h.deletePod(pod);
      return;
    }
    if (!rec) {
      if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') {
        if (pod.metadata.deletionTimestamp) h.deletePod(pod);
        return;
      }
      rec = this.admit(pod, key, now);
    }
    this.advanceRuntime(rec, pod, now);
    if (pod.metadata.deletionTimestamp || rec.terminating) {
      if (this.syncTerminating(rec, pod, now)) return;
    } else {
      this.syncRunning(rec, pod, now);
    }
    this.writeStatus(rec, pod, now);
    this.scheduleWake(rec, pod, now);
  }

  private admit(pod: Pod, key: string, now: number): PodRecord {
    const h = this.h;
    const rec: PodRecord = {
      key, uid: pod.metadata.uid ?? '', namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name ?? '',
      static: h.isStaticKey(key), acceptedAt: now, containers: {}, initDone: !(pod.spec.initContainers ?? []).some((c) => c.restartPolicy !== 'Always') && !(pod.spec.initContainers ?? []).length,
      wakes: [], overrides: {},
    };
    for (const c of pod.spec.initContainers ?? []) rec.containers[c.name] = newContainer(c.name, c.restartPolicy === 'Always' ? 'sidecar' : 'init');
    for (const c of pod.spec.containers) rec.containers[c.name] = newContainer(c.name, 'regular');
    h.records[key] = rec;
    h.trace('admit', pod, `admitted pod ${key} (${pod.spec.containers.length} container${pod.spec.containers.length === 1 ? '' : 's'})`);
    return rec;
  }

  // ------------------------------------------------------------------ the runtime moves on by itself

  /** Containers that exited since the last look, and probe results up to now. */
  advanceRuntime(rec: PodRecord, pod: Pod, now: number): void {
    for (const spec of allContainers(pod)) {
      const r = rec.containers[spec.name];
      const i = r?.current;
      if (!r || !i || !isRunning(i)) continue;
      let pe = plannedExit(i, memoryLimit(spec), this.h.imageSpecOf(i).minMemoryBytes);
      this.advanceProbes(rec, pod, spec, r, i, Math.min(now, (pe?.at ?? Infinity) - 1), now);
      pe = plannedExit(i, memoryLimit(spec), this.h.imageSpecOf(i).minMemoryBytes);
      // The exit happened at pe.at; the kubelet learns of it at the next PLEG relist.
      if (pe && this.h.relistAfter(pe.at) <= now) this.finish(rec, pod, r, i, pe.at, pe.code, pe.reason);
    }
  }

  private finish(rec: PodRecord, pod: Pod, r: ContainerRecord, i: ContainerInstance, at: number, code: number, reason: string): void {
    i.finishedAt = at;
    i.exitCode = code;
    i.reason = reason;
    if (i.program.startError) i.message = i.program.startError;
    r.ready = false;
    this.h.trace('exit', pod, `container ${r.name} exited with code ${code} (${reason})`, { finishedAt: at });
  }

  private probeTarget(rec: PodRecord, pod: Pod, spec: Container, i: ContainerInstance, type: ProbeType): ProbeTarget {
    return { podIP: rec.sandbox?.ip ?? '', container: spec, instance: i, process: this.h.processInput(pod, spec, rec, this.h.imageSpecOf(i), []), override: rec.overrides[`${spec.name}/${type}`] };
  }

  private advanceProbes(rec: PodRecord, pod: Pod, spec: Container, r: ContainerRecord, i: ContainerInstance, upTo: number, now: number): void {
    const h = this.h;
    const rp = h.recorder;
    const kill = (type: 'liveness' | 'startup', at: number) => {
      if (i.stopRequestedAt !== undefined) return;
      rp.event(pod, 'Normal', 'Killing', `Container ${spec.name} failed ${type} probe, will be restarted`, fieldPath(r));
      h.trace('kill', pod, `container ${spec.name} failed its ${type} probe: restarting it`);
      this.requestStop(pod, spec, i, Math.max(at, now), 'liveness');
    };
    const label = { readiness: 'Readiness', liveness: 'Liveness', startup: 'Startup' };
    const run = (type: ProbeType, notBefore: number) => {
      const probe = type === 'readiness' ? spec.readinessProbe : type === 'liveness' ? spec.livenessProbe : spec.startupProbe;
      const st = r.probes[type];
      if (!probe || !st) return;
      const evs = advanceProbe(st, probe, type, this.probeTarget(rec, pod, spec, i, type), upTo, notBefore);
      for (const ev of evs) {
        if (ev.kind === 'failing') rp.event(pod, 'Warning', 'Unhealthy', `${label[type]} probe failed: ${ev.message}`, fieldPath(r));
        if (ev.kind !== 'flip') continue;
        h.trace('probe', pod, `${type} probe of ${spec.name}: ${ev.result}`);
        if (type === 'startup' && ev.result === 'success') r.startupDoneAt = ev.at;
        if ((type === 'startup' || type === 'liveness') && ev.result === 'failure') kill(type, ev.at);
        if (type === 'readiness') r.ready = ev.result === 'success';
      }
    };
    const delay = (p: { initialDelaySeconds?: number } | undefined) => i.startedAt + (p?.initialDelaySeconds ?? 0) * 1000;
    if (spec.startupProbe && r.startupDoneAt === undefined) run('startup', delay(spec.startupProbe));
    if (r.startupDoneAt === undefined) return;
    run('liveness', Math.max(delay(spec.livenessProbe), r.startupDoneAt));
    if (spec.readinessProbe) run('readiness', Math.max(delay(spec.readinessProbe), r.startupDoneAt));
    else r.ready = i.stopRequestedAt === undefined || i.stopCause !== 'delete';
  }

  // ------------------------------------------------------------------ running pods

  private syncRunning(rec: PodRecord, pod: Pod, now: number): void {
    const h = this.h;
    if (rec.terminal) return;
    if (!rec.sandbox) {
      // WaitForAttachAndMount: no sandbox until every ConfigMap/Secret volume can be set up. The
      // pod stays ContainerCreating; the kubelet looks again when the ConfigMap/Secret appears.
      const mountErr = h.volumeMountError(pod, rec);
      if (mountErr) {
        if (rec.mountError !== mountErr) {
          h.recorder.event(pod, 'Warning', 'FailedMount', mountErr);
          h.trace('mount', pod, `cannot start the pod yet: ${mountErr}`);
        }
        rec.mountError = mountErr;
        return;
      }
      if (rec.mountError) {
        rec.mountError = undefined;
        h.trace('mount', pod, 'all volumes are set up now');
      }
      // PersistentVolumeClaim volumes: wait (ContainerCreating) until every claim is Bound.
      const unready = unreadyClaims(pod, (ns, name) => h.ctx.informers.for<PersistentVolumeClaim>(PVCS).get(`${ns}/${name}`));
      if (unready.length) {
        h.trace('mount', pod, `waiting for volumes: ${unready.join('; ')}`);
        return;
      }
      if (rec.sandboxDueAt === undefined) {
        const ms = pick(h.stages.sandboxMs, h.rnd);
        rec.sandboxDueAt = now + ms;
        h.trace('sandbox', pod, `creating the pod sandbox (pause container and network) (${(ms / 1000).toFixed(1)} s)`);
      }
      if (rec.sandboxDueAt > now) return;
      const ip = pod.spec.hostNetwork ? h.hostIP : h.ipam.allocate(rec.key);
      if (!ip) {
        h.recorder.event(pod, 'Warning', 'FailedCreatePodSandBox', 'Failed to create pod sandbox: plugin type="ptp" failed (add): failed to allocate for range 0: no IP addresses available in range set');
        return;
      }
      rec.sandbox = { id: h.hex64(), readyAt: now, ip };
      h.trace('sandbox', pod, `sandbox ready, pod IP ${ip}`);
    }
    const policy: Policy = pod.spec.restartPolicy ?? 'Always';
    const inits = pod.spec.initContainers ?? [];
    if (!rec.initDone) {
      for (const c of inits) {
        const r = rec.containers[c.name];
        if (r.kind === 'sidecar') {
          this.ensureContainer(rec, pod, c, r, now, 'Always');
          if (!isRunning(r.current) || r.startupDoneAt === undefined) return;
          continue;
        }
        if (r.current && !isRunning(r.current) && r.current.exitCode === 0) continue;
        if (isRunning(r.current)) return;
        if (r.current && policy === 'Never') {
          this.markTerminal(rec, pod, 'Failed', now);
          return;
        }
        this.ensureContainer(rec, pod, c, r, now, policy === 'Never' ? 'Never' : 'OnFailure');
        return;
      }
      rec.initDone = true;
      if (inits.length) h.trace('init', pod, 'all init containers have completed');
    }
    for (const c of inits) if (rec.containers[c.name].kind === 'sidecar') this.ensureContainer(rec, pod, c, rec.containers[c.name], now, 'Always');
    for (const c of pod.spec.containers) this.ensureContainer(rec, pod, c, rec.containers[c.name], now, policy);
    if (policy === 'Always') return;
    const regular = pod.spec.containers.map((c) => rec.containers[c.name]);
    const done = regular.every((r) => r.current && !isRunning(r.current) && !shouldRestart(policy, r.current.exitCode));
    if (!done) return;
    // The main containers have finished for good: sidecars are stopped, then the pod is done.
    let sidecarRunning = false;
    for (const c of inits) {
      const r = rec.containers[c.name];
      if (r.kind === 'sidecar' && isRunning(r.current)) {
        sidecarRunning = true;
        if (r.current!.stopRequestedAt === undefined) {
          h.recorder.event(pod, 'Normal', 'Killing', `Stopping container ${c.name}`, fieldPath(r));
          this.requestStop(pod, c, r.current!, now, 'completed');
        }
      }
    }
    if (!sidecarRunning) this.markTerminal(rec, pod, regular.every((r) => r.current?.exitCode === 0) ? 'Succeeded' : 'Failed', now);
  }

  private markTerminal(rec: PodRecord, pod: Pod, phase: 'Succeeded' | 'Failed', now: number): void {
    rec.terminal = phase;
    for (const r of Object.values(rec.containers)) {
      r.step = undefined;
      r.waiting = undefined;
    }
    this.tearDownSandbox(rec, pod);
    this.h.trace('complete', pod, `pod ${rec.key} is ${phase}; its sandbox is removed${pod.spec.hostNetwork ? '' : ` and ${rec.sandbox?.ip ?? 'its IP'} released`}`);
    void now;
  }

  /** Make sure one container runs (computePodActions for one container + its next step). */
  private ensureContainer(rec: PodRecord, pod: Pod, spec: Container, r: ContainerRecord, now: number, policy: Policy): void {
    const h = this.h;
    const ev = h.recorder;
    if (isRunning(r.current)) return;
    if (r.step && r.step.until > now) return;
    // Waiting in CreateContainerConfigError: retry only once the missing ConfigMap/Secret (or
    // key) exists; the kubelet is woken by that object's watch event, not by a timer.
    if (!r.step && r.waiting?.reason === 'CreateContainerConfigError') {
      const err = h.containerConfigError(pod, spec, rec);
      if (err) {
        if (err !== r.waiting.message) this.configError(pod, r, err);
        return;
      }
      r.waiting = undefined;
    }
    const step = r.step;
    r.step = undefined;
    if (step?.kind === 'pull') {
      ev.event(pod, 'Normal', 'Pulled', step.message, fieldPath(r));
      h.imagePulled(step.ready, step.sizeBytes);
      h.trace('pull', pod, `pulled ${step.ready.image}`);
      this.startStep(pod, r, step.ready, now);
      return;
    }
    if (step?.kind === 'pullFail') {
      ev.event(pod, 'Warning', 'Failed', `Failed to pull image "${spec.image}": ${step.error}`, fieldPath(r));
      ev.event(pod, 'Warning', 'Failed', 'Error: ErrImagePull', fieldPath(r));
      h.images.pullFailed(rec.uid, spec.image ?? '', now);
      r.waiting = { reason: 'ErrImagePull', message: step.error };
      r.step = { kind: 'pullBackOff', until: now + pick(h.stages.pullBackOffReportMs, h.rnd), reported: false };
      h.trace('pull', pod, `could not pull ${spec.image}: ${step.error}`);
      return;
    }
    if (step?.kind === 'start') {
      // generateContainerConfig: the environment (ConfigMap/Secret keys) must resolve first.
      const err = h.containerConfigError(pod, spec, rec);
      if (err) {
        this.configError(pod, r, err);
        return;
      }
      this.startInstance(rec, pod, spec, r, step.ready, now);
      return;
    }
    if (r.current && !isRunning(r.current)) {
      if (!shouldRestart(policy, r.current.exitCode)) {
        r.waiting = undefined;
        return;
      }
      // doBackOff (kuberuntime_manager.go): measured from when the last instance finished.
      const key = `${rec.uid}/${spec.name}`;
      const finished = r.current.finishedAt ?? now;
      if (h.crashBackoff.inBackOffSince(key, finished, now)) {
        const bo = h.crashBackoff.get(key);
        const until = finished + bo;
        r.waiting = { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(bo)} restarting failed container=${spec.name} pod=${formatPod(pod)}` };
        ev.event(pod, 'Warning', 'BackOff', `Back-off restarting failed container ${spec.name} in pod ${formatPod(pod)}`, fieldPath(r));
        r.step = { kind: 'crashBackOff', until };
        h.trace('backoff', pod, `container ${spec.name} keeps failing: waiting ${goDuration(bo)} before restarting it (restart #${r.restartCount + 1})`);
        return;
      }
      h.crashBackoff.next(key, finished, now);
    }
    if (r.waiting?.reason === 'CrashLoopBackOff') r.waiting = undefined;
    const d = h.images.ensureImageExists(rec.uid, spec, now);
    switch (d.kind) {
      case 'invalid':
        if (r.waiting?.reason !== 'InvalidImageName') {
          ev.event(pod, 'Warning', 'InspectFailed', d.message, fieldPath(r));
          ev.event(pod, 'Warning', 'Failed', 'Error: InvalidImageName', fieldPath(r));
        }
        r.waiting = { reason: 'InvalidImageName', message: d.message };
        return;
      case 'neverPull':
        if (r.waiting?.reason !== 'ErrImageNeverPull') {
          ev.event(pod, 'Warning', 'ErrImageNeverPull', d.message, fieldPath(r));
          ev.event(pod, 'Warning', 'Failed', 'Error: ErrImageNeverPull', fieldPath(r));
        }
        r.waiting = { reason: 'ErrImageNeverPull', message: d.message };
        return;
      case 'backoff':
        ev.event(pod, 'Normal', 'BackOff', d.message, fieldPath(r));
        ev.event(pod, 'Warning', 'Failed', 'Error: ImagePullBackOff', fieldPath(r));
        r.waiting = { reason: 'ImagePullBackOff', message: d.message };
        r.step = { kind: 'pullBackOff', until: h.images.backOffEnds(rec.uid, spec.image ?? ''), reported: true };
        h.trace('backoff', pod, `image ${spec.image} could not be pulled: next attempt in ${goDuration(r.step.until - now)}`);
        return;
      case 'fail':
        ev.event(pod, 'Normal', 'Pulling', `Pulling image "${spec.image}"`, fieldPath(r));
        r.step = { kind: 'pullFail', until: d.until, error: d.error };
        h.trace('pull', pod, `pulling ${spec.image}`);
        return;
      case 'present':
        ev.event(pod, 'Normal', 'Pulled', d.message, fieldPath(r));
        this.startStep(pod, r, { image: d.image, imageID: d.imageID, repository: d.spec.repository }, now);
        return;
      case 'pull':
        ev.event(pod, 'Normal', 'Pulling', `Pulling image "${spec.image}"`, fieldPath(r));
        r.step = { kind: 'pull', until: d.until, ready: { image: d.image, imageID: d.imageID, repository: d.spec.repository }, sizeBytes: d.sizeBytes, message: d.message };
        h.trace('pull', pod, `pulling ${spec.image} (${((d.until - d.startAt) / 1000).toFixed(1)} s${d.startAt > now ? `, after waiting ${((d.startAt - now) / 1000).toFixed(1)} s for another pull` : ''})`);
        return;
    }
  }

  /** Error: configmap "x" not found — the container waits with CreateContainerConfigError. */
  private configError(pod: Pod, r: ContainerRecord, message: string): void {
    r.waiting = { reason: 'CreateContainerConfigError', message };
    this.h.recorder.event(pod, 'Warning', 'Failed', `Error: ${message}`, fieldPath(r));
    this.h.trace('config', pod, `cannot create container ${r.name}: ${message}; waiting until it exists`);
  }

  private startStep(pod: Pod, r: ContainerRecord, ready: ReadyImage, now: number): void {
    if (r.waiting && r.waiting.reason !== 'CrashLoopBackOff') r.waiting = undefined;
    r.step = { kind: 'start', until: now + pick(this.h.stages.containerStartMs, this.h.rnd), ready };
    void pod;
  }

  private startInstance(rec: PodRecord, pod: Pod, spec: Container, r: ContainerRecord, ready: ReadyImage, now: number): void {
    const h = this.h;
    const image = h.ctx.images.get(ready.repository);
    if (!image) return;
    const argv = resolveArgv(image, spec.command, spec.args);
    const base: ProcessInput = h.processInput(pod, spec, rec, image, argv);
    const program = interpret(base);
    if (r.current) {
      r.previous = r.current;
      r.restartCount++;
    }
    const inst: ContainerInstance = { id: h.hex64(), image: ready.image, imageID: ready.imageID, startedAt: now, program };
    r.current = inst;
    r.waiting = undefined;
    r.ready = false;
    r.startupDoneAt = spec.startupProbe ? undefined : now;
    r.probes = {};
    const anchor = now + pick(h.stages.probeFirstTickMs, h.rnd);
    for (const type of ['readiness', 'liveness', 'startup'] as const) {
      const probe = type === 'readiness' ? spec.readinessProbe : type === 'liveness' ? spec.livenessProbe : spec.startupProbe;
      if (probe) r.probes[type] = initialProbeState(type, anchor);
    }
    h.recorder.event(pod, 'Normal', 'Created', `Created container: ${spec.name}`, fieldPath(r));
    if (program.startError) {
      h.recorder.event(pod, 'Warning', 'Failed', `Error: ${program.startError}`, fieldPath(r));
      this.finish(rec, pod, r, inst, now, 128, 'StartError');
      return;
    }
    h.recorder.event(pod, 'Normal', 'Started', `Started container ${spec.name}`, fieldPath(r));
    const what = program.exit ? `exits after ${(program.exit.at / 1000).toFixed(1)} s with code ${program.exit.code}` : program.kind === 'server' ? `serves ${program.ports.length ? `port ${program.ports.join(', ')}` : 'until stopped'}` : 'runs until stopped';
    h.trace('start', pod, `started container ${spec.name} (${ready.image}): ${argv.join(' ') || '(default command)'} — ${what}`);
    if (!spec.readinessProbe && !spec.startupProbe) r.ready = true;
  }

  // ------------------------------------------------------------------ stopping

  /** SIGTERM (after any preStop hook), SIGKILL at the deadline. */
  requestStop(pod: Pod, spec: Container, i: ContainerInstance, now: number, cause: NonNullable<ContainerInstance['stopCause']>, deadline?: number): void {
    const grace = (pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
    const end = deadline ?? now + grace;
    if (i.stopRequestedAt !== undefined) {
      if (i.stopDeadline === undefined || end < i.stopDeadline) i.stopDeadline = end;
      return;
    }
    let hookMs = 0;
    const pre = (spec.lifecycle as { preStop?: { exec?: { command?: string[] }; sleep?: { seconds?: number } } } | undefined)?.preStop;
    if (pre?.sleep?.seconds) hookMs = pre.sleep.seconds * 1000;
    else if (pre?.exec?.command) {
      const p = interpret(this.h.processInput(pod, spec, this.h.records[`${pod.metadata.namespace}/${pod.metadata.name}`], this.h.imageSpecOf(i), pre.exec.command));
      hookMs = p.exit ? p.exit.at : Infinity;
    }
    i.stopRequestedAt = Math.min(now + hookMs, end);
    i.stopDeadline = end;
    i.stopCause = cause;
  }

  /** Returns true when the pod is gone (deleted from the API server). */
  private syncTerminating(rec: PodRecord, pod: Pod, now: number): boolean {
    const h = this.h;
    const specs = new Map(allContainers(pod).map((c) => [c.name, c]));
    const running = () => Object.values(rec.containers).filter((r) => isRunning(r.current));
    if (!rec.terminating) {
      const grace = pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
      rec.terminating = { startedAt: now, deadline: now + grace * 1000 };
      for (const r of Object.values(rec.containers)) {
        r.step = undefined;
        if (r.waiting?.reason === 'CrashLoopBackOff') r.waiting = undefined;
      }
      const n = running().length;
      h.trace('kill', pod, n ? `stopping ${n} container${n === 1 ? '' : 's'} of ${rec.key} (grace period ${grace} s)` : `pod ${rec.key} has no running containers: removing it`);
    }
    const regularRunning = running().filter((r) => r.kind !== 'sidecar');
    const toStop = regularRunning.length ? regularRunning : running();
    for (const r of toStop) {
      const i = r.current!;
      if (i.stopRequestedAt !== undefined && i.stopCause === 'delete') continue;
      h.recorder.event(pod, 'Normal', 'Killing', `Stopping container ${r.name}`, fieldPath(r));
      const spec = specs.get(r.name);
      if (spec) this.requestStop(pod, spec, i, now, 'delete', rec.terminating.deadline);
      i.stopCause = 'delete';
      if (i.stopDeadline === undefined || i.stopDeadline > rec.terminating.deadline) i.stopDeadline = rec.terminating.deadline;
      r.ready = false;
    }
    if (running().length) return false;
    // Every container has stopped: report the final phase, then remove the pod object.
    if (!rec.terminal) {
      const regular = pod.spec.containers.map((c) => rec.containers[c.name]);
      const ran = regular.filter((r) => r.current);
      rec.terminal = ran.length && ran.every((r) => r.current!.exitCode === 0) ? 'Succeeded' : 'Failed';
    }
    this.tearDownSandbox(rec, pod);
    this.writeStatus(rec, pod, now);
    h.deletePod(pod);
    this.removeRecord(rec, now, `all containers stopped: pod ${rec.key} deleted`);
    return true;
  }

  /** StopPodSandbox: the pause container goes and the pod's IP returns to the pool. */
  private tearDownSandbox(rec: PodRecord, pod: Pod): void {
    if (!rec.sandbox || rec.sandbox.torn) return;
    rec.sandbox.torn = true;
    if (!pod.spec.hostNetwork) this.h.ipam.release(rec.sandbox.ip);
  }

  /** Forget a pod: kill what still runs, release its IP and back-off entries. */
  removeRecord(rec: PodRecord, now: number, why: string): void {
    const h = this.h;
    for (const r of Object.values(rec.containers)) {
      const i = r.current;
      if (i && isRunning(i)) {
        i.finishedAt = now;
        i.exitCode = 137;
        i.reason = 'Error';
      }
    }
    if (rec.sandbox && !rec.sandbox.torn && rec.sandbox.ip !== h.hostIP) h.ipam.release(rec.sandbox.ip);
    h.crashBackoff.forgetPrefix(`${rec.uid}/`);
    h.images.backoff.forgetPrefix(`${rec.uid}_`);
    delete h.records[rec.key];
    h.trace('remove', { kind: 'Pod', namespace: rec.namespace, name: rec.name, uid: rec.uid }, why);
  }

  // ------------------------------------------------------------------ status and wake-ups

  writeStatus(rec: PodRecord, pod: Pod, now: number): void {
    const h = this.h;
    const status = generateAPIPodStatus({ pod, rec, hostIP: h.hostIP, iso: (ms) => h.ctx.clock.iso(ms), now });
    if (jsonEqual(status, pod.status)) return;
    try {
      h.ctx.api.update(PODS, rec.namespace, { ...pod, status } as Pod, { subresource: 'status', user: h.componentName });
    } catch (e) {
      h.trace('error', pod, `could not update the status of ${rec.key}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** One timer for the earliest moment anything about this pod changes; none for an idle pod. */
  scheduleWake(rec: PodRecord, pod: Pod, now: number): void {
    const times: number[] = [];
    if (!rec.sandbox && rec.sandboxDueAt !== undefined) times.push(rec.sandboxDueAt);
    for (const spec of allContainers(pod)) {
      const r = rec.containers[spec.name];
      if (!r) continue;
      if (r.step) times.push(r.step.until);
      const i = r.current;
      if (!i || !isRunning(i)) continue;
      const pe = plannedExit(i, memoryLimit(spec), this.h.imageSpecOf(i).minMemoryBytes);
      if (pe) times.push(this.h.relistAfter(pe.at));
      const delay = (p: { initialDelaySeconds?: number } | undefined) => i.startedAt + (p?.initialDelaySeconds ?? 0) * 1000;
      for (const type of ['startup', 'liveness', 'readiness'] as const) {
        const probe = type === 'readiness' ? spec.readinessProbe : type === 'liveness' ? spec.livenessProbe : spec.startupProbe;
        const st = r.probes[type];
        if (!probe || !st) continue;
        if (type === 'startup' && r.startupDoneAt !== undefined) continue;
        if (type !== 'startup' && r.startupDoneAt === undefined) continue;
        const t = nextProbeEvent(st, probe, type, this.probeTarget(rec, pod, spec, i, type), Math.max(delay(probe), r.startupDoneAt ?? 0));
        if (t !== undefined) times.push(t);
      }
    }
    rec.wakes = rec.wakes.filter((w) => w > now);
    const future = times.filter((t) => Number.isFinite(t));
    if (!future.length) return;
    const next = Math.max(Math.min(...future), now);
    if (next <= now) {
      this.h.enqueue(rec.key);
      return;
    }
    if (rec.wakes.some((w) => w <= next)) return;
    rec.wakes.push(next);
    this.h.ctx.clock.schedule(next, this.h.componentName, 'wake', { key: rec.key, uid: rec.uid, at: next });
  }
}

export function allContainers(pod: Pod): Container[] {
  return [...(pod.spec.initContainers ?? []), ...pod.spec.containers];
}

function memoryLimit(c: Container): number | undefined {
  const v = c.resources?.limits?.memory;
  return v === undefined ? undefined : bytes(v);
}

function newContainer(name: string, kind: ContainerRecord['kind']): ContainerRecord {
  return { name, kind, restartCount: 0, probes: {}, ready: false };
}
