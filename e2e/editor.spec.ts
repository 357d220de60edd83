// Editor journey: a YAML error is shown at its line and nothing is applied; a valid buffer with
// two documents applies (objects appear in the graph); the diff against the live object.
import { expect, test } from '@playwright/test';
import { freshPage, setEditorText } from './helpers';

const BROKEN = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: broken
spec:
  replicas: 2
    selector: oops
`;

const VALID = `apiVersion: v1
kind: ConfigMap
metadata:
  name: site
data:
  greeting: hello
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  replicas: 2
  selector:
    matchLabels:
      app: shop
  template:
    metadata:
      labels:
        app: shop
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

test('YAML error inline, nothing applied; then apply and review changes', async ({ page }, testInfo) => {
  await freshPage(page);
  await page.getByRole('tab', { name: 'Editor' }).click();
  await expect(page.getByTestId('yaml-editor').locator('.monaco-editor')).toBeVisible({ timeout: 60_000 });

  await setEditorText(page, BROKEN);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('editor-status')).toContainText('Not applied');
  await expect(page.getByTestId('editor-problems')).toContainText('Line 6');
  await expect(page.getByTestId('yaml-editor').locator('.squiggly-error').first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('editor-error.png') });
  await expect(page.getByTestId('terminal-output')).not.toContainText('kubectl apply');
  await expect(page.getByTestId('deployment:default/broken')).toHaveCount(0);

  // Schema validation from the Kubernetes schema: a misspelt field is flagged.
  await setEditorText(page, VALID.replace('  replicas: 2', '  replica: 2'));
  await expect(page.getByTestId('yaml-editor').locator('.squiggly-warning, .squiggly-error').first()).toBeVisible({ timeout: 30_000 });

  await setEditorText(page, VALID);
  await page.getByTestId('yaml-editor').locator('.view-lines').click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('editor-status')).toContainText('deployment.apps/shop created');
  await expect(page.locator('[data-testid^="pod:default/shop-"]')).toHaveCount(2, { timeout: 60_000 });

  // Change the replicas and review against the live object.
  await setEditorText(page, VALID.replace('replicas: 2', 'replicas: 4'));
  await page.getByRole('button', { name: 'Review changes' }).click();
  const diff = page.getByTestId('editor-diff');
  await expect(diff.locator('.monaco-diff-editor')).toBeVisible();
  await expect(diff).toContainText('replicas: 4');
  await page.screenshot({ path: testInfo.outputPath('editor-diff.png') });
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('editor-status')).toContainText('deployment.apps/shop configured');
  await expect(page.locator('[data-testid^="pod:default/shop-"]')).toHaveCount(4, { timeout: 60_000 });
  await page.screenshot({ path: testInfo.outputPath('editor-applied.png') });

  // The dark theme reaches the editor too (Monaco draws its own colours).
  await page.getByTestId('theme-toggle').click();
  await expect(page.getByTestId('yaml-editor').locator('.monaco-editor').first()).toHaveClass(/vs-dark/);
  await page.screenshot({ path: testInfo.outputPath('editor-dark.png') });
});
