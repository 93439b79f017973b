/**
 * Search records, computed once from the edition model: one per document, one per register
 * entry and one per work cited, each a small HTML page of its own for Pagefind's `addHTMLFile`
 * (not the published page).
 *
 * A document's passages and notes are sections under headings whose ids are the passage's
 * (`p12`) and the footnote's (`fn-<note-id>`), so Pagefind's sub-results are the passages and
 * notes that match, each with its own URL. One record per document rather than one per passage
 * keeps the index proportionate: Pagefind's time to add records grows with the square of their
 * number (23,000 passages took 9.6 s, 46,000 took 40.7 s), its memory and its `pf_meta` file
 * (loaded by every first search) with their count (docs/performance.md).
 *
 * Each section holds, in this order:
 * - a heading with no word in it (`¶`), so that passage numbers are not searched;
 * - the text exactly as written (the excerpt the reader sees is cut from it, in its own script);
 * - an empty `<span id="x-…">`, whose position tells the browser where the text ends;
 * - `⁂` and the text's words that folding changes (fold.ts: Arabic letter forms, Persian digits,
 *   zero-width non-joiners…), folded as the browser folds queries: Pagefind does not fold them;
 * - for every register entry the section mentions (or a note names), `⁂` and its spellings,
 *   separated by `·`, at a low weight: a query in any spelling finds the section, but a section
 *   with the typed word in its own text ranks first, and the spellings are never shown.
 * The browser reads sections back in this layout (parseFragment in src/site/search-match.ts).
 *
 * Filters live in an ignored block (the document's title would otherwise match
 * every passage); what the result lines need to name a passage (date, languages, comments,
 * note numbers) is Pagefind metadata. Entries and works carry a `register` filter, so the
 * browser can search documents and the register apart: an entry never takes a document's place
 * on the first page of results.
 */
import type { Root, RootContent } from 'mdast';
import { ENTITY_KINDS, type Edition, type EditionDocument, type Entry, type Note, type Passage } from './edition.js';
import { escapeAttr, escapeHtml } from './escape.js';
import { foldKey } from './fold.js';
import { NOTE_KINDS, type DateSpec } from './schema.js';
import { shortCitation, sourceLabel } from './works.js';
import { PAGE_BUDGET_KB, workHref } from './paging.js';

/** A document: its passages and notes as sections. */
export interface DocumentSearchRecord {
  kind: 'document';
  url: string;
  /** A minimal HTML page for Pagefind's `addHTMLFile`. */
  content: string;
  /**
   * Its date as a sort key (`1941-12-09`). Not a Pagefind sort: that would add the order of
   * every page to the metadata every first search loads (21 KB at 10,000 documents); the
   * integration writes the order to a file the browser loads only when asked for it.
   */
  date: string;
}

/** A register entry or a work cited: one result line each. */
export interface EntrySearchRecord {
  kind: 'entry' | 'work';
  url: string;
  /** A minimal HTML page for Pagefind's `addHTMLFile`. */
  content: string;
}

export type SearchRecord = DocumentSearchRecord | EntrySearchRecord;

/** Separates the text from what is added for search, and one group of added words from the next. */
export const GROUP_MARK = '⁂';
/** Separates spellings inside a group. */
export const SPELLING_MARK = '·';
/** Pagefind weight of the spellings added to a document's sections (the text's own words weigh 1). */
export const SPELLING_WEIGHT = '0.1';
/** Pagefind weight of an entry's spellings: a name outranks the words of an account. */
export const NAME_WEIGHT = '5';
/** Values of the `register` filter: entries by kind, and works. */
export const REGISTER_VALUES = [...Object.values(ENTITY_KINDS).map((k) => k.label), 'Work'] as const;

