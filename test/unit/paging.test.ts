/** Paging of the lists that grow with the edition (src/edition/paging.ts, issue 17). */
import { describe, expect, it } from 'vitest';
import { compareNames, dateLevels, documentMdx, initialOf, itemPages, allPages, letterLevels, nameSortKey, pageBudget, paginate, searchRecords, titleSortKey, workHref, worksPages } from '../../src/edition/index.ts';
import { edition, errors, SOURCE_META } from '../helpers/edition.ts';

/** Dated items: `n` per year from `from` to `to`, each weighing `w` bytes. */
const dated = (from: number, to: number, n: number) => {
  const out: string[] = [];
  for (let y = from; y <= to; y++) for (let i = 1; i <= n; i++) out.push(`${y}-${String(i).padStart(2, '0')}`);
  return out;
};
const page = (items: string[], budget: number, w = 100) => paginate(items, () => w, dateLevels((d: string) => d), budget, (a, b) => `${a} – ${b}`);

describe('paginate', () => {
  it('keeps a list that fits the budget on one page, at the list’s own address', () => {
    const root = page(dated(1941, 2024, 1), 100 * 84);
    expect(root.children).toEqual([]);
    expect(root.path).toBe('');
    expect(itemPages(root)).toEqual([root]);
  });

  it('groups a longer list by decade, splits a decade that does not fit into years and a year into numbered parts; every item on exactly one page', () => {
    // 1980s: 10 years × 3 items = 3,000 bytes > 1,000 → years; 1988 has 12 items = 1,200 → parts.
    const items = [...dated(1975, 1979, 1), ...dated(1980, 1989, 3), ...dated(1990, 1991, 1)].sort();
    items.push(...Array.from({ length: 9 }, (_, i) => `1988-10-${String(i + 1).padStart(2, '0')}`));
    items.sort();
    const root = page(items, 1000);
    expect(root.children.map((c) => c.path)).toEqual(['1970s', '1980s', '1990s']);
    const eighties = root.children[1]!;
    expect(eighties.children.map((c) => c.path)).toEqual(['1980', '1981', '1982', '1983', '1984', '1985', '1986', '1987', '1988', '1989']);
    const y1988 = eighties.children[8]!;
    expect(y1988.children.map((c) => c.path)).toEqual(['1988/1', '1988/2']);
    expect(y1988.children.map((c) => c.items.length)).toEqual([10, 2]);
    expect(y1988.children[0]!.label).toBe('1988-01 – 1988-10-07');
    const listed = itemPages(root).flatMap((p) => p.items);
    expect(listed).toEqual(items);
    expect(new Set(allPages(root).map((p) => p.path)).size).toBe(allPages(root).length);
    for (const p of itemPages(root)) expect(p.items.length * 100).toBeLessThanOrEqual(1000);
  });

  it('skips a level that would make one group (all in one decade: straight to years)', () => {
    const root = page(dated(1980, 1983, 4), 500);
    expect(root.children.map((c) => c.path)).toEqual(['1980', '1981', '1982', '1983']);
  });

  it('refuses items out of the order of their groups (a page address would be made twice)', () => {
    expect(() => page(['1990-01', '1980-01', '1990-02'], 100)).toThrow('paginate: the items are not in the order of their groups ("1990s" comes back after "1980s"): sort them first.');
  });

  it('keeps an item heavier than the budget on a page of its own', () => {
    const root = paginate(['a', 'b'], (x) => (x === 'a' ? 5000 : 10), [], 1000, (a, b) => `${a}–${b}`);
    expect(root.children.map((c) => [c.path, c.items])).toEqual([['1', ['a']], ['2', ['b']]]);
  });

  it('groups names by initial letter', () => {
    const names = ['Abbas', 'Beria', 'Bukharin', 'Kianouri', 'Khamenei', 'Khomeini'];
    const root = paginate(names, () => 10, letterLevels((n: string) => nameSortKey(n)), 25, (a, b) => `${a} – ${b}`);
    expect(root.children.map((c) => [c.path, c.label, c.items.length])).toEqual([['a', 'A', 1], ['b', 'B', 2], ['k', 'K', 3]]);
    expect(root.children[2]!.children.map((c) => c.path)).toEqual(['k/1', 'k/2']);
  });
});

