// The cloud provider's service controller: mirrors staging/src/k8s.io/cloud-provider/controllers/
// service/controller.go (syncLoadBalancerIfNeeded), run by cloud-controller-manager. A kind
// cluster has no cloud; this is the simulated one (like cloud-provider-kind or MetalLB): a
// LoadBalancer Service shows EXTERNAL-IP <pending>, then after a short provisioning delay gets
// the next free address of a pool on the node network (172.18.255.200–250).
//
// Worked example: `kubectl expose deployment web --type=LoadBalancer --port=80` at t=100 s →
// Event EnsuringLoadBalancer at 100 s, at 103 s status.loadBalancer.ingress [{ip:
// 172.18.255.200, ipMode: VIP}] and Event EnsuredLoadBalancer.
import { keyOf, splitKey } from '../../api/meta';
import type { Service } from '../../api/networking';
import type { Informer } from '../../client/informer';
import type { Recorder } from '../../client/recorder';
import type { ComponentContext } from '../../component';
import type { Timer } from '../../sim/clock';
import { Controller } from '../controller';
import { intToIp, ipToInt } from '../../apiserver/registry/core/service/ipallocator';

const SERVICES = { group: '', resource: 'services' };
const ENSURE_TIMER = 'ensureLoadBalancer';
/** How long the simulated cloud takes to provision a load balancer. */
export const LB_PROVISION_MS = 3000;
export const LB_POOL_FIRST = '172.18.255.200';
export const LB_POOL_LAST = '172.18.255.250';

interface State {
  pending: [string, number][];
  ensured: string[];
}

/** The lowest free pool address (a requested spec.loadBalancerIP wins if it is in the pool and free). */
export function pickLoadBalancerIP(requested: string | undefined, used: Set<string>): string | undefined {
  const first = ipToInt(LB_POOL_FIRST)!;
  const last = ipToInt(LB_POOL_LAST)!;
  const r = requested ? ipToInt(requested) : undefined;
  if (requested && r !== undefined && r >= first && r <= last && !used.has(requested)) return requested;
  for (let n = first; n <= last; n++) if (!used.has(intToIp(n))) return intToIp(n);
  return undefined;
}

export class ServiceController extends Controller {
  private readonly services: Informer<Service>;
  private readonly recorder: Recorder;
  private pending = new Map<string, number>();
  private ensured = new Set<string>();

  constructor(ctx: ComponentContext) {
    super('cloud-controller-manager', ctx);
    this.services = ctx.informers.for<Service>(SERVICES);
    this.recorder = ctx.events.for({ component: 'service-controller' });
  }

  start(): void {
    this.services.addHandler({
      add: (s) => this.enqueue(keyOf(s)),
      update: (_o, s) => this.enqueue(keyOf(s)),
      delete: (s) => this.enqueue(keyOf(s)),
    });
  }

  protected sync(key: string): void {
    const svc = this.services.get(key);
    const wantsLB = svc?.spec.type === 'LoadBalancer' && !svc.spec.loadBalancerClass;
    if (!svc || !wantsLB) {
      if (this.ensured.has(key) && svc) {
        this.recorder.event(svc, 'Normal', 'DeletingLoadBalancer', 'Deleting load balancer');
        this.recorder.event(svc, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer');
        this.trace(svc, 'delete', 'load balancer released: the Service is no longer of type LoadBalancer');
      }
      this.ensured.delete(key);
      this.pending.delete(key);
      return;
    }
    if (svc.status?.loadBalancer?.ingress?.length) {
      this.ensured.add(key);
      return;
    }
    if (this.pending.has(key)) return;
    const at = this.ctx.clock.now() + LB_PROVISION_MS;
    this.pending.set(key, at);
    this.ctx.clock.schedule(at, this.name, ENSURE_TIMER, { key, at });
    this.recorder.event(svc, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer');
    this.trace(svc, 'ensure', `provisioning a load balancer for ${key} (ready in ${LB_PROVISION_MS / 1000} s)`);
  }

  protected override handleTimer(t: Timer): void {
    if (t.kind !== ENSURE_TIMER) return;
    const { key, at } = t.payload as { key: string; at: number };
    if (this.pending.get(key) !== at) return;
    this.pending.delete(key);
    const svc = this.services.get(key);
    if (!svc || svc.spec.type !== 'LoadBalancer' || svc.status?.loadBalancer?.ingress?.length) return this.enqueue(key);
    const used = new Set<string>();
    for (const s of this.services.list()) for (const i of s.status?.loadBalancer?.ingress ?? []) if (i.ip) used.add(i.ip);
    const ip = pickLoadBalancerIP(svc.spec.loadBalancerIP, used);
    if (!ip) {
      this.recorder.event(svc, 'Warning', 'SyncLoadBalancerFailed', 'Error syncing load balancer: failed to ensure load balancer: no available IPs in the pool');
      return;
    }
    const { namespace } = splitKey(key);
    this.ctx.api.update(SERVICES, namespace, { ...svc, status: { loadBalancer: { ingress: [{ ip, ipMode: 'VIP' }] } } }, { subresource: 'status', user: this.name });
    this.ensured.add(key);
    this.recorder.event(svc, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer');
    this.trace(svc, 'ensured', `load balancer for ${key} ready at ${ip}`);
  }

  private trace(svc: Service, action: string, message: string): void {
    this.ctx.trace.record({ component: 'service-controller', action, object: { kind: 'Service', namespace: svc.metadata.namespace, name: svc.metadata.name ?? '', uid: svc.metadata.uid }, message });
  }

  protected override saveExtra(): unknown {
    const s: State = { pending: [...this.pending.entries()], ensured: [...this.ensured].sort() };
    return s;
  }

  protected override loadExtra(s: unknown): void {
    const st = s as State | null;
    this.pending = new Map(st?.pending ?? []);
    this.ensured = new Set(st?.ensured ?? []);
  }
}
