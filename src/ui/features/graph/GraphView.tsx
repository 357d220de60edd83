// The cluster view: React Flow drawing the chosen lens's layout (computed by pure functions),
// with selection, causality highlighting, a context menu and keyboard verbs. The graph is only a
// reader: every change goes through a registered action that runs a kubectl/sim command.
import '@xyflow/react/dist/style.css';
import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  MiniMapNode,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Edge,
  type MiniMapNodeProps,
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
import { AgeClockContext, throttledClock } from './ageClock';
import { relationOf, relativesOf } from './causality';
import { ContextMenu } from './ContextMenu';
import { TrafficEdge } from './edges/TrafficEdge';
import { fitOptions, FIT_MAX_ZOOM } from './fit';
import { GraphIcon } from './GraphIcon';
import { GraphToolbar } from './GraphToolbar';
import { lensLayout } from './lensGraph';
import type { Layout, PodDrawing } from './layoutTypes';
import { ClientNode } from './nodes/ClientNode';
import { ControlPlaneNode } from './nodes/ControlPlaneNode';
import { KubeNodeBox } from './nodes/KubeNodeBox';
import { ObjectNode } from './nodes/ObjectNode';
import { PodNode } from './nodes/PodNode';
import { UnscheduledNode } from './nodes/UnscheduledNode';
import { podVisual } from './podVisual';
import { selectAllObjects, selectClusterTraces } from './selectors';
import { targetOf } from './target';
import { useTraffic } from './useTraffic';
import { useLeavingPods } from './useLeavingPods';
import { flowNodeOf } from './flowNodes';
import { reuseUnchanged, sameEdge, sameNode } from './stableNodes';
import type { Pod } from '../../../engine';
import { Captions } from '../presenter/Captions';

// Module-level, so React Flow sees the same objects on every render.
const NODE_TYPES = { pod: PodNode, kubeNode: KubeNodeBox, controlPlane: ControlPlaneNode, unscheduled: UnscheduledNode, object: ObjectNode, service: ObjectNode, client: ClientNode };
const EDGE_TYPES = { traffic: TrafficEdge };
const MINIMAP_STYLE = { width: 150, height: 96 };
const PRO_OPTIONS = { hideAttribution: true };
/**
 * React Flow's own first fit, when the first nodes are measured (before they are painted); the
 * fit effect below then frames them the same way, with room for presenter captions.
 */
const INITIAL_FIT = { padding: 0.06, maxZoom: FIT_MAX_ZOOM };
const NO_LAYOUT: Layout = { items: [], edges: [] };
/** Beyond this many boxes the graph drops its animations (see .is-dense in styles.css). */
const DENSE_ITEMS = 120;

/**
 * The minimap of a big cluster (the compact drawing) shows node boxes without their hundreds of
 * pod tiles: it is for finding your way, and redrawing every tile's rectangle whenever pods moved
 * cost the heal a long frame.
 */
function BoxesOnlyMinimapNode(p: MiniMapNodeProps) {
  return p.id.startsWith('pod:') ? null : <MiniMapNode {...p} />;
}

const minimapColour = (n: Node) => {
  if (n.type === 'kubeNode') return 'var(--mm-node)';
  if (n.type === 'pod') return `var(--pod-${podVisual((n.data as { pod: Pod }).pod).category}-bg)`;
  return 'var(--mm-other)';
};

/** How much of the pane's bottom is covered by something drawn over the graph (presenter captions). */
function bottomReserve(pane: HTMLElement): number {
  const over = pane.querySelector<HTMLElement>('[data-fit-reserve="bottom"]');
  if (!over) return 0;
  return pane.getBoundingClientRect().bottom - over.getBoundingClientRect().top;
}