describe('names in alphabetical order', () => {
  it('ignores accents, a leading ʿ or ’ and the article al-', () => {
    expect(nameSortKey('ʿAli Khamenei')).toBe('Ali Khamenei');
    expect(nameSortKey('al-Tabari')).toBe('Tabari');
    expect(nameSortKey('Ḥosseini')).toBe('Hosseini');
    expect(nameSortKey('’Ezzat')).toBe('Ezzat');
    expect(titleSortKey('The Tudeh Party')).toBe('Tudeh Party');
    const sorted = ['Zia', 'al-Tabari', 'ʿAbbas', 'Ṭāleqāni', 'Beria', 'کیانوری'].sort((a, b) => compareNames(a, b));
    expect(sorted).toEqual(['ʿAbbas', 'Beria', 'al-Tabari', 'Ṭāleqāni', 'Zia', 'کیانوری']);
  });
  it('puts a name in its letter, digits together, other scripts together', () => {
    expect(initialOf(nameSortKey('Ḥosseini'))).toBe('h');
    expect(initialOf('1953 coup')).toBe('0-9');
    expect(initialOf(nameSortKey('کیانوری'))).toBe('other');
  });
});

describe('page budget', () => {
  it('is 100 KB unless EDITION_PAGE_KB says otherwise, and says how to set it when wrong', () => {
    expect(pageBudget({})).toBe(100 * 1024);
    expect(pageBudget({ EDITION_PAGE_KB: '8' })).toBe(8 * 1024);
    expect(() => pageBudget({ EDITION_PAGE_KB: 'big' })).toThrow('EDITION_PAGE_KB is "big": set it to a whole number of kilobytes (1 or more), or leave it unset for 100.');
  });
});

describe('works cited, paged', () => {
  const WORKS = ['alpha', 'beta', 'gamma', 'kappa'].map((k) => `${k}:\n  title: On ${k}\n  category: scholarship\n  author: ["${k[0]!.toUpperCase()}${k.slice(1)}, A."]\n  date: "1999"\n  publisher: A press\n`).join('');
  const NOTE = `---\nquote: "First"\nkind: gloss\ncites: [{ work: kappa, at: "p. 3" }]\n---\nA gloss.\n`;
  const e = edition({ 'sources/doc.txt': `${SOURCE_META}First passage.\n`, 'annotations/works.yml': WORKS, 'annotations/notes/doc/n1.md': NOTE });
  it('links a note and a search record to the page that lists the work: /works/ while they fit, /works/k/ once paged', () => {
    expect(errors(e)).toEqual([]);
    expect(workHref(e, 'kappa', '/ed/', 100 * 1024)).toBe('/ed/works/#kappa');
    expect(documentMdx(e.documents[0]!, e, { base: '/ed/' })).toContain('href="/ed/works/#kappa"');
    const tiny = 300;
    expect(worksPages(e, tiny).root.children.map((c) => c.path)).toEqual(['a', 'b', 'g', 'k']);
    expect(workHref(e, 'kappa', '/ed/', tiny)).toBe('/ed/works/k/#kappa');
    expect(documentMdx(e.documents[0]!, e, { base: '/ed/', pageBudget: tiny })).toContain('href="/ed/works/k/#kappa"');
    expect(searchRecords(e, '/ed/', tiny).filter((r) => r.kind === 'work').map((r) => r.url).sort()).toEqual(['/ed/works/a/#alpha', '/ed/works/b/#beta', '/ed/works/g/#gamma', '/ed/works/k/#kappa']);
  });
});
