/**
 * Metadata others read (issue 20), in Chromium: a document page read back as Zotero's Embedded
 * Metadata translator reads it (the rules this edition relies on, below), its Open Graph and
 * schema.org data, its citations with the reader's date, its notes as W3C Web Annotations and
 * the model file; a build without a public address marked as a preview on every page; and no
 * made-up address anywhere in a built site (placeholder domains; localhost in a site built with
 * a public address).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editionTitle, readEditionConfig } from '../../src/edition/index.ts';
import { buildSite, ROOT, seedDist } from '../helpers/build.ts';
import { useSeedSite } from '../helpers/seed-site.ts';

const seed = useSeedSite();
let context: BrowserContext;
const { config } = readEditionConfig(ROOT);
const TITLE = editionTitle(config!);

beforeAll(async () => {
  context = await seed.browser.newContext();
});
afterAll(async () => {
  await context?.close();
});

/**
 * What Zotero's Embedded Metadata translator ("Embedded Metadata.js", zotero/translators) makes of
 * a page, for the rules this edition relies on:
 * - the item type: `citation_inbook_title` (or `citation_book_title`) → bookSection, which wins
 *   over every guess; `citation_journal_title` → journalArticle; `citation_title` alone → a
 *   journalArticle guess (the complaint);
 * - HIGHWIRE_MAPPINGS, each read from `html>head>meta[name$="<name>"]` (first value):
 *   citation_title → title, citation_date → date, citation_inbook_title → publicationTitle (the
 *   book title), citation_publisher → publisher, citation_language → language,
 *   citation_abstract → abstractNote, citation_public_url → url (else citation_abstract_html_url);
 * - creators: every `citation_author` (authors) and `citation_editor` (editors), "Last, First".
 */
function readAsZotero(): Record<string, unknown> {
  const meta = (name: string) => document.querySelector<HTMLMetaElement>(`html>head>meta[name$="${name}"]`)?.content;
  const all = (name: string) => [...document.querySelectorAll<HTMLMetaElement>(`html>head>meta[name$="${name}"]`)].map((m) => m.content);
  const itemType = meta('citation_inbook_title') || meta('citation_book_title') ? 'bookSection' : meta('citation_journal_title') ? 'journalArticle' : meta('citation_title') ? 'journalArticle' : 'webpage';
  const creator = (creatorType: string) => (n: string) => {
    const [lastName, firstName] = n.split(/,\s*/);
    return firstName ? { lastName, firstName, creatorType } : { lastName: n, creatorType, fieldMode: 1 };
  };
  const item: Record<string, unknown> = {
    itemType,
    title: meta('citation_title'),
    date: meta('citation_date') ?? meta('citation_publication_date'),
    publicationTitle: meta('citation_inbook_title') ?? meta('citation_book_title') ?? meta('citation_journal_title'),
    publisher: meta('citation_publisher'),
    language: meta('citation_language'),
    abstractNote: meta('citation_abstract') ?? meta('description'),
    url: meta('citation_public_url') ?? meta('citation_abstract_html_url'),
    creators: [...all('citation_author').map(creator('author')), ...all('citation_editor').map(creator('editor'))],
  };
  return item;
}

const CABLE = 'documents/dimitrov-cable-1941/';

