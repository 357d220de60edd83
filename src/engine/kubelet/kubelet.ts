// kubelet: mirrors pkg/kubelet/kubelet.go (Kubelet, Run, syncLoop) — node registration, the pod
// informer filtered by spec.nodeName, one pod worker sync per pod key, and the node-level verbs
// the `sim` commands use (fail, recover, crash a container, read logs, force a probe result).
import type { Container, Node, Pod } from '../api/core';
import { keyOf, splitKey } from '../api/meta';
import { isNotFound, newBadRequest, newNotFound } from '../apiserver/errors';
import { BY_NODE, podNodeName, type Informer } from '../client/informer';
import { WorkQueue, clearQueue } from '../client/workqueue';
import type { Recorder } from '../client/recorder';
import type { Component, ComponentContext } from '../component';
import type { Timer } from '../sim/clock';
import type { ObjectRef } from '../sim/trace';
import { Backoff } from './backoff';
import type { KubeletHost } from './host';
import { ImageManager } from './image_manager';
import type { ImageSpec } from './images';
import { flavorOf, type ProcessInput } from './interpreter';
import { HostLocalIPAM } from './ipam';
import { initialNode, nodeConditions, nodeImages, nodeIP, type NodeIdentity } from './node_status';
import { allContainers, PodWorkers } from './pod_workers';
import { renderLogs, renderTime } from './program';
import { isRunning, type ContainerInstance, type PodRecord, type ProbeType, type ReadyImage } from './runtime';
import { stagesWith, type StageTable } from './stages';
import type { ConfigMap, Secret } from '../api/config';
import { makeEnvironmentVariables, podReferences, serviceEnvVars, type EnvLookups, type PodRuntimeInfo, type ServiceEnvSource } from './envvars';
import { containerVolumeFiles, mountError } from './volumes';
import { containerFilesAt, sharedFilesFor } from './pod_fs';
import { followLines, localPortAt } from './pod_net';
import { isMirrorPod, mirrorPod, mirrorPodName } from './static_pods';
import { podClaimNames, type PersistentVolumeClaim } from '../api/storage';

export interface NodeConfig {
  name: string;
  cpu: string; // '2'
  memory: string; // '4Gi'
  pods: number; // 110
  labels: Record<string, string>;
  taints: { key: string; value?: string; effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' }[];
  /** Index used for the node's pod CIDR (10.244.<index>.0/24) and InternalIP (172.18.0.<index+2>). */
  index: number;
  /** Static pod manifests (/etc/kubernetes/manifests): the kubelet runs them and creates mirror pods. */
  staticPods?: Pod[];
  /** Kubelet version to report (default: the cluster's kubernetesVersion). */
  kubeletVersion?: string;
  /** Lesson overrides of the stage timing table (slow pulls, slow sandboxes…). */
  stages?: Partial<StageTable>;
}

const PODS = { group: '', resource: 'pods' };
const NODES = { group: '', resource: 'nodes' };
const CONFIGMAPS = { group: '', resource: 'configmaps' };
const SECRETS = { group: '', resource: 'secrets' };

interface SavedState {
  running: boolean;
  identity?: NodeIdentity;
  records: Record<string, PodRecord>;
  images: ReturnType<ImageManager['save']>;
  ipam: ReturnType<HostLocalIPAM['save']>;
  crashBackoff: ReturnType<Backoff['save']>;
  /** Static pod keys whose manifest was moved out of /etc/kubernetes/manifests (sim controlplane stop). */
  disabledStaticPods?: string[];
}

export class Kubelet implements Component, KubeletHost {
  readonly name: string;
  running = true;
  readonly nodeName: string;
  readonly componentName: string;
  readonly hostIP: string;
  readonly stages: StageTable;
  records: Record<string, PodRecord> = {};
  readonly images: ImageManager;
  readonly ipam: HostLocalIPAM;
  readonly crashBackoff: Backoff;
  readonly recorder: Recorder;
  podInformer!: Informer<Pod>;
  private nodeInformer!: Informer<Node>;
  private configMapInformer?: Informer<ConfigMap>;
  private secretInformer?: Informer<Secret>;
  /** The ConfigMap and Secret managers (watch-based, as --config-map-and-secret-change-detection-strategy=Watch). */
  readonly lookups: EnvLookups = {
    configMap: (ns, name) => this.configMapInformer?.get(`${ns}/${name}`),
    secret: (ns, name) => this.secretInformer?.get(`${ns}/${name}`),
  };
  /** Where Service environment variables come from (envvars.ts HOOK); replaceable. */
  serviceEnv: ServiceEnvSource;
  /** TCP connections from a pod's processes (ncat), set by the cluster's network; none: refused. */
  podConnect?: (pod: Pod) => ProcessInput['connect'];
  private queue = new WorkQueue();
  private workers: PodWorkers;
  private identity?: NodeIdentity;
  private staticManifests = new Map<string, Pod>();
  /** Manifests moved out of the manifests directory, kept so they can be moved back. */
  private disabledManifests = new Map<string, Pod>();
  readonly rnd: () => number;

