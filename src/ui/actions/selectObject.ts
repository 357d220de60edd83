// Verb: select an object on the graph (null clears): the inspector, the causality highlight and
// the action bar follow the selection.
import type { ViewStore } from '../store/view';

export function selectObject(view: ViewStore, id: string | null): void {
  if (view.getState().selected === id) return;
  view.setState({ selected: id, pending: null });
}
