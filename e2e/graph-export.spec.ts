// Export the cluster graph for slides: "Save & share" → Graph as PNG / Graph as SVG download
// files a slide deck can take (checked by their signatures and sizes, and looked at).
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { freshPage } from './helpers';

test('the graph downloads as PNG and as SVG', async ({ page }, testInfo) => {
  await freshPage(page);
  await expect(page.getByTestId('node:kind-worker')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('graph-before-export.png') });

  const download = async (item: string) => {
    await page.getByRole('button', { name: 'Save & share' }).click();
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item }).click()]);
    const path = testInfo.outputPath(d.suggestedFilename());
    await d.saveAs(path);
    return { name: d.suggestedFilename(), bytes: readFileSync(path) };
  };

  const png = await download('Graph as PNG');
  expect(png.name).toBe('cluster.png');
  expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  // Drawn at 2×: at least as wide as the graph on screen, twice over.
  const width = png.bytes.readUInt32BE(16);
  const graph = (await page.locator('.react-flow').boundingBox())!;
  expect(width).toBe(Math.ceil(graph.width * 2));
  expect(png.bytes.length).toBeGreaterThan(20_000);

  const svg = await download('Graph as SVG');
  expect(svg.name).toBe('cluster.svg');
  const text = svg.bytes.toString('utf8');
  expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(text).toContain('kind-worker');
  await expect(page.getByRole('status').filter({ hasText: /error|failed/i })).toHaveCount(0);
});