  constructor(readonly ctx: ComponentContext, readonly config: NodeConfig) {
    this.name = `kubelet/${config.name}`;
    this.nodeName = config.name;
    this.componentName = this.name;
    this.hostIP = nodeIP(config);
    this.stages = stagesWith(config.stages);
    this.rnd = () => ctx.rng.next();
    this.images = new ImageManager(ctx.images, this.stages, this.rnd);
    this.ipam = new HostLocalIPAM(`10.244.${config.index}.`);
    this.crashBackoff = new Backoff(this.stages.crashLoopInitialMs, this.stages.crashLoopMaxMs);
    this.recorder = ctx.events.for({ component: 'kubelet', host: config.name });
    this.workers = new PodWorkers(this);
    this.serviceEnv = serviceEnvVars(ctx.config.serviceCIDR);
    for (const m of config.staticPods ?? []) this.staticManifests.set(`${m.metadata.namespace ?? 'kube-system'}/${mirrorPodName(m, config.name)}`, m);
  }

  // ------------------------------------------------------------------ Component

  start(): void {
    // The pod informer (with its BY_NODE index) is shared; this kubelet's handler is selected by
    // spec.nodeName=<this node>, so it sees only its own pods' events (upstream: the kubelet's
    // field-selected pod watch). A deleted pod it still has a record of (one that moved away while
    // this kubelet was stopped) is also its business: the delete-only handler below.
    this.podInformer = this.ctx.informers.for<Pod>(PODS);
    this.podInformer.addIndex(BY_NODE, podNodeName);
    this.nodeInformer = this.ctx.informers.for<Node>(NODES);
    const mine = (p: Pod | undefined) => !!p && p.spec?.nodeName === this.nodeName;
    this.podInformer.addSelectedHandler(BY_NODE, this.nodeName, {
      add: (p) => mine(p) && this.enqueue(keyOf(p)),
      update: (o, p) => (mine(o) || mine(p)) && this.enqueue(keyOf(p)),
      delete: (p) => mine(p) && this.enqueue(keyOf(p)),
    });
    this.podInformer.addHandler({
      delete: (p) => !mine(p) && !!this.records[keyOf(p)] && this.enqueue(keyOf(p)),
    });
    // A ConfigMap or Secret appearing or changing re-syncs the pods here that read it (a pod
    // waiting in CreateContainerConfigError or for a FailedMount volume then starts).
    // (Only where the API serves them: the kubelet test harness serves pods and nodes alone.)
    const onRef = (kind: 'configMap' | 'secret') => (o: ConfigMap | Secret) => this.resyncReaders(kind, o.metadata.namespace ?? '', o.metadata.name ?? '');
    if (this.ctx.api.served('', 'configmaps')) {
      this.configMapInformer = this.ctx.informers.for<ConfigMap>(CONFIGMAPS);
      this.configMapInformer.addHandler({ add: onRef('configMap'), update: (_o, n) => onRef('configMap')(n), delete: onRef('configMap') });
    }
    if (this.ctx.api.served('', 'secrets')) {
      this.secretInformer = this.ctx.informers.for<Secret>(SECRETS);
      this.secretInformer.addHandler({ add: onRef('secret'), update: (_o, n) => onRef('secret')(n), delete: onRef('secret') });
    }
    // A claim becoming Bound lets the pods here that mount it start (see pvc_wait.ts).
    if (this.ctx.api.served('', 'persistentvolumeclaims')) {
      const onClaim = (c: PersistentVolumeClaim) => {
        for (const p of this.podInformer.byIndex(BY_NODE, this.nodeName)) {
          if (p.metadata.namespace === c.metadata.namespace && podClaimNames(p.spec).includes(c.metadata.name ?? '')) this.enqueue(keyOf(p));
        }
      };
      this.ctx.informers.for<PersistentVolumeClaim>({ group: '', resource: 'persistentvolumeclaims' }).addHandler({ add: onClaim, update: (_o, c) => onClaim(c) });
    }
    // registerWithAPIServer: a GET first, so a restored cluster keeps its Node (and its RNG).
    if (this.ctx.api.tryGet(NODES, '', this.nodeName)) return;
    this.register();
  }

