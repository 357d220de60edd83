// The kubelet's stage timing table, as data (the idea of kwok's Stage CRDs: "after what delay, to
// which state"). Every delay the simulated kubelet waits comes from here, so a lesson can make
// image pulls slow or a sandbox flaky by overriding a few numbers (NodeConfig.stages).
//
// Ranges are [min, max] in milliseconds; each use draws one value uniformly from the seeded RNG,
// so runs differ by seed but are identical for the same seed.

export type Range = [number, number];

export interface StageTable {
  /** RunPodSandbox: pause container + CNI ADD (kindnet) until the pod has an IP. */
  sandboxMs: Range;
  /** CreateContainer + StartContainer for one container (Created and Started events). */
  containerStartMs: Range;
  /** Fixed registry round trip of a pull (resolve the tag, fetch the manifest). */
  pullLatencyMs: Range;
  /** Download speed in bytes per second: 30–60 MB/s, so nginx (~70 MB) takes ~1.7–2.8 s. */
  pullBytesPerSec: Range;
  /** A failed pull: the registry answers "not found" / "denied" after this long. */
  pullFailMs: Range;
  /** Kubelet resync after a failed pull before it reports ImagePullBackOff. */
  pullBackOffReportMs: Range;
  /** Container restart back-off (kubelet.go: backOffPeriod 10 s, MaxContainerBackOff 300 s). */
  crashLoopInitialMs: number;
  crashLoopMaxMs: number;
  /** Image pull back-off uses the same 10 s → 300 s schedule (image_manager.go). */
  imagePullInitialMs: number;
  imagePullMaxMs: number;
  /** Delay of the prober worker's first tick after a container starts. */
  probeFirstTickMs: Range;
  /** A server image that gets SIGTERM exits after this long unless its image says otherwise. */
  serverStopMs: Range;
  /** Default time from start until a server image accepts connections. */
  serverStartupMs: number;
  /**
   * PLEG relist period (pleg/generic.go: 1 s): the kubelet notices a container exit at the next
   * relist, not at once. Back-off is still measured from the exit itself (its finishedAt).
   */
  plegRelistMs: number;
}

export const DEFAULT_STAGES: StageTable = {
  sandboxMs: [300, 600],
  containerStartMs: [80, 200],
  pullLatencyMs: [400, 700],
  pullBytesPerSec: [30e6, 60e6],
  pullFailMs: [500, 900],
  pullBackOffReportMs: [800, 1500],
  crashLoopInitialMs: 10_000,
  crashLoopMaxMs: 300_000,
  imagePullInitialMs: 10_000,
  imagePullMaxMs: 300_000,
  probeFirstTickMs: [200, 1000],
  serverStopMs: [80, 150],
  serverStartupMs: 100,
  plegRelistMs: 1000,
};

export function stagesWith(overrides?: Partial<StageTable>): StageTable {
  return { ...DEFAULT_STAGES, ...(overrides ?? {}) };
}

/** One draw from a range, rounded to whole milliseconds. */
export function pick(r: Range, next: () => number): number {
  return Math.round(r[0] + (r[1] - r[0]) * next());
}
