// `kubectl describe` for the selected object, run through the engine (not re-implemented here),
// refreshed when the object changes.
import { useEffect, useState } from 'react';
import type { ActionTarget } from '../../actions/objectAction';
import { resourceArg } from '../../actions/objectAction';
import { usePlayground } from '../../store/context';
import { runQuiet } from './runQuiet';

export function DescribeView({ target }: { target: ActionTarget }) {
  const { client } = usePlayground();
  const [text, setText] = useState<string | null>(null);
  const line = `kubectl describe ${resourceArg(target)}`;
  const version = target.obj?.metadata.resourceVersion;
  useEffect(() => {
    let live = true;
    const t = window.setTimeout(() => {
      void runQuiet(client, line).then((r) => {
        if (live) setText(r.exitCode === 0 ? r.stdout : r.stderr || r.stdout);
      });
    }, 150);
    return () => {
      live = false;
      window.clearTimeout(t);
    };
  }, [client, line, version]);
  return (
    <div>
      <p className="inspector-note">
        <code>$ {line}</code>
      </p>
      <pre className="code" data-testid="inspector-describe">
        {text ?? 'running…'}
      </pre>
    </div>
  );
}
