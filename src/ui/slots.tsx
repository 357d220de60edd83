// Slots for panels owned by the editor/terminal/time feature. The page layout (App.tsx) places
// these; whoever owns a feature swaps its component in here without touching the layout.
import { EditorPanel } from './features/editor/EditorPanel';
import { SessionMenu } from './features/share/SessionMenu';
import { TerminalPanel } from './features/terminal/TerminalPanel';
import { TimelineBar } from './features/time/TimelineBar';

/** Right panel, "Terminal" tab. */
export function TerminalSlot() {
  return <TerminalPanel />;
}

/** Right panel, "Editor" tab (Monaco loads the first time the tab is shown). */
export function EditorSlot() {
  return <EditorPanel />;
}

/** Under the header: the time scrubber, and the save & share menu. */
export function TimelineSlot() {
  return (
    <div className="timebar">
      <TimelineBar />
      <SessionMenu />
    </div>
  );
}
