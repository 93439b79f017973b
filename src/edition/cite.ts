/**
 * Citations of a document or a passage, from one CSL-JSON item per document through citeproc
 * (citation-js): Chicago (17th ed., full notes and bibliography), MLA (9th ed.) and APA (7th
 * ed.) with the CSL project's styles taken from registry packages (csl-styles.ts says which,
 * and the three small changes made to them), BibTeX and RIS written by citation-js from the same
 * item, and the item itself as CSL-JSON.
 *
 * The item names the original — author, title, date (with its uncertainty), the archive that
 * holds it or the publisher that published it, the archive's record id or reference, the
 * languages of the text and the language it was translated from — and the edition as its
 * container: title, editors (only when edition.config.yml names them), version, the page's
 * URL, the date of access.
 *
 * The date of access belongs to the reader, not the build (builds are reproducible): each form
 * holds ACCESSED_PLACEHOLDER where its date goes, which the page replaces with the reader's
 * date in that form's own format (src/site/cite-dates.ts: "December 3, 2026" for Chicago and
 * APA, "3 Dec. 2026" for MLA, 2026-12-03 in BibTeX and CSL-JSON, 2026/12/03 in RIS).
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { registerStyles, STYLES } from './csl-styles.js';
import type { Edition, EditionDocument } from './edition.js';
import type { DateSpec } from './schema.js';

/** Stands for the reader's date of access until the page fills it in. */
export const ACCESSED_PLACEHOLDER = '[date of access]';

/** The edition as cited (from edition.config.yml: `citedEdition()` in config.ts). */
export interface CitedEdition {
  /** The full title, with its subtitle. */
  title: string;
  /** The editors' names, given name first, in credited order (may be empty). */
  editors: readonly string[];
  /** The release cited, e.g. "0.2.0". */
  version?: string | undefined;
}

export interface Citations {
  chicagoNote: string;
  chicagoBibliography: string;
  mla: string;
  apa: string;
  bibtex: string;
  ris: string;
  cslJson: string;
}

/** A CSL-JSON item. */
export type CslItem = Record<string, unknown>;

interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

/** The citation forms, in the order pages show them: id (a `data-format` value), label, field. */
export const CITATION_FORMS: readonly (readonly [string, string, keyof Citations])[] = [
  ['chicago-note', 'Chicago (note)', 'chicagoNote'],
  ['chicago-bibliography', 'Chicago (bibliography)', 'chicagoBibliography'],
  ['mla', 'MLA', 'mla'],
  ['apa', 'APA', 'apa'],
  ['bibtex', 'BibTeX', 'bibtex'],
  ['ris', 'RIS', 'ris'],
  ['csl-json', 'CSL-JSON', 'cslJson'],
];

/** A name given first-name-first as CSL: the last word is the family name. */
function splitName(name: string): CslName {
  const parts = name.trim().split(/\s+/);
  return parts.length > 1 ? { given: parts.slice(0, -1).join(' '), family: parts[parts.length - 1]! } : { literal: name };
}

function personName(edition: Edition, refOrName: string): CslName {
  const e = edition.entries.get(refOrName);
  const name = e ? e.meta.name : refOrName;
  if (e && e.kind !== 'person') return { literal: name };
  return splitName(name);
}

const dateParts = (d: string) => d.split('-').map(Number);

/** A date spec as a CSL date: one date or a range, `circa` when approximate. */
function cslDate(d: DateSpec): Record<string, unknown> {
  const parts = 'from' in d ? [dateParts(d.from), dateParts(d.to)] : [dateParts(d.value)];
  return { 'date-parts': parts, ...(d.approximate ? { circa: true } : {}) };
}

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' });
/** "Russian" for `ru`; the base language for a tag with a script (`fa-Latn` → "Persian"). */
export function languageName(tag: string): string {
  const base = tag.split('-')[0]!;
  try {
    return LANGUAGE_NAMES.of(base) ?? tag;
  } catch {
    return tag;
  }
}

