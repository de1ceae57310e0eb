import { existsSync, readFileSync, statSync } from 'node:fs';
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
    // blob: URLs of this origin are the explorer's own PNG/SVG downloads
    expect(
      requests.filter(
        (url) => !url.startsWith(`${api.base}/`) && !url.startsWith('data:') && !url.startsWith(`blob:${api.base}/`),
      ),
    ).toEqual([]);
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
      .waitForFunction(
        () =>
          ((globalThis as any).document.querySelector('.result-window')?.textContent ?? '').includes(
            '"org/wave-intelligence"',
          ),
        undefined,
        {
          timeout: 20_000,
        },
      )
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
    const { data } = await api.gql('{ neighborhood(id: "org/moonshot-ai") { nodes { id: nodeId } } }');
    expect(start.sort()).toEqual(data.neighborhood.nodes.map((n: { id: string }) => n.id).sort());
    expect(await page.locator('#status').textContent()).toContain(`${start.length} nodes`);
    // the canvas has been painted (non-blank screenshot of the graph area)
    await browser.screenshot(page, 'explore-start');

    // a node on screen whose neighbourhood has someone not shown yet, clear of other nodes so a click hits it
    let target: { id: string; x: number; y: number; fresh: string[] } | undefined;
    for (const id of start) {
      if (id === 'org/moonshot-ai') continue;
      const around = await api.gql('query($id: ID!) { neighborhood(id: $id) { nodes { id: nodeId } } }', { id });
      const fresh = around.data.neighborhood.nodes
        .map((n: { id: string }) => n.id)
        .filter((x: string) => !start.includes(x));
      if (!fresh.length) continue;
      const spot = await page.evaluate((nodeId) => {
        const cy = (globalThis as any).cy;
        const node = cy.getElementById(nodeId);
        const p = node.renderedPosition();
        const crowded = cy
          .nodes()
          .some(
            (o: any) =>
              o.id() !== nodeId && Math.hypot(o.renderedPosition().x - p.x, o.renderedPosition().y - p.y) < 24,
          );
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
    // (Enter opens the top hit)
    await page.fill('#search', '杨植麟');
    await page.press('#search', 'Enter');
    await page.waitForFunction(() => (globalThis as any).cy.$(':selected').id() === 'person/yang-zhilin');
    await page.locator('#panel blockquote', { hasText: '楊植麟' }).first().waitFor();

    // filters: unchecking a kind hides its events; a date range hides undated ones
    const visibleEvents = () =>
      page.evaluate(
        () =>
          (globalThis as any).cy
            .nodes('[?kind]')
            .filter((n: any) => n.visible())
            .map((n: any) => n.data('kind')) as string[],
      );
    expect(await visibleEvents()).toContain('ARBITRATION');
    await page.getByLabel('Arbitration').uncheck();
    expect(await visibleEvents()).not.toContain('ARBITRATION');
    await page.fill('#from', '2024-10');
    await page.press('#from', 'Enter');
    await page.locator('#from').blur();
    const visibleDates = await page.evaluate(
      () =>
        (globalThis as any).cy
          .nodes('[?kind]')
          .filter((n: any) => n.visible())
          .map((n: any) => n.data('date')) as (string | null)[],
    );
    for (const date of visibleDates) expect(date !== null && date >= '2024-10').toBe(true);
    await browser.screenshot(page, 'explore-search-and-filters');

    expect(errors).toEqual([]);
    expectOnlyLocalRequests(from);
    await page.close();
  }, 90_000);

  it('/explore lays out 月之暗面’s neighbourhood with no two nodes (labels included) overlapping; sizes and colours follow the metrics', async () => {
    const from = browser.requests.length;
    const { page, errors } = await newPage();
    await page.goto(`${api.base}/explore`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    const boxes = (await page.evaluate(() =>
      (globalThis as any).cy.nodes().map((n: any) => ({ id: n.id(), ...n.boundingBox() })),
    )) as { id: string; x1: number; x2: number; y1: number; y2: number }[];
    const { data } = await api.gql(
      '{ neighborhood(id: "org/moonshot-ai") { nodes { id: nodeId degree pagerank community } } }',
    );
    expect(boxes.map((b) => b.id).sort()).toEqual(data.neighborhood.nodes.map((n: { id: string }) => n.id).sort());
    const overlapping: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlapping.push(`${a.id} × ${b.id}`);
      }
    }
    expect(overlapping).toEqual([]);
    await browser.screenshot(page, 'explore-layout');

    // the metrics are the API's for the same selection; the biggest node is the one with the highest degree
    const shown = await page.evaluate(() =>
      (globalThis as any).cy.nodes().map((n: any) => ({
        id: n.id(),
        degree: n.data('degree'),
        pagerank: n.data('pagerank'),
        community: n.data('community'),
        size: n.width(),
      })),
    );
    const byId = Object.fromEntries(shown.map((n: { id: string }) => [n.id, n]));
    for (const n of data.neighborhood.nodes)
      expect(byId[n.id]).toMatchObject({ degree: n.degree, pagerank: n.pagerank, community: n.community });
    const biggest = [...shown].sort((a, b) => b.size - a.size)[0];
    expect(biggest.degree).toBe(Math.max(...shown.map((n: { degree: number }) => n.degree)));
    await page.selectOption('#size-by', 'pagerank');
    const biggestByRank = await page.evaluate(() =>
      (globalThis as any).cy
        .nodes()
        .max((n: any) => n.width())
        .ele.id(),
    );
    expect(biggestByRank).toBe(
      [...data.neighborhood.nodes].sort(
        (a: { pagerank: number }, b: { pagerank: number }) => b.pagerank - a.pagerank,
      )[0].id,
    );

    // colour by community: one colour per community, the same within one
    await page.selectOption('#color-by', 'community');
    const colours = await page.evaluate(() =>
      (globalThis as any).cy.nodes().map((n: any) => [n.data('community'), n.style('background-color')]),
    );
    const byCommunity = new Map<number, Set<string>>();
    for (const [c, colour] of colours) byCommunity.set(c, (byCommunity.get(c) ?? new Set()).add(colour));
    for (const set of byCommunity.values()) expect(set.size).toBe(1);
    expect(new Set(colours.map(([, colour]: [number, string]) => colour)).size).toBe(Math.min(byCommunity.size, 12));
    expect(await page.locator('#legend').textContent()).toContain('community 0');
    await browser.screenshot(page, 'explore-communities');

    // edge labels only on hover
    const label = () => page.evaluate(() => (globalThis as any).cy.edges('[type = "FOUNDED"]').first().style('label'));
    expect(await label()).toBe('');
    await page.evaluate(() => {
      (globalThis as any).cy.edges('[type = "FOUNDED"]').first().emit('mouseover');
    });
    expect(await label()).not.toBe('');
    await page.evaluate(() => {
      (globalThis as any).cy.edges('[type = "FOUNDED"]').first().emit('mouseout');
    });
    expect(await label()).toBe('');

    expect(errors).toEqual([]);
    expectOnlyLocalRequests(from);
    await page.close();
  }, 90_000);

  it('/explore plays the events by month, shows the talent flow, exports the view (PNG, SVG, GraphML, GEXF) and searches as you type', async () => {
    const from = browser.requests.length;
    const { page, errors } = await newPage();
    await page.goto(`${api.base}/explore?id=org/moonshot-ai`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });

    // exports of the current view (built in the page from what is drawn): GraphML has the nodes on screen
    const [graphmlFile] = await Promise.all([page.waitForEvent('download'), page.click('#export-graphml')]);
    expect(graphmlFile.suggestedFilename()).toBe('graph.graphml');
    const graphml = readFileSync((await graphmlFile.path())!, 'utf8');
    const nodeCount = await page.evaluate(() => (globalThis as any).cy.nodes(':visible').length);
    expect(graphml.match(/<node /g)).toHaveLength(nodeCount);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    expect(png.suggestedFilename()).toBe('graph.png');
    const pngBytes = readFileSync((await png.path())!);
    expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
    expect(pngBytes.length).toBeGreaterThan(5_000);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#export-svg')]);
    expect(svg.suggestedFilename()).toBe('graph.svg');
    const svgText = readFileSync((await svg.path())!, 'utf8');
    expect(svgText).toMatch(/^<svg /);
    expect(svgText).toContain('月之暗面');

    // search as you type: the list opens after one character, with no Enter
    await page.locator('#search').pressSequentially('M');
    await page.locator('#search-results').waitFor({ state: 'visible' });
    await page.locator('#search').pressSequentially('oonshot');
    await page.locator('#search-results li[data-id="org/moonshot-ai"]').waitFor();
    await page.fill('#search', '');
    await page.locator('#search').pressSequentially('楊植');
    await page.locator('#search-results li[data-id="person/yang-zhilin"]').waitFor();

    // timeline, on the whole graph: as of 2024-05 only events dated up to then are shown
    await page.click('#whole-graph');
    await page.waitForFunction(
      () => (globalThis as any).document.getElementById('status').textContent.includes('whole graph'),
      undefined,
      { timeout: 20_000 },
    );
    expect(Number(await page.getAttribute('#timeline', 'max'))).toBeGreaterThan(3);
    const setMonth = (month: string) =>
      page.evaluate((m) => {
        const doc = (globalThis as any).document;
        const slider = doc.getElementById('timeline');
        for (let i = 0; i <= Number(slider.max); i++) {
          slider.value = String(i);
          slider.dispatchEvent(new (globalThis as any).Event('input'));
          if (doc.getElementById('timeline-label').textContent.startsWith(`as of ${m}`)) return true;
        }
        return false;
      }, month);
    expect(await setMonth('2024-05')).toBe(true);
    const visible = () =>
      page.evaluate(
        () =>
          (globalThis as any).cy
            .nodes('[?kind]')
            .filter((n: any) => n.visible())
            .map((n: any) => n.data('date')) as (string | null)[],
      );
    const asOfMay = await visible();
    expect(asOfMay.length).toBeGreaterThan(0);
    for (const date of asOfMay) expect(date !== null && date <= '2024-05\uffff').toBe(true);
    const all = await page.evaluate(() => (globalThis as any).cy.nodes('[?kind]').length);
    expect(asOfMay.length).toBeLessThan(all);
    await browser.screenshot(page, 'explore-timeline');
    // play runs to the end: all dates again
    await page.click('#play');
    await page.waitForFunction(
      () => (globalThis as any).document.getElementById('timeline-label').textContent.startsWith('all dates'),
      undefined,
      { timeout: 60_000 },
    );
    expect((await visible()).length).toBe(all);

    // talent flow: organisations as nodes, one arrow per origin → destination, as wide as its count
    const { data } = await api.gql('{ talentFlow { nodes { id } links { from { id } to { id } count } } }');
    await page.click('#talent-flow');
    await page.waitForFunction(() => (globalThis as any).cy.edges('[type = "TALENT_FLOW"]').length > 0, undefined, {
      timeout: 20_000,
    });
    const flow = await page.evaluate(() =>
      (globalThis as any).cy.edges().map((e: any) => [e.source().id(), e.target().id(), e.data('count'), e.width()]),
    );
    const expected = data.talentFlow.links.map(
      (l: { from: { id: string } | null; to: { id: string }; count: number }) => [
        l.from?.id ?? 'flow/unknown-origin',
        l.to.id,
        l.count,
      ],
    );
    expect(flow.map(([a, b, c]: [string, string, number]) => [a, b, c]).sort()).toEqual(expected.sort());
    const widest = [...flow].sort((a, b) => b[3] - a[3])[0];
    expect(widest[2]).toBe(Math.max(...expected.map((l: [string, string, number]) => l[2])));
    const [flowFile] = await Promise.all([page.waitForEvent('download'), page.click('#export-graphml')]);
    expect(readFileSync((await flowFile.path())!, 'utf8').match(/<edge /g)).toHaveLength(expected.length);
    await browser.screenshot(page, 'explore-talent-flow');

    expect(errors).toEqual([]);
    expectOnlyLocalRequests(from);
    await page.close();
  }, 120_000);

  it('kept a screenshot of each step', () => {
    for (const name of [
      'ide-example-result',
      'ide-docs-and-completion',
      'explore-start',
      'explore-expanded',
      'explore-search-and-filters',
      'explore-layout',
      'explore-communities',
      'explore-timeline',
      'explore-talent-flow',
    ]) {
      const file = path.join(ARTIFACTS, `${name}.png`);
      expect(existsSync(file) && statSync(file).size > 5_000).toBe(true);
    }
  });
});