  private register(): void {
    const { ctx } = this;
    this.identity = { machineID: this.hex(32), systemUUID: ctx.rng.uuid(), bootID: ctx.rng.uuid() };
    const now = ctx.clock.iso();
    const node = initialNode(this.config, this.identity, this.config.kubeletVersion ?? ctx.config.kubernetesVersion, now);
    ctx.api.create(NODES, '', node, { user: this.name });
    const stored = ctx.api.tryGet(NODES, '', this.nodeName) as Node | undefined;
    if (stored && !stored.status?.conditions) ctx.api.update(NODES, '', { ...stored, status: node.status }, { subresource: 'status', user: this.name });
    ctx.heartbeats.started(this.nodeName, ctx.clock.now());
    const ref = this.nodeRef();
    this.recorder.event(ref, 'Normal', 'Starting', 'Starting kubelet.');
    for (const r of ['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID']) this.recorder.event(ref, 'Normal', r, `Node ${this.nodeName} status is now: ${r}`);
    this.recorder.event(ref, 'Normal', 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods');
    this.recorder.event(ref, 'Normal', 'NodeReady', `Node ${this.nodeName} status is now: NodeReady`);
    ctx.trace.record({ component: 'kubelet', instance: this.nodeName, action: 'register', object: { kind: 'Node', name: this.nodeName }, message: `registered node ${this.nodeName} (${this.config.cpu} CPU, ${this.config.memory}, pod CIDR 10.244.${this.config.index}.0/24)` });
    for (const key of this.staticManifests.keys()) this.ensureMirror(key);
  }

  hasWork(): boolean {
    return this.running && this.queue.len() > 0;
  }

  runOnce(): void {
    let n = this.queue.len();
    while (n-- > 0) {
      const key = this.queue.get();
      if (key === undefined) break;
      try {
        this.workers.syncPod(key);
      } catch (e) {
        this.ctx.trace.record({ component: 'kubelet', instance: this.nodeName, action: 'error', message: `sync ${key} failed: ${e instanceof Error ? e.message : String(e)}` });
      }
    }
  }

  onTimer(t: Timer): void {
    if (t.kind !== 'wake') return;
    const { key, uid } = t.payload as { key: string; uid: string; at: number };
    const rec = this.records[key];
    if (rec && rec.uid === uid) this.enqueue(key);
  }

  discardQueuedWork(): void {
    clearQueue(this.queue);
  }

  save(): SavedState {
    return JSON.parse(JSON.stringify({
      running: this.running, identity: this.identity, records: this.records,
      images: this.images.save(), ipam: this.ipam.save(), crashBackoff: this.crashBackoff.save(),
      ...(this.disabledManifests.size ? { disabledStaticPods: [...this.disabledManifests.keys()] } : {}),
    })) as SavedState;
  }

  load(state: unknown): void {
    const s = JSON.parse(JSON.stringify(state)) as SavedState;
    this.running = s.running;
    this.identity = s.identity;
    this.records = s.records;
    this.images.load(s.images);
    this.ipam.load(s.ipam);
    this.crashBackoff.load(s.crashBackoff);
    for (const key of s.disabledStaticPods ?? []) {
      const m = this.staticManifests.get(key);
      if (!m) continue;
      this.staticManifests.delete(key);
      this.disabledManifests.set(key, m);
    }
  }

  // ------------------------------------------------------------------ sim verbs

  /** The kubelet stops (a partition): containers keep running, nothing is reported. */
  fail(): void {
    if (!this.running) return;
    this.running = false;
    this.ctx.heartbeats.stopped(this.nodeName, this.ctx.clock.now());
    this.ctx.trace.record({ component: 'kubelet', instance: this.nodeName, action: 'stop', object: { kind: 'Node', name: this.nodeName }, message: `kubelet on ${this.nodeName} stopped: no more heartbeats or status updates (containers keep running)` });
  }

  /** The kubelet is back: post Ready again and resync every pod (finishing pending deletions). */
  recover(): void {
    if (this.running) return;
    this.running = true;
    const now = this.ctx.clock.now();
    this.ctx.heartbeats.started(this.nodeName, now);
    // With the API server down the kubelet starts anyway; its status goes out after the outage.
    const node = this.ctx.api.available ? (this.ctx.api.tryGet(NODES, '', this.nodeName) as Node | undefined) : undefined;
    if (node) {
      const wasReady = node.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
      this.postNodeStatus(node, true);
      if (!wasReady) this.recorder.event(this.nodeRef(), 'Normal', 'NodeReady', `Node ${this.nodeName} status is now: NodeReady`);
    }
    // Timers that fell due while stopped were dropped: forget them and look at every pod again.
    for (const rec of Object.values(this.records)) rec.wakes = [];
    for (const key of Object.keys(this.records).sort()) this.enqueue(key);
    for (const p of this.podInformer.byIndex(BY_NODE, this.nodeName).map((x) => keyOf(x)).sort()) this.enqueue(p);
    this.ctx.trace.record({ component: 'kubelet', instance: this.nodeName, action: 'start', object: { kind: 'Node', name: this.nodeName }, message: `kubelet on ${this.nodeName} is running again: node Ready, resyncing its pods` });
  }

  /**
   * Move a static pod's manifest out of /etc/kubernetes/manifests (enabled=false) or back in
   * (true), as a lecturer does to stop kube-scheduler on a kind node: the kubelet stops the
   * containers and deletes the mirror pod (if the API server lets it); moved back, the pod starts
   * afresh and a new mirror pod appears. `name` is the manifest's name ('kube-scheduler').
   * Returns false when this node has no such static pod.
   */
  setStaticPodEnabled(name: string, enabled: boolean): boolean {
    const key = `kube-system/${name}-${this.nodeName}`;
    if (enabled) {
      const m = this.disabledManifests.get(key);
      if (!m) return this.staticManifests.has(key);
      this.disabledManifests.delete(key);
      this.staticManifests.set(key, m);
      if (this.ctx.api.available) this.ensureMirror(key);
      this.enqueue(key);
      return true;
    }
    const m = this.staticManifests.get(key);
    if (!m) return this.disabledManifests.has(key);
    this.staticManifests.delete(key);
    this.disabledManifests.set(key, m);
    const rec = this.records[key];
    if (rec) this.workers.removeRecord(rec, this.ctx.clock.now(), `static pod manifest ${name}.yaml was removed from /etc/kubernetes/manifests: its containers are stopped`);
    const mirror = this.podInformer?.get(key);
    if (mirror) this.deleteOrphanedMirror(mirror);
    return true;
  }

  /** A mirror pod whose static pod is gone: delete it (best effort; retried at the next sync). */
  deleteOrphanedMirror(pod: Pod): void {
    try {
      this.ctx.api.delete(PODS, pod.metadata.namespace ?? 'kube-system', pod.metadata.name ?? '', { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid }, user: this.name });
      this.trace('delete-mirror', pod, `deleted mirror pod ${keyOf(pod)}: its static pod manifest is gone`);
    } catch {
      // The API server (or etcd) is down: the orphan stays until the next sync after it is back.
    }
  }