/** "A", "A and B", "A, B, and C". */
function list(names: readonly string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]}`;
}

/**
 * What the document is, as the citation describes it: its type, then the language it was
 * translated from, or its languages when it is not in English alone ("Cable, translated from
 * Russian"; "Blog thread, in English and Persian").
 */
export function documentDescription(doc: EditionDocument): string {
  const m = doc.meta;
  const type = m.type.replace(/-/g, ' ');
  const parts = [type.charAt(0).toUpperCase() + type.slice(1)];
  if (m.translated_from) parts.push(`translated from ${languageName(m.translated_from)}`);
  const languages = [...new Set(m.languages.map(languageName))];
  if (!(languages.length === 1 && languages[0] === 'English')) parts.push(`in ${list(languages)}`);
  return parts.join(', ');
}

/**
 * The CSL-JSON item of a document, or of one passage (`passage` is its number, e.g. "14"), in
 * the edition `cited` at `pageUrl` (the document page's address). `accessed` is
 * ACCESSED_PLACEHOLDER (a CSL "raw" date) for the reader to fill in.
 */
export function cslItem(doc: EditionDocument, edition: Edition, cited: CitedEdition, pageUrl: string, passage?: string): CslItem {
  const m = doc.meta;
  const original = m.archive?.url ?? m.url;
  const item: CslItem = {
    id: passage ? `${doc.slug}-p${passage}` : doc.slug,
    // CSL's generic type: the styles then cite it as a part of its container, the edition (a
    // web page would make the edition its author, an article its journal).
    type: 'document',
    title: m.title,
    genre: documentDescription(doc),
    issued: cslDate(m.date),
    language: m.languages[0],
    // The original's holder: the archive, else the publisher it was received from.
    archive: m.archive?.name ?? m.publisher?.name,
    'container-title': cited.title,
    URL: passage ? `${pageUrl}#p${passage}` : pageUrl,
    accessed: { raw: ACCESSED_PLACEHOLDER },
  };
  if (m.authors.length) item.author = m.authors.map((a) => personName(edition, a));
  if (m.recipients.length) item.recipient = m.recipients.map((a) => personName(edition, a));
  if (m.archive?.record_id) item.archive_location = `record ${m.archive.record_id}`;
  else if (m.archive?.reference) item.archive_location = m.archive.reference;
  if (cited.editors.length) item.editor = cited.editors.map(splitName);
  if (cited.version) item.version = cited.version;
  // The same facts in words, for formats without fields for them (BibTeX's note, RIS's N1).
  const held = m.archive ? `Held by ${m.archive.name}${item.archive_location ? `, ${String(item.archive_location)}` : ''}` : '';
  const notes = [
    m.translated_from ? `Translated from ${languageName(m.translated_from)}` : '',
    held,
    m.publisher ? `Published by ${m.publisher.name}` : '',
    original ? `Original: ${original}` : '',
    passage ? `Passage ¶${passage}` : '',
    // RIS has no field citation-js writes a container's version to.
    cited.version ? `Cited from version ${cited.version} of the edition` : '',
  ].filter(Boolean);
  if (notes.length) item.note = notes.join('. ');
  for (const key of Object.keys(item)) if (item[key] === undefined) delete item[key];
  return item;
}

/**
 * A date no document has, given to citeproc in place of the reader's date of access, and how
 * each form writes it: the form's text then has ACCESSED_PLACEHOLDER in its place.
 */
const SENTINEL = [1111, 11, 11];
const SENTINEL_TEXT = { us: 'November 11, 1111', mla: '11 Nov. 1111', iso: '1111-11-11', ris: '1111/11/11/' };

function withPlaceholder(text: string, sentinel: string, form: string): string {
  if (!text.includes(sentinel)) throw new Error(`The ${form} citation has no date of access: ${text}`);
  return text.split(sentinel).join(ACCESSED_PLACEHOLDER);
}

/** `text` with the document's URL made the passage's; the URL must be there. */
function toPassage(text: string, pageUrl: string, passage: string, form: string): string {
  if (!text.includes(pageUrl)) throw new Error(`The ${form} citation does not give the page's address: ${text}`);
  return text.split(pageUrl).join(`${pageUrl}#p${passage}`);
}

/**
 * One rendering by citation-js: an item in a format with that format's options. Plain data, so
 * that it can be made in another thread ahead of the pages (src/integration/citations-ahead.ts
 * runs the same call, `new Cite(item).format(format, options)`, in a worker).
 */
export interface Rendering {
  item: CslItem;
  format: 'bibliography' | 'citation' | 'biblatex' | 'ris';
  options?: Record<string, unknown>;
}

/** What identifies a rendering's output: all of its inputs. */
export const renderingKey = (r: Rendering): string => JSON.stringify([r.format, r.options ?? null, r.item]);

/** Outputs by rendering, so that an identical item is rendered once. */
const cache = new Map<string, string>();

/**
 * Outputs made ahead of the pages (in a build, by a worker thread while Astro bundles:
 * src/integration/citations-ahead.ts), by {@link renderingKey}. Kept on `globalThis`, since
 * the integration and the bundled pages run separate copies of this module in one process. A
 * key is the whole input, so an output found here is the one the page would have made.
 */
