// `sim …` verbs: things that happen to a cluster rather than requests to its API server (a
// node's kubelet dies or comes back, a node joins, a container crashes). Unlike kubectl these
// may reach into cluster internals (kubelets, addNode).
import type { Cluster, CommandResult } from '../cluster';
import type { NodeConfig } from '../kubelet/kubelet';
import { isQuantity } from '../api/quantity';
import { FlagError, parseFlags, type FlagSpec } from '../kubectl/flags';
import { TokenizeError, tokenize } from '../kubectl/tokenize';
import { trafficCommand } from '../traffic/sim_traffic';
import { loadCommand } from './load';
import { controlPlaneCommand, nodeKubeletCommand } from './controlplane';

/** What the simulated kubelet offers to `sim` (the real kubelet implements these). */
interface SimKubelet {
  fail(): void;
  recover(): void;
  crashContainer(namespace: string, pod: string, container?: string): string | undefined;
}

export const SIM_HELP = `Simulate things that happen to the cluster.

Commands:
  sim node fail NAME                 stop the node's kubelet (it stops posting status)
  sim node recover NAME              start the node's kubelet again
  sim node kubelet stop|start NAME   systemctl stop|start kubelet (same as fail/recover)
  sim node add [NAME] [--cpu N] [--memory Q]
                                     add a worker node (default kind-workerN, 2 CPU, 4Gi)
  sim pod crash POD [-c CONTAINER] [-n NAMESPACE]
                                     make a running container exit with code 1
  sim load deployment/NAME --cpu 300%|600m | --stop
                                     simulated CPU demand (for kubectl top and the HPA)
  sim traffic start TARGET --rps N [--from POD | --external] [--path /PATH] [--host HOST] [-n NAMESPACE]
                                     send simulated HTTP requests (TARGET: svc/NAME,
                                     ingress/NAME, NODE_IP:NODE_PORT or a LoadBalancer IP)
  sim traffic stop [TARGET]          stop traffic (all, or to TARGET)
  sim traffic status                 requests, errors and latency per target and pod
  sim controlplane stop|start apiserver|etcd|scheduler|controller-manager
                                     stop or start a control-plane component (its static
                                     pod manifest moved out of /etc/kubernetes/manifests)
  sim controlplane status            which control-plane components and kubelets run
  sim help                           show this help`;

class UsageError extends Error {}

const ADD_FLAGS: FlagSpec[] = [
  { name: 'cpu', type: 'string', default: '2' },
  { name: 'memory', type: 'string', default: '4Gi' },
  { name: 'pods', type: 'int', default: 110 },
];
const CRASH_FLAGS: FlagSpec[] = [{ name: 'container', short: 'c', type: 'string' }];

function kubeletOf(cluster: Cluster, name: string | undefined, verb: string): Partial<SimKubelet> {
  if (!name) throw new UsageError(`usage: sim node ${verb} NAME`);
  const k = cluster.kubelets.get(name);
  if (!k) throw new UsageError(`node "${name}" not found (nodes: ${cluster.nodeNames().join(', ') || 'none'})`);
  return k as unknown as Partial<SimKubelet>;
}

function nextWorkerName(cluster: Cluster): string {
  const names = new Set(cluster.nodeNames());
  if (!names.has('kind-worker')) return 'kind-worker';
  for (let i = 2; ; i++) if (!names.has(`kind-worker${i}`)) return `kind-worker${i}`;
}

