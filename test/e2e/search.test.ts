/**
 * Search as a finding aid, tried as a reader would in Debian's Chromium (issue 19): excerpts in
 * the passage's own words and script, the typed spelling first, notes, register accounts and
 * works found, no junk, results as you type, the URL as the search's state, the keyboard.
 * Expectations are computed from the edition model, so they follow the seed edition's text.
 * Runs against dist/ (`npm run build` first; built into a temporary folder if missing);
 * SEARCH_TEST_DIST points it at another build.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldKey, loadEdition, type EditionDocument } from '../../src/edition/index.ts';
import { launch } from '../helpers/browser.ts';
import { ROOT, seedDist } from '../helpers/build.ts';
import { serve } from '../helpers/serve.ts';

const edition = loadEdition(ROOT);
const doc = (slug: string) => edition.documents.find((d) => d.slug === slug)!;
const thread = doc('kianouri-confession-2012');
const trial = doc('noury-trial-2021');

let browser: Browser;
let site: Awaited<ReturnType<typeof serve>>;
/** Script errors on any page opened: none expected. */
const pageErrors: string[] = [];
beforeAll(async () => {
  site = await serve(process.env.SEARCH_TEST_DIST ?? seedDist());
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  expect(pageErrors).toEqual([]);
});

async function open(path = 'search/', width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${path}: ${e.message}`));
  await page.goto(site.url + path);
  return page;
}

/** Waits until the page shows the results of `q`. */
async function shown(page: Page, q: string): Promise<void> {
  await page.waitForFunction((q) => {
    const root = document.getElementById('search')!;
    return root.dataset.query === q && root.dataset.state === 'done';
  }, q);
}

/** Types a query and presses Enter (or only types, and waits for results as you type). */
async function search(q: string, opts: { page?: Page; enter?: boolean } = {}): Promise<Page> {
  const page = opts.page ?? (await open());
  await page.fill('#q', q);
  if (opts.enter !== false) await page.press('#q', 'Enter');
  await shown(page, q);
  return page;
}

/** Presses "Show more" until every result is listed. */
async function showAll(page: Page): Promise<void> {
  const more = page.locator('.search-more').first();
  while (await more.isVisible()) {
    const before = await page.locator('ol.search-results > li').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('ol.search-results > li').length > n, before);
  }
}

interface Line {
  kind: string;
  href: string;
  title: string;
  meta: string;
  excerpt: string;
  marked: string[];
  dir: string | null;
  lang: string | null;
  links: string[];
}
/** The result lines of the main list (or of the register's list). */
async function lines(page: Page, list = 'ol.search-results:not(.search-also-list)'): Promise<Line[]> {
  return page.$$eval(`${list} > li`, (lis) =>
    lis.map((li) => {
      const ex = li.querySelector('.result-excerpt');
      return {
        kind: li.className.replace('result ', ''),
        href: li.querySelector('a')!.getAttribute('href')!,
        title: li.querySelector('a')!.textContent!,
        meta: li.querySelector('.result-meta')?.textContent ?? li.querySelector('.result-kind')?.textContent ?? '',
        excerpt: (ex?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        marked: [...(ex?.querySelectorAll('mark') ?? [])].map((m) => m.textContent!),
        dir: ex?.getAttribute('dir') ?? null,
        lang: ex?.getAttribute('lang') ?? null,
        links: [...li.querySelectorAll('a')].map((a) => a.getAttribute('href')!),
      };
    }),
  );
}

const idOf = (href: string) => /#([^#]+)$/.exec(href)?.[1] ?? '';
const passageOf = (d: EditionDocument, href: string) => d.passages.find((p) => p.id === idOf(href))!;
/** Whether an excerpt (ellipses aside) is the text's own words, in order. */
const quotes = (text: string, excerpt: string) => {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  return excerpt
    .split('…')
    .map(norm)
    .filter(Boolean)
    .every((part) => norm(text).includes(part));
};

describe('excerpts and ranking', () => {
  it('Kianoury: the person first and once, then passages quoted in their own words, those with the typed spelling first', async () => {
    const page = await search('Kianoury');
    await showAll(page);
    const all = await lines(page);
    expect(all[0]!.href).toBe('/people/kianouri/');
    expect(all.filter((l) => l.href === '/people/kianouri/')).toHaveLength(1);
    const passages = all.filter((l) => l.kind === 'result--passage');
    // Every passage that names Kianouri, under any spelling, or that a note ties to him, and only those.
    const named = new Set(thread.mentions.filter((m) => /kianouri/.test(m.ref)).map((m) => m.passage));
    expect(new Set(passages.map((l) => idOf(l.href)))).toEqual(named);
    for (const l of passages) {
      const p = passageOf(thread, l.href);
      expect(quotes(p.text, l.excerpt), `${l.href}: ${l.excerpt}`).toBe(true);
      expect(l.excerpt).not.toMatch(/Kianouri · |· Kianoury/);
      expect(l.title).toBe(`${thread.meta.title}, ¶${p.n}`);
      expect(l.meta).toContain('February 2012');
    }
    // No two passages show the same excerpt (as when every excerpt was the list of spellings).
    expect(new Set(passages.map((l) => l.excerpt)).size).toBe(passages.length);
    // The passages with "Kianoury" as typed come first, and show it marked.
    const typed = passages.filter((l) => /Kianoury/.test(passageOf(thread, l.href).text));
    expect(typed.length).toBeGreaterThanOrEqual(2);
    expect(passages.slice(0, typed.length)).toEqual(typed);
    for (const l of typed) expect(l.marked).toContain('Kianoury');
    // Counts say what they count.
    expect(await page.textContent('.search-status')).toMatch(new RegExp(`^${named.size} passages and \\d+ notes in 1 document · \\d+ people · .* for “Kianoury”\\.$`));
    await page.close();
  });

  it('Kiannory: the one passage with that spelling first; a passage found through the register has its mention marked', async () => {
    const page = await search('Kiannory');
    const passages = (await lines(page)).filter((l) => l.kind === 'result--passage');
    const own = thread.passages.filter((p) => p.text.includes('Kiannory'));
    expect(own).toHaveLength(1);
    expect(idOf(passages[0]!.href)).toBe(own[0]!.id);
    expect(passages[0]!.marked).toEqual(['Kiannory']);
    const first = passages.find((l) => idOf(l.href) === 'p1')!;
    expect(first.excerpt).toBe(thread.passages[0]!.text);
    expect(first.marked).toEqual(['Noureddin Kianouri']);
    await page.close();
  });

  it('آنکس که typed with Persian letter forms finds the poem as written, with Arabic ones, right to left', async () => {
    const page = await search('آنکس که');
    const passages = (await lines(page)).filter((l) => l.kind === 'result--passage');
    const poem = thread.passages.filter((p) => p.text.includes('آنكس كه'));
    expect(poem.length).toBeGreaterThanOrEqual(5);
    expect(passages.map((l) => idOf(l.href)).sort()).toEqual(poem.map((p) => p.id).sort());
    for (const l of passages) {
      expect(l.excerpt).toContain('آنكس كه');
      expect(l.excerpt).not.toContain('آنکس که');
      expect(l.marked.join(' ')).toContain('آنكس كه');
      expect([l.dir, l.lang]).toEqual(['rtl', 'fa']);
      expect(quotes(passageOf(thread, l.href).text, l.excerpt)).toBe(true);
    }
    // The comment's title is named, in its own script.
    expect(passages[0]!.meta).toContain('آنكس كه نداند');
    await page.close();
  });

  it('كيانوري typed with Arabic letter forms finds the Persian passage written with Persian ones, first', async () => {
    const page = await search('كيانوري');
    const passages = (await lines(page)).filter((l) => l.kind === 'result--passage');
    const persian = thread.passages.filter((p) => p.text.includes('کیانوری'));
    expect(persian.length).toBeGreaterThanOrEqual(1);
    expect(idOf(passages[0]!.href)).toBe(persian[0]!.id);
    expect(passages[0]!.marked).toContain('کیانوری');
    expect(passages[0]!.dir).toBe('rtl');
    expect(await page.$eval('.search-status span[dir=auto]', (s) => s.textContent)).toBe('كيانوري');
    await page.close();
  });

  it('a quoted phrase matches as a phrase, marked as one', async () => {
    const page = await search('"extracted under torture"');
    const found = await lines(page);
    const expected = edition.documents.flatMap((d) => d.passages.filter((p) => p.role !== 'boilerplate' && /extracted under torture/i.test(foldKey(p.text))).map((p) => `/documents/${d.slug}/#${p.id}`));
    expect(found.filter((l) => l.kind === 'result--passage').map((l) => l.href)).toEqual(expected);
    expect(found[0]!.marked).toEqual(['extracted under torture']);
    // Without quotes the words may come in any order; in quotes, only in this one.
    await search('torture extracted under', { page });
    const anyOrder = (await lines(page)).map((l) => l.href);
    expect(anyOrder).toEqual(expect.arrayContaining(found.map((l) => l.href)));
    expect(anyOrder.length).toBeGreaterThanOrEqual(found.length);
    await search('"torture extracted under"', { page });
    expect(await lines(page)).toEqual([]);
    expect(await page.textContent('.search-status')).toBe('No passage, note, register entry or work contains "torture extracted under".');
    await page.close();
  });

  it('Khomeini: the person heads the list once, and passages are not crowded out by register entries', async () => {
    const page = await search('Khomeini');
    const all = await lines(page);
    expect(all[0]!.href).toBe('/people/khomeini/');
    expect(all.filter((l) => l.kind === 'result--entry')).toHaveLength(1);
    expect(all.slice(1, 4).every((l) => l.kind === 'result--passage')).toBe(true);
    // Entries that mention him in their accounts are listed apart.
    expect((await lines(page, '.search-also-list')).length).toBeGreaterThan(0);
    await page.close();
  });

  it("each passage of the thread names its comment's number, title and byline", async () => {
    const page = await search('Kianoury');
    await showAll(page);
    const inThread = (await lines(page)).filter((l) => l.kind === 'result--passage' && l.href.includes(thread.slug));
    let withByline = 0;
    for (const l of inThread) {
      const id = idOf(l.href);
      const c = thread.comments.findIndex((x) => x.passages.includes(id));
      if (c < 0) continue;
      const comment = thread.comments[c]!;
      expect(l.meta, l.href).toContain(`Comment ${c + 1}`);
      if (comment.title) expect(l.meta).toContain(`“${passageOf(thread, `#${comment.title}`).text}”`);
      if (comment.byline) {
        expect(l.meta).toContain(passageOf(thread, `#${comment.byline}`).text);
        withByline++;
      }
    }
    expect(withByline).toBeGreaterThan(0);
    await page.close();
  });
});