interface Ahead {
  outputs: Map<string, string>;
  /** Settles once the outputs being made ahead are kept (or could not be made). */
  ready: Promise<void> | undefined;
  /** Renderings the pages found made ahead, and renderings they made themselves while outputs were held. */
  used: number;
  missed: number;
}
const AHEAD = Symbol.for('annotated-edition.citations-ahead');
function ahead(): Ahead {
  const g = globalThis as { [AHEAD]?: Ahead };
  return (g[AHEAD] ??= { outputs: new Map(), ready: undefined, used: 0, missed: 0 });
}

/**
 * Keeps outputs being made ahead (`[renderingKey, output]`) for the pages of this process, once
 * they come; {@link renderingsMadeAhead} settles then. Outputs that fail to come are made by the
 * pages themselves.
 */
export function keepRenderingsMadeAhead(outputs: Promise<Iterable<readonly [string, string]>>): void {
  const a = ahead();
  a.ready = outputs.then(
    (made) => {
      for (const [key, text] of made) a.outputs.set(key, text);
    },
    () => undefined,
  );
}

/** Settles once the outputs being made ahead are kept (at once when none are): the document pages wait for it before rendering. */
export function renderingsMadeAhead(): Promise<void> {
  return ahead().ready ?? Promise.resolve();
}

/** How many outputs are held, how many the pages used and how many they made themselves; then lets them go. */
export function releaseRenderingsMadeAhead(): { held: number; used: number; missed: number } {
  const a = ahead();
  const stats = { held: a.outputs.size, used: a.used, missed: a.missed };
  a.outputs.clear();
  a.ready = undefined;
  a.used = 0;
  a.missed = 0;
  return stats;
}

/** The output made for these inputs, made once (kept in `cache`). */
function once(key: string, make: () => string): string {
  let out = cache.get(key);
  if (out === undefined) {
    out = make();
    if (cache.size > 5000) cache.clear();
    cache.set(key, out);
  }
  return out;
}

/** Makes one rendering now, in this thread. */
export function renderNow(r: Rendering): string {
  registerStyles();
  return String((new Cite(r.item).format as (format: string, options?: Record<string, unknown>) => unknown)(r.format, r.options)).trim();
}

/** The output of a rendering: made ahead, made before, or made now. */
function made(r: Rendering): string {
  const key = renderingKey(r);
  const a = ahead();
  if (a.outputs.size > 0) {
    const out = a.outputs.get(key);
    if (out !== undefined) {
      a.used++;
      return out;
    }
    a.missed++;
  }
  return once(key, () => renderNow(r));
}

type Kind = 'bibliography' | 'note' | 'in-text';

/** One citeproc rendering (plain text) of `item` in `style`, with a paragraph locator for notes and in-text citations. */
function render(item: CslItem, style: string, kind: Kind, paragraph?: string): Rendering {
  const options = { format: 'text', template: style, lang: 'en-US' };
  if (kind === 'bibliography') return { item, format: 'bibliography', options };
  return {
    item,
    format: 'citation',
    options: {
      ...options,
      citationsPre: [],
      citationsPost: [],
      // A note's first citation (noteIndex 1): the full note.
      entry: { citationItems: [{ id: String(item.id), ...(paragraph ? { locator: paragraph, label: 'paragraph' } : {}) }], properties: { noteIndex: kind === 'note' ? 1 : 0 } },
    },
  };
}

/** What Chicago's bibliography is given: the item without its recipients (its style writes "Dimitrov, Georgi. to Joseph Stalin."). */
function chicagoBibliographyItem(rendered: CslItem): CslItem {
  const { recipient: _recipient, ...item } = rendered;
  return item;
}

/** The renderings of a document's citation forms, or of a passage's (`passage`: its number, or a placeholder). */
function renderings(doc: EditionDocument, edition: Edition, cited: CitedEdition, pageUrl: string, passage?: string) {
  const rendered: CslItem = { ...cslItem(doc, edition, cited, pageUrl), accessed: { 'date-parts': [SENTINEL] } };
  const mlaItem = { ...rendered, ...(cited.version ? { version: `version ${cited.version}` } : {}) };
  return {
    chicagoNote: render(rendered, STYLES.chicago, 'note', passage),
    chicagoBibliography: render(chicagoBibliographyItem(rendered), STYLES.chicago, 'bibliography'),
    mla: render(mlaItem, STYLES.mla, 'bibliography'),
    apa: render(rendered, STYLES.apa, 'bibliography'),
    // BibLaTeX's fields (urldate, booktitle, editor, version, date): classic BibTeX has none for the edition.
    bibtex: { item: rendered, format: 'biblatex' } satisfies Rendering,
    ris: { item: rendered, format: 'ris' } satisfies Rendering,
    ...(passage ? { inText: render(rendered, STYLES.apa, 'in-text', passage) } : {}),
  };
}

