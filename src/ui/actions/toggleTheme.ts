// Verb: light ↔ dark theme (remembered by the view store).
import type { ViewStore } from '../store/view';

export function toggleTheme(view: ViewStore): void {
  view.setState((s) => ({ theme: s.theme === 'dark' ? 'light' : 'dark' }));
}
