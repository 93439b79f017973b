/**
 * The pages of the lists that grow with the edition (issue 17), as the Astro pages render them:
 * the timeline, the documents list (and home), the register indexes and a register entry's
 * passages. The paging itself is the core's (src/edition/paging.ts); here are each list's items,
 * their estimated HTML (what the budget is measured in) and the pages' addresses and names.
 *
 * The budget is EDITION_PAGE_KB (default 100 KB of list per page, under the 150 KB page cap):
 * a list that fits stays one page at its usual address.
 */
import {
  compareNames,
  dateKey,
  dateLevels,
  entityHref,
  itemPages,
  letterLevels,
  nameRange,
  nameSortKey,
  pageBudget,
  paginate,
  type Entry,
  type EntityKind,
  type EditionDocument,
  type ListPage,
  type Mention,
  type Passage,
} from '../edition/index.ts';
import { ENTITY_KINDS } from '../edition/index.ts';
import { documentBySlug, getEdition } from './edition.ts';
import { formatDate, formatPartialDate, siteBase, url } from './format.ts';

export type { ListPage } from '../edition/index.ts';

/** The page budget in bytes (EDITION_PAGE_KB). */
export const budget = (): number => pageBudget(process.env);

const bytes = (...texts: (string | undefined)[]): number => texts.reduce((n, t) => n + (t ? Buffer.byteLength(t) : 0), 0);

/** The address of a list's page: the list's own address (`timeline/`) and the page's path. */
export const pageUrl = (list: string, page: ListPage<unknown>): string => url(`${list}${page.path ? `${page.path}/` : ''}`);

/** The page's place among its list's pages: the one before and after it in reading order. */
export function neighbours<T>(root: ListPage<T>, page: ListPage<T>): { prev?: ListPage<T> | undefined; next?: ListPage<T> | undefined } {
  const pages = itemPages(root);
  const i = pages.indexOf(page);
  if (i === -1 || pages.length < 2) return {};
  return { prev: pages[i - 1], next: pages[i + 1] };
}

/** The pages from the list's first page down to this one. */
export function trail<T>(page: ListPage<T>): ListPage<T>[] {
  const out: ListPage<T>[] = [];
  for (let p: ListPage<T> | undefined = page; p; p = p.parent) out.unshift(p);
  return out;
}

/** Astro's rest parameter for a page (`undefined` for the list's first page). */
export const restParam = (page: ListPage<unknown>): string | undefined => page.path || undefined;

/** A dated part's name: "3 March – 9 June 1988". */
const dateRange = (a: string, b: string) => (a === b ? formatPartialDate(a) : `${formatPartialDate(a)} – ${formatPartialDate(b)}`);

// ——— The documents list (/documents/ and home) ———

/** The documents in date order, paged by decade, year and part. */
export function documentPages(): ListPage<EditionDocument> {
  const docs = getEdition().documents;
  const weight = (d: EditionDocument) => 180 + bytes(d.meta.title, d.slug, d.meta.summary, formatDate(d.meta.date), d.meta.type);
  return paginate(docs, weight, dateLevels((d) => dateKey(d.meta.date)), budget(), (a, b) => dateRange(dateKey(a.meta.date), dateKey(b.meta.date)));
}

/**
 * Paths the documents list's pages take under /documents/ that a document's own page also has
 * (a document whose slug is `1988`): the build stops, naming the source to rename.
 */
export function checkDocumentPaths(root: ListPage<EditionDocument>): void {
  const slugs = new Set(getEdition().documents.map((d) => d.slug));
  for (const p of allPaths(root)) {
    if (slugs.has(p)) throw new Error(`sources/${p}.txt: the address /documents/${p}/ is both this document's and the documents list's page for ${p}. Rename the source file (for example ${p}-document.txt): its slug must not be a decade or a year alone.`);
  }
}

const allPaths = (root: ListPage<unknown>): string[] => {
  const out: string[] = [];
  const walk = (p: ListPage<unknown>) => {
    if (p.path) out.push(p.path);
    p.children.forEach(walk);
  };
  walk(root);
  return out;
};

// ——— The timeline ———

