// Ownership lens: who owns whom, as a tree read left to right, built generically from
// metadata.ownerReferences (Deployment → ReplicaSet → Pod, CronJob → Job → Pod, StatefulSet →
// Pod, and any kind the engine adds later), plus Services on the right joined to the pods their
// selector picks. A pure function: same objects in, same positions out.
//
// Columns: pods always sit in column 2 so they line up; an owner sits one column left of its
// furthest-down child (Deployment 0, ReplicaSet 1); Services in column 3. Rows: leaves take the
// next free row in depth-first order (trees by namespace, kind, name; children by kind, name), a
// parent centres on its children. Worked example: Deployment web with one ReplicaSet and 3 pods →
// pods at y = 0, 58, 116; the ReplicaSet and the Deployment centred on y = 58 + 25.
import type { KubeObject, Pod } from '../../../engine';
import { idOfObject, type ObjectId } from './ids';
import type { Layout, LayoutEdge, LayoutItem } from './layoutTypes';
import { inNamespace, selectorMatches, serviceSelector } from './objects';
import { POD_GAP, POD_H, POD_W } from './placementLayout';

export const OBJ_W = 240;
export const OBJ_H = 66;
export const COL_PITCH = 300;
export const TREE_GAP = 28;

/** Kinds drawn even when nothing owns them or is owned by them. */
export const WORKLOAD_KINDS = ['Deployment', 'CronJob', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'Pod', 'Service'];
/** Kinds never drawn here: bookkeeping that would bury the workloads. */
export const HIDDEN_KINDS = new Set(['Event', 'Namespace', 'Node', 'Lease', 'EndpointSlice', 'Endpoints', 'ControllerRevision', 'ServiceAccount', 'ConfigMap', 'Secret']);

