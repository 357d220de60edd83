// Journey: a student completes lesson 5 (self-healing) entirely through the page: opens the
// lessons panel, starts the lesson, applies a manifest from the text, deletes pods with
// "Show me" and by typing, crashes a container, watches CrashLoopBackOff, reads the back-off,
// and answers the quiz. Each step must tick itself off from the live cluster.
import { expect, test, type Page } from '@playwright/test';
import { freshPage, typeCommand } from './helpers';

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/lesson-selfhealing-${name}.png` });

async function expectDone(page: Page, step: string) {
  await expect(page.getByTestId(`lesson-step-${step}`)).toHaveAttribute('data-done', 'true', { timeout: 90_000 });
}

test('lesson 5, self-healing, completed through the UI', async ({ page }) => {
  await freshPage(page);
  await page.evaluate(() => localStorage.removeItem('kube-playground.lessons.progress'));
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await expect(page.getByTestId('lesson-picker')).toBeVisible();
  await shot(page, '1-picker');

  await page.getByTestId('lesson-pick-self-healing').click();
  const lesson = page.getByTestId('lesson');
  await expect(lesson).toHaveAttribute('data-lesson', 'self-healing');
  await expect(page.getByTestId('lesson-count')).toHaveText('0/6');

  // Step 1: apply the manifest from the lesson text.
  const step1 = page.getByTestId('lesson-step-deploy');
  await expect(step1).toHaveAttribute('aria-current', 'step');
  await step1.getByRole('button', { name: '▶ apply it' }).click();
  await expect(page.getByTestId('terminal-output')).toContainText('deployment.apps/web created');
  await expectDone(page, 'deploy');
  await shot(page, '2-deployed');

  // Step 2: ask for a hint, then "Show me" deletes one pod (its real name) in the terminal.
  const step2 = page.getByTestId('lesson-step-kill-one');
  await step2.getByTestId('lesson-hint').click();
  await expect(step2.getByTestId('lesson-hint-text')).toContainText('kubectl delete pod NAME');
  await step2.getByTestId('lesson-show-me').click();
  await expect(page.getByTestId('terminal-output')).toContainText(/pod "web-[a-z0-9]+-[a-z0-9]+" deleted/);
  await expectDone(page, 'kill-one');

  // Step 3: typed in the terminal.
  await typeCommand(page, 'kubectl delete pods -l app=web', 'deleted');
  await expectDone(page, 'kill-many');
  await shot(page, '3-replaced');

  // Step 4: crash a container with "Show me".
  await page.getByTestId('lesson-step-crash').getByTestId('lesson-show-me').click();
  await expectDone(page, 'crash');

  // Step 5: apply the crashing Deployment from the text and wait for CrashLoopBackOff.
  await page.getByTestId('lesson-step-crashloop').getByRole('button', { name: '▶ Apply it' }).click();
  await expectDone(page, 'crashloop');
  await shot(page, '4-crashloop');

  // Step 6: the ▶ Run button of the step's command block.
  await page.getByTestId('lesson-step-backoff').getByTestId('lesson-run').click();
  await expect(page.getByTestId('terminal-output')).toContainText('Back-off restarting failed container');
  await expectDone(page, 'backoff');
  await expect(page.getByTestId('lesson-complete')).toBeVisible();
  await expect(page.getByTestId('lesson-count')).toHaveText('6/6');

  // The quiz.
  const quiz = page.getByTestId('lesson-quiz');
  await quiz.getByLabel('The ReplicaSet controller in the controller manager').check();
  await expect(quiz).toContainText('Right.');
  await quiz.scrollIntoViewIfNeeded();
  await shot(page, '5-complete');

  // Progress is kept in the browser: the picker shows the lesson complete after a reload.
  await page.reload();
  await expect(page.getByTestId('lesson-count')).toHaveText('6/6');
  await page.getByRole('button', { name: '← Lessons' }).click();
  await expect(page.getByTestId('lesson-pick-self-healing')).toHaveClass(/is-complete/);
});

test('presenter mode: large lesson text, current step highlighted', async ({ page }) => {
  await freshPage(page, '?presenter=1');
  const toggle = page.getByRole('button', { name: 'Lessons', exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  if (await page.getByTestId('lesson-picker').isVisible()) await page.getByTestId('lesson-pick-self-healing').click();
  await expect(page.getByTestId('lesson')).toHaveClass(/is-presenter/);
  await expect(page.locator('.lesson-step.is-current')).toHaveCount(1);
  await shot(page, '6-presenter');
});