describe('everything an editor wrote', () => {
  it('Ibn Yamin, only in a note: "Note N on ¶98 — …", N as the page numbers it, the passage one click away', async () => {
    const page = await search('Ibn Yamin');
    const [note] = await lines(page);
    const n = thread.notes.find((x) => /Ibn Yamin/.test(x.body.tree.children.map((c) => JSON.stringify(c)).join('')))!;
    const p = passageOf(thread, `#${n.passage}`);
    expect(note!.kind).toBe('result--note');
    expect(note!.href).toBe(`/documents/${thread.slug}/#fn-${n.id}`);
    const number = Number(/^Note (\d+) on ¶(\w+) — (.*)$/.exec(note!.title)![1]);
    expect(note!.title).toBe(`Note ${number} on ¶${p.n} — ${thread.meta.title}`);
    expect(note!.links).toContain(`/documents/${thread.slug}/#${p.id}`);
    expect(note!.marked).toContain('Ibn Yamin');
    // The page numbers the note the same way, and the link lands on it.
    await page.click(`a[href$="#fn-${n.id}"]`);
    await page.waitForURL(/#fn-/);
    expect(await page.$eval(`a[href="#fn-${n.id}"][data-footnote-ref]`, (a) => a.textContent)).toBe(String(number));
    expect(await page.$eval(':target', (el) => el.id)).toBe(`fn-${n.id}`);
    await page.close();
  });

  it('every note line is numbered as its page numbers it', async () => {
    const page = await search('Kianoury');
    await showAll(page);
    const notes = (await lines(page)).filter((l) => l.kind === 'result--note');
    expect(notes.length).toBeGreaterThan(10);
    const docPage = await open(`documents/${thread.slug}/`);
    const numbers = await docPage.$$eval('a[data-footnote-ref]', (as) => Object.fromEntries(as.map((a) => [a.getAttribute('href')!.slice(1), a.textContent])));
    for (const l of notes) expect(l.title, l.href).toMatch(new RegExp(`^Note ${numbers[idOf(l.href)]} on ¶`));
    await docPage.close();
    await page.close();
  });

  it('spinelessness, in a note\'s translation, finds that note, not "spies"', async () => {
    const page = await search('spinelessness');
    const all = await lines(page);
    expect(all.map((l) => l.href)).toEqual([`/documents/${thread.slug}/#fn-persian-comment-translation`]);
    expect(all[0]!.marked).toContain('spinelessness');
    await page.close();
  });

  it('fatwa finds the passages, and the register entries and works that say it or rely on it', async () => {
    const page = await search('fatwa');
    // Every entry and work found in its account or reference: "Show more entries" until there are no more.
    const more = page.locator('.search-also .search-more');
    while (await more.isVisible()) {
      const before = await page.locator('.search-also-list > li').count();
      await more.click();
      await page.waitForFunction((n) => document.querySelectorAll('.search-also-list > li').length > n, before);
    }
    const hrefs = [...(await lines(page)), ...(await lines(page, '.search-also-list'))].map((l) => l.href);
    for (const p of trial.passages.filter((x) => /fatwa/i.test(x.text) && x.role !== 'boilerplate')) expect(hrefs).toContain(`/documents/${trial.slug}/#${p.id}`);
    for (const h of ['/events/massacre-1988/', '/places/gohardasht/', '/people/khomeini/']) expect(hrefs).toContain(h);
    expect(hrefs.some((h) => /^\/works\/([a-z0-9-]+\/)*#/.test(h))).toBe(true);
    await page.close();
  });
});

describe('no junk', () => {
  it('a word the edition does not have: says so, matches no one-letter word, offers what exists', async () => {
    const page = await search('Ibn Battuta');
    expect(await lines(page)).toEqual([]);
    expect(await page.textContent('.search-status')).toBe('No passage, note, register entry or work contains “Battuta”.');
    expect(await page.isVisible('.search-also')).toBe(false);
    const offer = page.locator('.search-offers a.search-offer', { hasText: 'Ibn' });
    await offer.click();
    await shown(page, 'Ibn');
    expect((await lines(page)).length).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('q')).toBe('Ibn');
    await page.close();
  });

  it('an unknown spelling of a known name offers the entry and its spellings', async () => {
    const page = await search('Kiyanoori');
    expect(await lines(page)).toEqual([]);
    expect(await page.textContent('.search-status')).toBe('No passage, note, register entry or work contains “Kiyanoori”.');
    const offers = await page.$$eval('.search-offers a', (as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
    expect(offers).toContainEqual(['/people/kianouri/', 'Noureddin Kianouri']);
    expect(offers.map(([, t]) => t)).toContain('Kianoury');
    await page.close();
  });
});

describe('behaves as people expect', () => {
  it('results as you type; query, filters and order in the URL; a reload and Back restore them', async () => {
    const page = await open();
    await search('Tudeh', { page, enter: false });
    expect(new URL(page.url()).searchParams.get('q')).toBe('Tudeh');
    const unfiltered = (await lines(page)).length;
    await page.click('.search-filters summary');
    await page.waitForSelector('#facet-document');
    await page.selectOption('#facet-document', { label: thread.meta.title });
    await page.waitForFunction(() => new URL(location.href).searchParams.has('document'));
    await shown(page, 'Tudeh');
    await page.selectOption('#sort', 'desc');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'desc');
    await shown(page, 'Tudeh');
    const filtered = await lines(page);
    expect(filtered.length).toBeGreaterThan(0);
    for (const l of filtered) expect(l.href).toContain(thread.slug);
    expect(await page.textContent('.search-status')).toContain('(filtered)');
    const url = page.url();
    expect(new URL(url).searchParams.get('document')).toBe(thread.meta.title);

    // Shared or reloaded, the URL gives the same search.
    await page.reload();
    await shown(page, 'Tudeh');
    expect(await page.inputValue('#q')).toBe('Tudeh');
    expect(await page.inputValue('#sort')).toBe('desc');
    expect(await page.inputValue('#facet-document')).toBe(thread.meta.title);
    expect((await lines(page)).map((l) => l.href)).toEqual(filtered.map((l) => l.href));

    // A new search, then Back: the one before, filters and all.
    await search('Kuybyshev', { page });
    expect(new URL(page.url()).searchParams.get('q')).toBe('Kuybyshev');
    await page.goBack();
    await shown(page, 'Tudeh');
    expect(page.url()).toBe(url);
    expect(await page.inputValue('#q')).toBe('Tudeh');
    expect((await lines(page)).map((l) => l.href)).toEqual(filtered.map((l) => l.href));
    expect(unfiltered).toBeGreaterThan(0);
    await page.close();
  });

  it('Oldest first and Newest first order the documents by date', async () => {
    const dateOf = (href: string) => edition.documents.find((d) => href.includes(`/documents/${d.slug}/`))!.meta.date;
    const key = (href: string) => {
      const d = dateOf(href);
      return 'value' in d ? d.value : d.from;
    };
    for (const [sort, sign] of [['asc', 1], ['desc', -1]] as const) {
      const page = await open(`search/?q=party&sort=${sort}`);
      await shown(page, 'party');
      await showAll(page);
      const docs = (await lines(page)).filter((l) => l.href.startsWith('/documents/')).map((l) => key(l.href));
      expect(new Set(docs).size, sort).toBeGreaterThan(1);
      for (let i = 1; i < docs.length; i++) expect(sign * docs[i]!.localeCompare(docs[i - 1]!), sort).toBeGreaterThanOrEqual(0);
      await page.close();
    }
  });

  it('the header search leads to the same results', async () => {
    const page = await open(`documents/${trial.slug}/`);
    await page.fill('#site-search', 'Gohardasht');
    await page.press('#site-search', 'Enter');
    await page.waitForURL(/\/search\/\?q=Gohardasht$/);
    await shown(page, 'Gohardasht');
    const fromHeader = (await lines(page)).map((l) => l.href);
    const direct = await search('Gohardasht');
    expect((await lines(direct)).map((l) => l.href)).toEqual(fromHeader);
    expect(fromHeader[0]).toBe('/places/gohardasht/');
    await direct.close();
    await page.close();
  });

  it('works without a mouse: arrow keys from the box through the results, Escape back, Enter opens', async () => {
    const page = await search('Kuybyshev');
    const hrefs = await page.$$eval('ol.search-results a.result-title', (as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThanOrEqual(2);
    await page.focus('#q');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(hrefs[0]);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(hrefs[1]);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname + u.hash === hrefs[0]);
    await page.close();
  });

  it('loads its search code only on use: the page runs at most 10 KB of script before the reader searches', async () => {
    const page = await open();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    let bytes = 0;
    await page.reload();
    await page.waitForLoadState('networkidle');
    for (const u of scripts) bytes += (await (await fetch(u)).arrayBuffer()).byteLength;
    bytes += (await page.$$eval('script:not([src])', (s) => s.map((x) => x.textContent ?? '').join(''))).length;
    expect(bytes).toBeLessThanOrEqual(10 * 1024);
    expect(scripts.some((u) => /pagefind/.test(u))).toBe(false);
    await page.close();
  });

  it('at 375 px the results fit the width', async () => {
    const page = await open('search/?q=Kianoury', 375);
    await shown(page, 'Kianoury');
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scroll).toBeLessThanOrEqual(client);
    await page.close();
  });
});