/** One item of the timeline: an event of the register or a document. */
export interface TimelineItem {
  key: string;
  date: EditionDocument['meta']['date'];
  kind: 'event' | 'document';
  /** The item's id on its page (`event-<id>`, `document-<slug>`), the target of links to its place on the timeline. */
  anchor: string;
  html: { title: string; link: string; ref?: string };
  people: { name: string; ref: string }[];
  places: { name: string; ref: string }[];
  passages: { doc: string; link: string; numbers: { n: string; link: string }[] }[];
  more: number;
  description: string;
}

/** Passages listed under an event (its own page lists every one). */
const TIMELINE_PASSAGES = 12;

const timelineCache = new WeakMap<object, { items: TimelineItem[]; root: ListPage<TimelineItem> }>();

/** Events, documents and people's lives in date order, paged by decade, year and part. */
export function timeline(): { items: TimelineItem[]; root: ListPage<TimelineItem> } {
  const edition = getEdition();
  const cached = timelineCache.get(edition);
  if (cached) return cached;
  const href = entityHref(siteBase());
  // A document named briefly under an event ("the 2021 article"): its full title is its own
  // item's heading, and is not repeated under every event it mentions. Two documents of the same
  // year and type are told apart by their titles' first words.
  const year = (d: EditionDocument) => dateKey(d.meta.date).slice(0, 4);
  const brief = new Map(edition.documents.map((d) => [d.slug, `the ${year(d)} ${d.meta.type.replace(/-/g, ' ')}`]));
  const uses = new Map<string, number>();
  for (const b of brief.values()) uses.set(b, (uses.get(b) ?? 0) + 1);
  for (const d of edition.documents) {
    if (uses.get(brief.get(d.slug)!)! > 1) {
      const words = d.meta.title.split(/\s+/);
      brief.set(d.slug, `${brief.get(d.slug)} “${words.slice(0, 4).join(' ')}${words.length > 4 ? '…' : ''}”`);
    }
  }
  const items: TimelineItem[] = [];
  for (const e of edition.entries.values()) {
    if (e.kind !== 'event' || !e.meta.start) continue;
    const rel = e.meta.related.map((r) => edition.entries.get(r)).filter((x) => x !== undefined);
    // The first passages only: the event's own page lists every one.
    const groups = new Map<string, { doc: string; link: string; numbers: { n: string; link: string }[] }>();
    const seen = new Set<string>();
    for (const m of e.mentions.slice(0, TIMELINE_PASSAGES)) {
      const d = documentBySlug(m.document);
      const p = d.passages.find((x) => x.id === m.passage)!;
      if (seen.has(`${d.slug}#${p.id}`)) continue;
      seen.add(`${d.slug}#${p.id}`);
      const g = groups.get(d.slug) ?? { doc: brief.get(d.slug)!, link: url(`documents/${d.slug}/`), numbers: [] };
      g.numbers.push({ n: p.n, link: url(`documents/${d.slug}/#${p.id}`) });
      groups.set(d.slug, g);
    }
    items.push({
      key: dateKey(e.meta.start), date: e.meta.start, kind: 'event', anchor: `event-${e.id}`,
      html: { title: e.meta.name, link: href(e.ref), ref: e.ref },
      people: rel.filter((r) => r.kind === 'person').map((r) => ({ name: r.meta.name, ref: r.ref })),
      places: rel.filter((r) => r.kind === 'place').map((r) => ({ name: r.meta.name, ref: r.ref })),
      passages: [...groups.values()],
      more: Math.max(0, e.mentions.length - TIMELINE_PASSAGES),
      description: e.meta.description,
    });
  }
  for (const d of edition.documents) {
    items.push({ key: dateKey(d.meta.date), date: d.meta.date, kind: 'document', anchor: `document-${d.slug}`, html: { title: d.meta.title, link: url(`documents/${d.slug}/`) }, people: [], places: [], passages: [], more: 0, description: d.meta.summary.split('. ')[0] + '.' });
  }
  items.sort((a, b) => a.key.localeCompare(b.key) || a.html.title.localeCompare(b.html.title));
  const weight = (i: TimelineItem) =>
    380 + bytes(i.html.title, i.html.link, i.html.ref, i.description, i.anchor, formatDate(i.date)) +
    [...i.people, ...i.places].reduce((n, p) => n + 70 + bytes(p.name, p.ref, p.ref, href(p.ref)), 0) +
    i.passages.reduce((n, g) => n + 30 + bytes(g.doc, g.link) + g.numbers.reduce((k, x) => k + 90 + bytes(x.link, g.doc, x.n), 0), 0) +
    (i.more ? 80 + bytes(i.html.link) : 0);
  const root = paginate(items, weight, dateLevels((i) => i.key), budget(), (a, b) => dateRange(a.key, b.key));
  const result = { items, root };
  timelineCache.set(edition, result);
  return result;
}

