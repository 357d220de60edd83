// Verb: stop a control-plane component (`sim controlplane stop kube-scheduler`): e.g. with the
// scheduler stopped, new pods stay Pending; with the controller manager stopped, nothing replaces
// a deleted pod.
import type { ObjectAction } from './objectAction';

export const stopComponent: ObjectAction = {
  id: 'component-stop',
  label: 'Stop',
  icon: 'stop',
  key: 's',
  danger: true,
  appliesTo: (t) => t.ref.kind === 'ControlPlane',
  command: (t) => `sim controlplane stop ${t.ref.name}`,
};
