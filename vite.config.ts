import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { bootImagePlugin } from './scripts/vite-boot-snapshot.ts';

export default defineConfig(({ command }) => ({
  // The boot image module for the dev server (which serves the Worker through these plugins too).
  plugins: [react(), bootImagePlugin(command === 'build')],
  resolve: {
    // monaco-yaml's worker helper imports Monaco's old deep path `monaco-editor/esm/vs/…`, which
    // monaco-editor 0.56+ no longer exports; its package exports map `monaco-editor/…` there.
    alias: [{ find: /^monaco-editor\/esm\/vs\//, replacement: 'monaco-editor/' }],
  },
  optimizeDeps: {
    // Listed so the dev server does not re-optimise (and reload) when the editor first opens.
    include: ['monaco-yaml', 'monaco-yaml/yaml.worker.js', 'yaml', '@xterm/xterm', '@xterm/addon-fit'],
  },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  worker: {
    // The engine Worker is an ES module (src/ui/bridge/client.ts starts it with type: 'module').
    format: 'es',
    // The Worker restores the booted default cluster shipped with the build (see the plugin).
    plugins: () => [bootImagePlugin(command === 'build')],
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
}));
