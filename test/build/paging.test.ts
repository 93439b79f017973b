/**
 * Paged lists (issue 17: no page grows without bound), on a generated edition built with a page
 * budget small enough (EDITION_PAGE_KB) that every list is paged at every level — decades, years,
 * numbered parts, letters — as a 10,000-document edition is with the default budget: the first
 * page of each list keeps its address, every item is on exactly one page, the pages' navigation
 * (trail, rel=prev/next, aria-current) leads through them in order, every internal link and
 * fragment resolves, and no page's list is much longer than the budget.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { select, selectAll } from 'hast-util-select';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/bench/corpus.ts';
import { ENTITY_KINDS, loadEdition, type Edition } from '../../src/edition/index.ts';
import { buildSite, ROOT, textOf, type BuildResult } from '../helpers/build.ts';

const DOCS = 80;
const ENTRIES = 60;
const BUDGET_KB = 3;

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n === 'index.html') out.push(p);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

describe(`a ${DOCS}-document edition with a ${BUDGET_KB} KB page budget`, () => {
  let built: BuildResult;
  let edition: Edition;
  let dist: string;
  const trees = new Map<string, Root>();
  /** A page by its address (`/timeline/1988/`). */
  const at = (path: string): Root => {
    let t = trees.get(path);
    if (!t) trees.set(path, (t = fromHtml(readFileSync(join(dist, path, 'index.html'), 'utf8'))));
    return t;
  };
  /** Every page under a list's address, as addresses. */
  const pagesUnder = (list: string) => htmlFiles(join(dist, list)).map((f) => `/${relative(dist, f).replace(/index\.html$/, '')}`);

  beforeAll(() => {
    mkdirSync(join(ROOT, '.builds'), { recursive: true });
    const work = mkdtempSync(join(ROOT, '.builds', 'paging-'));
    const root = join(work, 'edition');
    generateCorpus(root, { docs: DOCS, entries: ENTRIES, seed: 3 });
    built = buildSite(root, { work, pagefind: false, env: { EDITION_PAGE_KB: String(BUDGET_KB) } });
    dist = built.dist;
    edition = loadEdition(root);
  });

  it('builds', () => expect(built.status, built.output).toBe(0));

  it('keeps the first page of every list at its address, now an index of its pages', () => {
    const lists: [string, string][] = [['/timeline/', 'Timeline'], ['/documents/', 'Documents'], ['/works/', 'Works cited'], ...Object.values(ENTITY_KINDS).map((k): [string, string] => [`/${k.folder}/`, k.plural])];
    for (const [path, title] of lists) {
      const tree = at(path);
      expect(textOf(select('h1', tree)!), path).toBe(title);
      expect(selectAll('nav.list-index a', tree).length, path).toBeGreaterThan(1);
    }
    // Home: no list of every document, but the documents' pages by date and a search form.
    const home = at('/');
    expect(selectAll('.document-list li', home)).toEqual([]);
    expect(selectAll('nav.list-index a[href^="/documents/"]', home).length).toBeGreaterThan(1);
    expect(select('form[role=search][action="/search/"] input[name=q]', select('main', home)!)).not.toBeNull();
  });

  it('pages at every level: decades, years, numbered parts, letters, an entry’s passages by date', () => {
    const timeline = pagesUnder('timeline/');
    expect(timeline.some((p) => /^\/timeline\/\d{3}0s\/$/.test(p))).toBe(true);
    expect(timeline.some((p) => /^\/timeline\/\d{4}\/$/.test(p))).toBe(true);
    expect(timeline.some((p) => /^\/timeline\/\d{4}\/\d+\/$/.test(p))).toBe(true);
    expect(pagesUnder('people/').some((p) => /^\/people\/[a-z]\/$/.test(p))).toBe(true);
    expect(pagesUnder('works/').some((p) => /^\/works\/[a-z]\/$/.test(p))).toBe(true);
    const entryPages = pagesUnder('people/').filter((p) => /^\/people\/person-\d+\/\d{3}0s\/$/.test(p) || /^\/people\/person-\d+\/\d{4}\/$/.test(p));
    expect(entryPages.length).toBeGreaterThan(0);
  });

  /** The pages of a list that list items (not indexes), in the order rel=next leads through them, checked both ways. */
  const chain = (list: string, itemSelector: string): string[] => {
    const withItems = pagesUnder(list).filter((p) => selectAll(itemSelector, at(p)).length > 0);
    const first = withItems.find((p) => !select('link[rel=prev]', at(p)));
    expect(first, `${list}: a first page of items`).toBeDefined();
    const order = [first!];
    for (;;) {
      const next = select('link[rel=next]', at(order[order.length - 1]!));
      if (!next) break;
      const href = String(next.properties.href);
      expect(select(`a[rel=next][href="${href}"]`, at(order[order.length - 1]!)), 'a visible link to the next page').not.toBeNull();
      expect(String(select('link[rel=prev]', at(href))!.properties.href)).toBe(order[order.length - 1]);
      order.push(href);
      expect(order.length).toBeLessThanOrEqual(withItems.length);
    }
    expect([...order].sort()).toEqual([...withItems].sort());
    for (const p of order) {
      // The trail ends with this page, marked as the current one.
      const current = selectAll('nav.list-nav .list-trail a[aria-current=page]', at(p));
      expect(current.map((a) => a.properties.href), p).toEqual([p]);
    }
    return order;
  };

  it('lists every event and document on the timeline exactly once, in date order', () => {
    const order = chain('timeline/', 'ol.timeline > li');
    const ids = order.flatMap((p) => selectAll('ol.timeline > li', at(p)).map((li) => String(li.properties.id)));
    const expected = [...edition.documents.map((d) => `document-${d.slug}`), ...[...edition.entries.values()].filter((e) => e.kind === 'event' && e.meta.start).map((e) => `event-${e.id}`)];
    expect([...ids].sort()).toEqual([...expected].sort());
    const dates = order.flatMap((p) => selectAll('ol.timeline > li time', at(p)).map((t) => String(t.properties.dateTime)));
    expect(dates).toEqual([...dates].sort());
  });

  it('lists every document exactly once on the documents list’s pages', () => {
    const order = chain('documents/', '.document-list > li');
    const links = order.flatMap((p) => selectAll('.document-list > li h2 a', at(p)).map((a) => String(a.properties.href)));
    expect(links).toEqual(edition.documents.map((d) => `/documents/${d.slug}/`));
  });

  it('lists every register entry exactly once, alphabetically, on its register’s pages', () => {
    for (const [kind, { folder }] of Object.entries(ENTITY_KINDS)) {
      const order = chain(`${folder}/`, '.register-list > li');
      const refs = order.flatMap((p) => selectAll('.register-list > li > a[data-entity]', at(p)).map((a) => String(a.properties.dataEntity)));
      expect([...refs].sort(), folder).toEqual([...edition.entries.values()].filter((e) => e.kind === kind).map((e) => e.ref).sort());
    }
  });

  it('lists every work exactly once on the works cited’s pages, where the notes’ links find it', () => {
    const order = chain('works/', 'ol.works-list > li');
    const keys = order.flatMap((p) => selectAll('ol.works-list > li', at(p)).map((li) => String(li.properties.id)));
    expect([...keys].sort()).toEqual(Object.keys(edition.works).sort());
    const doc = edition.documents.find((d) => d.notes.some((n) => n.cites.length))!;
    const a = select('.note-sources a', at(`/documents/${doc.slug}/`))!;
    const [path, key] = String(a.properties.href).split('#');
    expect(path).toMatch(/^\/works\/[a-z0-9-]+\/(\d+\/)?$/);
    expect(select(`li[id="${key}"]`, at(path!))).not.toBeNull();
  });

  it('lists every passage that mentions an entry exactly once on its pages, with the index on the entry’s own page', () => {
    const paged = [...edition.entries.values()].filter((e) => selectAll('nav.list-index', at(`/${ENTITY_KINDS[e.kind].folder}/${e.id}/`)).length > 0);
    expect(paged.length).toBeGreaterThan(0);
    for (const e of paged.slice(0, 5)) {
      const list = `${ENTITY_KINDS[e.kind].folder}/${e.id}/`;
      expect(selectAll('ul.kwic', at(`/${list}`))).toEqual([]);
      const order = chain(list, 'ul.kwic > li');
      const links = order.flatMap((p) => selectAll('ul.kwic > li > a', at(p)).map((a) => String(a.properties.href)));
      // In the documents' date order, each document's passages in reading order.
      const byDate = new Map(edition.documents.map((d, i) => [d.slug, i]));
      const sorted = [...e.mentions].sort((a, b) => byDate.get(a.document)! - byDate.get(b.document)! || a.start - b.start);
      expect(links).toEqual(sorted.map((m) => `/documents/${m.document}/#${m.passage}`));
    }
  });

  it('keeps every page’s list near the budget, far under the 150 KB cap', () => {
    const chrome = statSync(join(dist, 'about/index.html')).size;
    for (const list of ['timeline/', 'documents/', 'works/', ...Object.values(ENTITY_KINDS).map((k) => `${k.folder}/`)]) {
      for (const p of pagesUnder(list)) {
        const size = statSync(join(dist, p, 'index.html')).size;
        expect(size, p).toBeLessThanOrEqual(150 * 1024);
        const items = selectAll('ol.timeline > li, .document-list > li, .register-list > li, ol.works-list > li, ul.kwic > li', at(p)).length;
        // A page of more than one item keeps its list within 1.5 × the budget (the estimate's margin).
        if (items > 1) expect(size - chrome, `${p}: ${items} items`).toBeLessThanOrEqual(1.5 * BUDGET_KB * 1024 + 2048);
      }
    }
  });

  it('resolves every internal link and fragment', () => {
    const broken: string[] = [];
    const ids = new Map<string, Set<string>>();
    for (const file of htmlFiles(dist)) {
      const self = `/${relative(dist, file).replace(/index\.html$/, '')}`;
      const tree = fromHtml(readFileSync(file, 'utf8'));
      for (const el of selectAll('a[href], link[href]', tree)) {
        const raw = String(el.properties.href);
        if (/^(https?:|mailto:)/.test(raw)) continue;
        const u = new URL(raw, `http://x${self}`);
        if (!u.pathname.endsWith('/')) continue;
        const target = join(dist, decodeURIComponent(u.pathname), 'index.html');
        if (!existsSync(target)) {
          broken.push(`${self} → ${raw}`);
          continue;
        }
        const fragment = decodeURIComponent(u.hash.slice(1)).split(':~:')[0];
        if (!fragment) continue;
        if (!ids.has(target)) ids.set(target, new Set(selectAll('[id]', fromHtml(readFileSync(target, 'utf8'))).map((e) => String(e.properties.id))));
        if (!ids.get(target)!.has(fragment)) broken.push(`${self} → ${raw} (no id "${fragment}")`);
      }
    }
    expect(broken).toEqual([]);
  });
});
