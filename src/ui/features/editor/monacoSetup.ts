// Monaco, offline and slim: the editor core, its standard features and the YAML language only
// (not the full entry, which would bundle the TypeScript/CSS/HTML/JSON workers). Workers come
// from Vite `?worker` imports. monaco-yaml validates, completes and documents fields from the
// Kubernetes schema generated at development time (src/schemas/kubernetes.json); it never
// fetches a schema (enableSchemaRequest: false, no isKubernetes).
import * as monaco from 'monaco-editor/editor/editor.api.js';
import 'monaco-editor/features/register.all.js';
import 'monaco-editor/languages/definitions/yaml/register.js';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import YamlWorker from 'monaco-yaml/yaml.worker.js?worker';
import kubernetesSchema from '../../../schemas/kubernetes.json';

export { monaco };

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(moduleId: string, label: string): Worker };
  }
}

let configured = false;

export function setupMonaco(): typeof monaco {
  if (configured) return monaco;
  configured = true;
  window.MonacoEnvironment = {
    getWorker: (_moduleId, label) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
  };
  configureMonacoYaml(withLegacyWorkerCall(monaco), {
    enableSchemaRequest: false,
    validate: true,
    completion: true,
    hover: true,
    schemas: [{ uri: 'inmemory://schemas/kubernetes.json', fileMatch: ['*'], schema: kubernetesSchema as never }],
  });
  return monaco;
}

type CreateWebWorker = typeof monaco.editor.createWebWorker;
interface LegacyWorkerOptions {
  moduleId?: string;
  label?: string;
  createData?: unknown;
  host?: Record<string, unknown>;
  keepIdleModels?: boolean;
}

/**
 * monaco-yaml 5.5 starts its worker with Monaco's old `createWebWorker({ moduleId, label,
 * createData })`; monaco-editor 0.55+ wants `{ worker }` instead (monaco-yaml issue 272), and
 * without this adapter validation silently does nothing. The worker protocol is the one Monaco's
 * own language workers use: a first message to wake the worker, then the create data.
 */
function withLegacyWorkerCall(m: typeof monaco): typeof monaco {
  const create: CreateWebWorker = (opts) => {
    const legacy = opts as unknown as LegacyWorkerOptions & { worker?: unknown };
    if (legacy.worker !== undefined) return m.editor.createWebWorker(opts);
    const worker = window.MonacoEnvironment!.getWorker(legacy.moduleId ?? 'workerMain.js', legacy.label ?? 'editorWorkerService');
    worker.postMessage('ignore');
    worker.postMessage(legacy.createData);
    return m.editor.createWebWorker({ worker, host: legacy.host, keepIdleModels: legacy.keepIdleModels } as never);
  };
  return { ...m, editor: { ...m.editor, createWebWorker: create } };
}
