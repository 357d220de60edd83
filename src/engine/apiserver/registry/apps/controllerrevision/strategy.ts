// ControllerRevision strategy: mirrors pkg/registry/apps/controllerrevision/strategy.go. No status,
// no generation: a revision is an immutable snapshot of a DaemonSet's or StatefulSet's template.
import type { ControllerRevision } from '../../../../api/apps';
import type { Strategy } from '../../../types';
import { validateControllerRevision, validateControllerRevisionUpdate } from '../../../validation/statefulset';

export const controllerRevisionStrategy: Strategy = {
  defaultPropagation: 'Background',
  validate: (obj) => validateControllerRevision(obj as ControllerRevision),
  validateUpdate: (obj, old) => validateControllerRevisionUpdate(obj as ControllerRevision, old as ControllerRevision),
};
