/**
 * Pages of the lists that grow with the edition: the timeline, the documents list (and home),
 * the register indexes, the works cited and a register entry's passages (issue 17: no page
 * grows without bound).
 *
 * A list stays one page, at its own address (`/timeline/`, `/people/`…), while its estimated
 * HTML fits the page budget: a small edition is not cut up. Above the budget the list's first
 * page becomes an index of groups that readers know — decades then years for dated lists, initial
 * letters for names — each group a page at a meaningful address (`/timeline/1980s/`,
 * `/timeline/1988/`, `/people/k/`); a group that still does not fit is split by the next level
 * (a decade into its years) and, past the last level, into numbered parts (`/timeline/1988/2/`).
 * A group's address stays valid as the edition grows: it lists the group's items, or, once they
 * no longer fit, the group's own parts. Every item is on exactly one page.
 *
 * Framework-free: the works cited's pages are also needed by the notes (src/edition/emit) and the
 * search records, which link to a work where it is listed.
 */
import type { Edition } from './edition.js';
import type { Work } from './schema.js';
import { sourceLabel, shortCitation } from './works.js';

/** The default page budget: the estimated HTML of one page's list, in KB (the page cap is 150 KB). */
export const PAGE_BUDGET_KB = 100;

/**
 * The page budget in bytes: EDITION_PAGE_KB (a whole number of KB ≥ 1) when set, for tests and
 * for editors who want shorter pages; otherwise {@link PAGE_BUDGET_KB}.
 */
export function pageBudget(env: Record<string, string | undefined> = {}): number {
  const raw = env.EDITION_PAGE_KB;
  if (raw === undefined || raw === '') return PAGE_BUDGET_KB * 1024;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`EDITION_PAGE_KB is "${raw}": set it to a whole number of kilobytes (1 or more), or leave it unset for ${PAGE_BUDGET_KB}.`);
  return n * 1024;
}

/** One way of grouping a list's items (decade, year, initial letter). */
export interface Level<T> {
  /** The group of an item (`1980s`, `1988`, `k`): items of one group must be consecutive in the list. */
  key(item: T): string;
  /** The group's name for readers (`1980s`, `1988`, `K`). */
  label(key: string): string;
}

/** A page of a list: either its items (`children` empty) or an index of smaller pages. */
export interface ListPage<T> {
  /** The page's address under the list's own (`''` for the list's first page, `1988`, `k/2`). */
  path: string;
  /** The group's name (`''` for the first page). */
  label: string;
  /** Every item under this page, in order (a page of items lists exactly these). */
  items: T[];
  /** Smaller pages, when the items do not fit on this one. */
  children: ListPage<T>[];
  parent?: ListPage<T> | undefined;
}

/**
 * Splits `items` (in reading order) into pages whose `weight`s (estimated bytes of HTML) add up to
 * at most `budget`, grouping by `levels` in turn and then into numbered parts named by
 * `partLabel(first, last)`. A level that would make a single group is skipped (an edition whose
 * documents are all from the 1980s goes straight to years). Group keys are addresses: a level's
 * keys must be unique across the list (years are, decades are).
 */
export function paginate<T>(items: T[], weight: (item: T) => number, levels: Level<T>[], budget: number, partLabel: (first: T, last: T) => string): ListPage<T> {
  const weights = new Map<T, number>();
  for (const it of items) weights.set(it, weight(it));
  const total = (xs: T[]) => xs.reduce((n, x) => n + weights.get(x)!, 0);
  const split = (page: ListPage<T>, from: number): void => {
    if (page.items.length <= 1 || total(page.items) <= budget) return;
    for (let l = from; l < levels.length; l++) {
      const level = levels[l]!;
      const groups: [string, T[]][] = [];
      for (const it of page.items) {
        const k = level.key(it);
        const last = groups[groups.length - 1];
        if (last && last[0] === k) last[1].push(it);
        else if (groups.some(([g]) => g === k)) throw new Error(`paginate: the items are not in the order of their groups ("${k}" comes back after "${last![0]}"): sort them first.`);
        else groups.push([k, [it]]);
      }
      if (groups.length < 2) continue;
      page.children = groups.map(([k, xs]) => ({ path: k, label: level.label(k), items: xs, children: [], parent: page }));
      for (const c of page.children) split(c, l + 1);
      return;
    }
    // Numbered parts, filled in order up to the budget (at least one item each).
    const parts: T[][] = [[]];
    let size = 0;
    for (const it of page.items) {
      const w = weights.get(it)!;
      if (parts[parts.length - 1]!.length > 0 && size + w > budget) {
        parts.push([]);
        size = 0;
      }
      parts[parts.length - 1]!.push(it);
      size += w;
    }
    page.children = parts.map((xs, i) => ({ path: page.path ? `${page.path}/${i + 1}` : String(i + 1), label: partLabel(xs[0]!, xs[xs.length - 1]!), items: xs, children: [], parent: page }));
  };
  const root: ListPage<T> = { path: '', label: '', items, children: [] };
  split(root, 0);
  return root;
}

/** Every page of a list, the first page first, then depth-first in reading order. */
export function allPages<T>(root: ListPage<T>): ListPage<T>[] {
  const out: ListPage<T>[] = [];
  const walk = (p: ListPage<T>) => {
    out.push(p);
    p.children.forEach(walk);
  };
  walk(root);
  return out;
}

/** The pages that list items (no index pages), in reading order. */
export function itemPages<T>(root: ListPage<T>): ListPage<T>[] {
  return allPages(root).filter((p) => p.children.length === 0);
}

/** The page each item is listed on. */
export function pageOfItems<T>(root: ListPage<T>): Map<T, ListPage<T>> {
  const out = new Map<T, ListPage<T>>();
  for (const p of itemPages(root)) for (const it of p.items) out.set(it, p);
  return out;
}

