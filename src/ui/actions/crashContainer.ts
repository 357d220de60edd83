// Verb: make a running container exit with code 1 (`sim pod crash`): the kubelet restarts it,
// with back-off, and repeated crashes show as CrashLoopBackOff.
import { isKind, type ObjectAction } from './objectAction';

export const crashContainer: ObjectAction = {
  id: 'crash',
  label: 'Crash container',
  icon: 'bolt',
  key: 'k',
  danger: true,
  appliesTo: isKind('Pod'),
  command: (t) => `sim pod crash ${t.ref.name}${t.ref.namespace ? ` -n ${t.ref.namespace}` : ''}`,
};
