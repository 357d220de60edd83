// Every graph verb, in the order the action bar shows them. Buttons, the context menu, keyboard
// shortcuts and lessons look verbs up here (by id or by key), so they all run the same command.
import { addNode } from './addNode';
import { cordonNode } from './cordonNode';
import { crashContainer } from './crashContainer';
import { deletePod } from './deletePod';
import { describeObject } from './describeObject';
import { drainNode } from './drainNode';
import { execInPod } from './execInPod';
import { failNode } from './failNode';
import type { ActionTarget, ObjectAction } from './objectAction';
import { recoverNode } from './recoverNode';
import { restartRollout } from './restartRollout';
import { rollBack } from './rollBack';
import { scaleDown } from './scaleDown';
import { scaleUp } from './scaleUp';
import { setImage } from './setImage';
import { setTrafficRate } from './setTrafficRate';
import { showLogs } from './showLogs';
import { startComponent } from './startComponent';
import { startTraffic } from './startTraffic';
import { stopComponent } from './stopComponent';
import { stopTraffic } from './stopTraffic';
import { uncordonNode } from './uncordonNode';

export const OBJECT_ACTIONS: readonly ObjectAction[] = [
  describeObject,
  showLogs,
  execInPod,
  crashContainer,
  deletePod,
  cordonNode,
  uncordonNode,
  drainNode,
  failNode,
  recoverNode,
  addNode,
  scaleUp,
  scaleDown,
  setImage,
  rollBack,
  restartRollout,
  startTraffic,
  setTrafficRate,
  stopTraffic,
  stopComponent,
  startComponent,
];

export function actionsFor(t: ActionTarget): ObjectAction[] {
  return OBJECT_ACTIONS.filter((a) => a.appliesTo(t));
}

export function actionById(id: string): ObjectAction | undefined {
  return OBJECT_ACTIONS.find((a) => a.id === id);
}

/** The verb a key press means for this target ('Backspace' counts as 'Delete'). */
export function actionForKey(t: ActionTarget, key: string): ObjectAction | undefined {
  const k = key === 'Backspace' ? 'Delete' : key;
  return actionsFor(t).find((a) => a.key === k);
}
