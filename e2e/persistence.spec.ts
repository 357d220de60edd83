// Keep: run a command, edit a buffer, reload: the same objects, the same buffer. Reset asks first.
import { expect, test } from '@playwright/test';
import { freshPage, saveNow, typeCommand } from './helpers';

test('a reload loses nothing; reset cluster asks, then starts fresh', async ({ page }, testInfo) => {
  await freshPage(page);
  await typeCommand(page, 'kubectl create deployment keep --image=nginx --replicas=2', 'deployment.apps/keep created');
  await expect(page.locator('[data-testid^="pod:default/keep-"]')).toHaveCount(2, { timeout: 60_000 });
  const pods = await page.locator('[data-testid^="pod:default/keep-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')).sort());
  await saveNow(page);

  await page.reload();
  await expect(page.locator('[data-testid^="pod:default/keep-"]').first()).toBeVisible();
  const after = await page.locator('[data-testid^="pod:default/keep-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')).sort());
  expect(after).toEqual(pods);
  // The timeline still knows the command.
  await expect(page.getByTestId('timeline').locator('.timeline-mark')).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('after-reload.png') });

  await page.getByRole('button', { name: 'Save & share' }).click();
  await page.getByRole('menuitem', { name: 'Reset cluster…' }).click();
  await expect(page.getByRole('dialog', { name: 'Reset the cluster?' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('reset-dialog.png') });
  await page.getByRole('button', { name: 'Reset cluster' }).click();
  await expect(page.locator('[data-testid^="pod:default/keep-"]')).toHaveCount(0);
});
