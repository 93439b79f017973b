/**
 * Citations of a document or a passage, naming both the original (author, title, date,
 * archive or publisher, record id, original URL) and the edition (title, editors, version, URL,
 * date accessed; the edition's part comes from edition.config.yml through `CitedEdition`).
 *
 * citation-js writes APA (its bundled CSL style, through apa.ts), BibTeX and CSL-JSON. No registry package
 * ships the Chicago and MLA CSL styles, so those two are written here from the same CSL data,
 * following the Chicago Manual of Style (17th ed., notes and bibliography) and the MLA Handbook
 * (9th ed.) forms for archival documents and web pages.
 *
 * The date of access belongs to the reader, not the build (builds are reproducible): it is
 * written as ACCESSED_PLACEHOLDER, which the page replaces with the reader's date.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import { apaReference } from './apa.js';
import type { Edition, EditionDocument } from './edition.js';

/** Stands for the reader's date of access until the page fills it in. */
export const ACCESSED_PLACEHOLDER = '[date accessed]';

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
  cslJson: string;
}

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
  ['csl-json', 'CSL-JSON', 'cslJson'],
];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MLA_MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

function personName(edition: Edition, refOrName: string): CslName {
  const e = edition.entries.get(refOrName);
  const name = e ? e.meta.name : refOrName;
  if (e && e.kind !== 'person') return { literal: name };
  return splitName(name);
}

const dateParts = (d: string) => d.split('-').map(Number);
const docDate = (doc: EditionDocument) => ('value' in doc.meta.date ? doc.meta.date.value : doc.meta.date.from);

/** "December 9, 1941" / "February 2012" / "1941" (Chicago). */
function chicagoDate(d: string): string {
  const [y, m, day] = dateParts(d);
  if (day) return `${MONTHS[m! - 1]} ${day}, ${y}`;
  if (m) return `${MONTHS[m - 1]} ${y}`;
  return String(y);
}
/** "9 Dec. 1941" / "Feb. 2012" / "1941" (MLA). */
function mlaDate(d: string): string {
  const [y, m, day] = dateParts(d);
  if (day) return `${day} ${MLA_MONTHS[m! - 1]} ${y}`;
  if (m) return `${MLA_MONTHS[m - 1]} ${y}`;
  return String(y);
}

const CSL_TYPES: Record<string, string> = { cable: 'manuscript', letter: 'personal_communication', article: 'article-newspaper', 'blog-thread': 'post-weblog' };

/** A name given first-name-first as CSL: the last word is the family name. */
function splitName(name: string): CslName {
  const parts = name.trim().split(/\s+/);
  return parts.length > 1 ? { given: parts.slice(0, -1).join(' '), family: parts[parts.length - 1]! } : { literal: name };
}

