// Smoke: the built page loads, shows kind's four nodes and the kube-system add-ons, runs a
// command from the command box, and logs no console error or warning along the way.
import { expect, test, type ConsoleMessage } from '@playwright/test';

const NODES = ['kind-control-plane', 'kind-worker', 'kind-worker2', 'kind-worker3'];

test('cluster loads, runs a deployment, and the console stays clean', async ({ page }, testInfo) => {
  const problems: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));

  // First load on a small laptop screen: the Placement view's first fit shows every node box
  // whole inside the graph pane (it once framed only the control plane, before the nodes came).
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Kubernetes Playground' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Simulation speed' })).toBeVisible();

  for (const n of NODES) await expect(page.getByTestId(`node:${n}`)).toBeVisible();
  const outsideThePane = () =>
    page.evaluate((names) => {
      const pane = document.querySelector('.graph-canvas .react-flow')!.getBoundingClientRect();
      return names.filter((n) => {
        const r = document.querySelector(`[data-testid="node:${n}"]`)!.getBoundingClientRect();
        return r.left < pane.left || r.top < pane.top || r.right > pane.right || r.bottom > pane.bottom;
      });
    }, NODES);
  await expect.poll(outsideThePane).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('first-load-1280.png') });
  await page.setViewportSize({ width: 1600, height: 900 });

  // Pacing controls: pause shows on the clock, resume clears it.
  await page.getByRole('button', { name: 'Pause simulated time' }).click();
  await expect(page.getByTestId('clock')).toContainText('paused');
  await page.getByRole('button', { name: 'Resume simulated time' }).click();
  await expect(page.getByTestId('clock')).not.toContainText('paused');

  // The add-ons come up as the simulated clock runs (image pulls, container starts).
  await expect(page.locator('[data-testid^="pod:kube-system/coredns-"]').first()).toBeVisible({ timeout: 120_000 });

  // The terminal is xterm.js: keys go to its (accessible) textarea; output is mirrored in a
  // screen-reader log (terminal-output), and the line being edited in data-input.
  const terminal = page.getByTestId('terminal');
  await expect(terminal).toHaveAttribute('data-ready', 'true');
  await page.keyboard.press('/');
  await expect(terminal.locator('textarea')).toBeFocused();
  await page.keyboard.type('kubectl create deployment web --image=nginx --replicas=3');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('terminal-output')).toContainText('deployment.apps/web created');
  // Deployments show on the Ownership lens; pods on every lens.
  await page.getByTestId('lens:ownership').click();
  await expect(page.getByTestId('deployment:default/web')).toBeVisible();
  await page.getByTestId('lens:placement').click();
  await expect(page.locator('[data-testid^="pod:default/web-"]')).toHaveCount(3, { timeout: 60_000 });

  // History: ↑ recalls the last line; Ctrl-C drops it.
  await terminal.click();
  await page.keyboard.press('ArrowUp');
  await expect(terminal).toHaveAttribute('data-input', 'kubectl create deployment web --image=nginx --replicas=3');
  await page.keyboard.press('Control+C');
  await expect(terminal).toHaveAttribute('data-input', '');

  // Let the web pods start (a little faster) so the screenshot shows them running.
  await page.getByRole('button', { name: 'Speed 5 times' }).click();
  await expect(page.getByRole('button', { name: 'Speed 5 times' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('[data-testid^="pod:default/web-"][data-status="Running"]')).toHaveCount(3, { timeout: 120_000 });
  await page.screenshot({ path: testInfo.outputPath('smoke.png') });

  expect(problems).toEqual([]);
});
