// Time travel: scrub back before a command (its objects vanish), then branch from there.
import { expect, test } from '@playwright/test';
import { freshPage, typeCommand } from './helpers';

test('scrub back before a command, then branch from there', async ({ page }, testInfo) => {
  await freshPage(page);
  await page.getByRole('button', { name: 'Speed 10 times' }).click();
  await expect(page.locator('[data-testid^="pod:kube-system/coredns-"]').first()).toBeVisible({ timeout: 60_000 });
  await typeCommand(page, 'kubectl create deployment early --image=nginx', 'deployment.apps/early created');
  await page.waitForTimeout(1500); // let some simulated time pass between the two commands
  await typeCommand(page, 'kubectl create deployment late --image=nginx', 'deployment.apps/late created');
  await expect(page.locator('[data-testid^="pod:default/late-"]').first()).toBeVisible();
  await expect(page.getByTestId('timeline').locator('.timeline-mark')).toHaveCount(2);

  // Scrub to just before the second command (keyboard on the slider: Home, then step right).
  const marks = await page.evaluate(async () => {
    const pg = (window as unknown as { __playground: { client: { query(q: unknown): Promise<unknown> } } }).__playground;
    return (await pg.client.query({ kind: 'timeline' })) as { commands: { time: number }[] };
  });
  const target = marks.commands[1].time - 500;
  await page.evaluate((t) => {
    const pg = (window as unknown as { __playground: { client: { send(c: unknown): void } } }).__playground;
    pg.client.send({ type: 'seek', time: t });
  }, target);
  await expect(page.locator('[data-testid^="pod:default/late-"]')).toHaveCount(0);
  await expect(page.locator('[data-testid^="pod:default/early-"]').first()).toBeVisible();
  await expect(page.getByTestId('clock')).toContainText('paused');
  await expect(page.getByTestId('timeline-pending')).toContainText('1 later command will replay');
  await page.screenshot({ path: testInfo.outputPath('scrubbed-back.png') });

  // The slider itself moves the cluster too: Home goes to the start (no user deployments yet).
  const slider = page.getByRole('slider', { name: /Simulated time/ });
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(page.locator('[data-testid^="pod:default/early-"]')).toHaveCount(0);
  await page.keyboard.press('End');
  await expect(page.locator('[data-testid^="pod:default/late-"]').first()).toBeVisible();

  await page.evaluate((t) => {
    const pg = (window as unknown as { __playground: { client: { send(c: unknown): void } } }).__playground;
    pg.client.send({ type: 'seek', time: t });
  }, target);
  await expect(page.locator('[data-testid^="pod:default/late-"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Branch from here' }).click();
  await expect(page.getByTestId('timeline-pending')).toHaveCount(0);
  await expect(page.getByTestId('timeline').locator('.timeline-mark')).toHaveCount(1);
  await page.getByRole('button', { name: 'Resume simulated time' }).click();
  await page.waitForTimeout(1000);
  await expect(page.locator('[data-testid^="pod:default/late-"]')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('branched.png') });
});
