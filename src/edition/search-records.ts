/**
 * Search records: one per passage (so results land on `#p<N>`) and one per register entry,
 * computed once from the edition model. Text is folded (fold.ts) at index time exactly as
 * queries are folded in the browser, because Pagefind does not fold Persian letter forms or
 * digits. Every passage also carries the names and spellings of the entries it mentions, so
 * a query in any spelling finds it; entry records repeat their names so they rank first.
 */
import { ENTITY_KINDS, type Edition } from './edition.js';
import { foldKey } from './fold.js';

/** One record for Pagefind's `addCustomRecord`. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

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
    for (const p of doc.passages) {
      if (p.role === 'boilerplate') continue;
      const refs = [...new Set(doc.mentions.filter((m) => m.passage === p.id).map((m) => m.ref))];
      const entries = refs.map((r) => edition.entries.get(r)!).filter(Boolean);
      const names = entries.flatMap(spellings);
      const kindNames = (k: string) => entries.filter((e) => e.kind === k).map((e) => e.meta.name);
      yield {
        url: `${base}documents/${doc.slug}/#${p.id}`,
        content: foldKey(p.text),
        // One index for every language: a Persian query from an English page finds Persian passages.
        language: 'en',
        // Meta fields are searched too: the document's title lives in the filters (not searched),
        // or every passage of a document would match the words of its title.
        meta: {
          title: `¶${p.n}`,
          passage: p.n,
          date,
          ...(names.length ? { names: names.join(' · ') } : {}),
        },
        filters: {
          document: [doc.meta.title],
          type: [doc.meta.type.replace(/-/g, ' ')],
          language: [LANG_LABELS[p.lang] ?? p.lang],
          person: kindNames('person'),
          event: kindNames('event'),
        },
        sort: { date },
      };
    }
  }
  for (const e of edition.entries.values()) {
    const names = spellings(e);
    yield {
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