  /** `sim pod crash`: the container's process exits with code 1 now. Returns an error message, or undefined. */
  crashContainer(namespace: string, pod: string, container?: string): string | undefined {
    const key = `${namespace}/${pod}`;
    const rec = this.records[key];
    const p = this.podInformer?.get(key);
    if (!rec || !p) return `pod "${pod}" not found on node ${this.nodeName}`;
    const name = container ?? p.spec.containers[0]?.name;
    const r = name ? rec.containers[name] : undefined;
    if (!r) return `container "${name}" not found in pod "${pod}"`;
    if (!isRunning(r.current)) return `container "${name}" in pod "${pod}" is not running`;
    const now = this.ctx.clock.now();
    this.workers.advanceRuntime(rec, p, now);
    if (!isRunning(r.current)) return undefined;
    const cur = r.current!;
    cur.finishedAt = now;
    cur.exitCode = 1;
    cur.reason = 'Error';
    r.ready = false;
    this.trace('crash', p, `container ${name} crashed (exit code 1)`);
    this.enqueue(key);
    return undefined;
  }

  /** `kubectl logs`: the container's output so far. Throws a StatusError as the API server would. */
  logs(namespace: string, pod: string, container?: string, previous = false): string[] {
    const key = `${namespace}/${pod}`;
    const p = this.podInformer?.get(key);
    const rec = this.records[key];
    if (!p) throw newNotFound({ group: '', resource: 'pods' }, pod);
    const names = p.spec.containers.map((c) => c.name);
    const inits = (p.spec.initContainers ?? []).map((c) => c.name);
    const name = container ?? (names.length === 1 ? names[0] : undefined);
    if (!name) {
      throw newBadRequest(`a container name must be specified for pod ${pod}, choose one of: [${names.join(' ')}]${inits.length ? ` or one of the init containers: [${inits.join(' ')}]` : ''}`);
    }
    if (!names.includes(name) && !inits.includes(name)) throw newBadRequest(`container ${name} is not valid for pod ${pod}`);
    const r = rec?.containers[name];
    let inst: ContainerInstance | undefined;
    if (previous) {
      inst = r && r.current && !isRunning(r.current) && r.waiting ? r.current : r?.previous;
      if (!inst) throw newBadRequest(`previous terminated container "${name}" in pod "${pod}" not found`);
    } else {
      inst = r?.current;
      if (!inst) {
        const reason = r?.waiting?.reason ?? (inits.length && !rec?.initDone && names.includes(name) ? 'PodInitializing' : 'ContainerCreating');
        throw newBadRequest(`container "${name}" in pod "${pod}" is waiting to start: ${reason}`);
      }
    }
    if (rec) this.workers.advanceRuntime(rec, p, this.ctx.clock.now());
    const until = inst.finishedAt ?? this.ctx.clock.now();
    const epoch = this.ctx.clock.epochMs;
    const lines = renderLogs(inst.program, inst.startedAt, until, (ms) => renderTime(epoch + ms));
    const spec = allContainers(p).find((c) => c.name === name);
    if (!inst.program.follow || !spec) return lines;
    const read = (at: number) => this.readFile(p, spec, inst, inst.program.follow!.path, at);
    return [...lines, ...followLines(read(inst.startedAt + inst.program.follow.at), read(until))];
  }

