// Terminal journey: kubectl typed into xterm, tab completion, a heredoc applied via stdin, clear.
import { expect, test } from '@playwright/test';
import { freshPage, typeCommand } from './helpers';

test('kubectl in the terminal: run, complete, heredoc, clear', async ({ page }, testInfo) => {
  await freshPage(page);
  await typeCommand(page, 'kubectl get nodes', 'kind-control-plane');

  // Tab completion: `kubectl des<Tab>` → `kubectl describe `.
  const terminal = page.getByTestId('terminal');
  await page.keyboard.type('kubectl des');
  await page.keyboard.press('Tab');
  await expect(terminal).toHaveAttribute('data-input', 'kubectl describe ');
  await page.keyboard.press('Control+C');

  // A pasted heredoc: the lines up to EOF become stdin.
  const heredoc = ['kubectl apply -f - <<EOF', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: settings', 'data:', '  mode: teaching', 'EOF', ''].join('\n');
  await page.evaluate((text) => navigator.clipboard?.writeText(text).catch(() => {}), heredoc).catch(() => {});
  for (const line of heredoc.split('\n').slice(0, -1)) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('terminal-output')).toContainText('configmap/settings created');
  await typeCommand(page, 'kubectl get configmap settings -o yaml', 'mode: teaching');
  await expect(terminal.locator('.xterm-rows')).toContainText('configmap/settings created');
  await page.screenshot({ path: testInfo.outputPath('terminal.png') });

  await typeCommand(page, 'clear');
  await expect(terminal.locator('.xterm-rows')).not.toContainText('configmap/settings created');
});
