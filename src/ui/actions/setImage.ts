// Verb: change a container image (`kubectl set image`): a Deployment rolls out a new ReplicaSet.
// Asks for CONTAINER=IMAGE, prefilled with the first container's current image.
import { isKind, resourceArg, type ObjectAction } from './objectAction';

export const setImage: ObjectAction = {
  id: 'set-image',
  label: 'Change image…',
  icon: 'image',
  key: 'i',
  appliesTo: isKind('Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'),
  input: {
    label: 'container=image',
    initial: (t) => {
      const c = (t.obj as { spec?: { template?: { spec?: { containers?: { name: string; image?: string }[] } } } } | undefined)?.spec?.template?.spec?.containers?.[0];
      return c ? `${c.name}=${c.image ?? ''}` : 'app=nginx:1.27';
    },
  },
  command: (t, v) => `kubectl set image ${resourceArg(t)} ${v?.trim() ?? ''}`,
};
