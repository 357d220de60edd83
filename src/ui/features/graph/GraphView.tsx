// The cluster view: React Flow drawing the chosen lens's layout (computed by pure functions),
// with selection, causality highlighting, a context menu and keyboard verbs. The graph is only a
// reader: every change goes through a registered action that runs a kubectl/sim command.
import '@xyflow/react/dist/style.css';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Edge,
  type Node,
  type NodeChange,
  type NodeMouseHandler,
} from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { actionForKey } from '../../actions/registry';
import { runObjectAction } from '../../actions/objectAction';
import { selectObject } from '../../actions/selectObject';
import { fitView as requestFit } from '../../actions/fitView';
import { usePlayground, usePlaygroundStore } from '../../store/context';
import { useView, useViewStoreApi } from '../../store/viewContext';
import { ActionBar } from './ActionBar';
import { relationOf, relativesOf } from './causality';
import { ContextMenu } from './ContextMenu';
import { TrafficEdge } from './edges/TrafficEdge';
import { GraphToolbar } from './GraphToolbar';
import { lensLayout } from './lensGraph';
import type { LayoutItem } from './layoutTypes';
import { ClientNode } from './nodes/ClientNode';
import { ControlPlaneNode } from './nodes/ControlPlaneNode';
import { KubeNodeBox } from './nodes/KubeNodeBox';
import { ObjectNode } from './nodes/ObjectNode';
import { PodNode } from './nodes/PodNode';
import { UnscheduledNode } from './nodes/UnscheduledNode';
import { podVisual } from './podVisual';
import { selectAllObjects, selectClusterTraces } from './selectors';
import { targetOf } from './target';
import { CLIENT_ID } from './traffic';
import { useTraffic } from './useTraffic';
import { useLeavingPods } from './useLeavingPods';
import { reuseUnchanged, sameEdge, sameNode } from './stableNodes';
import type { Pod } from '../../../engine';
import { Captions } from '../presenter/Captions';

// Module-level, so React Flow sees the same objects on every render.
const NODE_TYPES = { pod: PodNode, kubeNode: KubeNodeBox, controlPlane: ControlPlaneNode, unscheduled: UnscheduledNode, object: ObjectNode, service: ObjectNode, client: ClientNode };
const EDGE_TYPES = { traffic: TrafficEdge };
const MINIMAP_STYLE = { width: 150, height: 96 };
const PRO_OPTIONS = { hideAttribution: true };
const FIT_OPTIONS = { padding: 0.06, maxZoom: 1.25 };
/** Beyond this many boxes the graph drops its animations (see .is-dense in styles.css). */
const DENSE_ITEMS = 120;

function ariaLabelOf(item: LayoutItem): string {
  const d = item.data as { pod?: Pod; node?: { metadata: { name?: string } }; obj?: { kind: string; metadata: { namespace?: string; name?: string } } };
  if (item.type === 'pod' && d.pod) {
    const v = podVisual(d.pod);
    return `Pod ${d.pod.metadata.namespace}/${d.pod.metadata.name}: ${v.reason}, ${v.ready} of ${v.total} ready, ${v.restarts} restarts`;
  }
  if (item.type === 'kubeNode' && d.node) return `Node ${d.node.metadata.name}`;
  if (d.obj) return `${d.obj.kind} ${d.obj.metadata.namespace ? `${d.obj.metadata.namespace}/` : ''}${d.obj.metadata.name}`;
  if (item.type === 'client') return 'Simulated clients';
  return item.type;
}

const minimapColour = (n: Node) => {
  if (n.type === 'kubeNode') return 'var(--mm-node)';
  if (n.type === 'pod') return `var(--pod-${podVisual((n.data as { pod: Pod }).pod).category}-bg)`;
  return 'var(--mm-other)';
};

