/**
 * Search records, computed once from the edition model: one per document and one per register
 * entry.
 *
 * A document is given to Pagefind as a small HTML page of its own (not the published page):
 * each passage is a section under a heading whose id is the passage's (`p12`), so Pagefind's
 * sub-results are the passages that match, each with its own URL (`…/#p12`) and excerpt. One
 * record per document rather than one per passage keeps the index proportionate: Pagefind's
 * time to add records grows with the square of their number (23,000 passages took 9.6 s,
 * 46,000 took 40.7 s), its memory and its `pf_meta` file (loaded by every first search) with
 * their count.
 *
 * Text is folded (fold.ts) at index time exactly as queries are folded in the browser, because
 * Pagefind does not fold Persian letter forms or digits. Every passage also carries the names
 * and spellings of the entries it mentions, so a query in any spelling finds it; entry records
 * repeat their names so they rank first.
 */
import { ENTITY_KINDS, type Edition } from './edition.js';
import { escapeHtml } from './escape.js';
import { foldKey } from './fold.js';

/** A document, for Pagefind's `addHTMLFile`. */
export interface DocumentSearchRecord {
  kind: 'document';
  url: string;
  /** A minimal HTML page: filters and sort keys in an ignored block, then one section per passage. */
  content: string;
}

/** A register entry, for Pagefind's `addCustomRecord`. */
export interface EntrySearchRecord {
  kind: 'entry';
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

export type SearchRecord = DocumentSearchRecord | EntrySearchRecord;

const LANG_LABELS: Record<string, string> = { en: 'English', fa: 'Persian', 'fa-Latn': 'Persian in Latin letters', ru: 'Russian' };

/** All names and spellings of an entry, folded and de-duplicated. */
function spellings(e: Edition['entries'] extends Map<string, infer V> ? V : never): string[] {
  const all = [e.meta.name, ...Object.values(e.meta.names), ...e.meta.aliases.map((a) => (typeof a === 'string' ? a : a.name))];
  return [...new Set(all.map((n) => foldKey(n)))];
}

/** The records for an edition whose pages live under `base` (with trailing slash). */
export function searchRecords(edition: Edition, base = '/'): SearchRecord[] {
  return [...eachSearchRecord(edition, base)];
}

/** The same records one at a time, so a large edition's records need not all be held at once. */
export function* eachSearchRecord(edition: Edition, base = '/'): Generator<SearchRecord> {
  for (const doc of edition.documents) {
    const date = 'value' in doc.meta.date ? doc.meta.date.value : doc.meta.date.from;
    const refsOf = new Map<string, Set<string>>();
    for (const m of doc.mentions) {
      const set = refsOf.get(m.passage) ?? new Set<string>();
      set.add(m.ref);
      refsOf.set(m.passage, set);
    }
    const languages = new Set<string>();
    const named = { person: new Set<string>(), event: new Set<string>() };
    const sections: string[] = [];
    for (const p of doc.passages) {
      if (p.role === 'boilerplate') continue;
      languages.add(LANG_LABELS[p.lang] ?? p.lang);
      const entries = [...(refsOf.get(p.id) ?? [])].map((r) => edition.entries.get(r)!).filter(Boolean);
      for (const e of entries) if (e.kind === 'person' || e.kind === 'event') named[e.kind].add(e.meta.name);
      const names = entries.flatMap(spellings);
      sections.push(
        `<section><h2 id="${p.id}">¶${escapeHtml(p.n)}</h2><p>${escapeHtml(foldKey(p.text))}</p>` +
          (names.length ? `<p>${escapeHtml(names.join(' · '))}</p>` : '') +
          '</section>',
      );
    }
    // Filters and sort keys live in an ignored block: captured, but not searched (the document's
    // title would otherwise match every passage of the document).
    const filter = (name: string, values: Iterable<string>) => [...values].map((v) => `<span data-pagefind-filter="${name}">${escapeHtml(v)}</span>`).join('');
    const head =
      `<div data-pagefind-ignore>${filter('document', [doc.meta.title])}${filter('type', [doc.meta.type.replace(/-/g, ' ')])}` +
      `${filter('language', languages)}${filter('person', named.person)}${filter('event', named.event)}` +
      `<span data-pagefind-sort="date">${escapeHtml(date)}</span><span data-pagefind-meta="date">${escapeHtml(date)}</span></div>`;
    yield {
      kind: 'document',
      url: `${base}documents/${doc.slug}/`,
      // One index for every language: a Persian query from an English page finds Persian passages.
      content: `<!doctype html><html lang="en"><head><title>${escapeHtml(doc.meta.title)}</title></head><body><main data-pagefind-body>${head}${sections.join('')}</main></body></html>`,
    };
  }
  for (const e of edition.entries.values()) {
    const names = spellings(e);
    yield {
      kind: 'entry',
      url: `${base}${ENTITY_KINDS[e.kind].folder}/${e.id}/`,
      // Names first and twice, so the entry outranks passages that merely mention it.
      content: foldKey([...names, ...names, e.meta.description].join(' · ')),
      language: 'en',
      meta: { title: e.meta.name, kind: ENTITY_KINDS[e.kind].label, names: names.join(' · ') },
      filters: { type: [`register: ${ENTITY_KINDS[e.kind].label.toLowerCase()}`] },
      sort: { date: e.meta.start ? ('value' in e.meta.start ? e.meta.start.value : e.meta.start.from) : e.meta.born ? ('value' in e.meta.born ? e.meta.born.value : e.meta.born.from) : '9999' },
    };
  }
}