/** "A", "A and B", "A, B, and C" (Chicago, MLA). */
function nameList(names: readonly string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]}`;
}

/** CSL-JSON for a document (and optionally one passage) in the edition `cited`. */
export function cslItem(doc: EditionDocument, edition: Edition, cited: CitedEdition, editionUrl: string, passage?: string): Record<string, unknown> {
  const m = doc.meta;
  const item: Record<string, unknown> = {
    id: passage ? `${doc.slug}-${passage}` : doc.slug,
    type: CSL_TYPES[m.type] ?? 'document',
    title: m.title,
    issued: { 'date-parts': [dateParts(docDate(doc))] },
    URL: editionUrl,
    'container-title': cited.title,
    language: m.languages[0],
  };
  if (m.authors.length) item.author = m.authors.map((a) => personName(edition, a));
  if (m.recipients.length) item.recipient = m.recipients.map((a) => personName(edition, a));
  if (m.type !== 'blog-thread' && m.type !== 'article') item.genre = m.type.charAt(0).toUpperCase() + m.type.slice(1);
  if (m.archive) {
    item.archive = m.archive.name;
    if (m.archive.record_id) item.archive_location = `Record ${m.archive.record_id}`;
    else if (m.archive.reference) item.archive_location = m.archive.reference;
  }
  if (m.publisher) item.publisher = m.publisher.name;
  const original = m.archive?.url ?? m.url;
  const notes = [m.translated_from ? `Translated from ${m.translated_from === 'ru' ? 'Russian' : m.translated_from}` : '', original ? `Original: ${original}` : '', passage ? `Passage ¶${passage}` : ''].filter(Boolean);
  if (notes.length) item.note = notes.join('. ');
  // The edition's editors and release (APA: "In J. Doe (Ed.), Title (Version 0.2.0)").
  if (cited.editors.length) item.editor = cited.editors.map(splitName);
  if (cited.version) item.version = cited.version;
  return item;
}

/** A document's APA reference, without the date of access (the reader's, filled in on the page). */
const documentApa = (doc: EditionDocument, edition: Edition, cited: CitedEdition, editionUrl: string) => apaReference({ ...cslItem(doc, edition, cited, editionUrl), accessed: undefined });

/**
 * All citation forms of a document, or of one passage (`passage` is its number, e.g. "14"), in
 * the edition `cited` (its title, editors and version) at `editionUrl`.
 */
export function citations(doc: EditionDocument, edition: Edition, cited: CitedEdition, editionUrl: string, passage?: string): Citations {
  const m = doc.meta;
  const url = passage ? `${editionUrl}#p${passage}` : editionUrl;
  const item = cslItem(doc, edition, cited, url, passage);
  const authors = (item.author as CslName[] | undefined) ?? [];
  const first = authors[0];
  const date = docDate(doc);
  const where = [m.archive?.name, m.archive?.record_id ? `record ${m.archive.record_id}` : m.archive?.reference, m.publisher?.name].filter(Boolean).join(', ');
  const original = m.archive?.url ?? m.url;
  const para = passage ? `, ¶${passage}` : '';
  const translated = m.translated_from ? ' Translated from Russian.' : '';

  const noteAuthor = first ? `${first.literal ?? `${first.given} ${first.family}`}, ` : '';
  const bibAuthor = first ? `${first.literal ?? `${first.family}, ${first.given}`}. ` : '';
  // The edition: its title, then its editors and version when it has them.
  const editors = nameList(cited.editors);
  const noteEdition = `${cited.title}${editors ? `, ed. ${editors}` : ''}${cited.version ? `, version ${cited.version}` : ''}`;
  const bibEdition = `${cited.title}${editors ? `, edited by ${editors}` : ''}${passage ? `, ¶${passage}` : ''}.${cited.version ? ` Version ${cited.version}.` : ''}`;
  const mlaEdition = `${cited.title}${editors ? `, edited by ${editors}` : ''}${cited.version ? `, version ${cited.version}` : ''}`;
  const chicagoNote = `${noteAuthor}“${m.title},” ${chicagoDate(date)}${where ? `, ${where}` : ''}${original ? `, ${original}` : ''}${para}; in ${noteEdition}, ${url} (accessed ${ACCESSED_PLACEHOLDER}).`;
  const chicagoBibliography = `${bibAuthor}“${m.title}.” ${chicagoDate(date)}.${translated}${where ? ` ${where}.` : ''}${original ? ` ${original}.` : ''} In ${bibEdition} ${url}. Accessed ${ACCESSED_PLACEHOLDER}.`;
  const mla = `${bibAuthor}“${m.title}.” ${mlaDate(date)}.${where ? ` ${where},` : ''}${original ? ` ${original.replace(/^https?:\/\//, '')}.` : ''} ${mlaEdition}${passage ? `, par. ${passage}` : ''}, ${url.replace(/^https?:\/\//, '')}. Accessed ${ACCESSED_PLACEHOLDER}.`;

  const cite = new Cite({ ...item, accessed: undefined });
  // A passage's APA reference is the document's with the passage's URL.
  const apa = passage ? documentApa(doc, edition, cited, editionUrl).replace(editionUrl, url) : documentApa(doc, edition, cited, editionUrl);
  const bibtex = String(cite.format('bibtex')).trim();
  const cslJson = JSON.stringify([item]);
  return { chicagoNote, chicagoBibliography, mla, apa, bibtex, cslJson };
}
