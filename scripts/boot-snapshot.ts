// Prints the boot image the Worker starts from: the default cluster (seed 1) booted, as its
// snapshot JSON. Used by the build (scripts/vite-boot-snapshot.ts); `npx tsx scripts/boot-snapshot.ts`
// shows it. Restoring this snapshot gives the very cluster createCluster({ seed: 1 }) boots
// (cluster.test.ts checks a restored snapshot continues exactly as the original), in a tenth
// of the time: booting simulates 90 s of nodes joining and system pods starting.
import { createCluster } from '../src/engine/index';
import { BOOT_IMAGE_SEED, type BootImage } from '../src/engine/protocol';

export function bootImage(): BootImage {
  return { seed: BOOT_IMAGE_SEED, snapshot: JSON.stringify(createCluster({ seed: BOOT_IMAGE_SEED }).snapshot()) };
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(JSON.stringify(bootImage()));