  /** A file as a running container sees it at `at` (its volumes, shared ones live, and its own writes). */
  readFile(pod: Pod, spec: Container, inst: ContainerInstance, path: string, at = this.ctx.clock.now()): string | undefined {
    const rec = this.records[keyOf(pod)];
    const base = { ...containerVolumeFiles(pod, spec, this.lookups, this.runtimeInfo(rec?.sandbox?.ip ?? '')), ...sharedFilesFor(pod, spec, rec, at) };
    return containerFilesAt(pod, spec, inst, base, at).get(path);
  }

  /** Lessons: force a probe result from now on (undefined: back to the real result). */
  setProbeOverride(namespace: string, pod: string, container: string, type: ProbeType, mode: 'pass' | 'fail' | undefined): string | undefined {
    const key = `${namespace}/${pod}`;
    const rec = this.records[key];
    const p = this.podInformer?.get(key);
    if (!rec || !p) return `pod "${pod}" not found on node ${this.nodeName}`;
    if (!rec.containers[container]) return `container "${container}" not found in pod "${pod}"`;
    const now = this.ctx.clock.now();
    this.workers.advanceRuntime(rec, p, now);
    if (mode) rec.overrides[`${container}/${type}`] = { mode, since: now };
    else delete rec.overrides[`${container}/${type}`];
    this.enqueue(key);
    return undefined;
  }

  /** Pod keys this kubelet is running (for the UI and tests). */
  podKeys(): string[] {
    return Object.keys(this.records).sort();
  }

