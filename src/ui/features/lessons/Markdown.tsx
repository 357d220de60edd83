// Renders a lesson body's blocks (src/lessons/markdown.ts) with its action links wired to verbs.
import type { ReactNode } from 'react';
import type { Action, Block, Inline } from '../../../lessons/markdown';

export interface ActionHandlers {
  onAction(a: Action): void;
  onRunLines(lines: string[]): void;
}

const ACTION_LABEL: Record<Action['kind'], string> = { run: 'Run in the terminal', editor: 'Open in the editor', apply: 'Apply to the cluster', spotlight: 'Show on the graph' };

export function Blocks({ blocks, h }: { blocks: readonly Block[]; h: ActionHandlers }) {
  return <>{blocks.map((b, i) => <BlockView key={i} b={b} h={h} />)}</>;
}

function BlockView({ b, h }: { b: Block; h: ActionHandlers }) {
  switch (b.t) {
    case 'heading':
      return b.level <= 2 ? <h3 className="lesson-h">{inl(b.c, h)}</h3> : <h4 className="lesson-h">{inl(b.c, h)}</h4>;
    case 'para':
      return <p>{inl(b.c, h)}</p>;
    case 'list': {
      const items = b.items.map((it, i) => <li key={i}>{inl(it, h)}</li>);
      return b.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'quote':
      return <aside className="lesson-note">{inl(b.c, h)}</aside>;
    case 'code':
      return <pre className="lesson-code"><code>{b.v}</code></pre>;
    case 'run':
      return (
        <div className="lesson-run">
          <pre className="lesson-code"><code>{b.lines.join('\n')}</code></pre>
          <button type="button" className="btn lesson-run-btn" data-testid="lesson-run" onClick={() => h.onRunLines(b.lines)} title="Run in the terminal">▶ Run</button>
        </div>
      );
  }
}

function inl(c: readonly Inline[], h: ActionHandlers): ReactNode[] {
  return c.map((x, i) => {
    switch (x.t) {
      case 'text':
        return x.v;
      case 'code':
        return <code key={i}>{x.v}</code>;
      case 'strong':
        return <strong key={i}>{inl(x.c, h)}</strong>;
      case 'em':
        return <em key={i}>{inl(x.c, h)}</em>;
      case 'link': {
        const action = x.action;
        if (action) {
          return (
            <button key={i} type="button" className={`lesson-action lesson-action-${action.kind}`} data-testid={`lesson-action-${action.kind}`} title={ACTION_LABEL[action.kind]} onClick={() => h.onAction(action)}>
              {inl(x.c, h)}
            </button>
          );
        }
        return <a key={i} href={x.href} target="_blank" rel="noreferrer">{inl(x.c, h)}</a>;
      }
    }
  });
}
