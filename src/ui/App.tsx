// Layout only: each panel reads the store itself.
import { ClusterView } from './features/cluster/ClusterView';
import { EventFeed } from './features/events/EventFeed';
import { Header } from './features/header/Header';
import { CommandBox } from './features/terminal/CommandBox';
import { WorkloadList } from './features/workloads/WorkloadList';
import { ErrorBanner } from './components/ErrorBanner';

export function App() {
  return (
    <div className="app">
      <Header />
      <ErrorBanner />
      <main className="main">
        <ClusterView />
        <aside className="side">
          <WorkloadList />
          <EventFeed />
        </aside>
        <CommandBox />
      </main>
    </div>
  );
}
