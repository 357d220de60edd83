// Node failure journey: a worker is failed from the graph (its "Fail node" action), time runs at
// 60×, the node turns NotReady, its pods are marked (Ready condition False) and, after the 300 s
// not-ready toleration, evicted and replaced by pods on the other nodes.
import { expect, test, type Page } from '@playwright/test';
import { freshPage, typeCommand } from './helpers';

const webPods = (page: Page) => page.locator('[data-testid^="pod:default/web-"]');

test('fail a node from the graph: NotReady, its pods are marked, then replaced elsewhere', async ({ page }, testInfo) => {
  await freshPage(page);
  await expect(page.getByTestId('node:kind-worker')).toBeVisible();
  await typeCommand(page, 'kubectl create deployment web --image=nginx --replicas=3', 'deployment.apps/web created');
  await page.getByRole('button', { name: 'Speed 5 times' }).click();
  await expect(page.locator('[data-testid^="pod:default/web-"][data-status="Running"]')).toHaveCount(3, { timeout: 120_000 });

  // The node that runs the first web pod fails; remember which pods it ran.
  const failed = (await webPods(page).first().getAttribute('data-node'))!;
  expect(failed).toMatch(/^kind-worker/);
  const onFailed = page.locator(`[data-testid^="pod:default/web-"][data-node="${failed}"]`);
  const lost = await onFailed.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!));
  expect(lost.length).toBeGreaterThan(0);

  await page.getByTestId(`node:${failed}`).locator('.gnode-head').click();
  await expect(page.getByTestId('action-bar')).toContainText(failed);
  await page.getByTestId('action:fail-node').click();
  await expect(page.getByTestId('terminal-output')).toContainText(`sim node fail ${failed}`);
  await page.getByRole('button', { name: 'Speed 60 times' }).click();

  // The node lifecycle controller: no heartbeat for 40 s → NotReady; its pods are marked not ready.
  const node = page.getByTestId(`node:${failed}`);
  await expect(node.locator('.badge-notready')).toContainText('NotReady', { timeout: 60_000 });
  await expect(page.locator(`[data-testid^="pod:default/web-"][data-node="${failed}"][data-ready="False"]`)).toHaveCount(lost.length, { timeout: 60_000 });
  // kubectl still prints them Running (their containers did not report otherwise): the graph
  // marks them with a dashed outline.
  await expect(onFailed.first()).toHaveClass(/gpod-unready/);
  await page.screenshot({ path: testInfo.outputPath('node-failure-marked.png') });

  // After the 300 s toleration the pods are evicted; the ReplicaSet makes replacements, which the
  // scheduler places on the nodes that are still Ready.
  const elsewhere = page.locator(`[data-testid^="pod:default/web-"][data-status="Running"]:not([data-node="${failed}"])`);
  await expect(elsewhere).toHaveCount(3, { timeout: 120_000 });
  for (const id of lost) await expect(page.locator(`[data-testid="${id}"][data-status="Running"]`)).toHaveCount(0);
  await expect(node.locator('.badge-notready')).toContainText('NotReady');
  await page.getByRole('button', { name: 'Pause simulated time' }).click();
  await page.getByRole('button', { name: 'Clear selection', exact: true }).click();
  await page.getByRole('button', { name: 'Fit the whole cluster in view' }).click();
  await page.waitForTimeout(600); // the fit animation, so the screenshot shows every node
  await page.screenshot({ path: testInfo.outputPath('node-failure.png') });
});
