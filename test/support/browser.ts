import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { repoPath } from '../../src/paths';

/** Debian's Chromium with the flags that work on these machines (no sandbox, no GPU, no phoning home). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Screenshots kept after the run (git-ignored). */
export const ARTIFACTS = repoPath('test-artifacts');

export interface Browser {
  context: BrowserContext;
  /** Every URL the pages asked for, in order. */
  requests: string[];
  screenshot(page: import('playwright-core').Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/** A fresh headless Chromium (its own empty profile) that records every request. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'kg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1400, height: 900 },
  });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    context,
    requests,
    async screenshot(page, name) {
      const file = path.join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