  // ------------------------------------------------------------------ KubeletHost

  enqueue(key: string): void {
    this.queue.add(key);
  }

  hex64(): string {
    return this.hex(64);
  }

  /**
   * Relists happen every plegRelistMs on a per-node phase (derived from the node index, not the
   * RNG, so a restored snapshot draws the same numbers). Node 1, period 1 s: ticks at 0.137 s,
   * 1.137 s, … so an exit at 5.0 s is noticed at 5.137 s.
   */
  relistAfter(t: number): number {
    const period = this.stages.plegRelistMs;
    if (period <= 0) return t;
    const phase = (this.config.index * 137) % period;
    return Math.ceil((t - phase) / period) * period + phase;
  }

  private hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += this.ctx.rng.intn(16).toString(16);
    return s;
  }

  trace(action: string, obj: Pod | ObjectRef, message: string, details?: unknown): void {
    const object: ObjectRef = 'metadata' in obj
      ? { kind: 'Pod', namespace: obj.metadata.namespace, name: obj.metadata.name ?? '', uid: obj.metadata.uid }
      : obj;
    this.ctx.trace.record({ component: 'kubelet', instance: this.nodeName, action, object, message, ...(details === undefined ? {} : { details }) });
  }

  isStaticKey(key: string): boolean {
    return this.staticManifests.has(key);
  }

