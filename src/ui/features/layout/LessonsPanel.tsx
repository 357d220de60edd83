// The left panel, collapsible: lessons arrive in a later issue; for now a placeholder.
import { GraphIcon } from '../graph/GraphIcon';

export function LessonsPanel({ open, onToggle }: { open: boolean; onToggle(): void }) {
  return (
    <aside className={`lessons${open ? ' is-open' : ''}`} aria-label="Lessons">
      <button type="button" className="btn lessons-toggle" aria-expanded={open} aria-controls="lessons-body" onClick={onToggle} title={open ? 'Hide lessons' : 'Show lessons'}>
        <GraphIcon name={open ? 'chevronLeft' : 'book'} size={20} />
        <span className={open ? '' : 'vertical-text'}>Lessons</span>
      </button>
      {open && (
        <div id="lessons-body" className="lessons-body">
          <h2 className="panel-heading">Lessons</h2>
          <p className="empty">Guided lessons will appear here.</p>
        </div>
      )}
    </aside>
  );
}
