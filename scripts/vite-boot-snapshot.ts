// Vite plugin: the module `virtual:boot-image` is the default cluster's boot snapshot
// (scripts/boot-snapshot.ts), computed once per production build, so the Worker restores the
// booted cluster instead of simulating its boot while the student waits. In the dev server and
// in tests it is null and the Worker boots live: an engine edit can never meet a stale image there.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const ID = 'virtual:boot-image';
const RESOLVED = `\0${ID}`;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function bootImagePlugin(build: boolean): Plugin {
  let code: string | undefined;
  return {
    name: 'kube-playground-boot-image',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      if (!build) return 'export default null;';
      // In a child process: the engine is TypeScript, and the config should not bundle it.
      code ??= `export default ${execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/boot-snapshot.ts')], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 })};`;
      return code;
    },
  };
}
