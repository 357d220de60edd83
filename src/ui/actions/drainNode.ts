// Verb: cordon a node and evict its pods (`kubectl drain`); controllers recreate them elsewhere.
import type { ObjectAction } from './objectAction';

export const drainNode: ObjectAction = {
  id: 'drain',
  label: 'Drain',
  icon: 'drain',
  key: 'D',
  danger: true,
  appliesTo: (t) => t.ref.kind === 'Node',
  command: (t) => `kubectl drain ${t.ref.name} --ignore-daemonsets --delete-emptydir-data`,
};