/** The address of an event's or a document's place on the timeline (`/timeline/1988/#event-massacre-1988`). */
export function timelineHref(anchor: string): string | undefined {
  const { root } = timeline();
  for (const p of itemPages(root)) if (p.items.some((i) => i.anchor === anchor)) return `${pageUrl('timeline/', p)}#${anchor}`;
  return undefined;
}

// ——— Register indexes ———

/** The entries of a register (people, organisations, places, events), alphabetised and paged by initial letter. */
export function registerPages(kind: EntityKind): ListPage<Entry> {
  const entries = [...getEdition().entries.values()].filter((e) => e.kind === kind).sort((a, b) => compareNames(a.meta.name, b.meta.name) || (a.id < b.id ? -1 : 1));
  const dates = (e: Entry) => (kind === 'person' ? [e.meta.born, e.meta.died] : [e.meta.start, e.meta.end]).map((d) => (d ? formatDate(d) : '?')).join(' – ');
  const weight = (e: Entry) => 230 + bytes(e.meta.name, e.ref, e.id, ENTITY_KINDS[kind].folder, e.meta.description, dates(e));
  return paginate(entries, weight, letterLevels((e) => nameSortKey(e.meta.name)), budget(), (a, b) => nameRange(a.meta.name, b.meta.name));
}

/** A register's letter pages whose address is also an entry's (an entry with the id `k`): the build stops, naming the file to rename. */
export function checkRegisterPaths(kind: EntityKind, root: ListPage<Entry>): void {
  const folder = ENTITY_KINDS[kind].folder;
  const ids = new Set([...getEdition().entries.values()].filter((e) => e.kind === kind).map((e) => e.id));
  for (const p of allPaths(root)) {
    if (ids.has(p)) throw new Error(`annotations/${folder}/${p}.md: the address /${folder}/${p}/ is both this entry's and the register index's page for the letter ${p.toUpperCase()}. Rename the file (and the references to ${kind}:${p}) to a longer id.`);
  }
}

// ——— A register entry's passages ———

/** One mention on an entry's page, with the words around it. */
export interface MentionItem {
  m: Mention;
  d: EditionDocument;
  p: Passage;
  before: string;
  hit: string;
  after: string;
}

/** An entry's mentions with the words around each (key-word in context), in document order, paged by decade, year and part. */
export function mentionPages(e: Entry): ListPage<MentionItem> {
  // In the documents' order (by date), and in each document in reading order.
  const order = new Map(getEdition().documents.map((d, i) => [d.slug, i]));
  const mentions = [...e.mentions].sort((a, b) => order.get(a.document)! - order.get(b.document)! || a.start - b.start);
  const items = mentions.map((m): MentionItem => {
    const d = documentBySlug(m.document);
    const p = d.passages.find((x) => x.id === m.passage)!;
    const before = d.body.slice(Math.max(p.start, m.start - 70), m.start);
    const after = d.body.slice(m.end, Math.min(p.end, m.end + 70));
    return { m, d, p, before: (m.start - 70 > p.start ? '…' : '') + before, hit: d.body.slice(m.start, m.end), after: after + (m.end + 70 < p.end ? '…' : '') };
  });
  // The first mention of a document also carries its share of the entry's JSON-LD (subjectOf
  // names every document listed on the page).
  const first = new Set(items.filter((x, i) => i === 0 || items[i - 1]!.d !== x.d));
  const weight = (x: MentionItem) => 150 + bytes(x.d.slug, x.p.id, x.d.meta.title, x.p.n, x.p.lang, x.before, x.hit, x.after) + (x.m.inText ? 0 : 60) + (first.has(x) ? 80 + bytes(x.d.meta.title, x.d.slug) : 0);
  const key = (x: MentionItem) => dateKey(x.d.meta.date);
  return paginate(items, weight, dateLevels(key), budget(), (a, b) => dateRange(key(a), key(b)));
}
