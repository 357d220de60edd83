// The in-tree plugin registry and the default profile: mirrors pkg/scheduler/framework/plugins/registry.go
// and pkg/scheduler/apis/config/v1/default_plugins.go.
import type { Handle } from './handle';
import type { Plugin } from './types';
import * as nodeunschedulable from '../plugins/nodeunschedulable/node_unschedulable';
import * as nodename from '../plugins/nodename/node_name';
import * as tainttoleration from '../plugins/tainttoleration/taint_toleration';
import * as nodeaffinity from '../plugins/nodeaffinity/node_affinity';
import * as nodeports from '../plugins/nodeports/node_ports';
import * as fit from '../plugins/noderesources/fit';
import * as balanced from '../plugins/noderesources/balanced_allocation';
import * as podtopologyspread from '../plugins/podtopologyspread/scoring';
import * as imagelocality from '../plugins/imagelocality/image_locality';
import * as volumebinding from '../plugins/volumebinding/volume_binding';

export type PluginFactory = (handle: Handle) => Plugin;

export const inTreeRegistry: Record<string, PluginFactory> = {
  [nodeunschedulable.Name]: () => nodeunschedulable.New(),
  [nodename.Name]: () => nodename.New(),
  [tainttoleration.Name]: () => tainttoleration.New(),
  [nodeaffinity.Name]: () => nodeaffinity.New(),
  [nodeports.Name]: () => nodeports.New(),
  [fit.Name]: () => fit.New(),
  [podtopologyspread.Name]: (h) => podtopologyspread.New(h),
  [balanced.Name]: () => balanced.New(),
  [imagelocality.Name]: (h) => imagelocality.New(h),
  [volumebinding.Name]: (h) => volumebinding.New(h),
};

export interface ProfilePlugin {
  name: string;
  /** Score weight; only meaningful for plugins that score. */
  weight?: number;
}

export interface Profile {
  schedulerName: string;
  /** MultiPoint order: every extension point runs its plugins in this order. */
  plugins: ProfilePlugin[];
}

/**
 * The default-scheduler profile, in upstream order (the volume, InterPodAffinity, SchedulingGates,
 * PrioritySort, DefaultPreemption and DefaultBinder plugins are not plugins here: the queue sorts
 * by priority itself, binding is the scheduler's, and preemption only contributes its message).
 */
export const DEFAULT_PROFILE: Profile = {
  schedulerName: 'default-scheduler',
  plugins: [
    { name: nodeunschedulable.Name },
    { name: nodename.Name },
    { name: tainttoleration.Name, weight: 3 },
    { name: nodeaffinity.Name, weight: 2 },
    { name: nodeports.Name },
    { name: fit.Name, weight: 1 },
    { name: volumebinding.Name },
    { name: podtopologyspread.Name, weight: 2 },
    { name: balanced.Name, weight: 1 },
    { name: imagelocality.Name, weight: 1 },
  ],
};
