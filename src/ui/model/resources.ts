// Requested vs allocatable resources per node, as the scheduler's NodeResourcesFit sees them:
// a pod requests the larger of (sum of its containers) and (its largest init container).
// Worked example: containers asking 100m + 250m and an init container asking 500m → 500m.
import type { Pod, Node, ResourceList } from '../../engine/api/core';

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

/** A resource.Quantity in base units (cores, bytes); 0 when absent or unparseable. */
export function quantity(v: string | number | undefined): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const m = QUANTITY.exec(v.trim());
  if (!m) return 0;
  const n = Number(m[1]);
  const suffix = m[2] ?? '';
  if (/^[eE]/.test(suffix)) return n * 10 ** Number(suffix.slice(1));
  return n * (BINARY[suffix] ?? DECIMAL[suffix] ?? 1);
}

export interface Usage {
  cpu: number; // cores
  memory: number; // bytes
}

export function podRequests(pod: Pod): Usage {
  const sum = (list: ResourceList | undefined, name: 'cpu' | 'memory') => quantity(list?.[name]);
  let cpu = 0;
  let memory = 0;
  for (const c of pod.spec?.containers ?? []) {
    cpu += sum(c.resources?.requests, 'cpu');
    memory += sum(c.resources?.requests, 'memory');
  }
  for (const c of pod.spec?.initContainers ?? []) {
    cpu = Math.max(cpu, sum(c.resources?.requests, 'cpu'));
    memory = Math.max(memory, sum(c.resources?.requests, 'memory'));
  }
  return { cpu, memory };
}

/** Pods that hold resources on their node: bound and not finished (Succeeded/Failed free them). */
export function holdsResources(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return !!pod.spec?.nodeName && phase !== 'Succeeded' && phase !== 'Failed';
}

export function requestedOn(pods: readonly Pod[]): Usage {
  const total = { cpu: 0, memory: 0 };
  for (const p of pods) {
    if (!holdsResources(p)) continue;
    const r = podRequests(p);
    total.cpu += r.cpu;
    total.memory += r.memory;
  }
  return total;
}

export function allocatable(node: Node): Usage {
  const a = node.status?.allocatable ?? node.status?.capacity;
  return { cpu: quantity(a?.cpu), memory: quantity(a?.memory) };
}

/** `250m`, `1.5` cores → '250m', '1500m'; whole cores print as '2'. */
export function formatCPU(cores: number): string {
  const m = Math.round(cores * 1000);
  return m % 1000 === 0 ? String(m / 1000) : `${m}m`;
}

export function formatMemory(bytes: number): string {
  if (bytes >= 2 ** 30) return `${+(bytes / 2 ** 30).toFixed(1)}Gi`;
  if (bytes >= 2 ** 20) return `${Math.round(bytes / 2 ** 20)}Mi`;
  if (bytes >= 2 ** 10) return `${Math.round(bytes / 2 ** 10)}Ki`;
  return String(Math.round(bytes));
}