/**
 * Every rendering the page of a document at `pageUrl` and its handout ask for (its citation
 * forms, its passages' forms with the `__P__` placeholder, its suggested citation), once each:
 * what a build can make ahead of the pages (src/integration/citations-ahead.ts).
 */
export function citationRenderings(doc: EditionDocument, edition: Edition, cited: CitedEdition, pageUrl: string): Rendering[] {
  const all = new Map<string, Rendering>();
  for (const set of [renderings(doc, edition, cited, pageUrl), renderings(doc, edition, cited, pageUrl, PASSAGE_PLACEHOLDER)]) {
    for (const r of Object.values(set)) all.set(renderingKey(r), r);
  }
  return [...all.values()];
}

/** The passage number the document page's passage forms are made with, replaced in the reader's browser (src/site/passage-tools.ts). */
export const PASSAGE_PLACEHOLDER = '__P__';

/**
 * The document's suggested citation, Chicago's bibliography form: the same text as
 * `citations(…).chicagoBibliography`, made alone (one citeproc rendering instead of every
 * form's), for the print head of the document page and of its handout.
 */
export function suggestedCitation(doc: EditionDocument, edition: Edition, cited: CitedEdition, pageUrl: string): string {
  return withPlaceholder(made(renderings(doc, edition, cited, pageUrl).chicagoBibliography), SENTINEL_TEXT.us, 'Chicago bibliography');
}

/**
 * All citation forms of a document, or of one passage (`passage` is its number, e.g. "14", or a
 * placeholder such as `__P__` that the page replaces), in the edition `cited` (its title,
 * editors and version) at `pageUrl`.
 *
 * A passage is cited as its document with the passage's address; its Chicago note also gives
 * the paragraph ("para. 14", CMOS 14.174) and its APA reference is followed by the in-text
 * citation with the paragraph ("(Dimitrov, 1941, para. 14)", APA 8.28).
 *
 * What each style is given: the item as it is, except that Chicago's bibliography is not given
 * the recipients (its style writes "Dimitrov, Georgi. to Joseph Stalin."), and MLA is given the
 * version with its word ("version 0.2.0": MLA writes the version as it is given, where APA and
 * Chicago add the word themselves).
 */
export function citations(doc: EditionDocument, edition: Edition, cited: CitedEdition, pageUrl: string, passage?: string): Citations {
  const r = renderings(doc, edition, cited, pageUrl, passage);
  const forms = {
    chicagoNote: withPlaceholder(made(r.chicagoNote), SENTINEL_TEXT.us, 'Chicago note'),
    chicagoBibliography: withPlaceholder(made(r.chicagoBibliography), SENTINEL_TEXT.us, 'Chicago bibliography'),
    mla: withPlaceholder(made(r.mla), SENTINEL_TEXT.mla, 'MLA'),
    apa: withPlaceholder(made(r.apa), SENTINEL_TEXT.us, 'APA'),
    bibtex: withPlaceholder(made(r.bibtex), SENTINEL_TEXT.iso, 'BibTeX'),
    ris: withPlaceholder(made(r.ris), SENTINEL_TEXT.ris, 'RIS'),
  };
  if (!passage || !r.inText) return { ...forms, cslJson: JSON.stringify([cslItem(doc, edition, cited, pageUrl)], null, 2) };
  return {
    // The note was rendered with the paragraph; its URL is still the page's.
    chicagoNote: toPassage(forms.chicagoNote, pageUrl, passage, 'Chicago note'),
    chicagoBibliography: toPassage(forms.chicagoBibliography, pageUrl, passage, 'Chicago bibliography'),
    mla: toPassage(forms.mla, pageUrl, passage, 'MLA'),
    apa: `${toPassage(forms.apa, pageUrl, passage, 'APA')}\nIn the text: ${made(r.inText)}`,
    bibtex: toPassage(forms.bibtex, pageUrl, passage, 'BibTeX'),
    ris: toPassage(forms.ris, pageUrl, passage, 'RIS'),
    cslJson: JSON.stringify([cslItem(doc, edition, cited, pageUrl, passage)], null, 2),
  };
}
