// Verb: switch the cluster view's lens (Placement, Ownership, Traffic). Selection and namespace stay.
import type { Lens, ViewStore } from '../store/view';

export function setLens(view: ViewStore, lens: Lens): void {
  view.setState({ lens });
}