function nodeCommand(cluster: Cluster, args: string[]): string {
  const [verb, ...rest] = args;
  switch (verb) {
    case 'fail': {
      const k = kubeletOf(cluster, rest[0], 'fail');
      if (!k.fail) throw new UsageError('node failure is not available yet (the kubelet does not support it)');
      k.fail();
      return `node/${rest[0]} failed: the kubelet stopped posting status`;
    }
    case 'recover': {
      const k = kubeletOf(cluster, rest[0], 'recover');
      if (!k.recover) throw new UsageError('node recovery is not available yet (the kubelet does not support it)');
      k.recover();
      return `node/${rest[0]} recovered: the kubelet is posting status again`;
    }
    case 'kubelet':
      return nodeKubeletCommand(cluster, rest);
    case 'add': {
      const f = parseFlags(rest, ADD_FLAGS);
      if (f.args.length > 1) throw new UsageError('usage: sim node add [NAME] [--cpu N] [--memory Q]');
      const name = f.args[0] ?? nextWorkerName(cluster);
      if (cluster.kubelets.has(name)) throw new UsageError(`node "${name}" already exists`);
      if (!cluster.api.available) throw new UsageError('the API server is down (sim controlplane status): a new node cannot register');
      if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name)) throw new UsageError(`invalid node name "${name}": must be a lowercase RFC 1123 subdomain`);
      for (const q of ['cpu', 'memory']) if (!isQuantity(f.str(q))) throw new UsageError(`invalid --${q} "${f.str(q)}": must be a quantity like 2, 500m, 4Gi`);
      const index = Math.max(0, ...[...cluster.kubelets.values()].map((k) => k.config.index)) + 1;
      const cfg: NodeConfig = { name, cpu: f.str('cpu'), memory: f.str('memory'), pods: f.int('pods'), labels: {}, taints: [], index };
      cluster.addNode(cfg);
      return `node/${name} added (${cfg.cpu} CPU, ${cfg.memory} memory)`;
    }
    default:
      throw new UsageError(verb ? `unknown node command "${verb}"; expected fail, recover or add` : 'usage: sim node fail|recover|add …');
  }
}

function podCommand(cluster: Cluster, args: string[]): string {
  const [verb, ...rest] = args;
  if (verb !== 'crash') throw new UsageError(verb ? `unknown pod command "${verb}"; expected crash` : 'usage: sim pod crash POD [-c CONTAINER] [-n NAMESPACE]');
  const f = parseFlags(rest, CRASH_FLAGS);
  if (f.args.length !== 1) throw new UsageError('usage: sim pod crash POD [-c CONTAINER] [-n NAMESPACE]');
  const ns = f.str('namespace') || 'default';
  const podName = f.args[0];
  // Read the store, not the API server: a container crashes even while the API server is down.
  const pod = cluster.objects('/pods', ns).find((p) => p.metadata.name === podName) as { spec?: { nodeName?: string } } | undefined;
  if (!pod) throw new UsageError(`pod "${podName}" not found in namespace "${ns}"`);
  const node = pod.spec?.nodeName;
  if (!node) throw new UsageError(`pod "${podName}" is not running on a node yet`);
  const k = cluster.kubelets.get(node) as unknown as Partial<SimKubelet> | undefined;
  if (!k?.crashContainer) throw new UsageError('container crashes are not available yet (the kubelet does not support them)');
  const container = f.str('container') || undefined;
  const err = k.crashContainer(ns, podName, container);
  if (err) throw new UsageError(err);
  return `pod/${podName}${container ? ` container ${container}` : ''} crashed (exit code 1)`;
}

export function runSimCommand(cluster: Cluster, commandLine: string): CommandResult {
  try {
    let words = tokenize(commandLine);
    if (words[0] === 'sim') words = words.slice(1);
    const [group, ...rest] = words;
    let text: string;
    switch (group) {
      case undefined:
      case 'help':
      case '-h':
      case '--help':
        return { stdout: SIM_HELP + '\n', stderr: '', exitCode: 0 };
      case 'node':
        text = nodeCommand(cluster, rest);
        break;
      case 'pod':
        text = podCommand(cluster, rest);
        break;
      case 'traffic':
        text = trafficCommand(cluster, rest);
        break;
      case 'controlplane':
        text = controlPlaneCommand(cluster, rest);
        break;
      case 'load':
        try {
          text = loadCommand(cluster, rest);
        } catch (e) {
          throw e instanceof FlagError ? e : new UsageError(e instanceof Error ? e.message : String(e));
        }
        break;
      default:
        throw new UsageError(`unknown command "${group}"; run 'sim help' for the list`);
    }
    return { stdout: text + '\n', stderr: '', exitCode: 0 };
  } catch (e) {
    if (e instanceof UsageError || e instanceof FlagError || e instanceof TokenizeError) return { stdout: '', stderr: `error: ${e.message}\n`, exitCode: 1 };
    return { stdout: '', stderr: `error: ${e instanceof Error ? e.message : String(e)}\n`, exitCode: 1 };
  }
}
