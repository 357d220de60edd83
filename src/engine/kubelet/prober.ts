// The prober, event-driven: mirrors pkg/kubelet/prober (worker.go, prober.go) without ticking.
// A real probe worker runs every periodSeconds; here a probe's outcome is a piecewise-constant
// function of time (the server comes up at startupMs, a file is removed at 30 s, a lesson forces
// a failure), so we can jump straight to the probe where the result flips and set one timer.
//
// Worked example (the kubernetes.io exec-liveness pod): `touch /tmp/healthy; sleep 30; rm …`,
// probe `cat /tmp/healthy` every 5 s, failureThreshold 3, first tick 0.6 s after start. Probes at
// 0.6, 5.6, … 25.6 s succeed; 30.6, 35.6, 40.6 s fail → the liveness result flips at 40.6 s and the
// container is restarted. Between those moments nothing is scheduled.
import type { Container, Probe } from '../api/core';
import { execInContainer, type ProcessInput } from './interpreter';
import type { ContainerInstance, ProbeState, ProbeType } from './runtime';

export interface ProbeParams {
  periodMs: number;
  initialDelayMs: number;
  successThreshold: number;
  failureThreshold: number;
}

/** SetDefaults_Probe: period 10 s, timeout 1 s, success 1, failure 3, initial delay 0. */
export function probeParams(p: Probe, type: ProbeType): ProbeParams {
  return {
    periodMs: (p.periodSeconds || 10) * 1000,
    initialDelayMs: (p.initialDelaySeconds ?? 0) * 1000,
    // Liveness and startup probes must use successThreshold 1 (validation enforces it).
    successThreshold: type === 'readiness' ? p.successThreshold || 1 : 1,
    failureThreshold: p.failureThreshold || 3,
  };
}

export interface ProbeTarget {
  podIP: string;
  container: Container;
  instance: ContainerInstance;
  process: ProcessInput;
  override?: { mode: 'pass' | 'fail'; since: number };
}

export interface Outcome {
  ok: boolean;
  message: string;
}

function resolvePort(port: number | string, c: Container): number | undefined {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  return c.ports?.find((p) => p.name === port)?.containerPort;
}

/** The result a probe would get at absolute time `t` (prober.go runProbe). */
export function probeOutcome(probe: Probe, target: ProbeTarget, t: number): Outcome {
  const { instance, podIP } = target;
  const prog = instance.program;
  const up = t >= instance.startedAt + prog.startupMs;
  if (target.override && t >= target.override.since) {
    if (target.override.mode === 'pass') return { ok: true, message: '' };
    if (probe.exec) return { ok: false, message: 'command failed (forced by the lesson)' };
    return { ok: false, message: 'HTTP probe failed with statuscode: 503' };
  }
  if (probe.httpGet) {
    const port = resolvePort(probe.httpGet.port, target.container) ?? 0;
    const host = probe.httpGet.host || podIP;
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const path = probe.httpGet.path ?? '/';
    if (!up || !prog.ports.includes(port)) {
      return { ok: false, message: `Get "${scheme}://${host}:${port}${path}": dial tcp ${host}:${port}: connect: connection refused` };
    }
    if (prog.healthyForMs !== undefined && t >= instance.startedAt + prog.healthyForMs) return { ok: false, message: 'HTTP probe failed with statuscode: 500' };
    return { ok: true, message: '' };
  }
  if (probe.tcpSocket || probe.grpc) {
    const port = probe.tcpSocket ? resolvePort(probe.tcpSocket.port, target.container) ?? 0 : probe.grpc!.port;
    const host = probe.tcpSocket?.host || podIP;
    if (up && prog.ports.includes(port)) return { ok: true, message: '' };
    if (probe.grpc) return { ok: false, message: `timeout: failed to connect service "${host}:${port}" within 1s: context deadline exceeded` };
    return { ok: false, message: `dial tcp ${host}:${port}: connect: connection refused` };
  }
  if (probe.exec) {
    const files = new Map(Object.entries(target.process.baseFiles));
    const elapsed = t - instance.startedAt;
    for (const f of prog.files) {
      if (f.at > elapsed) break;
      if (f.content === null) files.delete(f.path);
      else files.set(f.path, f.content);
    }
    const r = execInContainer({ ...target.process, startedAt: t }, probe.exec.command ?? [], files);
    return r.code === 0 ? { ok: true, message: '' } : { ok: false, message: r.output };
  }
  return { ok: true, message: '' };
}

