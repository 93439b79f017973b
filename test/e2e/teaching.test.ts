/**
 * Teaching tools in Chromium: the copy-link control yields the exact permanent URL, citations
 * of the 1941 cable match hand-checked text, the handout prints a range with its notes, and
 * entity previews open on focus and close on Escape.
 */
import type { BrowserContext } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readEditionConfig } from '../../src/edition/index.ts';
import { ROOT } from '../helpers/build.ts';
import { useSeedSite } from '../helpers/seed-site.ts';

const seed = useSeedSite();
let context: BrowserContext;

beforeAll(async () => {
  context = await seed.browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: seed.site.url.replace(/\/$/, '').replace(/(:\d+).*$/, '$1') });
});

const todayUs = () => new Date().toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric' });
const todayIso = () => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; };

describe('passage links', () => {
  it('the copy control yields the exact URL of the passage', async () => {
    const page = await context.newPage();
    await page.goto(`${seed.site.url}documents/kianouri-confession-2012/`);
    // The ¶ number opens the passage's toolbar, under the passage.
    await page.click('#p14 .passage-number');
    await page.click('#p14 + .passage-toolbar .copy-link');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${seed.site.url}documents/kianouri-confession-2012/#p14`);
    expect(await page.textContent('#tool-status')).toContain('Link copied');
    await page.close();
  });
  it('selecting words in a passage gives a text-fragment link to exactly that selection', async () => {
    const page = await context.newPage();
    await page.goto(`${seed.site.url}documents/dimitrov-cable-1941/`);
    await page.evaluate(() => {
      const walker = document.createTreeWalker(document.querySelector('#p17 .passage-text')!, NodeFilter.SHOW_TEXT);
      let text: Node | null = walker.nextNode();
      while (text && !text.textContent!.includes('democratic figure')) text = walker.nextNode();
      if (!text) throw new Error('words not found');
      const start = text.textContent!.indexOf('democratic figure');
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, start + 'democratic figure'.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    });
    await page.waitForSelector('.copy-selection:not([hidden])');
    await page.click('.copy-selection');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${seed.site.url}documents/dimitrov-cable-1941/#p17:~:text=democratic%20figure`);
    // Chromium honours the link: arriving there scrolls to the passage.
    await page.goto('about:blank');
    await page.goto(link);
    expect(await page.$eval('#p17', (el) => el.getBoundingClientRect().top)).toBeLessThan(600);
    await page.close();
  });
});

