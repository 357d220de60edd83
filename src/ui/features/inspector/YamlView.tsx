// The object as YAML, live (re-rendered whenever the object changes), managedFields hidden.
import { useMemo } from 'react';
import type { KubeObject } from '../../../engine';
import { yamlText } from './yamlText';

export function YamlView({ obj }: { obj: KubeObject }) {
  const text = useMemo(() => yamlText(obj), [obj]);
  return (
    <pre className="code yaml" data-testid="inspector-yaml" aria-label="YAML (read-only)">
      {text}
    </pre>
  );
}
