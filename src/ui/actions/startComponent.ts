// Verb: start a stopped control-plane component again (`sim controlplane start …`).
import type { ObjectAction } from './objectAction';

export const startComponent: ObjectAction = {
  id: 'component-start',
  label: 'Start',
  icon: 'play',
  key: 'S',
  appliesTo: (t) => t.ref.kind === 'ControlPlane',
  command: (t) => `sim controlplane start ${t.ref.name}`,
};
