// Verb: apply a YAML buffer (one or more documents) to the cluster, as `kubectl apply -f -` with
// the text on stdin. Nothing is sent while the YAML does not parse. The command and its output
// also appear in the terminal (it goes through runCommand like every other command).
import type { Playground } from '../store/store';
import { yamlProblems, type Problem } from '../features/editor/diagnostics';
import { runCommand } from './runCommand';

export type ApplyStart = { ok: true; id: number } | { ok: false; problems: Problem[] };

export function applyManifest(pg: Playground, text: string): ApplyStart {
  const problems = yamlProblems(text);
  if (problems.length > 0) return { ok: false, problems };
  if (text.trim() === '') return { ok: false, problems: [{ line: 1, column: 1, endLine: 1, endColumn: 2, message: 'the buffer is empty', severity: 'error' }] };
  const id = runCommand(pg, 'kubectl apply -f -', text);
  return id === undefined ? { ok: false, problems: [] } : { ok: true, id };
}
