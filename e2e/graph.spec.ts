// The cluster view: a Deployment applied in the terminal shows its pods inside their nodes;
// deleting a pod from the graph runs kubectl (shown in the terminal) and a replacement appears;
// the inspector explains the pod; the lenses switch; everything works from the keyboard alone.
import { expect, test, type ConsoleMessage, type Page } from '@playwright/test';
import { freshPage, typeCommand } from './helpers';

function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

const webPods = (page: Page) => page.locator('[data-testid^="pod:default/web-"]');

async function createWeb(page: Page) {
  await expect(page.getByTestId('node:kind-worker')).toBeVisible();
  await typeCommand(page, 'kubectl create deployment web --image=nginx --replicas=3', 'deployment.apps/web created');
  await expect(webPods(page)).toHaveCount(3, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Speed 5 times' }).click();
  await expect(page.locator('[data-testid^="pod:default/web-"][data-status="Running"]')).toHaveCount(3, { timeout: 120_000 });
  await page.getByRole('button', { name: 'Fit the whole cluster in view' }).click();
}

test('pods appear inside their nodes; delete one from the graph and a replacement appears', async ({ page }, testInfo) => {
  const problems = watchConsole(page);
  await freshPage(page);
  await createWeb(page);

  // Every web pod is drawn inside the box of the node it is bound to (measured after the fit
  // animation: the two boxes are read one after the other).
  await page.waitForTimeout(800);
  for (const pod of await webPods(page).all()) {
    const nodeName = await pod.getAttribute('data-node');
    expect(nodeName).toBeTruthy();
    const p = (await pod.boundingBox())!;
    const n = (await page.getByTestId(`node:${nodeName}`).boundingBox())!;
    expect(p.x).toBeGreaterThanOrEqual(n.x);
    expect(p.y).toBeGreaterThanOrEqual(n.y);
    expect(p.x + p.width).toBeLessThanOrEqual(n.x + n.width + 1);
    expect(p.y + p.height).toBeLessThanOrEqual(n.y + n.height + 1);
  }
  await page.screenshot({ path: testInfo.outputPath('placement-1600.png') });

  // Select a pod: the inspector shows its YAML, describe and the scheduler's decision.
  const victim = webPods(page).first();
  const victimId = (await victim.getAttribute('data-testid'))!;
  await victim.click();
  await expect(page.getByTestId('action-bar')).toContainText(victimId.replace('pod:', 'Pod '));
  await expect(page.getByTestId('inspector-yaml')).toContainText('kind: Pod');
  await expect(page.getByTestId('inspector-yaml')).not.toContainText('managedFields');
  await expect(page.getByTestId('relations')).toContainText('replicaset');
  await page.getByRole('tab', { name: 'Scheduling' }).click();
  await expect(page.getByTestId('decision-table')).toBeVisible();
  await expect(page.getByTestId('decision-table')).toContainText('chosen');
  await page.screenshot({ path: testInfo.outputPath('inspector-scheduling-1600.png') });
  await page.getByRole('tab', { name: 'Describe' }).click();
  await expect(page.getByTestId('inspector-describe')).toContainText('Name:');

  // Delete it from the action bar: the command shows under the bar and in the terminal.
  await page.getByTestId('action:delete-pod').click();
  await expect(page.getByTestId('last-run')).toContainText(`kubectl delete pod/${victimId.split('/')[1]}`);
  await expect(page.getByTestId('terminal-output')).toContainText('deleted');
  await expect(page.getByTestId(victimId)).toHaveCount(0, { timeout: 120_000 });
  await expect(webPods(page)).toHaveCount(3, { timeout: 60_000 });

  // Narration and events explain what happened.
  await expect(page.getByTestId('narration')).toContainText('ReplicaSet controller');
  await page.getByRole('tab', { name: 'Events' }).first().click();
  await expect(page.getByTestId('events-table')).toContainText('Scheduled');

  // Ownership lens: Deployment → ReplicaSet → pods.
  await page.getByTestId('lens:ownership').click();
  await expect(page.getByTestId('deployment:default/web')).toBeVisible();
  await expect(page.locator('[data-testid^="replicaset:default/web-"]')).toBeVisible();
  await page.waitForTimeout(600);
  await page.screenshot({ path: testInfo.outputPath('ownership-1600.png') });
  await page.getByTestId('lens:traffic').click();
  await expect(page.getByRole('status').filter({ hasText: 'No Services yet' }).or(page.getByTestId('client:traffic'))).toBeVisible();
  await page.getByTestId('lens:placement').click();

  // A big cluster: past 40 pods every pod becomes a small tile (status colour, icon, the name's
  // suffix) inside its node, with every kubectl column in the tooltip; a tile selects like a pod.
  await typeCommand(page, 'kubectl scale deployment web --replicas=40', 'deployment.apps/web scaled');
  await expect(page.locator('[data-testid^="pod:default/web-"][data-node^="kind-"]')).toHaveCount(40, { timeout: 60_000 });
  await expect(page.locator('.react-flow__node-pod .gpod:not(.gpod-tile)')).toHaveCount(0);
  await page.getByRole('button', { name: 'Fit the whole cluster in view' }).click();
  const strays = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid^="pod:default/web-"]')].filter((el) => {
      const p = el.getBoundingClientRect();
      const n = document.querySelector(`[data-testid="node:${el.dataset.node}"]`)?.getBoundingClientRect();
      return !n || p.left < n.left || p.top < n.top || p.right > n.right + 1 || p.bottom > n.bottom + 1;
    }).map((el) => el.dataset.testid),
  );
  expect(strays).toEqual([]);
  const tile = webPods(page).first();
  const tileId = (await tile.getAttribute('data-testid'))!;
  await expect(tile).toHaveText(tileId.split('-').pop()!);
  await tile.hover();
  await expect(tile).toHaveAttribute('title', new RegExp(`^${tileId.replace('pod:', 'Pod ')}\\n.* ready · \\d+ restarts · age \\d`));
  await tile.click();
  await expect(page.getByTestId('action-bar')).toContainText(tileId.replace('pod:', 'Pod '));
  await page.screenshot({ path: testInfo.outputPath('placement-compact-1600.png') });

  expect(problems).toEqual([]);
});

