import { existsSync, statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import path from 'node:path';
import { ARTIFACTS, launchBrowser, type Browser } from '../support/browser';
import { startVisualApp, type VisualApp } from '../support/visualApp';

/** The IDE and the explorer in a real headless Chromium, on a server that could be offline. */
describe('in a browser (headless Chromium)', () => {
  let api: VisualApp;
  let browser: Browser;
  beforeAll(async () => {
    api = await startVisualApp({ ide: true });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  /** Every request went to this server: nothing from a CDN or anywhere else. */
  function expectOnlyLocalRequests(from: number) {
    const requests = browser.requests.slice(from);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith(`${api.base}/`) && !url.startsWith('data:'))).toEqual([]);
  }

  async function newPage(): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    return { page, errors };
  }

  it('GET /graphql opens GraphiQL from local files, with the examples as tabs, schema docs and completion; an example runs', async () => {
    const from = browser.requests.length;
    const { page, errors } = await newPage();
    await page.goto(api.url);
    const tab = page.getByRole('tab', { name: 'WhatOppoAcquired' });
    await tab.click();
    await page.locator('.graphiql-tab-active', { hasText: 'WhatOppoAcquired' }).waitFor();
    await page.locator('.graphiql-query-editor', { hasText: 'acquisitions(acquirer: "org/oppo")' }).waitFor();
    await page.locator('.graphiql-execute-button').click();
    const response = page.locator('.result-window');
    await page
      .waitForFunction(() => ((globalThis as any).document.querySelector('.result-window')?.textContent ?? '').includes('"org/wave-intelligence"'), undefined, {
        timeout: 20_000,
      })
      .catch(async (error) => {
        await browser.screenshot(page, 'ide-example-failed');
        throw error;
      });
    expect(await response.textContent()).toContain('波形智能');
    await browser.screenshot(page, 'ide-example-result');

    // schema docs: the documentation explorer lists the root query fields
    await page.getByRole('button', { name: /Show Documentation Explorer/i }).click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Query', { exact: true }).click();
    await docs.getByText('shortestPath', { exact: true }).waitFor();
    expect(await docs.textContent()).toContain('How two entities (or events) are connected');

    // completion from the schema while typing in a new tab
    await page.getByRole('button', { name: /New tab/i }).click();
    const editor = page.locator('.graphiql-query-editor .CodeMirror textarea');
    await editor.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('{ talentF');
    await page.locator('.CodeMirror-hints').getByText('talentFlow').waitFor();
    await browser.screenshot(page, 'ide-docs-and-completion');

    expect(errors).toEqual([]);
    expectOnlyLocalRequests(from);
    await page.close();
  });

  it('/explore draws 月之暗面 and its neighbours; clicking a node brings in its neighbours and shows its citations', async () => {
    const from = browser.requests.length;
    const { page, errors } = await newPage();
    await page.goto(`${api.base}/explore`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    const ids = () => page.evaluate(() => (globalThis as any).cy.nodes().map((n: any) => n.id()) as string[]);
    const start = await ids();
    const { data } = await api.gql('{ neighborhood(id: "org/moonshot-ai") { nodes { id } } }');
    expect(start.sort()).toEqual(data.neighborhood.nodes.map((n: { id: string }) => n.id).sort());
    expect(await page.locator('#status').textContent()).toContain(`${start.length} nodes`);
    // the canvas has been painted (non-blank screenshot of the graph area)
    await browser.screenshot(page, 'explore-start');

    // a node on screen whose neighbourhood has someone not shown yet, clear of other nodes so a click hits it
    let target: { id: string; x: number; y: number; fresh: string[] } | undefined;
    for (const id of start) {
      if (id === 'org/moonshot-ai') continue;
      const around = await api.gql('query($id: ID!) { neighborhood(id: $id) { nodes { id } } }', { id });
      const fresh = around.data.neighborhood.nodes.map((n: { id: string }) => n.id).filter((x: string) => !start.includes(x));
      if (!fresh.length) continue;
      const spot = await page.evaluate((nodeId) => {
        const cy = (globalThis as any).cy;
        const node = cy.getElementById(nodeId);
        const p = node.renderedPosition();
        const crowded = cy.nodes().some((o: any) => o.id() !== nodeId && Math.hypot(o.renderedPosition().x - p.x, o.renderedPosition().y - p.y) < 24);
        const box = cy.container().getBoundingClientRect();
        return crowded ? null : { x: box.left + p.x, y: box.top + p.y };
      }, id);
      if (spot) {
        target = { id, ...spot, fresh };
        break;
      }
    }
    expect(target).toBeDefined();
    await page.mouse.click(target!.x, target!.y);
    await page.waitForFunction((n) => (globalThis as any).cy.nodes().length > n, start.length, { timeout: 20_000 });
    const after = await ids();
    expect(after).toEqual(expect.arrayContaining([...start, ...target!.fresh]));
    expect(await page.evaluate(() => (globalThis as any).cy.$(':selected').id())).toBe(target!.id);
    await page.locator('#panel .citations blockquote').first().waitFor({ timeout: 10_000 });
    expect(await page.locator('#panel').textContent()).toContain(target!.id);
    await browser.screenshot(page, 'explore-expanded');

    // bilingual search: simplified 杨植麟 finds 楊植麟, and picking it selects the node with its citations
    await page.fill('#search', '杨植麟');
    await page.press('#search', 'Enter');
    await page.locator('#search-results li[data-id="person/yang-zhilin"]').click();
    await page.waitForFunction(() => (globalThis as any).cy.$(':selected').id() === 'person/yang-zhilin');
    await page.locator('#panel blockquote', { hasText: '楊植麟' }).first().waitFor();

    // filters: unchecking a kind hides its events; a date range hides undated ones
    const visibleEvents = () => page.evaluate(() => (globalThis as any).cy.nodes('[?kind]').filter((n: any) => n.visible()).map((n: any) => n.data('kind')) as string[]);
    expect(await visibleEvents()).toContain('ARBITRATION');
    await page.getByLabel('Arbitration').uncheck();
    expect(await visibleEvents()).not.toContain('ARBITRATION');
    await page.fill('#from', '2024-10');
    await page.press('#from', 'Enter');
    await page.locator('#from').blur();
    const visibleDates = await page.evaluate(() => (globalThis as any).cy.nodes('[?kind]').filter((n: any) => n.visible()).map((n: any) => n.data('date')) as (string | null)[]);
    for (const date of visibleDates) expect(date !== null && date >= '2024-10').toBe(true);
    await browser.screenshot(page, 'explore-search-and-filters');

    expect(errors).toEqual([]);
    expectOnlyLocalRequests(from);
    await page.close();
  }, 90_000);

  it('kept a screenshot of each step', () => {
    for (const name of ['ide-example-result', 'ide-docs-and-completion', 'explore-start', 'explore-expanded', 'explore-search-and-filters']) {
      const file = path.join(ARTIFACTS, `${name}.png`);
      expect(existsSync(file) && statSync(file).size > 5_000).toBe(true);
    }
  });
});