const LANG_LABELS: Record<string, string> = { en: 'English', fa: 'Persian', 'fa-Latn': 'Persian in Latin letters', ru: 'Russian' };
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `1941-12-09` → `9 December 1941`, `2012-02` → `February 2012` (as src/astro/format.ts shows dates). */
function showDate(d: string): string {
  const [y, m, day] = d.split('-');
  if (day) return `${Number(day)} ${MONTHS[Number(m) - 1]} ${y}`;
  if (m) return `${MONTHS[Number(m) - 1]} ${y}`;
  return y!;
}
function showSpec(d: DateSpec): string {
  const text = 'from' in d ? `${showDate(d.from)} – ${showDate(d.to)}` : showDate(d.value);
  return d.approximate ? `about ${text}` : text;
}

/** All names and spellings of an entry, its name first, de-duplicated after folding. */
export function spellings(e: Entry): string[] {
  const all = [e.meta.name, ...Object.values(e.meta.names), ...e.meta.aliases.map((a) => (typeof a === 'string' ? a : a.name))];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of all) {
    const key = foldKey(n, { caseFold: true });
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(foldKey(n));
  }
  return out;
}

/** Text as shown, for a section: characters Pagefind reads as word separators of its own removed. */
const shown = (text: string) => escapeHtml(text.replace(/[\u200B\uFEFF]/g, ''));

/** The words of `text` that folding changes, folded: what a folded query must meet. */
export function foldedVariants(text: string): string[] {
  if (!/[^\x20-\x7e\s]/.test(text)) return [];
  const out = new Set<string>();
  for (const word of text.split(/\s+/)) {
    if (!word) continue;
    const folded = foldKey(word);
    if (folded && folded !== word) out.add(folded);
  }
  return [...out];
}

/**
 * What follows a section's text: the boundary anchor, then the folded variants and the spelling
 * groups. Always written, so the text never ends a block (Pagefind adds a full stop there).
 */
function additions(id: string, text: string, groups: string[][], weight: string): string {
  const variants = foldedVariants(text);
  const spelled = groups.map((g) => ` ${GROUP_MARK} ${escapeHtml(g.join(` ${SPELLING_MARK} `))}`).join('');
  return ` <span id="x-${id}"></span> ${GROUP_MARK}${variants.length ? ` ${escapeHtml(variants.join(' '))}` : ''}` + (spelled ? ` <span data-pagefind-weight="${weight}">${spelled}</span>` : '');
}

/** Nodes whose children are a line of text (joined as they are); other parents hold blocks. */
const INLINE_PARENTS = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'footnoteReference']);