test('keyboard only: reach a pod, act on it, use the menu, and resize panels', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const problems = watchConsole(page);
  await freshPage(page);
  await createWeb(page);
  await page.waitForTimeout(600);
  await page.screenshot({ path: testInfo.outputPath('placement-1280.png') });

  // Tab from the lens switch into the graph until a web pod has focus.
  await page.getByTestId('lens:placement').focus();
  let label = '';
  for (let i = 0; i < 80 && !label.startsWith('Pod default/web-'); i++) {
    await page.keyboard.press('Tab');
    label = (await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')) || '';
  }
  expect(label).toMatch(/^Pod default\/web-/);
  const name = label.slice('Pod default/'.length).split(':')[0];
  await page.keyboard.press('Enter'); // select
  await expect(page.getByTestId('action-bar')).toContainText(`Pod default/${name}`);

  // A shortcut: d describes (in the terminal).
  await page.keyboard.press('d');
  await expect(page.getByTestId('last-run')).toContainText(`kubectl describe pod/${name}`);

  // The context menu from the keyboard: Shift+F10, arrows, Escape.
  await page.getByTestId(`pod:default/${name}`).focus();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: `Actions for Pod default/${name}` });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: /Logs/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);

  // Delete with the Delete key: a replacement appears.
  await page.locator(`.react-flow__node[data-id="pod:default/${name}"]`).focus();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('last-run')).toContainText(`kubectl delete pod/${name}`);
  await expect(page.getByTestId(`pod:default/${name}`)).toHaveCount(0, { timeout: 120_000 });
  await expect(webPods(page)).toHaveCount(3, { timeout: 60_000 });

  // A node verb: cordon with c, then the node shows SchedulingDisabled.
  await page.locator('.react-flow__node[data-id="node:kind-worker"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('action-bar')).toContainText('Node kind-worker');
  await page.keyboard.press('c');
  await expect(page.getByTestId('node:kind-worker')).toContainText('SchedulingDisabled');

  // Panels resize from the keyboard.
  const sep = page.getByRole('separator', { name: 'Resize narration strip' });
  const before = Number(await sep.getAttribute('aria-valuenow'));
  await sep.focus();
  await page.keyboard.press('ArrowUp');
  await expect(sep).toHaveAttribute('aria-valuenow', String(before + 16));

  await page.screenshot({ path: testInfo.outputPath('keyboard-1280.png') });
  expect(problems).toEqual([]);
});
