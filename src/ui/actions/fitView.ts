// Verb: zoom the cluster view so everything fits.
import type { ViewStore } from '../store/view';

export function fitView(view: ViewStore): void {
  view.setState((s) => ({ fitRequest: s.fitRequest + 1 }));
}