/** Plain text of Markdown, blocks separated by spaces. */
export function markdownText(tree: Root): string {
  const parts: string[] = [];
  const walk = (node: Root | RootContent): void => {
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') parts.push(node.value);
    else if (node.type === 'break') parts.push(' ');
    else if (node.type === 'image') parts.push(node.alt ?? '');
    if ('children' in node) {
      const inline = INLINE_PARENTS.has(node.type);
      for (const c of node.children as RootContent[]) {
        walk(c);
        if (!inline) parts.push(' ');
      }
    }
  };
  walk(tree);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/**
 * The notes of a document in the order the page numbers them: by passage, then by where the
 * reference stands (the end of the quoted words, moved past a mention or a language span it
 * would split, as src/edition/emit/to-mdast.ts places it).
 */
export function notesInPageOrder(doc: EditionDocument, edition: Edition): Note[] {
  const byPassage = new Map<string, Note[]>();
  for (const n of doc.notes) {
    const list = byPassage.get(n.passage);
    if (list) list.push(n);
    else byPassage.set(n.passage, [n]);
  }
  const out: Note[] = [];
  for (const p of doc.passages) {
    const notes = byPassage.get(p.id);
    if (!notes) continue;
    if (notes.length === 1) {
      out.push(notes[0]!);
      continue;
    }
    const marks: { start: number; end: number; link: boolean }[] = p.spans.map((s) => ({ start: s.start, end: s.end, link: false }));
    for (const m of doc.mentions) if (m.passage === p.id && m.inText && edition.entries.has(m.ref)) marks.push({ start: m.start, end: m.end, link: true });
    marks.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: typeof marks = [];
    for (const m of marks) {
      const crosses = kept.some((k) => m.start < k.end && m.end > k.end && m.start > k.start);
      const duplicate = m.link && kept.some((k) => k.link && k.start === m.start && k.end === m.end);
      if (!crosses && !duplicate) kept.push(m);
    }
    const placed = notes.map((n, i) => {
      let at = Math.min(n.span.end, p.end);
      for (const k of kept) if (k.start < at && at < k.end) at = k.end;
      return { n, at, i };
    });
    placed.sort((a, b) => a.at - b.at || a.i - b.i);
    for (const x of placed) out.push(x.n);
  }
  return out;
}

/** The records for an edition whose pages live under `base` (with trailing slash). */
export function searchRecords(edition: Edition, base = '/', pageBudget = PAGE_BUDGET_KB * 1024): SearchRecord[] {
  return [...eachSearchRecord(edition, base, pageBudget)];
}

const page = (title: string, head: string, body: string) =>
  // One index for every language: a Persian query from an English page finds Persian passages.
  `<!doctype html><html lang="en"><head><title>${escapeHtml(title)}</title></head><body><main data-pagefind-body><div data-pagefind-ignore>${head}</div>${body}</main></body></html>`;
const filter = (name: string, values: Iterable<string>) => [...values].map((v) => `<span data-pagefind-filter="${name}">${escapeHtml(v)}</span>`).join('');
const meta = (name: string, value: string) => `<span data-pagefind-meta="${name}:${escapeAttr(value)}"></span>`;

/** A document's record. */
function documentRecord(doc: EditionDocument, edition: Edition, base: string, spelled: (ref: string) => string[] | undefined): DocumentSearchRecord {
  const date = 'value' in doc.meta.date ? doc.meta.date.value : doc.meta.date.from;
  const refsOf = new Map<string, Set<string>>();
  for (const m of doc.mentions) {
    const set = refsOf.get(m.passage) ?? new Set<string>();
    set.add(m.ref);
    refsOf.set(m.passage, set);
  }
  const groupsOf = (refs: Iterable<string>) => [...refs].map(spelled).filter((g): g is string[] => Boolean(g));
  const languages = new Set<string>();
  const named = { person: new Set<string>(), event: new Set<string>() };
  const docLang = doc.meta.languages[0] ?? 'en';
  const langs: Record<string, string> = {};
  const sections: string[] = [];
  const byId = new Map<string, Passage>();
  for (const p of doc.passages) {
    byId.set(p.id, p);
    // Boilerplate (archive stamps, page furniture) is not part of the document: not searched.
    if (p.role === 'boilerplate') continue;
    languages.add(LANG_LABELS[p.lang] ?? p.lang);
    if (p.lang !== docLang || p.dir === 'rtl') langs[p.id] = `${p.lang} ${p.dir}`;
    const refs = refsOf.get(p.id) ?? new Set<string>();
    for (const r of refs) {
      const e = edition.entries.get(r);
      if (e && (e.kind === 'person' || e.kind === 'event')) named[e.kind].add(e.meta.name);
    }
    sections.push(`<section><h2 id="${p.id}">¶</h2><p>${shown(p.text)}${additions(p.id, p.text, groupsOf(refs), SPELLING_WEIGHT)}</p></section>`);
  }
  // Notes, in the page's numbering: the browser counts them to name "Note 12".
  const notes = notesInPageOrder(doc, edition);
  for (const n of notes) {
    const sources = n.cites.flatMap((c) => {
      const w = edition.works[c.work];
      return w ? [sourceLabel(w, c.at)] : [];
    });
    const text = `${markdownText(n.body.tree)}${sources.length ? ` Sources: ${sources.join('; ')}.` : ''}`;
    const refs = new Set([...n.entities, ...n.body.entityLinks.map((l) => l.ref)]);
    sections.push(`<section><h2 id="fn-${escapeAttr(n.id)}">¶</h2><p>${shown(text)}${additions(`fn-${n.id}`, text, groupsOf(refs), SPELLING_WEIGHT)}</p></section>`);
  }
  // A comment's title, byline and speaker, and its passages (empty fields left out).
  const comments = doc.comments.map((c) => {
    const t = c.title ? byId.get(c.title)?.text : undefined;
    const b = c.byline ? byId.get(c.byline)?.text : undefined;
    return { ...(t ? { t } : {}), ...(b ? { b } : {}), ...(c.speaker ? { s: c.speaker } : {}), p: c.passages.join(' ') };
  });
  const head =
    filter('document', [doc.meta.title]) +
    filter('type', [doc.meta.type.replace(/-/g, ' ')]) +
    filter('language', languages) +
    filter('person', named.person) +
    filter('event', named.event) +
    meta('date', showSpec(doc.meta.date)) +
    (Object.keys(langs).length ? meta('langs', JSON.stringify(langs)) : '') +
    // Per note, in order: the passage it is on and its kind ("Gloss", "Correction"…).
    (notes.length ? meta('notes', JSON.stringify(notes.map((n) => [n.passage, NOTE_KINDS[n.kind]]))) : '') +
    (comments.length ? meta('comments', JSON.stringify(comments)) : '');
  return { kind: 'document', url: `${base}documents/${doc.slug}/`, content: page(doc.meta.title, head, sections.join('')), date };
}

/** A register entry's record: its name, description, account and sources, and its spellings. */
function entryRecord(e: Entry, edition: Edition, base: string, names: string[]): EntrySearchRecord {
  const label = ENTITY_KINDS[e.kind].label;
  const [from, to] = e.kind === 'person' ? [e.meta.born, e.meta.died] : [e.meta.start, e.meta.end];
  const dates = from || to ? `${from ? showSpec(from) : '?'}${to ? ` – ${showSpec(to)}` : ''}` : '';
  // The sources its page lists, as it lists them: "Deadly Fatwa" finds the entries that rely on it.
  const sources = e.meta.cites.flatMap((c) => {
    const w = edition.works[c.work];
    return w ? [shortCitation(w, c.at).text] : [];
  });
  const text = `${e.meta.description} ${markdownText(e.body.tree)}${sources.length ? ` Sources: ${sources.join('; ')}.` : ''}`.trim();
  const head = filter('register', [label]) + meta('kind', label) + (dates ? meta('dates', dates) : '');
  const body = `<h1>${escapeHtml(e.meta.name)}</h1><p><span id="d"></span> ${shown(text)}${additions('names', text, [names], NAME_WEIGHT)}</p>`;
  return { kind: 'entry', url: `${base}${ENTITY_KINDS[e.kind].folder}/${e.id}/`, content: page(e.meta.name, head, body) };
}

/**
 * A work's record: its full reference, as the works-cited page gives it. At a lower weight than
 * an entry's account, and without its label as a heading: a name finds the register entry
 * first, and the works that carry it in their titles after it.
 */
function workRecord(w: Edition['works'][string], href: string): EntrySearchRecord {
  const c = shortCitation(w);
  const text = `${c.text}.${w.caution ? ` Caution: ${w.caution}` : ''}`;
  const head = filter('register', ['Work']) + meta('kind', 'Work cited');
  const body = `<p data-pagefind-weight="0.5"><span id="d"></span> ${shown(text)}${additions('names', text, [], NAME_WEIGHT)}</p>`;
  return { kind: 'work', url: href, content: page(sourceLabel(w), head, body) };
}

/**
 * The same records one at a time, so a large edition's records need not all be held at once. A
 * work's record leads to the works-cited page that lists it, as paged for `pageBudget` bytes
 * (src/edition/paging.ts).
 */
export function* eachSearchRecord(edition: Edition, base = '/', pageBudget = PAGE_BUDGET_KB * 1024): Generator<SearchRecord> {
  const cache = new Map<string, string[]>();
  const spelled = (ref: string) => {
    let s = cache.get(ref);
    if (!s) {
      const e = edition.entries.get(ref);
      if (!e) return undefined;
      s = spellings(e);
      cache.set(ref, s);
    }
    return s;
  };
  for (const doc of edition.documents) yield documentRecord(doc, edition, base, spelled);
  for (const e of edition.entries.values()) yield entryRecord(e, edition, base, spelled(e.ref)!);
  for (const [key, w] of Object.entries(edition.works)) yield workRecord(w, workHref(edition, key, base, pageBudget));
}