describe('citations of the 1941 cable', () => {
  it('Chicago (bibliography) and BibTeX match the hand-checked text', async () => {
    const page = await context.newPage();
    await page.goto(`${seed.site.url}documents/dimitrov-cable-1941/`);
    await page.click('#cite summary');
    const chicago = await page.textContent('[data-cite="document"] pre[data-format="chicago-bibliography"]');
    // The page's address as the build wrote it (SITE, edition.config.yml's url, or the preview address).
    const url = (await page.getAttribute('link[rel=canonical]', 'href'))!;
    expect(url).toMatch(/^https?:\/\/[^/]+\/documents\/dimitrov-cable-1941\/$/);
    const { config } = readEditionConfig(ROOT);
    // Chicago 17 (full note style's bibliography), through citeproc: the reader's date in Chicago's form.
    expect(chicago).toBe(
      `Dimitrov, Georgi. “Cable from Dimitrov to Stalin, Molotov, Beria, and Malenkov.” Cable, translated from Russian. ` +
        `Iran, the Left and the Soviet Union: An Annotated Edition, version ${config!.version}, December 9, 1941. ` +
        `Wilson Center Digital Archive (History and Public Policy Program). Accessed ${todayUs()}. ${url}.`,
    );
    const bibtex = await page.textContent('[data-cite="document"] pre[data-format="bibtex"]');
    expect(bibtex).toBe(
      [
        '@misc{Dimitrov1941Cable,',
        `\turldate = {${todayIso()}},`,
        '\tauthor = {Dimitrov, Georgi},',
        '\tbooktitle = {Iran, the {Left} and the {Soviet} {Union}: An {Annotated} {Edition}},',
        '\tentrysubtype = {Cable, translated from Russian},',
        '\tdate = {1941-12-09},',
        '\tlanguage = {en},',
        `\tnote = {Translated from Russian. Held by Wilson Center Digital Archive (History and Public Policy Program). Original: https://digitalarchive.wilsoncenter.org/document/cable-dimitrov-stalin-molotov-beria-and-malenkov. Cited from version ${config!.version} of the edition},`,
        '\ttitle = {Cable from {Dimitrov} to {Stalin}, {Molotov}, {Beria}, and {Malenkov}},',
        `\turl = {${url}},`,
        `\tversion = {${config!.version}},`,
        '}',
      ].join('\n'),
    );
    await page.close();
  });
  it('cite this passage gives the passage number and its link', async () => {
    const page = await context.newPage();
    await page.goto(`${seed.site.url}documents/dimitrov-cable-1941/`);
    await page.click('#p17 .passage-number');
    await page.click('#p17 + .passage-toolbar .cite-passage-button');
    const url = (await page.getAttribute('link[rel=canonical]', 'href'))!;
    const mla = await page.textContent('.cite-passage pre[data-format="mla"]');
    expect(mla).toContain(`, ${url}#p17. Wilson Center`);
    expect(mla).toMatch(/Accessed \d{1,2} (Jan\.|Feb\.|Mar\.|Apr\.|May|June|July|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.) \d{4}\.$/);
    const note = await page.textContent('.cite-passage pre[data-format="chicago-note"]');
    expect(note).toContain(`para. 17, Wilson Center`);
    expect(note).toContain(`accessed ${todayUs()}, ${url}#p17.`);
    const apa = await page.textContent('.cite-passage pre[data-format="apa"]');
    expect(apa).toContain('In the text: (Dimitrov, 1941, para. 17)');
    const bibtex = await page.textContent('.cite-passage pre[data-format="bibtex"]');
    expect(bibtex).toContain(`url = {${url}#p17}`);
    await page.close();
  });
  it('the page carries citation_* meta tags and schema.org JSON-LD', async () => {
    const page = await context.newPage();
    await page.goto(`${seed.site.url}documents/dimitrov-cable-1941/`);
    expect(await page.getAttribute('meta[name=citation_title]', 'content')).toBe('Cable from Dimitrov to Stalin, Molotov, Beria, and Malenkov');
    expect(await page.getAttribute('meta[name=citation_author]', 'content')).toBe('Dimitrov, Georgi');
    expect(await page.getAttribute('meta[name=citation_date]', 'content')).toBe('1941/12/09');
    const ld = JSON.parse((await page.textContent('script[type="application/ld+json"]'))!);
    expect(ld).toMatchObject({ '@type': 'ArchiveComponent', dateCreated: '1941-12-09', author: [{ name: 'Georgi Dimitrov' }] });
    await page.close();
  });
});

describe('handout', () => {
  it('prints a range of passages with only their notes, as endnotes', async () => {
    const page = await context.newPage();
    await page.goto(`${seed.site.url}documents/dimitrov-cable-1941/handout/?from=16&to=18`);
    const visible = await page.$$eval('[data-passage]', (els) => els.filter((e) => !(e as HTMLElement).closest('[hidden]') && !(e as HTMLElement).hidden).map((e) => e.id));
    expect(visible).toEqual(['p16', 'p17', 'p18']);
    const notes = await page.$$eval('section[data-footnotes] > ol > li', (els) => els.filter((e) => !(e as HTMLElement).hidden).length);
    const refs = await page.$$eval('#p16 a[data-footnote-ref], #p17 a[data-footnote-ref], #p18 a[data-footnote-ref]', (els) => els.length);
    expect(notes).toBe(refs);
    expect(notes).toBeGreaterThan(0);
    await page.emulateMedia({ media: 'print' });
    expect(await page.$eval('.handout-form', (e) => getComputedStyle(e).display)).toBe('none');
    await page.close();
  });
});

describe('entity previews', () => {
  it('open on keyboard focus and close on Escape; the link still works', async () => {
    const page = await context.newPage();
    await page.goto(`${seed.site.url}documents/kianouri-confession-2012/`);
    const mention = page.locator('a[data-entity="person:kianouri"]').first();
    await mention.focus();
    await page.waitForSelector('#entity-preview:not([hidden])');
    expect(await page.textContent('#entity-preview')).toContain('Noureddin Kianouri');
    expect(await mention.getAttribute('aria-describedby')).toBe('entity-preview');
    await page.keyboard.press('Escape');
    expect(await page.$eval('#entity-preview', (e) => (e as HTMLElement).hidden)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/people\/kianouri\/$/);
    await page.close();
  });
});
