// Top-bar switches for how the page looks: presenter mode and light/dark theme.
import { togglePresenter } from '../../actions/togglePresenter';
import { toggleTheme } from '../../actions/toggleTheme';
import { usePlayground } from '../../store/context';
import { useView, useViewStoreApi } from '../../store/viewContext';
import { GraphIcon } from '../graph/GraphIcon';

export function ViewControls() {
  const pg = usePlayground();
  const view = useViewStoreApi();
  const presenter = useView((s) => s.presenter);
  const theme = useView((s) => s.theme);
  return (
    <div className="view-controls">
      <button type="button" className="btn" aria-pressed={presenter} onClick={() => togglePresenter(view, pg)} data-testid="presenter-toggle" title="Presenter mode: large type, captions, spotlight (?presenter=1)">
        <GraphIcon name="screen" size={20} />
        Presenter
      </button>
      <button type="button" className="btn btn-icon" onClick={() => toggleTheme(view)} aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'} title="Theme" data-testid="theme-toggle">
        <GraphIcon name={theme === 'dark' ? 'sun' : 'moon'} size={20} />
      </button>
    </div>
  );
}
