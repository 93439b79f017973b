/**
 * What a reader sees, in Debian's Chromium: search finds passages in any spelling or keyboard,
 * results land on the passage, passage links highlight their passage, Persian renders
 * right to left, the skip link works, and axe-core finds no WCAG 2.2 A/AA violation.
 * Runs against dist/ (run `npm run build` first; built into a temporary folder if missing).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEdition } from '../../src/edition/index.ts';
import { probeSearch } from '../../scripts/bench/search-probe.ts';
import { ROOT, seedDist } from '../helpers/build.ts';
import { useSeedSite } from '../helpers/seed-site.ts';

const edition = loadEdition(ROOT);
const thread = edition.documents.find((d) => d.slug === 'kianouri-confession-2012')!;
const seed = useSeedSite();
let outside: string[] = [];


async function open(path: string): Promise<Page> {
  const context = await seed.browser.newContext();
  const page = await context.newPage();
  page.on('request', (r) => {
    if (!r.url().startsWith(seed.site.url) && !r.url().startsWith('data:')) outside.push(r.url());
  });
  await page.goto(seed.site.url + path);
  return page;
}

/** Waits until the search page shows the results of `q` (test/e2e/search.test.ts tries search as a reader would). */
const shown = (p: Page, q: string) => p.waitForFunction((q) => document.getElementById('search')?.dataset.query === q && document.getElementById('search')?.dataset.state === 'done', q);

