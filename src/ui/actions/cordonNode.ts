// Verb: mark a node unschedulable (`kubectl cordon`): running pods stay, new pods go elsewhere.
import type { ObjectAction } from './objectAction';

export const cordonNode: ObjectAction = {
  id: 'cordon',
  label: 'Cordon',
  icon: 'lock',
  key: 'c',
  appliesTo: (t) => t.ref.kind === 'Node' && !(t.obj as { spec?: { unschedulable?: boolean } } | undefined)?.spec?.unschedulable,
  command: (t) => `kubectl cordon ${t.ref.name}`,
};