function Graph() {
  const pg = usePlayground();
  const view = useViewStoreApi();
  // Deferred: a burst of batches (300 pods healing at speed 60) re-renders the graph at low
  // priority, in slices React can interrupt, so the page keeps its frame rate.
  const all = useDeferredValue(usePlaygroundStore(selectAllObjects));
  const traces = useDeferredValue(usePlaygroundStore(selectClusterTraces));
  // Deferred with the objects, so that "connected" and "the objects arrived" reach the graph in
  // the same render (otherwise one render sees a ready cluster with no objects yet).
  const connection = useDeferredValue(usePlaygroundStore((s) => s.connection));
  const controlPlane = usePlaygroundStore(useShallow((s) => s.cluster.clock.controlPlane));
  const lens = useView((s) => s.lens);
  const namespace = useView((s) => s.namespaces[s.lens]);
  const selected = useView((s) => s.selected);
  const fitRequest = useView((s) => s.fitRequest);
  const presenter = useView((s) => s.presenter);
  const traffic = useTraffic();
  const rf = useReactFlow();
  const [menu, setMenu] = useState<{ x: number; y: number; id: string } | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);

  // The pod drawing the last layout of this lens and namespace chose, fed back for the
  // Placement lens's hysteresis (placementLayout.ts). Written during render: feeding a choice
  // back in gives the same choice, so a render React throws away leaves nothing wrong behind.
  const drawing = useRef<{ view: string; drawing?: PodDrawing }>({ view: '' });
  const viewKey = `${lens}|${namespace}`;
  const layout = useMemo(() => {
    // Until the Worker has sent the cluster there is nothing to draw (the page says "Starting
    // the cluster…"): an empty control plane box and "Every pod has a node" would be untrue.
    if (connection === 'connecting') return NO_LAYOUT;
    const l = lensLayout(lens, all, namespace, traces, controlPlane, drawing.current.view === viewKey ? drawing.current.drawing : undefined);
    drawing.current = { view: viewKey, drawing: l.podDrawing };
    return l;
  }, [connection, lens, all, namespace, traces, controlPlane, viewKey]);
  const ageClock = useMemo(() => throttledClock({ read: () => pg.store.getState().cluster.clock.time, subscribe: (f) => pg.store.subscribe(f) }), [pg.store]);
  const relatives = useMemo(() => relativesOf(selected, all, traces), [selected, all, traces]);
  const ghosts = useLeavingPods(layout.items, viewKey);
  const prevNodes = useRef<{ list: Node[]; byId: Map<string, Node> }>({ list: [], byId: new Map() });
  const prevEdges = useRef<{ list: Edge[]; byId: Map<string, Edge> }>({ list: [], byId: new Map() });

  const nodes: Node[] = useMemo(() => {
    const next = [...ghosts, ...layout.items].map((item) => flowNodeOf(item, { selected, relatives, traffic }));
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

  // Fitting. The Placement lens always draws the control plane and Unscheduled boxes, even before
  // the Worker has sent the cluster, so "there are items" is true from the first frame: fitting
  // then framed those two boxes alone (a 544 × 286 px layout → zoom 1.13 at 1280 × 720) and
  // nothing refitted when the nodes arrived. So the automatic fit waits for real content (a node,
  // a pod, an object), then fits at once; a lens or namespace switch and the Fit verb animate.
  // rf.fitView is queued by React Flow until the nodes just committed are in its store.
  const hasContent = layout.items.some((i) => i.type !== 'controlPlane' && i.type !== 'unscheduled');
  const fit = useCallback(
    (duration: number) => {
      const el = wrapper.current;
      if (!el) return;
      void rf.fitView(fitOptions(el.clientWidth, el.clientHeight, bottomReserve(el), duration));
    },
    [rf],
  );
  // The page's first fit snaps (there is nothing on screen worth following yet); later ones (another
  // lens or namespace, the Fit verb, presenter captions coming or going, the pod drawing switching)
  // glide, so the reader sees where things went.
  // A switch between the roomy and the compact pod drawing moves every box, so it refits too.
  const firstFit = useRef(true);
  const podDrawing = layout.podDrawing;
  useEffect(() => {
    if (!hasContent) return;
    fit(firstFit.current ? 0 : 250);
    firstFit.current = false;
  }, [fit, viewKey, fitRequest, hasContent, presenter, podDrawing]);

  // Refit when the pane changes size (a panel resized or opened, the window, presenter type).
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
      timer = window.setTimeout(() => fit(0), 250);
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      window.clearTimeout(timer);
    };
  }, [fit]);

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
      <AgeClockContext.Provider value={ageClock}>
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
          // Low enough for a fit to show a 300-pod cluster whole in a short pane (presenter mode
          // at 1280 × 720 leaves ~180 px for a ~1,350 px tall layout: zoom ≈ 0.13).
          minZoom={0.08}
          maxZoom={2.5}
          proOptions={PRO_OPTIONS}
          fitView
          fitViewOptions={INITIAL_FIT}
          aria-label={`Cluster view, ${lens} lens`}
        >
          <Background gap={24} size={1.5} />
          {/* Fit goes through the verb (same framing as the toolbar's button and the f key). */}
          <Controls showInteractive={false} showFitView={false} aria-label="Zoom controls">
            <ControlButton onClick={() => requestFit(view)} className="react-flow__controls-fitview" title="Fit the whole cluster in view (f)" aria-label="Fit view">
              <GraphIcon name="fit" size={16} />
            </ControlButton>
          </Controls>
          <MiniMap style={MINIMAP_STYLE} pannable zoomable nodeColor={minimapColour} nodeStrokeWidth={2} ariaLabel="Minimap of the cluster view" {...(layout.podDrawing === 'compact' ? { nodeComponent: BoxesOnlyMinimapNode } : {})} />
        </ReactFlow>
      </AgeClockContext.Provider>
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
