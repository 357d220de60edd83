// Verb: allow scheduling on a node again (`kubectl uncordon`).
import type { ObjectAction } from './objectAction';

export const uncordonNode: ObjectAction = {
  id: 'uncordon',
  label: 'Uncordon',
  icon: 'unlock',
  key: 'u',
  appliesTo: (t) => t.ref.kind === 'Node' && !!(t.obj as { spec?: { unschedulable?: boolean } } | undefined)?.spec?.unschedulable,
  command: (t) => `kubectl uncordon ${t.ref.name}`,
};