/** Groups of dated items: decades, then years (a date key starts `YYYY`). */
export function dateLevels<T>(dateKeyOf: (item: T) => string): Level<T>[] {
  return [
    { key: (it) => `${dateKeyOf(it).slice(0, 3)}0s`, label: (k) => k },
    { key: (it) => dateKeyOf(it).slice(0, 4), label: (k) => k },
  ];
}

/**
 * A name as it is alphabetised: without accents, without leading signs and modifier letters
 * (ʿAli under A, ’Ezzat under E) and without the Arabic article (al-Tabari under T).
 */
export function nameSortKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/^[\p{Lm}\p{Sk}\p{P}\p{S}\s]+/u, '')
    .replace(/^(?:al|el|ol|ul)[-‑ ](?=\p{L})/iu, '')
    .replace(/^[\p{Lm}\p{Sk}\p{P}\p{S}\s]+/u, '');
}

/** A title as it is alphabetised: as {@link nameSortKey}, and without a leading article ("The Tudeh Party" under T). */
export function titleSortKey(title: string): string {
  return nameSortKey(nameSortKey(title).replace(/^(?:the|a|an)\s+(?=\S)/i, ''));
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Compares names by {@link nameSortKey} (or another sort key), then as written. */
export function compareNames(a: string, b: string, key: (s: string) => string = nameSortKey): number {
  return collator.compare(key(a), key(b)) || collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The letter group of a sort key: `a`–`z`; `0-9` for digits; `other` for every other script. */
export function initialOf(sortKey: string): string {
  const c = sortKey.charAt(0).toLowerCase();
  if (/[a-z]/.test(c)) return c;
  if (/[0-9]/.test(c)) return '0-9';
  return 'other';
}

/** The label of a letter group. */
export function initialLabel(key: string): string {
  return key === 'other' ? 'Other scripts' : key === '0-9' ? '0–9' : key.toUpperCase();
}

/** Groups of names: initial letters. */
export function letterLevels<T>(sortKeyOf: (item: T) => string): Level<T>[] {
  return [{ key: (it) => initialOf(sortKeyOf(it)), label: initialLabel }];
}

/** "Kabir – Khalili": a part of a list of names, by its first and last names' first words. */
export function nameRange(first: string, last: string): string {
  const short = (s: string) => s.split(/\s+/).slice(0, 2).join(' ');
  return first === last ? short(first) : `${short(first)} – ${short(last)}`;
}

/** Bytes of text as it stands in the page (an estimate: escaping adds little). */
export const bytes = (...texts: (string | undefined)[]): number => texts.reduce((n, t) => n + (t ? Buffer.byteLength(t) : 0), 0);

/** How many of a work's citers the works-cited page lists (the rest are counted). */
export const CITED_BY_SHOWN = 25;

/** The works cited in the order of their page: by label, alphabetised as titles. */
export function sortedWorks(works: Record<string, Work>): [string, Work][] {
  return Object.entries(works)
    .map(([k, w]) => [k, w, sourceLabel(w)] as const)
    .sort((a, b) => compareNames(a[2], b[2], titleSortKey) || (a[0] < b[0] ? -1 : 1))
    .map(([k, w]) => [k, w]);
}

/** The works cited's pages, and where each work is listed (`''` on the first page, `k`, `k/2`). */
export interface WorksPages {
  root: ListPage<[string, Work]>;
  pathOf: Map<string, string>;
}

const worksPagesCache = new WeakMap<Edition, Map<number, WorksPages>>();

/**
 * The works cited, paged by the initial of their label. Estimated from each work's reference and
 * the labels of the notes and entries that cite it (as many as the page lists).
 */
export function worksPages(edition: Edition, budget: number): WorksPages {
  let byBudget = worksPagesCache.get(edition);
  if (!byBudget) worksPagesCache.set(edition, (byBudget = new Map()));
  const cached = byBudget.get(budget);
  if (cached) return cached;
  const citers = new Map<string, number[]>();
  const add = (key: string, labelBytes: number) => {
    const list = citers.get(key);
    if (!list) citers.set(key, [labelBytes]);
    else if (list.length < CITED_BY_SHOWN) list.push(labelBytes);
  };
  for (const d of edition.documents) {
    const t = bytes(d.meta.title, d.slug);
    for (const c of d.meta.cites) add(c.work, t + 20);
    for (const n of d.notes) for (const c of n.cites) add(c.work, t + bytes(n.id) + 30);
  }
  for (const e of edition.entries.values()) for (const c of e.meta.cites) add(c.work, bytes(e.meta.name, e.id) * 2);
  const weight = ([key, w]: [string, Work]) => {
    const c = shortCitation(w);
    const by = citers.get(key) ?? [];
    return 120 + bytes(key, sourceLabel(w), c.text, c.url, w.accessed, w.caution) + (by.length ? 110 + by.reduce((n, b) => n + b + 40, 0) : 0);
  };
  const label = (w: Work) => sourceLabel(w);
  const root = paginate(sortedWorks(edition.works), weight, letterLevels(([, w]) => titleSortKey(label(w))), budget, (a, b) => nameRange(label(a[1]), label(b[1])));
  const pathOf = new Map<string, string>();
  for (const [item, page] of pageOfItems(root)) pathOf.set(item[0], page.path);
  const result = { root, pathOf };
  byBudget.set(budget, result);
  return result;
}

/** The address of a work where the works cited list it: `/works/#key`, or `/works/k/#key` once they are paged. */
export function workHref(edition: Edition, key: string, base: string, budget: number): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  const path = worksPages(edition, budget).pathOf.get(key);
  return `${b}works/${path ? `${path}/` : ''}#${key}`;
}