async function search(query: string, page?: Page): Promise<{ page: Page; hrefs: string[] }> {
  const p = page ?? (await open('search/'));
  await p.fill('#q', query);
  await p.press('#q', 'Enter');
  await shown(p, query);
  await showAll(p);
  const hrefs = await p.$$eval('.search-results:not(.search-also-list) a.result-title', (as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
  return { page: p, hrefs };
}

/** Presses "Show more" until every result is listed. */
async function showAll(p: Page): Promise<void> {
  const more = p.locator('.search-more').first();
  while (await more.isVisible()) {
    const before = await p.locator('.search-results > li').count();
    await more.click();
    await p.waitForFunction((n) => document.querySelectorAll('.search-results > li').length > n, before);
  }
}

const passageOf = (href: string) => /#(p\w+)$/.exec(href)?.[1];

describe('search', () => {
  it('Kianoury finds passages in every other spelling, and the person page ranks first', async () => {
    const { hrefs, page } = await search('Kianoury');
    expect(hrefs[0]).toBe('/people/kianouri/');
    const texts = hrefs.filter((h) => h.includes(thread.slug)).map((h) => thread.passages.find((p) => p.id === passageOf(h))?.text ?? '');
    for (const spelling of ['Kianouri', 'Kiannory', 'Kianory', 'کیانوری', 'Kianoury']) {
      expect(texts.some((t) => t.includes(spelling)), spelling).toBe(true);
    }
    // Precision: every passage found mentions an entry named after Kianouri (him, or e.g. his televised confession).
    for (const h of hrefs.filter((x) => /\/documents\/.*#p/.test(x))) {
      const [, slug, id] = /documents\/([^/]+)\/#(p\w+)/.exec(h)!;
      const doc = edition.documents.find((d) => d.slug === slug)!;
      const named = (ref: string) => {
        const e = edition.entries.get(ref)!;
        return [e.meta.name, ...Object.values(e.meta.names), ...e.meta.aliases.map((a) => (typeof a === 'string' ? a : a.name))].some((n) => /kian|کیانوری/i.test(n));
      };
      expect(doc.mentions.some((m) => m.passage === id && named(m.ref)), h).toBe(true);
    }
    await page.close();
  });
  it('آنکس که typed with Persian letter forms finds the poem written with Arabic ones', async () => {
    const { hrefs, page } = await search('آنکس که');
    const poem = thread.passages.filter((p) => p.text.includes('آنكس كه')).map((p) => p.id);
    expect(poem.length).toBeGreaterThanOrEqual(5);
    const found = hrefs.map(passageOf);
    for (const id of poem) expect(found).toContain(id);
    await page.close();
  });
  it('Kuybyshev finds the cable passage', async () => {
    const { hrefs, page } = await search('Kuybyshev');
    const cable = edition.documents.find((d) => d.slug === 'dimitrov-cable-1941')!;
    const id = cable.passages.find((p) => p.text.includes('from KUYBYSHEV'))!.id;
    expect(hrefs).toContain(`/documents/dimitrov-cable-1941/#${id}`);
    await page.close();
  });
  it('filtering by document narrows the results', async () => {
    const { hrefs, page } = await search('Tudeh');
    // Filters load only when opened (their indexes would weigh on every first search).
    expect(await page.isVisible('#facet-document')).toBe(false);
    await page.click('.search-filters summary');
    await page.waitForSelector('#facet-document');
    await page.selectOption('#facet-document', { label: thread.meta.title });
    await page.waitForFunction(() => /filtered/.test(document.querySelector('.search-status')?.textContent ?? ''));
    await shown(page, 'Tudeh');
    await showAll(page);
    const filtered = await page.$$eval('.search-results a.result-title', (as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(hrefs.length);
    for (const h of filtered) expect(h).toContain(thread.slug);
    await page.close();
  });
  it('lists results in pages: "Show more" adds the next ones and moves focus to the first of them', async () => {
    const page = await open('search/');
    await page.fill('#q', 'iran');
    await page.press('#q', 'Enter');
    await shown(page, 'iran');
    const first = await page.locator('ol.search-results:not(.search-also-list) > li').count();
    expect(first).toBeGreaterThan(0);
    const more = page.locator('.search-more').first();
    expect(await more.isVisible()).toBe(true);
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('ol.search-results:not(.search-also-list) > li').length > n, first);
    expect(await page.evaluate((n) => document.activeElement === document.querySelectorAll('ol.search-results:not(.search-also-list) > li')[n]?.querySelector('a'), first)).toBe(true);
    await showAll(page);
    expect(await more.isVisible()).toBe(false);
    // Every line is a passage or a note of a document, a register entry or a work, listed once.
    const hrefs = await page.$$eval('.search-results a.result-title', (as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
    expect(new Set(hrefs).size).toBe(hrefs.length);
    for (const h of hrefs) expect(h).toMatch(/^\/(documents\/[^/]+\/#(p\w+|fn-[\w-]+)|(people|organizations|places|events)\/[^/]+\/|works\/([a-z0-9-]+\/)*#[\w-]+)$/);
    await page.close();
  });
  it('a first search from a cold browser transfers at most 250 KB (names, Persian, a common word)', async () => {
    const probes = await probeSearch(seedDist(), ['Kianoury', 'آنکس که', 'party']);
    for (const p of probes) {
      expect(p.results, p.query).toBeGreaterThan(0);
      expect(p.pagefindBytes, p.query).toBeGreaterThan(0);
      expect(p.bytes, p.query).toBeLessThanOrEqual(250 * 1024);
    }
  });
  it('a result link lands on the passage, highlighted', async () => {
    const { page } = await search('Kuybyshev');
    await page.click('.search-results a.result-title[href*="dimitrov-cable-1941/#p"]');
    await page.waitForURL(/#p\d+$/);
    const id = new URL(page.url()).hash.slice(1);
    expect(await page.$eval(':target', (el) => el.id)).toBe(id);
    await page.close();
  });
});

describe('passages, notes and reading', () => {
  it('arriving at #p<N> highlights that passage (no script needed)', async () => {
    const page = await open('documents/kianouri-confession-2012/#p14');
    const [id, bg] = await page.$eval(':target', (el) => [el.id, getComputedStyle(el).backgroundColor]);
    expect(id).toBe('p14');
    expect(bg).not.toBe('rgba(0, 0, 0, 0)');
    await page.close();
  });
  it('Persian passages render right to left inside the English page', async () => {
    const page = await open('documents/kianouri-confession-2012/');
    const dirs = await page.$$eval('.passage--verse .passage-text', (els) => els.map((e) => getComputedStyle(e).direction));
    expect(dirs).toEqual(['rtl', 'rtl', 'rtl', 'rtl']);
    expect(await page.$eval('html', (h) => getComputedStyle(h).direction)).toBe('ltr');
    await page.close();
  });
  it('the skip link moves focus to the main content', async () => {
    const page = await open('documents/dimitrov-cable-1941/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });
  it('a footnote reference moves focus to its note and the back-reference moves it back', async () => {
    const page = await open('documents/dimitrov-cable-1941/');
    const ref = page.locator('a[data-footnote-ref]').first();
    const href = (await ref.getAttribute('href'))!;
    const refId = await ref.getAttribute('id');
    await ref.focus();
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe(href);
    await page.waitForFunction((id) => document.activeElement?.id === id, href.slice(1));
    await page.locator(`${href} a[data-footnote-backref]`).focus();
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toMatch(/^#fnref-/);
    await page.waitForFunction((id) => document.activeElement?.id === id, refId);
    await page.close();
  });
  it('a mention links to its register entry', async () => {
    const page = await open('documents/kianouri-confession-2012/');
    const hrefs = await page.$$eval('a[data-entity="person:kianouri"]', (as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThanOrEqual(5);
    for (const h of hrefs) expect(h).toBe('/people/kianouri/');
    await page.close();
  });
});

describe('accessibility (axe-core, WCAG 2.2 A and AA)', () => {
  const pages = ['', 'documents/', 'about/', 'timeline/', 'works/', 'works/a/', 'people/', 'organizations/', 'places/', 'events/', 'people/kianouri/', 'organizations/tudeh/', 'places/kuybyshev/', 'events/massacre-1988/', ...edition.documents.map((d) => `documents/${d.slug}/`), 'documents/dimitrov-cable-1941/handout/?from=16&to=18'];
  const axeCounts = { pages: 0, rules: 0, checks: 0 };
  afterAll(() => console.log(`axe: ${axeCounts.pages} pages checked, ${axeCounts.rules} rules run (${axeCounts.checks} rule × page checks), 0 violations expected`));
  it.each(pages)('/%s has no violations', async (path) => {
    const page = await open(path);
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    const rules = result.passes.length + result.violations.length + result.incomplete.length + result.inapplicable.length;
    axeCounts.pages++;
    axeCounts.rules = Math.max(axeCounts.rules, rules);
    axeCounts.checks += rules;
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
    await page.close();
  });
  it('/search/ with results open has no violations', async () => {
    const { page } = await search('Tudeh');
    axeCounts.pages++;
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    await page.close();
  });
  it('no page requested anything outside the site', () => {
    expect(outside).toEqual([]);
    outside = [];
  });
});
