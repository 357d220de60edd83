// The framework instance for one profile: plugins sorted into extension points, with weights.
// Mirrors pkg/scheduler/framework/runtime/framework.go (NewFramework).
import { RecordArena } from './decisions';
import type { Handle } from './handle';
import type { PluginFactory, Profile } from './registry';
import {
  isFilter,
  isPreFilter,
  isPreScore,
  isScore,
  type ClusterEvent,
  type FilterPlugin,
  type Plugin,
  type PreFilterPlugin,
  type PreScorePlugin,
  type ScorePlugin,
} from './types';

export class Framework {
  readonly schedulerName: string;
  readonly plugins: Plugin[] = [];
  readonly preFilterPlugins: PreFilterPlugin[] = [];
  readonly filterPlugins: FilterPlugin[] = [];
  readonly preScorePlugins: PreScorePlugin[] = [];
  readonly scorePlugins: ScorePlugin[] = [];
  /** Parallel to scorePlugins. */
  readonly scoreWeights: number[] = [];
  /** Names, shared by every decision record (so a record stores only indices and numbers). */
  readonly filterNames: string[] = [];
  readonly scoreNames: string[] = [];
  private events = new Map<string, ReadonlySet<ClusterEvent>>();
  /** Typed-array storage for the per-node, per-plugin record of every decision. */
  readonly arena = new RecordArena();

  constructor(profile: Profile, registry: Record<string, PluginFactory>, handle: Handle) {
    this.schedulerName = profile.schedulerName;
    for (const pp of profile.plugins) {
      const factory = registry[pp.name];
      if (!factory) throw new Error(`plugin "${pp.name}" does not exist`);
      const p = factory(handle);
      this.plugins.push(p);
      this.events.set(p.name, new Set(p.events ?? []));
      if (isPreFilter(p)) this.preFilterPlugins.push(p);
      if (isFilter(p)) {
        this.filterPlugins.push(p);
        this.filterNames.push(p.name);
      }
      if (isPreScore(p)) this.preScorePlugins.push(p);
      if (isScore(p)) {
        this.scorePlugins.push(p);
        this.scoreNames.push(p.name);
        // A score plugin configured without a weight gets 1, as upstream defaults it.
        this.scoreWeights.push(pp.weight ?? 1);
      }
    }
  }

  /**
   * isPodWorthRequeuing, simplified to EventsToRegister without per-plugin hints: a pod rejected by
   * plugins P is retried on an event that any plugin in P registered. A pod rejected by no plugin
   * (e.g. there were no nodes at all) is retried on any event.
   */
  eventMayHelp(rejectors: readonly string[], event: ClusterEvent): boolean {
    if (rejectors.length === 0 || event === 'UnschedulableTimeout') return true;
    for (const r of rejectors) if (this.events.get(r)?.has(event)) return true;
    return false;
  }
}
