// Verb: run a command in a pod's first container (`kubectl exec POD -- CMD`). Asks for the command.
import { isKind, resourceArg, type ObjectAction } from './objectAction';

export const execInPod: ObjectAction = {
  id: 'exec',
  label: 'Exec…',
  icon: 'terminal',
  key: 'e',
  appliesTo: isKind('Pod'),
  input: { label: 'Command to run in the container', initial: () => 'ls /' },
  command: (t, cmd) => `kubectl exec ${resourceArg(t)} -- ${cmd?.trim() || 'ls /'}`,
};
