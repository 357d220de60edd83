// Shows an engine failure (a bug, not a failed kubectl command) so it is not silently lost.
import { usePlaygroundStore } from '../store/context';
import { selectError } from '../store/selectors';
import { Icon } from './Icon';

export function ErrorBanner() {
  const error = usePlaygroundStore(selectError);
  if (!error) return null;
  return (
    <div className="error-banner" role="alert">
      <Icon name="alert" />
      <span>The simulator stopped: {error}</span>
    </div>
  );
}
