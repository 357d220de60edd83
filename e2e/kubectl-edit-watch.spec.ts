// Terminal journeys beyond one-shot commands: `kubectl edit` opens the object in the editor and
// saving prints kubectl's answer in the terminal; `kubectl get -w` streams rows until Ctrl-C.
import { expect, test, type Page } from '@playwright/test';
import { freshPage, typeCommand } from './helpers';

/** The active editor buffer's text, read from the store (Monaco draws only the visible lines). */
async function activeBufferText(page: Page): Promise<string> {
  return page.evaluate(() => {
    type Store = { getState(): { editor: { active: string; buffers: { id: string; text: string }[] } } };
    const { editor } = (window as unknown as { __playground: { store: Store } }).__playground.store.getState();
    return editor.buffers.find((b) => b.id === editor.active)?.text ?? '';
  });
}

async function setActiveBufferText(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    type Store = { getState(): { editor: { active: string; buffers: { id: string; text: string }[] } }; setState(p: unknown): void };
    const store = (window as unknown as { __playground: { store: Store } }).__playground.store;
    const { editor } = store.getState();
    store.setState({ editor: { ...editor, buffers: editor.buffers.map((b) => (b.id === editor.active ? { ...b, text: t } : b)) } });
  }, text);
}

test('kubectl edit opens the editor; Save edit prints "edited", an unchanged save cancels', async ({ page }, testInfo) => {
  await freshPage(page);
  await typeCommand(page, 'kubectl create deployment web --image=nginx', 'deployment.apps/web created');
  await typeCommand(page, 'kubectl edit deployment/web', 'Editing deployment.apps/web in the Editor tab');

  // The Editor tab comes to the front with an edit buffer under kubectl's header comment.
  await expect(page.getByRole('tab', { name: 'Editor' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'edit deployment.apps/web' })).toHaveAttribute('aria-selected', 'true');
  const editor = page.getByTestId('yaml-editor');
  await expect(editor.locator('.view-lines')).toContainText('Please edit the object below');
  const text = await activeBufferText(page);
  expect(text).toContain('kind: Deployment');
  expect(text).toContain('replicas: 1');
  await setActiveBufferText(page, text.replace('replicas: 1', 'replicas: 3'));
  await expect(editor.locator('.view-lines')).toContainText('replicas:\u00a03');
  await page.screenshot({ path: testInfo.outputPath('kubectl-edit-buffer.png') });

  // Ctrl+Enter in the buffer saves the edit: kubectl's answer in the terminal, the buffer closes.
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('terminal-output')).toContainText('deployment.apps/web edited');
  await expect(page.getByRole('tab', { name: 'Terminal' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'edit deployment.apps/web' })).toHaveCount(0);
  await typeCommand(page, 'kubectl get deployment web -o jsonpath={.spec.replicas}', /jsonpath=\{\.spec\.replicas\}\n3/);
  await expect(page.getByTestId('terminal').locator('.xterm-rows')).toContainText('deployment.apps/web edited');
  await page.screenshot({ path: testInfo.outputPath('kubectl-edit-saved.png') });

  // Saved without a change: kubectl's "Edit cancelled".
  await typeCommand(page, 'kubectl edit deployment/web', 'Editing deployment.apps/web in the Editor tab');
  await expect(page.getByRole('button', { name: 'Save edit' })).toBeVisible();
  await page.getByRole('button', { name: 'Save edit' }).click();
  await expect(page.getByTestId('terminal-output')).toContainText('Edit cancelled, no changes made.');

  // A missing object: kubectl's error, and no editor.
  await typeCommand(page, 'kubectl edit deployment/nope', 'deployments.apps "nope" not found');
  await expect(page.getByRole('tab', { name: 'Terminal' })).toHaveAttribute('aria-selected', 'true');
});

test('kubectl get -w streams rows as pods change, until Ctrl-C', async ({ page }, testInfo) => {
  await freshPage(page);
  await typeCommand(page, 'kubectl get pods -w', 'No resources found in default namespace.');
  // While the watch runs, a Deployment is applied from the editor (its starter manifest: hello,
  // 2 replicas): rows stream in under a header, as kubectl prints them.
  await page.getByRole('tab', { name: 'Editor' }).click();
  await page.getByTestId('yaml-editor').locator('.monaco-editor').first().waitFor();
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByRole('button', { name: 'Speed 5 times' }).click();
  await page.getByRole('tab', { name: 'Terminal' }).click();
  const log = page.getByTestId('terminal-output');
  await expect(log).toContainText(/NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nhello-\S+\s+0\/1\s+Pending/);
  await expect(log).toContainText(/hello-\S+\s+1\/1\s+Running/, { timeout: 60_000 });
  const rows = page.getByTestId('terminal').locator('.xterm-rows');
  await expect(rows).toContainText('Running');
  // Typing does nothing while the watch runs; Ctrl-C ends it with ^C and a fresh prompt.
  await page.getByTestId('terminal').click();
  await page.keyboard.type('ignored');
  await page.keyboard.press('Control+C');
  await expect(rows).toContainText('^C');
  await expect(page.getByTestId('terminal')).toHaveAttribute('data-input', '');
  await page.screenshot({ path: testInfo.outputPath('kubectl-get-watch.png') });
  await typeCommand(page, 'kubectl get deployments', /hello\s+2\/2/);
});
