import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { repoPath } from '../../src/paths';

/** Opens an explorer address and waits until its first view is drawn. */
export async function openExplorer(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
}

/** Model positions of the nodes drawn, by id. */
export function positions(page: Page): Promise<Record<string, { x: number; y: number }>> {
  return page.evaluate(() =>
    Object.fromEntries((globalThis as any).cy.nodes(':visible').map((n: any) => [n.id(), { ...n.position() }])),
  );
}

/**
 * The labels Cytoscape actually draws: a non-empty label whose font, at the current zoom, is at
 * least the style's min-zoomed-font-size (smaller ones it skips); with their boxes on screen.
 */
export function drawnLabels(
  page: Page,
): Promise<{ id: string; box: { x1: number; x2: number; y1: number; y2: number } }[]> {
  return page.evaluate(() => {
    const cy = (globalThis as any).cy;
    const zoom = cy.zoom();
    return cy
      .nodes(':visible')
      .filter(
        (n: any) =>
          n.pstyle('label').strValue !== '' &&
          n.pstyle('font-size').pfValue * zoom >= n.pstyle('min-zoomed-font-size').pfValue,
      )
      .map((n: any) => ({
        id: n.id(),
        box: n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }),
      }));
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Runs axe-core (from node_modules, evaluated by the test driver: no request leaves, and the
 * page's Content-Security-Policy, which allows no inline script, stays on) and returns its
 * serious and critical violations.
 */
export async function seriousViolations(
  page: Page,
  exclude: string[] = [],
): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  await page.evaluate(readFileSync(repoPath('node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  return page.evaluate(async (excluded) => {
    const result = await (globalThis as any).axe.run(
      { exclude: excluded.map((s: string) => [s]) },
      { resultTypes: ['violations'] },
    );
    return result.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: any) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.slice(0, 5).map((n: any) => `${n.target.join(' ')}: ${n.failureSummary}`),
      }));
  }, exclude);
}

/** Where a node is on the page (for a real mouse or finger), or null when another node is too close to hit it alone. */
export function spotOf(page: Page, id: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((nodeId) => {
    const cy = (globalThis as any).cy;
    const node = cy.getElementById(nodeId);
    const p = node.renderedPosition();
    const crowded = cy
      .nodes(':visible')
      .some(
        (o: any) => o.id() !== nodeId && Math.hypot(o.renderedPosition().x - p.x, o.renderedPosition().y - p.y) < 24,
      );
    const box = cy.container().getBoundingClientRect();
    const inside = p.x > 10 && p.y > 10 && p.x < box.width - 60 && p.y < box.height - 30;
    return crowded || !inside ? null : { x: box.left + p.x, y: box.top + p.y };
  }, id);
}