/** Instants where the outcome may change (sorted, absolute ms). */
export function changePoints(target: ProbeTarget): number[] {
  const { instance } = target;
  const pts = [instance.startedAt + instance.program.startupMs];
  if (instance.program.healthyForMs !== undefined) pts.push(instance.startedAt + instance.program.healthyForMs);
  for (const f of instance.program.files) pts.push(instance.startedAt + f.at);
  if (target.override) pts.push(target.override.since);
  return [...new Set(pts)].sort((a, b) => a - b);
}

export interface ProbeEvent {
  at: number;
  kind: 'flip' | 'failing';
  result: 'success' | 'failure';
  message: string;
}

export function initialProbeState(type: ProbeType, anchor: number): ProbeState {
  // Liveness starts as Success (a container is alive until proven otherwise); readiness and
  // startup start as Failure (not ready, not started) — prober/results.Manager defaults.
  return { nextK: 0, anchor, result: type === 'liveness' ? 'success' : 'failure', run: 0 };
}

/**
 * Evaluate probes in bulk from state.nextK while their time ≤ upTo, never before `notBefore`.
 * Mutates `state`; returns flips and the first failure of each failing streak (for events).
 * With `stopAtFirst`, stops after the first event (used to find the next timer).
 */
export function advanceProbe(state: ProbeState, probe: Probe, type: ProbeType, target: ProbeTarget, upTo: number, notBefore: number, stopAtFirst = false): ProbeEvent[] {
  const prm = probeParams(probe, type);
  const events: ProbeEvent[] = [];
  const points = changePoints(target);
  const timeOf = (k: number) => state.anchor + k * prm.periodMs;
  // Probes before the initial delay (or before the startup probe passed) are skipped.
  const firstK = Math.max(0, Math.ceil((notBefore - state.anchor) / prm.periodMs));
  if (state.nextK < firstK) state.nextK = firstK;
  const end = target.instance.finishedAt ?? Infinity;
  for (let guard = 0; guard < 10_000; guard++) {
    const t = timeOf(state.nextK);
    if (t > upTo || t >= end) break;
    const o = probeOutcome(probe, target, t);
    const nextPoint = points.find((p) => p > t);
    let n = nextPoint === undefined ? Infinity : Math.ceil((nextPoint - t) / prm.periodMs);
    n = Math.min(n, Math.floor((Math.min(upTo, end - 1) - t) / prm.periodMs) + 1);
    if (!Number.isFinite(n)) {
      // Constant outcome for ever: only a pending flip can still happen.
      if ((o.ok ? 'success' : 'failure') === state.result && (o.ok || state.lastOutcome === false)) break;
    }
    if (n <= 0) break;
    if (!o.ok && state.lastOutcome !== false) {
      events.push({ at: t, kind: 'failing', result: state.result, message: o.message });
      if (stopAtFirst) return events;
    }
    const agrees = (o.ok ? 'success' : 'failure') === state.result;
    if (agrees) {
      state.run = 0;
      state.lastOutcome = o.ok;
      if (!Number.isFinite(n)) break;
      state.nextK += n;
      continue;
    }
    const need = (o.ok ? prm.successThreshold : prm.failureThreshold) - state.run;
    if (n >= need) {
      state.nextK += need;
      state.result = o.ok ? 'success' : 'failure';
      state.run = 0;
      state.lastOutcome = o.ok;
      events.push({ at: timeOf(state.nextK - 1), kind: 'flip', result: state.result, message: o.message });
      if (stopAtFirst) return events;
      continue;
    }
    if (!Number.isFinite(n)) break;
    state.run += n;
    state.lastOutcome = o.ok;
    state.nextK += n;
  }
  return events;
}

/** When the next probe event (flip or start of a failing streak) will happen, if ever. */
export function nextProbeEvent(state: ProbeState, probe: Probe, type: ProbeType, target: ProbeTarget, notBefore: number): number | undefined {
  const copy = { ...state };
  const ev = advanceProbe(copy, probe, type, target, Infinity, notBefore, true);
  return ev[0]?.at;
}