describe('a document page, read as a reference manager reads it', () => {
  it('Zotero makes a book section of the edition, with the document\'s author, date and language', async () => {
    const page = await context.newPage();
    await page.goto(`${seed.site.url}${CABLE}`);
    const canonical = (await page.getAttribute('link[rel=canonical]', 'href'))!;
    const item = await page.evaluate(readAsZotero);
    expect(item).toEqual({
      itemType: 'bookSection',
      title: 'Cable from Dimitrov to Stalin, Molotov, Beria, and Malenkov',
      date: '1941/12/09',
      publicationTitle: TITLE,
      publisher: undefined, // never the original's publisher as the edition's
      language: 'en',
      abstractNote: expect.stringContaining('Georgi Dimitrov'),
      url: canonical,
      // No editors: edition.config.yml names none.
      creators: [{ lastName: 'Dimitrov', firstName: 'Georgi', creatorType: 'author' }],
    });
    expect(canonical).toBe(new URL(CABLE, canonical.replace(/documents\/.*$/, '')).href);
    // Dublin Core, declared for Zotero's RDF reading.
    expect(await page.getAttribute('link[rel="schema.DC"]', 'href')).toBe('http://purl.org/dc/elements/1.1/');
    expect(await page.getAttribute('meta[name="DC.source"]', 'content')).toBe('https://digitalarchive.wilsoncenter.org/document/cable-dimitrov-stalin-molotov-beria-and-malenkov');
    await page.close();
  });

  it('a thread without an author: no creator, and its publisher is not given as the edition\'s', async () => {
    const page = await context.newPage();
    await page.goto(`${seed.site.url}documents/kianouri-confession-2012/`);
    const item = await page.evaluate(readAsZotero);
    expect(item).toMatchObject({ itemType: 'bookSection', title: 'Confessions: Noureddin Kianouri', date: '2012/02', publicationTitle: TITLE, publisher: undefined, creators: [] });
    expect(await page.content()).not.toContain('name="citation_publisher"');
    await page.close();
  });

  it('link previews (Open Graph) and schema.org data: the document, its passages, the edition and its version', async () => {
    const page = await context.newPage();
    await page.goto(`${seed.site.url}${CABLE}`);
    const og = Object.fromEntries(await page.$$eval('meta[property^="og:"]', (ms) => ms.map((m) => [m.getAttribute('property'), m.getAttribute('content')])));
    const canonical = await page.getAttribute('link[rel=canonical]', 'href');
    expect(og).toMatchObject({ 'og:title': 'Cable from Dimitrov to Stalin, Molotov, Beria, and Malenkov', 'og:type': 'article', 'og:url': canonical, 'og:site_name': TITLE });
    expect(og['og:description']).toBe(await page.getAttribute('meta[name=description]', 'content'));
    const ld = JSON.parse((await page.textContent('script[type="application/ld+json"]'))!);
    const passages = await page.$$eval('[data-passage]', (els) => els.map((e) => e.id));
    expect(ld).toMatchObject({
      '@type': 'ArchiveComponent',
      '@id': canonical,
      dateCreated: '1941-12-09',
      author: [{ '@type': 'Person', name: 'Georgi Dimitrov' }],
      holdingArchive: { name: 'Wilson Center Digital Archive (History and Public Policy Program)' },
      translationOfWork: { inLanguage: 'ru' },
      isPartOf: { '@type': 'Collection', name: TITLE, version: config!.version, datePublished: config!.released },
    });
    expect(ld.publisher).toBeUndefined();
    // Passages by fragment, resolved against the page's address (@base).
    expect(ld['@context']).toEqual(['https://schema.org', { '@base': canonical }]);
    expect(ld.hasPart.map((p: { '@id': string }) => new URL(p['@id'], ld['@context'][1]['@base']).href)).toEqual(passages.map((id) => `${canonical}#${id}`));
    await page.close();
  });

  it('a register entry: schema.org type and its other names', async () => {
    const page = await context.newPage();
    await page.goto(`${seed.site.url}people/kianouri/`);
    const ld = JSON.parse((await page.textContent('script[type="application/ld+json"]'))!);
    expect(ld).toMatchObject({ '@type': 'Person', name: 'Noureddin Kianouri' });
    expect(ld.alternateName).toContain('نورالدین کیانوری');
    expect(ld.alternateName).toContain('Kianuri');
    await page.close();
  });

  it('citations carry the version and the reader\'s date in each style\'s form', async () => {
    const page = await context.newPage();
    await page.goto(`${seed.site.url}${CABLE}`);
    await page.click('#cite summary');
    const now = new Date();
    const us = now.toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric' });
    const form = (f: string) => page.textContent(`[data-cite="document"] pre[data-format="${f}"]`);
    expect(await form('chicago-bibliography')).toContain(`version ${config!.version}`);
    expect(await form('chicago-bibliography')).toContain(`Accessed ${us}.`);
    const mla = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'][now.getMonth()];
    expect(await form('mla')).toContain(`Accessed ${now.getDate()} ${mla} ${now.getFullYear()}.`);
    expect(await form('apa')).toContain(`Retrieved ${us}, from`);
    expect(await form('ris')).toContain(`Y2  - ${now.getFullYear()}/`);
    expect(JSON.parse((await form('csl-json'))!)[0].accessed.raw).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.content()).not.toContain('[date of access]');
    await page.close();
  });

  it('links its notes as W3C Web Annotations, one per footnote, each pointing at its passage', async () => {
    const page = await context.newPage();
    await page.goto(`${seed.site.url}${CABLE}`);
    const href = (await page.getAttribute('link[rel=alternate][type="application/ld+json"]', 'href'))!;
    const collection = await page.evaluate(async (h) => (await fetch(h)).json(), href);
    const footnotes = await page.$$eval('section[data-footnotes] li[id^="fn-"]', (els) => els.map((e) => e.id));
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.first.items.map((a: { id: string }) => a.id.split('#')[1]).sort()).toEqual([...footnotes].sort());
    for (const a of collection.first.items) {
      const id = new URL(a.target.source).hash.slice(1);
      const text = await page.$eval(`#${id} .passage-text`, (e) => e.textContent ?? '');
      expect(text, a.id).toContain(a.target.selector[0].exact);
    }
    const model = await page.evaluate(async (u) => (await fetch(u)).json(), new URL('../../edition.json', page.url()).href);
    expect(model).toMatchObject({ schema: 'annotated-edition/model', schemaVersion: 1, edition: { version: config!.version } });
    await page.close();
  });
});

