// Module-level selectors for the graph, memoised on the identity of the maps they read.
import type { KubeObject } from '../../../engine';
import type { PlaygroundState } from '../../store/store';
import { allObjects } from './objects';

let lastMaps: unknown;
let lastAll: KubeObject[] = [];

/** Every object, stable identity while no resource map changes. */
export const selectAllObjects = (s: PlaygroundState): KubeObject[] => {
  if (s.cluster.objects !== lastMaps) {
    lastMaps = s.cluster.objects;
    lastAll = allObjects(s.cluster.objects);
  }
  return lastAll;
};

export const selectObjectMaps = (s: PlaygroundState) => s.cluster.objects;
export const selectClusterTraces = (s: PlaygroundState) => s.cluster.traces;