  /** Create the mirror pod of a static pod if the API server does not have it. */
  ensureMirror(key: string): void {
    const manifest = this.staticManifests.get(key);
    if (!manifest || !this.running) return;
    const { namespace } = splitKey(key);
    if (this.podInformer?.get(key) || this.ctx.api.tryGet(PODS, namespace, splitKey(key).name)) return;
    const node = this.ctx.api.tryGet(NODES, '', this.nodeName) as Node | undefined;
    if (!node) return;
    try {
      this.ctx.api.create(PODS, namespace, mirrorPod(manifest, node, this.ctx.clock.iso()), { user: this.name });
      this.ctx.trace.record({ component: 'kubelet', instance: this.nodeName, action: 'mirror', object: { kind: 'Pod', namespace, name: splitKey(key).name }, message: `created mirror pod ${key} for static pod ${manifest.metadata.name}` });
    } catch (e) {
      this.ctx.trace.record({ component: 'kubelet', instance: this.nodeName, action: 'error', message: `could not create mirror pod ${key}: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  deletePod(pod: Pod): void {
    try {
      this.ctx.api.delete(PODS, pod.metadata.namespace ?? 'default', pod.metadata.name ?? '', { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid }, user: this.name });
    } catch (e) {
      if (!isNotFound(e)) this.trace('error', pod, `could not delete ${keyOf(pod)}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (isMirrorPod(pod)) this.enqueue(keyOf(pod));
  }

  imagePulled(ready: ReadyImage, sizeBytes: number): void {
    if (!this.images.record(ready.image, ready.imageID, sizeBytes)) return;
    const node = this.nodeInformer?.get(this.nodeName) ?? (this.ctx.api.tryGet(NODES, '', this.nodeName) as Node | undefined);
    if (node) this.postNodeStatus(node, false);
  }

  imageSpecOf(i: ContainerInstance): ImageSpec {
    const r = this.ctx.images.resolve(i.image);
    return r.kind === 'ok' ? r.spec : { repository: i.image, tags: '*', sizeBytes: 0, behaviour: 'command' };
  }

  /** The process environment: PATH, HOSTNAME, the container's env, the kubernetes Service, HOME. */
  processInput(pod: Pod, spec: Container, rec: PodRecord | undefined, image: ImageSpec, argv: string[]): ProcessInput {
    const hostname = pod.spec.hostname ?? pod.metadata.name ?? '';
    const podIP = rec?.sandbox?.ip ?? pod.status?.podIP ?? '';
    const env: [string, string][] = [['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], ['HOSTNAME', hostname]];
    // The container's own variables, then the Service ones (envvars.ts); an error (a missing
    // ConfigMap) was already reported at creation, so what can be resolved is used here.
    env.push(...makeEnvironmentVariables(pod, spec, this.lookups, this.runtimeInfo(podIP), this.serviceEnv).env);
    env.push(['HOME', '/root']);
    const dnsIP = this.ctx.config.serviceCIDR.replace(/\.0\/\d+$/, '.10');
    const ns = pod.metadata.namespace ?? 'default';
    const domain = this.ctx.config.clusterDomain;
    const baseFiles: Record<string, string> = {
      '/etc/hostname': `${hostname}\n`,
      '/etc/hosts': `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${podIP}\t${hostname}\n`,
      '/etc/resolv.conf': `search ${ns}.svc.${domain} svc.${domain} ${domain}\nnameserver ${dnsIP}\noptions ndots:5\n`,
      '/etc/machine-id': `${this.identity?.machineID ?? ''}\n`,
      '/etc/os-release': flavorOf(image) === 'busybox' ? 'NAME="Alpine Linux"\nID=alpine\n' : 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nID=debian\n',
      ...containerVolumeFiles(pod, spec, this.lookups, this.runtimeInfo(podIP)),
      // emptyDir/hostPath/PVC volumes: what every container of the pod has written so far.
      ...sharedFilesFor(pod, spec, rec, this.ctx.clock.now()),
    };
    return {
      image, argv, env, hostname, baseFiles, stopMs: Math.round((this.stages.serverStopMs[0] + this.stages.serverStopMs[1]) / 2), startupMs: image.startupMs ?? this.stages.serverStartupMs,
      startedAt: this.ctx.clock.now(), localPortAt: (port) => localPortAt(pod, rec, port, (repo) => this.ctx.images.get(repo), this.stages.serverStartupMs), connect: this.podConnect?.(pod),
    };
  }

  /** What fieldRef / resourceFieldRef read about this pod on this node. */
  runtimeInfo(podIP: string): PodRuntimeInfo {
    return { podIP, hostIP: this.hostIP, nodeName: this.nodeName, nodeAllocatable: { cpu: this.config.cpu, memory: this.config.memory } };
  }

  /**
   * generateContainerConfig's environment step: the CreateContainerConfigError message
   * (`configmap "x" not found`), or undefined when the container can be created.
   */
  containerConfigError(pod: Pod, spec: Container, rec: PodRecord | undefined): string | undefined {
    const podIP = rec?.sandbox?.ip ?? pod.status?.podIP ?? '';
    const r = makeEnvironmentVariables(pod, spec, this.lookups, this.runtimeInfo(podIP), this.serviceEnv);
    for (const bad of r.invalidKeys ?? []) {
      this.recorder.event(pod, 'Warning', 'InvalidEnvironmentVariableNames',
        `Keys [${bad.keys.join(', ')}] from the EnvFrom ${bad.kind} ${bad.namespace}/${bad.name} were skipped since they are considered invalid environment variable names.`);
    }
    return r.error;
  }

  /** The volume manager's check before the sandbox: a FailedMount message, or undefined. */
  volumeMountError(pod: Pod, rec: PodRecord | undefined): string | undefined {
    return mountError(pod, this.lookups, this.runtimeInfo(rec?.sandbox?.ip ?? ''));
  }

  /** Enqueue this node's pods that read a ConfigMap/Secret that was added, changed or deleted. */
  private resyncReaders(kind: 'configMap' | 'secret', namespace: string, name: string): void {
    if (!this.podInformer) return;
    for (const p of this.podInformer.byIndex(BY_NODE, this.nodeName)) {
      if (p.metadata.namespace === namespace && podReferences(p, kind, name)) this.enqueue(keyOf(p));
    }
  }

  // ------------------------------------------------------------------ node status

  private nodeRef(): { kind: string; name: string; uid: string } {
    return { kind: 'Node', name: this.nodeName, uid: this.nodeName };
  }

  private postNodeStatus(node: Node, heartbeat: boolean): void {
    const now = this.ctx.clock.iso();
    const status = { ...(node.status ?? {}), images: nodeImages(this.images.cache) };
    if (heartbeat) status.conditions = nodeConditions(node.status?.conditions, now);
    try {
      this.ctx.api.update(NODES, '', { ...node, status }, { subresource: 'status', user: this.name });
    } catch (e) {
      this.ctx.trace.record({ component: 'kubelet', instance: this.nodeName, action: 'error', message: `could not update node status: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
}

export { allContainers };