const rank = (k: string) => {
  const i = WORKLOAD_KINDS.indexOf(k);
  return i < 0 ? WORKLOAD_KINDS.length : i;
};
const nsName = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
const order = (a: KubeObject, b: KubeObject) => (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || rank(a.kind) - rank(b.kind) || a.kind.localeCompare(b.kind) || nsName(a).localeCompare(nsName(b));
const childOrder = (a: KubeObject, b: KubeObject) => rank(a.kind) - rank(b.kind) || a.kind.localeCompare(b.kind) || nsName(a).localeCompare(nsName(b));

export interface ObjectData {
  obj: KubeObject;
}

export interface OwnershipGraph {
  /** Objects drawn, in drawing order. */
  objects: KubeObject[];
  /** child id → owner ids present in the graph. */
  owners: Map<ObjectId, ObjectId[]>;
  /** owner id → child objects (tree children: each child under its controller owner only). */
  children: Map<ObjectId, KubeObject[]>;
  /** Service id → pod ids it selects. */
  selects: Map<ObjectId, ObjectId[]>;
}

/** Which objects take part, and their owner/selector links. */
export function buildOwnershipGraph(all: readonly KubeObject[], namespace = ''): OwnershipGraph {
  const candidates = all.filter((o) => !HIDDEN_KINDS.has(o.kind) && inNamespace(o, namespace) && o.metadata.namespace);
  const byUid = new Map<string, KubeObject>();
  const byRef = new Map<string, KubeObject>();
  for (const o of candidates) {
    if (o.metadata.uid) byUid.set(o.metadata.uid, o);
    byRef.set(`${o.kind}|${nsName(o)}`, o);
  }
  const ownerOf = (o: KubeObject) =>
    (o.metadata.ownerReferences ?? [])
      .map((r) => byUid.get(r.uid) ?? byRef.get(`${r.kind}|${o.metadata.namespace ?? ''}/${r.name}`))
      .filter((x): x is KubeObject => !!x);

  // Include workload kinds, and any other kind linked by ownership to something included.
  const included = new Set<KubeObject>(candidates.filter((o) => WORKLOAD_KINDS.includes(o.kind)));
  for (let changed = true; changed; ) {
    changed = false;
    for (const o of candidates) {
      if (included.has(o)) continue;
      if (ownerOf(o).some((w) => included.has(w)) || candidates.some((c) => included.has(c) && ownerOf(c).includes(o))) {
        included.add(o);
        changed = true;
      }
    }
  }
  const objects = [...included].sort(order);
  const owners = new Map<ObjectId, ObjectId[]>();
  const children = new Map<ObjectId, KubeObject[]>();
  for (const o of objects) {
    const ws = ownerOf(o).filter((w) => included.has(w));
    if (ws.length === 0) continue;
    owners.set(idOfObject(o), ws.map(idOfObject));
    const controllerUid = o.metadata.ownerReferences?.find((r) => r.controller)?.uid;
    const parent = ws.find((w) => w.metadata.uid === controllerUid) ?? ws[0];
    const pid = idOfObject(parent);
    (children.get(pid) ?? children.set(pid, []).get(pid)!).push(o);
  }
  for (const list of children.values()) list.sort(childOrder);
  const selects = new Map<ObjectId, ObjectId[]>();
  const pods = objects.filter((o) => o.kind === 'Pod') as Pod[];
  for (const s of objects) {
    if (s.kind !== 'Service') continue;
    const sel = serviceSelector(s);
    selects.set(
      idOfObject(s),
      pods.filter((p) => p.metadata.namespace === s.metadata.namespace && selectorMatches(sel, p.metadata.labels)).map(idOfObject),
    );
  }
  return { objects, owners, children, selects };
}

export function ownershipLayout(g: OwnershipGraph): Layout {
  const items: LayoutItem[] = [];
  const edges: LayoutEdge[] = [];
  const centre = new Map<ObjectId, number>();
  const heightOf = (o: KubeObject) => (o.kind === 'Pod' ? POD_H : OBJ_H);
  const gapOf = (o: KubeObject) => (o.kind === 'Pod' ? POD_GAP : 14);

  // Tree height: how many columns below this object its deepest pod is (pods 0).
  const depthMemo = new Map<ObjectId, number>();
  const below = (o: KubeObject): number => {
    const id = idOfObject(o);
    const m = depthMemo.get(id);
    if (m !== undefined) return m;
    const kids = g.children.get(id) ?? [];
    const d = o.kind === 'Pod' ? 0 : kids.length ? 1 + Math.max(...kids.map(below)) : o.kind === 'Deployment' || o.kind === 'CronJob' ? 2 : 1;
    depthMemo.set(id, d);
    return d;
  };

  let cursor = 0;
  const place = (o: KubeObject): number => {
    const id = idOfObject(o);
    const kids = g.children.get(id) ?? [];
    const h = heightOf(o);
    let c: number;
    if (kids.length === 0) {
      c = cursor + h / 2;
      cursor += h + gapOf(o);
    } else {
      const cs = kids.map(place);
      c = (cs[0] + cs[cs.length - 1]) / 2;
    }
    centre.set(id, c);
    const col = Math.max(0, 2 - below(o));
    const w = o.kind === 'Pod' ? POD_W : OBJ_W;
    items.push({ id, type: o.kind === 'Pod' ? 'pod' : 'object', x: col * COL_PITCH + (OBJ_W - w) / 2, y: c - h / 2, width: w, height: h, z: 1, data: o.kind === 'Pod' ? { pod: o } : ({ obj: o } satisfies ObjectData) });
    for (const k of kids) edges.push({ id: `owns:${id}->${idOfObject(k)}`, source: id, target: idOfObject(k), kind: 'owns' });
    return c;
  };

  const roots = g.objects.filter((o) => o.kind !== 'Service' && !g.owners.has(idOfObject(o)));
  roots.forEach((r) => {
    place(r);
    cursor += TREE_GAP;
  });
  // Extra owner links (a second owner that is not the tree parent).
  for (const [child, ws] of g.owners) {
    for (const w of ws) {
      const id = `owns:${w}->${child}`;
      if (!edges.some((e) => e.id === id)) edges.push({ id, source: w, target: child, kind: 'owns' });
    }
  }

  // Services: beside the pods they select, in order of where those pods are, never overlapping.
  const services = g.objects
    .filter((o) => o.kind === 'Service')
    .map((s) => {
      const ys = (g.selects.get(idOfObject(s)) ?? []).map((p) => centre.get(p)).filter((y): y is number => y !== undefined);
      return { s, want: ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : Infinity };
    })
    .sort((a, b) => a.want - b.want || nsName(a.s).localeCompare(nsName(b.s)));
  let next = 0;
  for (const { s, want } of services) {
    const top = Math.max(next, Number.isFinite(want) ? want - OBJ_H / 2 : next);
    const id = idOfObject(s);
    items.push({ id, type: 'service', x: 3 * COL_PITCH + 40, y: top, width: OBJ_W, height: OBJ_H, z: 1, data: { obj: s } satisfies ObjectData });
    next = top + OBJ_H + 14;
    // Drawn pod → Service (pods sit left of Services), read as "selected by".
    for (const p of g.selects.get(id) ?? []) edges.push({ id: `selects:${id}->${p}`, source: p, target: id, kind: 'selects' });
  }
  return { items, edges };
}
