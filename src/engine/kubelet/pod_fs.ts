// A pod's shared filesystems: an emptyDir (or hostPath, or PersistentVolumeClaim) volume is one
// directory for every container that mounts it, init containers included — mirrors what
// pkg/volume/emptydir sets up (one directory under /var/lib/kubelet/pods/<uid>/volumes that each
// container bind-mounts). Containers' processes are computed once when they start (program.ts),
// so the volume's content is not stored: it is replayed from every container instance's timed
// file changes (their endless loops' appends included) whenever someone reads it.
//
// Worked example (kubernetes.io two-container-pod): debian writes /pod-data/index.html at 0.1 s
// (volume shared-data, file index.html); nginx mounts shared-data at /usr/share/nginx/html, so
// `cat /usr/share/nginx/html/index.html` in nginx at 30 s finds debian's text.
import type { Container, Pod, Volume } from '../api/core';
import { applyFileEvent, fileEventsUntil, type FileEvent, type Program } from './program';
import type { ContainerInstance, PodRecord } from './runtime';

/** A container's mount of a writable pod volume: `dir` in the container is `volume:prefix` in the volume. */
export interface SharedMount {
  dir: string;
  volume: string;
  prefix: string;
}

function isShared(v: Volume): boolean {
  return !v.configMap && !v.secret && !v.downwardAPI && !v.projected;
}

export function sharedMounts(pod: Pod, container: Container): SharedMount[] {
  const byName = new Map((pod.spec.volumes ?? []).map((v) => [v.name, v]));
  const out: SharedMount[] = [];
  for (const m of container.volumeMounts ?? []) {
    const v = byName.get(m.name);
    if (!v || !isShared(v)) continue;
    const sub = (m.subPath ?? '').replace(/^\/+|\/+$/g, '');
    out.push({ dir: m.mountPath.replace(/\/+$/, '') || '/', volume: m.name, prefix: sub ? `${sub}/` : '' });
  }
  // Longest mount path first: /var/lib/mysql/conf beats /var/lib/mysql.
  return out.sort((a, b) => b.dir.length - a.dir.length);
}

/** `volume\0relative path` for an absolute path under one of the mounts. */
export function volumeKey(mounts: SharedMount[], path: string): string | undefined {
  for (const m of mounts) {
    if (path.startsWith(`${m.dir}/`)) return `${m.volume}\u0000${m.prefix}${path.slice(m.dir.length + 1)}`;
  }
  return undefined;
}

function instancesOf(rec: PodRecord, name: string): ContainerInstance[] {
  const r = rec.containers[name];
  if (!r) return [];
  return [r.previous, r.current].filter((i, k, all): i is ContainerInstance => !!i && all.indexOf(i) === k);
}

function eventsOf(program: Program, startedAt: number, until: number): FileEvent[] {
  return fileEventsUntil(program, until - startedAt).map((f) => ({ ...f, at: startedAt + f.at }));
}

/** Every shared volume file of the pod at absolute time `at`, keyed by volumeKey. */
export function podVolumeFiles(pod: Pod, rec: PodRecord | undefined, at: number): Map<string, string> {
  const events: { t: number; order: number; ev: FileEvent }[] = [];
  if (rec) {
    let order = 0;
    for (const spec of [...(pod.spec.initContainers ?? []), ...pod.spec.containers]) {
      const mounts = sharedMounts(pod, spec);
      if (!mounts.length) continue;
      for (const inst of instancesOf(rec, spec.name)) {
        const until = Math.min(at, inst.finishedAt ?? Infinity);
        for (const ev of eventsOf(inst.program, inst.startedAt, until)) {
          const key = volumeKey(mounts, ev.path);
          if (key) events.push({ t: ev.at, order: order++, ev: { ...ev, path: key } });
        }
      }
    }
  }
  events.sort((a, b) => a.t - b.t || a.order - b.order);
  const m = new Map<string, string>();
  for (const e of events) applyFileEvent(m, e.ev, true);
  return m;
}

/** The shared volume files a container sees at `at`, by absolute path. */
export function sharedFilesFor(pod: Pod, container: Container, rec: PodRecord | undefined, at: number): Record<string, string> {
  const mounts = sharedMounts(pod, container);
  if (!mounts.length) return {};
  const vol = podVolumeFiles(pod, rec, at);
  const out: Record<string, string> = {};
  // Shortest mount first, so a nested mount's files win.
  for (const m of [...mounts].reverse()) {
    const head = `${m.volume}\u0000${m.prefix}`;
    for (const [k, v] of vol) if (k.startsWith(head)) out[`${m.dir}/${k.slice(head.length)}`] = v;
  }
  return out;
}

/**
 * The files a running container has at `at`: `base` (its volumes as set up now, shared ones
 * read live) plus its own changes outside shared volumes (those are in the live view already).
 */
export function containerFilesAt(pod: Pod, container: Container, inst: ContainerInstance, base: Record<string, string>, at: number): Map<string, string> {
  const mounts = sharedMounts(pod, container);
  const files = new Map(Object.entries(base));
  for (const f of fileEventsUntil(inst.program, at - inst.startedAt)) {
    if (!volumeKey(mounts, f.path)) applyFileEvent(files, f);
  }
  return files;
}
