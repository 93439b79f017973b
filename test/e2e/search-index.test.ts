/** The search index is rebuilt from the current sources on every build: nothing stale survives. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch } from '../helpers/browser.ts';
import { buildSite, ROOT } from '../helpers/build.ts';
import { serve } from '../helpers/serve.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function hits(dist: string, query: string): Promise<string[]> {
  const site = await serve(dist);
  const page = await browser.newPage();
  await page.goto(`${site.url}search/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction((q) => document.getElementById('search')?.dataset.query === q && document.getElementById('search')?.dataset.state === 'done', query);
  const hrefs = await page.$$eval('.search-results a.result-title', (as) => as.map((a) => a.getAttribute('href')!));
  await page.close();
  await site.close();
  return hrefs;
}

describe('search index freshness', () => {
  it('a word added to a source is found after the next build, and gone after it is removed', async () => {
    const edition = mkdtempSync(join(ROOT, '.builds', 'edition-'));
    cpSync(join(ROOT, 'test/fixtures/editions/literal'), edition, { recursive: true });
    const work = mkdtempSync(join(ROOT, '.builds', 'work-'));
    const source = join(edition, 'sources/literal-2000.txt');
    const original = readFileSync(source, 'utf8');

    const first = buildSite(edition, { work });
    expect(first.status, first.output).toBe(0);
    expect(await hits(first.dist, 'zanzibarquokka')).toEqual([]);

    writeFileSync(source, original.replace('1. not a numbered list', '1. not a numbered list zanzibarquokka'));
    const second = buildSite(edition, { work });
    expect(second.status, second.output).toBe(0);
    expect(await hits(second.dist, 'zanzibarquokka')).toEqual(['/documents/literal-2000/#p14']);

    writeFileSync(source, original);
    const third = buildSite(edition, { work });
    expect(third.status, third.output).toBe(0);
    expect(await hits(third.dist, 'zanzibarquokka')).toEqual([]);
  });
});
