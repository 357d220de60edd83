// What every simulated control-plane or node component implements, and the context it is given.
// Components never touch the store: they read informers and write through the API server.
import type { APIServer } from './apiserver/apiserver';
import type { InformerFactory } from './client/informer';
import type { EventRecorder } from './client/recorder';
import type { SimClock, Timer } from './sim/clock';
import type { Rng } from './sim/rng';
import type { Trace } from './sim/trace';
import type { ImageCatalogue } from './kubelet/images';
import type { Heartbeats } from './sim/heartbeats';
import type { MetricsServer } from './metrics/metrics_server';

export interface ComponentContext {
  api: APIServer;
  informers: InformerFactory;
  clock: SimClock;
  rng: Rng;
  trace: Trace;
  events: EventRecorder;
  images: ImageCatalogue;
  /** Kubelet Lease renewals, computed (see sim/heartbeats.ts). */
  heartbeats: Heartbeats;
  /** Cluster-wide settings (grace periods, etc.), see cluster/config.ts. */
  config: ClusterConfig;
  /** The metrics-server stand-in (pod CPU/memory usage), set by the controller manager. */
  metrics?: MetricsServer;
}

export interface ClusterConfig {
  /** node-monitor-grace-period: 50 s from v1.32 (was 40 s). */
  nodeMonitorGracePeriodMs: number;
  /** Default toleration seconds for not-ready/unreachable (DefaultTolerationSeconds admission). */
  defaultTolerationSeconds: number;
  kubernetesVersion: string;
  clusterName: string;
  serviceCIDR: string;
  podCIDR: string;
  clusterDomain: string;
}

export interface Component {
  /** Unique: 'replicaset-controller', 'kubelet/kind-worker', 'default-scheduler'. Timers use it. */
  readonly name: string;
  /** Register informer handlers. Called once, before informers start. */
  start(): void;
  /** True when there is queued work (a workqueue item). */
  hasWork(): boolean;
  /** Process queued work; the cluster calls this until no component has work. */
  runOnce(): void;
  /** A timer this component scheduled is due. */
  onTimer?(t: Timer): void;
  /** Drop queued work without doing it (after a snapshot restore, whose state was quiet). */
  discardQueuedWork?(): void;
  /** Serialisable internal state for snapshots (must round-trip through JSON). */
  save?(): unknown;
  load?(state: unknown): void;
  /**
   * False while stopped (sim controlplane stop, sim node fail): no work is run, and its timers that
   * fall due wait until it runs again (sim/controlplane.ts ControlPlane.defer).
   */
  running?: boolean;
}
