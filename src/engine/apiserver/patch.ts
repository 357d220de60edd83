// Patch types the API server accepts: JSON merge patch (RFC 7386), JSON patch (RFC 6902) and
// strategic merge patch (k8s.io/apimachinery/pkg/util/strategicpatch), the last simplified to
// the merge keys of the kinds the simulator serves.

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isObj(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return patch;
  const out: Record<string, unknown> = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = applyMergePatch(out[k], v);
  }
  return out;
}

/** Merge keys of list fields (patchMergeKey tags in k8s.io/api). */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  ports: 'containerPort',
  imagePullSecrets: 'name',
  conditions: 'type',
  ownerReferences: 'uid',
  tolerations: 'key',
  hostAliases: 'ip',
  taints: 'key',
  addresses: 'type',
};

export function applyStrategicMergePatch(target: unknown, patch: unknown, field = ''): unknown {
  if (Array.isArray(patch)) {
    const key = MERGE_KEYS[field];
    if (!key || !Array.isArray(target)) return patch.filter((x) => !(isObj(x) && '$patch' in x));
    const out = [...(target as unknown[])];
    for (const item of patch) {
      if (!isObj(item)) continue;
      const idx = out.findIndex((t) => isObj(t) && t[key] === item[key]);
      if (item.$patch === 'delete') {
        if (idx >= 0) out.splice(idx, 1);
        continue;
      }
      if (idx >= 0) out[idx] = applyStrategicMergePatch(out[idx], item);
      else out.push(item);
    }
    return out;
  }
  if (!isObj(patch)) return patch;
  if (patch.$patch === 'replace') {
    const { $patch: _ignored, ...rest } = patch;
    return rest;
  }
  const out: Record<string, unknown> = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$')) continue;
    if (v === null) delete out[k];
    else out[k] = applyStrategicMergePatch(out[k], v, k);
  }
  return out;
}

interface Op {
  op: string;
  path: string;
  value?: Json;
  from?: string;
}

function parsePointer(p: string): string[] {
  if (p === '') return [];
  if (!p.startsWith('/')) throw new Error(`the JSON pointer "${p}" does not start with "/"`);
  return p.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function applyJsonPatch(target: unknown, patch: unknown): unknown {
  if (!Array.isArray(patch)) throw new Error('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let doc = target as Json;
  for (const raw of patch as Op[]) {
    const path = parsePointer(raw.path);
    switch (raw.op) {
      case 'add':
        doc = setAt(doc, path, raw.value as Json, 'add');
        break;
      case 'replace':
        getAt(doc, path, raw);
        doc = setAt(doc, path, raw.value as Json, 'replace');
        break;
      case 'remove':
        getAt(doc, path, raw);
        doc = removeAt(doc, path);
        break;
      case 'test':
        if (JSON.stringify(getAt(doc, path, raw)) !== JSON.stringify(raw.value)) throw new Error(`testing value ${raw.path} failed: test failed`);
        break;
      case 'copy':
      case 'move': {
        const from = parsePointer(raw.from ?? '');
        const v = getAt(doc, from, raw);
        if (raw.op === 'move') doc = removeAt(doc, from);
        doc = setAt(doc, path, v, 'add');
        break;
      }
      default:
        throw new Error(`Unexpected kind: ${raw.op}`);
    }
  }
  return doc;
}

function getAt(doc: Json, path: string[], op: Op): Json {
  let cur: Json = doc;
  for (const seg of path) {
    if (Array.isArray(cur)) cur = cur[Number(seg)];
    else if (isObj(cur)) cur = (cur as Record<string, Json>)[seg];
    else cur = undefined as unknown as Json;
    if (cur === undefined) throw new Error(`${op.op} operation does not apply: doc is missing path: "${op.path}": missing value`);
  }
  return cur;
}

function setAt(doc: Json, path: string[], value: Json, mode: 'add' | 'replace'): Json {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(doc)) {
    const arr = [...doc];
    const idx = head === '-' ? arr.length : Number(head);
    if (rest.length === 0) {
      if (mode === 'add') arr.splice(idx, 0, value);
      else arr[idx] = value;
    } else arr[idx] = setAt(arr[idx], rest, value, mode);
    return arr;
  }
  const obj = { ...((doc ?? {}) as Record<string, Json>) };
  if (rest.length === 0) obj[head] = value;
  else {
    if (obj[head] === undefined) throw new Error(`add operation does not apply: doc is missing path: "/${path.join('/')}": missing value`);
    obj[head] = setAt(obj[head], rest, value, mode);
  }
  return obj;
}

function removeAt(doc: Json, path: string[]): Json {
  const [head, ...rest] = path;
  if (Array.isArray(doc)) {
    const arr = [...doc];
    if (rest.length === 0) arr.splice(Number(head), 1);
    else arr[Number(head)] = removeAt(arr[Number(head)], rest);
    return arr;
  }
  const obj = { ...(doc as Record<string, Json>) };
  if (rest.length === 0) delete obj[head];
  else obj[head] = removeAt(obj[head], rest);
  return obj;
}