function Graph() {
  const pg = usePlayground();
  const view = useViewStoreApi();
  // Deferred: a burst of batches (300 pods healing at speed 60) re-renders the graph at low
  // priority, in slices React can interrupt, so the page keeps its frame rate.
  const all = useDeferredValue(usePlaygroundStore(selectAllObjects));
  const traces = useDeferredValue(usePlaygroundStore(selectClusterTraces));
  const connection = usePlaygroundStore((s) => s.connection);
  const controlPlane = usePlaygroundStore(useShallow((s) => s.cluster.clock.controlPlane));
  const lens = useView((s) => s.lens);
  const namespace = useView((s) => s.namespaces[s.lens]);
  const selected = useView((s) => s.selected);
  const fitRequest = useView((s) => s.fitRequest);
  const traffic = useTraffic();
  const rf = useReactFlow();
  const [menu, setMenu] = useState<{ x: number; y: number; id: string } | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);

  const layout = useMemo(() => lensLayout(lens, all, namespace, traces, controlPlane), [lens, all, namespace, traces, controlPlane]);
  const relatives = useMemo(() => relativesOf(selected, all, traces), [selected, all, traces]);
  const ghosts = useLeavingPods(layout.items, `${lens}|${namespace}`);
  const prevNodes = useRef<{ list: Node[]; byId: Map<string, Node> }>({ list: [], byId: new Map() });
  const prevEdges = useRef<{ list: Edge[]; byId: Map<string, Edge> }>({ list: [], byId: new Map() });

  const nodes: Node[] = useMemo(() => {
    const next = [...ghosts, ...layout.items].map((item) => {
        const rel = relationOf(item.id, selected, relatives);
        const boxLike = item.type === 'controlPlane' || item.type === 'unscheduled';
        const counter = traffic.seen ? traffic.totals[item.id] : undefined;
        const data: Record<string, unknown> = { ...(item.data as Record<string, unknown>) };
        const leaving = data.leaving === true;
        if (counter) data.traffic = counter;
        if (item.id === CLIENT_ID) {
          const sent = Object.entries(traffic.totals).filter(([k]) => k.startsWith('service:'));
          data.sent = sent.reduce((a, [, c]) => a + c.ok + c.failed, 0);
          data.failed = sent.reduce((a, [, c]) => a + c.failed, 0);
        }
        return {
          id: item.id,
          type: item.type,
          position: { x: item.x, y: item.y },
          width: item.width,
          height: item.height,
          style: { width: item.width, height: item.height },
          zIndex: item.z,
          data,
          draggable: false,
          connectable: false,
          selectable: !boxLike && !leaving,
          focusable: !boxLike && !leaving,
          selected: item.id === selected,
          className: `rel-${rel} lens-item-${item.type}${leaving ? ' is-leaving' : ''}`,
          ariaLabel: leaving ? `${ariaLabelOf(item)} (deleted)` : ariaLabelOf(item),
        } satisfies Node;
      });
    const list = reuseUnchanged(prevNodes.current.byId, prevNodes.current.list, next, sameNode);
    if (list !== prevNodes.current.list) prevNodes.current = { list, byId: new Map(list.map((n) => [n.id, n])) };
    return list;
  }, [layout, ghosts, selected, relatives, traffic]);

  const edges: Edge[] = useMemo(() => {
    const busiest = Math.max(0, ...Object.values(traffic.recent).map((c) => c.ok + c.failed));
    const next = layout.edges.map((e) => {
        const a = relationOf(e.source, selected, relatives);
        const b = relationOf(e.target, selected, relatives);
        const lit = selected !== null && a !== 'other' && b !== 'other';
        const recent = traffic.recent[e.id];
        return {
          id: e.id,
          source: e.source,
          target: e.target,
          type: e.kind === 'traffic' ? 'traffic' : 'smoothstep',
          className: `gedge gedge-${e.kind}${lit ? ' is-lit' : ''}${selected && !lit ? ' is-dim' : ''}${recent?.failed ? ' has-failures' : ''}`,
          focusable: false,
          selectable: false,
          ...(e.kind === 'traffic' ? { data: { ok: recent?.ok ?? 0, failed: recent?.failed ?? 0, busiest, ...(recent?.reasons ? { reasons: recent.reasons } : {}) } as Record<string, unknown> } : {}),
        } satisfies Edge;
      });
    const list = reuseUnchanged(prevEdges.current.byId, prevEdges.current.list, next, sameEdge);
    if (list !== prevEdges.current.list) prevEdges.current = { list, byId: new Map(list.map((n) => [n.id, n])) };
    return list;
  }, [layout, selected, relatives, traffic]);

  // A deleted object cannot stay selected (its replacement has a new name).
  useEffect(() => {
    if (selected && !selected.startsWith('controlplane:') && !targetOf(selected, all)) selectObject(view, null);
  }, [selected, all, view]);

  // Fit when the lens changes, when the first objects arrive, and on request.
  const hasItems = layout.items.length > 0;
  useEffect(() => {
    if (!hasItems) return;
    const t = window.setTimeout(() => void rf.fitView({ ...FIT_OPTIONS, duration: 250 }), 30);
    return () => window.clearTimeout(t);
  }, [rf, lens, namespace, fitRequest, hasItems]);

  useEffect(() => {
    const el = wrapper.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let timer = 0;
    let last = { w: el.clientWidth, h: el.clientHeight };
    const ro = new ResizeObserver(() => {
      const now = { w: el.clientWidth, h: el.clientHeight };
      if (Math.abs(now.w - last.w) < 24 && Math.abs(now.h - last.h) < 24) return;
      last = now;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void rf.fitView(FIT_OPTIONS), 250);
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      window.clearTimeout(timer);
    };
  }, [rf]);

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      for (const c of changes) if (c.type === 'select' && c.selected) selectObject(view, c.id);
    },
    [view],
  );
  const onNodeClick: NodeMouseHandler = useCallback(
    (_e, n) => {
      if (n.type === 'controlPlane' || n.type === 'unscheduled') return;
      selectObject(view, n.id);
      setMenu(null);
    },
    [view],
  );
  const onNodeContextMenu: NodeMouseHandler = useCallback(
    (e, n) => {
      e.preventDefault();
      if (n.type === 'controlPlane' || n.type === 'unscheduled') return;
      selectObject(view, n.id);
      const box = wrapper.current?.getBoundingClientRect();
      setMenu({ id: n.id, x: e.clientX - (box?.left ?? 0), y: e.clientY - (box?.top ?? 0) });
    },
    [view],
  );

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const t = e.target as HTMLElement;
    if (t.closest('.nokey') || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Escape') {
      if (menu) setMenu(null);
      else selectObject(view, null);
      return;
    }
    if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      const id = view.getState().selected;
      if (!id) return;
      e.preventDefault();
      const el = wrapper.current?.querySelector(`[data-id="${CSS.escape(id)}"]`) as HTMLElement | null;
      const box = wrapper.current?.getBoundingClientRect();
      const r = el?.getBoundingClientRect();
      setMenu({ id, x: r && box ? r.left - box.left + 12 : 40, y: r && box ? r.bottom - box.top : 40 });
      return;
    }
    if (e.key === 'f' && !view.getState().selected) {
      requestFit(view);
      return;
    }
    const target = targetOf(view.getState().selected, all) ?? (e.key === 'a' ? { id: 'cluster:', ref: { kind: 'Cluster', name: '' } } : null);
    if (!target) return;
    const action = actionForKey(target, e.key);
    if (!action) return;
    e.preventDefault();
    e.stopPropagation();
    runObjectAction({ pg, view }, action, target);
  }

  const empty = layout.items.length === 0;
  const dense = layout.items.length > DENSE_ITEMS;
  return (
    <div className={`graph-canvas${dense ? ' is-dense' : ''}`} ref={wrapper} onKeyDown={onKeyDown}>
      <ReactFlow
        // A selected Node box must not be raised above its own pods (React Flow raises selected nodes).
        elevateNodesOnSelect={false}
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={onNodesChange}
        onNodeClick={onNodeClick}
        onNodeContextMenu={onNodeContextMenu}
        onPaneClick={() => {
          setMenu(null);
          selectObject(view, null);
        }}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        elementsSelectable
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        minZoom={0.15}
        maxZoom={2.5}
        proOptions={PRO_OPTIONS}
        fitView
        fitViewOptions={FIT_OPTIONS}
        aria-label={`Cluster view, ${lens} lens`}
      >
        <Background gap={24} size={1.5} />
        <Controls showInteractive={false} aria-label="Zoom controls" fitViewOptions={FIT_OPTIONS} />
        <MiniMap style={MINIMAP_STYLE} pannable zoomable nodeColor={minimapColour} nodeStrokeWidth={2} ariaLabel="Minimap of the cluster view" />
      </ReactFlow>
      {empty && (
        <div className="graph-empty" role="status">
          {connection === 'connecting'
            ? 'Starting the cluster…'
            : lens === 'traffic'
              ? 'No Services yet. Expose a Deployment (kubectl expose deployment web --port 80) to see its traffic here.'
              : 'Nothing to show in this namespace yet.'}
        </div>
      )}
      {menu && <ContextMenu id={menu.id} x={menu.x} y={menu.y} onClose={() => setMenu(null)} />}
      <Captions />
    </div>
  );
}

export function GraphView() {
  return (
    <section className="graph-area" aria-label="Cluster view">
      <ReactFlowProvider>
        <GraphToolbar />
        <ActionBar />
        <Graph />
      </ReactFlowProvider>
    </section>
  );
}
