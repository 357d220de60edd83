// Shared steps for the editor, terminal, time and persistence journeys.
import { expect, type Page } from '@playwright/test';

/** Start from an empty saved page (IndexedDB is per origin and survives between tests). */
export async function freshPage(page: Page, query = ''): Promise<void> {
  await page.goto('/' + query);
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const req = indexedDB.deleteDatabase('kube-playground');
        req.onsuccess = req.onerror = req.onblocked = () => resolve();
      }),
  );
  await page.goto('/' + query);
  await expect(page.getByTestId('terminal')).toHaveAttribute('data-ready', 'true');
}

/** Type a line into the xterm terminal and wait for its output in the accessible log. */
export async function typeCommand(page: Page, line: string, expectOutput?: string | RegExp): Promise<void> {
  await page.getByRole('tab', { name: 'Terminal' }).click();
  const terminal = page.getByTestId('terminal');
  await terminal.click();
  await expect(terminal.locator('textarea')).toBeFocused();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  if (expectOutput !== undefined) await expect(page.getByTestId('terminal-output')).toContainText(expectOutput);
}

/** Save the page now (instead of waiting for the throttled autosave). */
export async function saveNow(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __playground: { autosave: { flush(): Promise<void> } } }).__playground.autosave.flush());
}

/** Replace the active editor buffer's text (as a paste would; Monaco picks it up from the store). */
export async function setEditorText(page: Page, text: string): Promise<void> {
  await page.getByTestId('yaml-editor').locator('.monaco-editor').first().waitFor();
  await page.evaluate((t) => {
    type Store = { getState(): { editor: { active: string; buffers: { id: string; text: string }[] } }; setState(p: unknown): void };
    const store = (window as unknown as { __playground: { store: Store } }).__playground.store;
    const { editor } = store.getState();
    store.setState({ editor: { ...editor, buffers: editor.buffers.map((b) => (b.id === editor.active ? { ...b, text: t } : b)) } });
  }, text);
  await expect(page.getByTestId('yaml-editor').locator('.view-lines')).toContainText(text.split('\n')[0].replace(/ /g, '\u00a0'));
}
