// The kubectl.kubernetes.io/last-applied-configuration annotation: the manifest as last applied,
// JSON with sorted keys and a trailing newline (util.GetModifiedConfiguration in
// staging/src/k8s.io/kubectl/pkg/util/apply.go).
import type { KubeObject } from '../../api/meta';
import { deepCopy } from '../../api/meta';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) if (o[k] !== undefined) out[k] = sorted(o[k]);
    return out;
  }
  return v;
}

/** The manifest with its last-applied annotation set (the "modified" side of the merge). */
export function withLastApplied(obj: KubeObject): KubeObject {
  const copy = deepCopy(obj);
  const annotations = { ...(copy.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  copy.metadata = { ...copy.metadata, annotations };
  const text = JSON.stringify(sorted(copy)) + '\n';
  copy.metadata.annotations = { ...annotations, [LAST_APPLIED]: text };
  return copy;
}

export function lastAppliedOf(obj: KubeObject): Record<string, unknown> | undefined {
  const text = obj.metadata.annotations?.[LAST_APPLIED];
  if (!text) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