/** Text files of a built site that hold addresses the edition writes (Pagefind's and the bundler's scripts excluded: their code, not the edition's). */
function siteFiles(dist: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const rel = relative(dist, path);
      if (rel === 'pagefind' || rel === '_astro') continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(html|json|jsonld|xml|txt|cff|webmanifest)$/.test(name)) out.push(path);
    }
  };
  walk(dist);
  return out;
}

const PLACEHOLDER = /\b(?:[a-z0-9-]+\.)*example\.(?:org|net|com)\b/i;
const LOCAL = /\b(?:localhost|127\.0\.0\.1)\b/i;

describe('no made-up address in a built site', () => {
  it('the seed site: no placeholder domain; built without a public address, every page is marked as a preview', () => {
    const files = siteFiles(seedDist());
    expect(files.length).toBeGreaterThan(50);
    for (const f of files) expect(readFileSync(f, 'utf8'), f).not.toMatch(PLACEHOLDER);
    const html = files.filter((f) => f.endsWith('.html'));
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(readFileSync(join(seedDist(), CABLE, 'index.html'), 'utf8'))![1]!;
    const preview = LOCAL.test(new URL(canonical).hostname);
    for (const f of html) {
      const text = readFileSync(f, 'utf8');
      if (/<meta http-equiv="refresh"/.test(text)) continue; // a redirect, not a page
      expect(text.includes('name="edition-preview"'), f).toBe(preview);
      if (preview) expect(text, f).toContain('data-preview');
    }
  });

  it('a site built with a public address: no localhost, no placeholder domain, no preview marking', () => {
    const previous = process.env.SITE;
    process.env.SITE = 'https://iran-left-edition.test';
    let built: ReturnType<typeof buildSite>;
    try {
      built = buildSite(ROOT, { pagefind: false });
    } finally {
      if (previous === undefined) delete process.env.SITE;
      else process.env.SITE = previous;
    }
    expect(built.status, built.output).toBe(0);
    expect(built.output).not.toContain('no public URL');
    const files = siteFiles(built.dist);
    expect(files.length).toBeGreaterThan(50);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(PLACEHOLDER);
      expect(text, f).not.toMatch(LOCAL);
      expect(text, f).not.toContain('edition-preview');
    }
    const cable = readFileSync(join(built.dist, CABLE, 'index.html'), 'utf8');
    expect(cable).toContain('<link rel="canonical" href="https://iran-left-edition.test/documents/dimitrov-cable-1941/">');
    expect(cable).toContain('Accessed [date of access]. https://iran-left-edition.test/documents/dimitrov-cable-1941/.');
  }, 600_000);
});

describe('corrections', () => {
  it('recorded in a source\'s front matter, are shown after the document\'s header and published in the open data', () => {
    // A copy of the literal fixture (test text written for this project) with two corrections.
    const dir = mkdtempSync(join(ROOT, '.builds', 'edition-'));
    try {
      cpSync(join(ROOT, 'test/fixtures/editions/literal'), dir, { recursive: true });
      const source = join(dir, 'sources/literal-2000.txt');
      const corrections = [
        'corrections:',
        '  - date: 2026-12-10',
        '    what: "Test correction one: the <b>summary</b> changed."',
        '    why: A reason, in words.',
        '    version: "0.2.1"',
        '  - { date: 2026-12-11, what: Test correction two., why: Another reason. }',
      ].join('\n');
      writeFileSync(source, readFileSync(source, 'utf8').replace('passages: line\n', `passages: line\n${corrections}\n`));
      const built = buildSite(dir, { pagefind: false });
      expect(built.status, built.output).toBe(0);
      const html = readFileSync(join(built.dist, 'documents/literal-2000/index.html'), 'utf8');
      const header = html.indexOf('</header>', html.indexOf('class="document-header"'));
      const section = html.indexOf('<section class="corrections"');
      expect(section).toBeGreaterThan(header);
      expect(section).toBeLessThan(html.indexOf('class="text"'));
      const text = html.slice(section, html.indexOf('</section>', section)).replace(/<[^>]+>/g, '');
      expect(text).toContain('Corrections');
      expect(text).toContain('10 December 2026 (version 0.2.1): Test correction one: the &lt;b&gt;summary&lt;/b&gt; changed. Why: A reason, in words.');
      expect(text).toContain('11 December 2026: Test correction two. Why: Another reason.');
      const model = JSON.parse(readFileSync(join(built.dist, 'edition.json'), 'utf8'));
      expect(model.documents[0].meta.corrections).toEqual([
        { date: '2026-12-10', what: 'Test correction one: the <b>summary</b> changed.', why: 'A reason, in words.', version: '0.2.1' },
        { date: '2026-12-11', what: 'Test correction two.', why: 'Another reason.' },
      ]);
      const ld = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)![1]!);
      expect(ld.correction).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
