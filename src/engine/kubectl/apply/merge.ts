// Client-side apply's three-way strategic merge patch: what changed from the live object to
// the new manifest (additions and changes), plus what the user removed since the last apply
// (deletions: fields in last-applied-configuration that the manifest no longer has). Mirrors
// strategicpatch.CreateThreeWayMergePatch (k8s.io/apimachinery/pkg/util/strategicpatch/patch.go),
// simplified: lists with a merge key are merged by that key, other lists are replaced whole.
//
// Worked example: last-applied {replicas: 3, labels: {a: 1, b: 2}}, manifest {labels: {a: 1}},
// live {replicas: 5, labels: {a: 1, b: 2}, strategy: {...defaults}}: replicas was removed from
// the manifest → null (delete); labels.b removed → null; strategy was never applied → untouched.
// Patch: {replicas: null, labels: {b: null}}.

type Obj = Record<string, unknown>;

/** Merge keys of list fields (patchMergeKey in k8s.io/api), as the API server's patch uses. */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  ports: 'containerPort',
  imagePullSecrets: 'name',
  ownerReferences: 'uid',
  tolerations: 'key',
  hostAliases: 'ip',
  taints: 'key',
};

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(canon(a)) === JSON.stringify(canon(b));
}

function canon(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canon);
  if (isObj(v)) {
    const o: Obj = {};
    for (const k of Object.keys(v).sort()) if (v[k] !== undefined) o[k] = canon(v[k]);
    return o;
  }
  return v;
}

function diffList(field: string, original: unknown, modified: unknown[], current: unknown): unknown[] | undefined {
  const key = MERGE_KEYS[field];
  const cur = Array.isArray(current) ? current : [];
  if (!key || !modified.every((x) => isObj(x) && x[key] !== undefined)) {
    return deepEqual(modified, current) ? undefined : modified;
  }
  const orig = Array.isArray(original) ? original : [];
  const out: unknown[] = [];
  for (const item of modified as Obj[]) {
    const liveItem = cur.find((c) => isObj(c) && c[key] === item[key]);
    const origItem = orig.find((c) => isObj(c) && c[key] === item[key]);
    if (!liveItem) {
      out.push(item);
      continue;
    }
    const d = diffObject(origItem, item, liveItem);
    if (d && Object.keys(d).length) out.push({ [key]: item[key], ...d });
  }
  for (const item of orig) {
    if (!isObj(item)) continue;
    const stillWanted = (modified as Obj[]).some((m) => m[key] === item[key]);
    const live = cur.some((c) => isObj(c) && c[key] === item[key]);
    if (!stillWanted && live) out.push({ [key]: item[key], $patch: 'delete' });
  }
  // Order the live list like the manifest when only the order changed is not tracked here.
  return out.length ? out : undefined;
}

/** The patch turning `current` into what `modified` asks for, given the previous `original`. */
export function diffObject(original: unknown, modified: Obj, current: unknown): Obj | undefined {
  const orig = isObj(original) ? original : {};
  const cur = isObj(current) ? current : {};
  const patch: Obj = {};
  for (const [k, mv] of Object.entries(modified)) {
    if (mv === undefined) continue;
    const cv = cur[k];
    if (mv === null) {
      if (cv !== undefined && cv !== null) patch[k] = null;
      continue;
    }
    if (isObj(mv) && isObj(cv)) {
      const d = diffObject(orig[k], mv, cv);
      if (d && Object.keys(d).length) patch[k] = d;
    } else if (Array.isArray(mv)) {
      const d = diffList(k, orig[k], mv, cv);
      if (d !== undefined) patch[k] = d;
    } else if (!deepEqual(mv, cv)) {
      patch[k] = mv;
    }
  }
  for (const k of Object.keys(orig)) {
    if (!(k in modified) && k in cur) patch[k] = null;
  }
  return Object.keys(patch).length ? patch : undefined;
}

export function threeWayPatch(original: Obj | undefined, modified: Obj, current: Obj): Obj {
  return diffObject(original, modified, current) ?? {};
}
