// The control plane box reads the engine's status: stopping the scheduler from its tile runs
// `sim controlplane stop kube-scheduler`, the tile says stopped, a new pod stays Pending; starting
// it again brings it back and the pod is scheduled.
import { expect, test } from '@playwright/test';
import { freshPage, typeCommand } from './helpers';

test('stop and start the scheduler from the control plane box', async ({ page }, testInfo) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await freshPage(page);
  const tile = page.getByTestId('controlplane:kube-scheduler');
  await expect(tile).toHaveAttribute('aria-label', 'scheduler: running');

  await tile.click();
  await page.getByTestId('action:component-stop').click();
  await expect(page.getByTestId('terminal-output')).toContainText('sim controlplane stop kube-scheduler');
  await expect(tile).toHaveAttribute('aria-label', 'scheduler: stopped');
  await typeCommand(page, 'kubectl run lonely --image=nginx:1.27', 'pod/lonely created');
  await expect(page.getByTestId('pod:default/lonely')).toHaveAttribute('data-status', 'Pending');
  await page.screenshot({ path: testInfo.outputPath('scheduler-stopped.png') });

  await tile.click();
  await page.getByTestId('action:component-start').click();
  await expect(tile).not.toHaveAttribute('aria-label', 'scheduler: stopped');
  await expect(page.getByTestId('pod:default/lonely')).not.toHaveAttribute('data-node', '', { timeout: 60_000 });
  expect(problems).toEqual([]);
});
