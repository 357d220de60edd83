// Traffic during a rolling update: a Deployment with maxUnavailable 0 behind a Service, simulated
// clients started from the graph's Service action, then `kubectl set image` at speed 60. The
// Traffic lens animates requests client → Service → pods and counts them per pod; a rollout that
// never takes capacity away fails no request, and the UI's counters say so.
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

const DEPLOYMENT = `kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 0
      maxSurge: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.25
        ports:
        - containerPort: 80
        readinessProbe:
          httpGet:
            path: /
            port: 80
EOF`;

type Deploy = { metadata: { generation?: number }; spec: { template: { spec: { containers: { image: string }[] } } }; status?: { observedGeneration?: number; updatedReplicas?: number; availableReplicas?: number; replicas?: number } };

/** The Deployment as the page's store holds it (what the graph draws from). */
const deployment = (page: Page) =>
  page.evaluate(() => (window as unknown as { __playground: { store: { getState(): { cluster: { objects: Record<string, Record<string, unknown>> } } } } }).__playground.store.getState().cluster.objects['apps/deployments']?.['default/web'] as Deploy | undefined);

test('a rolling update with traffic on fails no request', async ({ page }, testInfo) => {
  const problems = watchConsole(page);
  await freshPage(page);
  await expect(page.getByTestId('node:kind-worker')).toBeVisible();

  await typeCommand(page, DEPLOYMENT, 'deployment.apps/web created');
  await typeCommand(page, 'kubectl expose deployment web --port 80', 'service/web exposed');
  await page.getByRole('button', { name: 'Speed 5 times' }).click();
  await expect(page.locator('[data-testid^="pod:default/web-"][data-status="Running"]')).toHaveCount(3, { timeout: 120_000 });

  // Traffic lens: clients → Service → the three pods. Start traffic from the Service's actions.
  await page.getByTestId('lens:traffic').click();
  await page.getByTestId('service:default/web').click();
  await page.getByTestId('action:traffic-start').click();
  await expect(page.getByTestId('terminal-output')).toContainText('traffic #1 started: 20 req/s to svc/web');
  await expect.poll(async () => Number(await page.getByTestId('client:traffic').getAttribute('data-sent')), { timeout: 60_000 }).toBeGreaterThan(0);
  await expect(page.locator('.request-dot.request-ok').first()).toBeAttached();

  // Roll out a new image at speed 60 and wait until the Deployment is fully updated and available.
  await page.getByRole('button', { name: 'Speed 60 times' }).click();
  await typeCommand(page, 'kubectl set image deployment/web web=nginx:1.27', 'deployment.apps/web image updated');
  await expect
    .poll(
      async () => {
        const d = await deployment(page);
        const s = d?.status;
        return d && s && s.observedGeneration === d.metadata.generation && d.spec.template.spec.containers[0].image === 'nginx:1.27' && s.updatedReplicas === 3 && s.availableReplicas === 3 && s.replicas === 3;
      },
      { timeout: 120_000 },
    )
    .toBe(true);
  await page.getByRole('button', { name: 'Speed 1 times' }).click();

  // The new pods serve; the old ones are gone (faded out). No request failed, anywhere.
  await expect(page.locator('[data-testid^="pod:default/web-"]')).toHaveCount(3, { timeout: 60_000 });
  await expect.poll(async () => page.locator('[data-testid^="pod-traffic:default/web-"]').count(), { timeout: 30_000 }).toBe(3);
  await expect.poll(async () => Number(await page.getByTestId('client:traffic').getAttribute('data-sent')), { timeout: 30_000 }).toBeGreaterThan(500);
  await expect(page.getByTestId('client:traffic')).toHaveAttribute('data-failed', '0');
  await expect(page.getByTestId('traffic:service:default/web')).toHaveAttribute('data-failed', '0');
  for (const c of await page.locator('[data-testid^="pod-traffic:default/web-"]').all()) await expect(c).toHaveAttribute('data-failed', '0');
  await expect(page.locator('.request-dot.request-failed')).toHaveCount(0);
  await page.getByRole('button', { name: 'Fit the whole cluster in view' }).click();
  await page.waitForTimeout(600);
  await page.screenshot({ path: testInfo.outputPath('traffic-rollout.png') });

  // The same counters in the terminal, from the engine.
  await typeCommand(page, 'sim traffic status', /svc\/web\s+20\s+in-cluster\s+\d+\s+0\s/);

  // Change the rate (stop + start at the new rate), then stop: the Service's own actions.
  await page.getByTestId('service:default/web').click();
  await page.getByTestId('action:traffic-rate').click();
  await page.getByRole('textbox', { name: 'Requests per second' }).fill('50');
  await page.getByRole('textbox', { name: 'Requests per second' }).press('Enter');
  await expect(page.getByTestId('terminal-output')).toContainText('50 req/s to svc/web');
  await page.getByTestId('action:traffic-stop').click();
  await expect(page.getByTestId('terminal-output')).toContainText('stopped 1 traffic generator');

  expect(problems).toEqual([]);
});
