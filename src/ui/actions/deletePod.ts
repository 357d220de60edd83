// Verb: delete a pod. If a controller owns it, watch the replacement appear (and where it lands).
import { isKind, resourceArg, type ObjectAction } from './objectAction';

export const deletePod: ObjectAction = {
  id: 'delete-pod',
  label: 'Delete',
  icon: 'trash',
  key: 'Delete',
  danger: true,
  appliesTo: isKind('Pod'),
  command: (t) => `kubectl delete ${resourceArg(t)} --wait=false`,
};
