// Presenter mode: ?presenter=1 opens it (large type, captions over the graph, spotlight on the
// selection, slower speed); the theme toggle is remembered across reloads.
import { expect, test, type ConsoleMessage } from '@playwright/test';
import { freshPage, typeCommand } from './helpers';

test('presenter mode: captions, spotlight, theme remembered', async ({ page }, testInfo) => {
  const problems: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));

  await freshPage(page, '?presenter=1');
  await expect(page.locator('html')).toHaveClass(/presenter/);
  await expect(page.getByTestId('presenter-toggle')).toHaveAttribute('aria-pressed', 'true');

  await typeCommand(page, 'kubectl create deployment web --image=nginx --replicas=2', 'deployment.apps/web created');
  await expect(page.locator('[data-testid^="pod:default/web-"]')).toHaveCount(2, { timeout: 60_000 });
  await expect(page.getByTestId('captions')).toBeVisible();

  // Spotlight: selecting a pod dims everything unrelated.
  const pod = page.locator('[data-testid^="pod:default/web-"]').first();
  await pod.click();
  await expect(page.locator('.react-flow__node.rel-other').first()).toBeAttached();
  await expect(page.locator('.react-flow__node.rel-selected')).toHaveCount(1);
  await page.getByRole('button', { name: 'Speed 5 times' }).click();
  await expect(page.locator('[data-testid^="pod:default/web-"][data-status="Running"]')).toHaveCount(2, { timeout: 120_000 });
  await page.getByRole('button', { name: 'Fit the whole cluster in view' }).click();
  await page.waitForTimeout(600);
  await page.screenshot({ path: testInfo.outputPath('presenter-light-1600.png') });

  // Dark theme, remembered after a reload; presenter off drops the URL parameter.
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: testInfo.outputPath('presenter-dark-1600.png') });
  await page.getByTestId('presenter-toggle').click();
  await expect(page.locator('html')).not.toHaveClass(/presenter/);
  expect(page.url()).not.toContain('presenter=1');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('node:kind-worker')).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.waitForTimeout(800);
  await page.screenshot({ path: testInfo.outputPath('dark-1280.png') });

  expect(problems).toEqual([]);
});
