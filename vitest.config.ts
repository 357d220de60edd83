import { defineConfig } from 'vitest/config';
import { bootImagePlugin } from './scripts/vite-boot-snapshot.ts';

export default defineConfig({
  // Tests boot clusters live (the boot image is null outside a production build).
  plugins: [bootImagePlugin(false)],
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
