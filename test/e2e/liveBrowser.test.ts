import type { Page } from 'playwright-core';
import { writeFacts } from '../../src/facts/factWriter';
import type { EntityRecord } from '../../src/model/records';
import { launchBrowser, type Browser } from '../support/browser';
import { openExplorer } from '../support/explorerPage';
import { startVisualApp, type VisualApp } from '../support/visualApp';

/** Live changes in a real headless Chromium: a subscription in the IDE (GraphiQL's graphql-ws fetcher) and Follow changes in the explorer. */
describe('live changes in the IDE and the explorer (headless Chromium)', () => {
  let api: VisualApp;
  let browser: Browser;
  const tag = `test-live-browser-${process.pid}`;
  const source = `source/${tag}`;
  beforeAll(async () => {
    api = await startVisualApp({ ide: true });
    browser = await launchBrowser();
    await writePerson('first'); // the source, before anything subscribes: GraphiQL shows the latest event only
  }, 60_000);
  afterAll(async () => {
    await api?.graph.driver.executeQuery(
      `MATCH (n) WHERE n.id STARTS WITH $person OR n.id = $source DETACH DELETE n
       WITH count(*) AS done MATCH (r:Revision) WHERE r.targetId CONTAINS $tag DELETE r
       WITH count(*) AS done MATCH (k:Name) WHERE k.key CONTAINS $tag AND NOT (k)<-[:NAMED]-() DELETE k`,
      { person: `person/${tag}`, source, tag },
    );
    await browser?.close();
    await api?.close();
  });

  /** A person written through the writer itself (the visual app has no API keys for mutations). */
  async function writePerson(name: string): Promise<string> {
    const id = `person/${tag}-${name}`;
    const entity = {
      id,
      label: 'Person' as EntityRecord['label'],
      name: `${name} ${tag}`,
      sourceId: source,
      quote: `Notes ${tag}`,
    };
    await api.graph.db.writeAll('test', (run) =>
      writeFacts(
        run,
        {
          sources: [{ id: source, title: 'live browser notes', text: `Notes ${tag}.` }],
          entities: [entity],
          relationships: [],
          events: [],
        },
        { mode: 'update', by: { principal: 'test', role: 'admin' } },
      ),
    );
    return id;
  }

  async function newPage(): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    return { page, errors };
  }

  it('the IDE runs the FollowChanges subscription over graphql-ws and shows a change as it commits', async () => {
    const { page, errors } = await newPage();
    await page.goto(api.url);
    await page.getByRole('tab', { name: 'FollowChanges' }).click();
    await page.locator('.graphiql-query-editor', { hasText: 'subscription FollowChanges' }).waitFor();
    await page.locator('.graphiql-execute-button').click();
    await page.waitForTimeout(1_000);
    const id = await writePerson('ide');
    await page
      .waitForFunction(
        (want) => ((globalThis as any).document.querySelector('.result-window')?.textContent ?? '').includes(want),
        id,
        { timeout: 20_000 },
      )
      .catch(async (error) => {
        await browser.screenshot(page, 'ide-subscription-failed');
        throw error;
      });
    expect(await page.locator('.result-window').textContent()).toContain('"operation": "ADD"');
    await browser.screenshot(page, 'ide-subscription');
    expect(errors).toEqual([]);
  });

  it('the explorer follows changes: a new fact appears as it is written, marked new', async () => {
    const { page, errors } = await newPage();
    await openExplorer(page, `${api.base}/explore?id=org/moonshot-ai`);
    await page.getByRole('button', { name: 'Follow changes' }).click();
    expect(await page.getByRole('button', { name: 'Follow changes' }).getAttribute('aria-pressed')).toBe('true');
    await page.waitForTimeout(1_000);
    const id = await writePerson('explorer');
    await page.waitForFunction((want) => (globalThis as any).cy.getElementById(want).hasClass('live-new'), id, {
      timeout: 20_000,
    });
    expect(await page.locator('#status').textContent()).toContain(`live: add ${id}`);
    await browser.screenshot(page, 'explorer-follow-changes');
    expect(errors).toEqual([]);
  });
});
