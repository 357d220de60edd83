// The shape of a graph verb (excalidraw's "actions"): one file per verb, each an ObjectAction.
// Every verb is the kubectl or `sim` command line a student could type; running it goes through
// runCommand, so the terminal shows the command and its output, whoever clicked. The action bar,
// the context menu, keyboard shortcuts and lessons all call runObjectAction.
import type { KubeObject } from '../../engine';
import type { GraphIconName } from '../features/graph/GraphIcon';
import type { Ref } from '../features/graph/ids';
import type { Playground } from '../store/store';
import type { ViewStore } from '../store/view';
import { runCommand } from './runCommand';

export interface ActionTarget {
  id: string;
  /** kind as the object says it ('Pod', 'Deployment'), or 'ControlPlane' for a component. */
  ref: Ref;
  /** The object as the UI last saw it (absent for control-plane components and "add node"). */
  obj?: KubeObject;
}

export interface ObjectAction {
  id: string;
  label: string;
  icon: GraphIconName;
  /** Shortcut key as KeyboardEvent.key ('Delete', 'c', '+'); shown in the button's title. */
  key?: string;
  danger?: boolean;
  appliesTo(t: ActionTarget): boolean;
  /** Set when the verb needs a value first (an image, a command, a rate). */
  input?: { label: string; initial(t: ActionTarget): string };
  /** The command line this verb runs (several, one per line, run in order). */
  command(t: ActionTarget, input?: string): string;
}

export interface ActionDeps {
  pg: Playground;
  view: ViewStore;
}

/** Run a verb (asking for its input first when it needs one and none is given). */
export function runObjectAction(deps: ActionDeps, action: ObjectAction, target: ActionTarget, input?: string): number | undefined {
  if (action.input && input === undefined) {
    deps.view.setState({ pending: { actionId: action.id, target: target.id } });
    return undefined;
  }
  const line = action.command(target, input);
  let entryId: number | undefined;
  for (const l of line.split('\n')) entryId = runCommand(deps.pg, l);
  deps.view.setState({ pending: null, lastRun: { line: line.split('\n').join('; '), ...(entryId === undefined ? {} : { entryId }) } });
  return entryId;
}

export const isKind = (...kinds: string[]) => (t: ActionTarget) => kinds.includes(t.ref.kind);

/** `deployment/web -n default` */
export function resourceArg(t: ActionTarget): string {
  return `${t.ref.kind.toLowerCase()}/${t.ref.name}${t.ref.namespace ? ` -n ${t.ref.namespace}` : ''}`;
}

export function replicasOf(t: ActionTarget): number {
  const r = (t.obj as { spec?: { replicas?: number } } | undefined)?.spec?.replicas;
  return typeof r === 'number' ? r : 1;
}
