/**
 * Open data, for others to reuse (issue 20); the formats are described in docs/open-data.md.
 *
 * - Every note as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/): JSON-LD with
 *   the W3C context, the note's footnote address as its id, a motivation from the note's kind,
 *   the note as an HTML TextualBody, and as target the passage's address with a
 *   TextQuoteSelector (exact words, prefix and suffix, within the passage) and a
 *   TextPositionSelector (offsets in the passage's text, in UTF-16 code units as the text is
 *   read by browsers). One AnnotationCollection per document and one for the edition.
 * - The whole model (documents with their text, passages with ids, notes, mentions, register
 *   entries, works, the edition's settings) as one JSON file with a schema version.
 */
import type { Edition, EditionDocument, Note } from './model.js';
import type { EditionConfig } from './config.js';
import { ENTITY_KINDS } from './model.js';
import { entityHref } from './emit/to-mdast.js';
import { toSafeHtml } from './markdown.js';
import { NOTE_KINDS, type NoteKind } from './schema.js';

/** The W3C Web Annotation JSON-LD context. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/**
 * The W3C motivation (Web Annotation Vocabulary §3.3.5) each kind of note has; the kind itself
 * is kept beside it as `dc:type`.
 */
export const MOTIVATIONS: Record<NoteKind, string> = {
  context: 'commenting',
  identification: 'identifying',
  translation: 'describing',
  gloss: 'describing',
  sic: 'correcting',
  contested: 'questioning',
  unverified: 'assessing',
  later: 'commenting',
  structure: 'classifying',
  source: 'describing',
};

/** Characters of context kept before and after the quoted words in a TextQuoteSelector. */
const CONTEXT = 32;

/** Addresses of the published site. */
export interface SiteUrls {
  /** The site's address with its base path and a trailing slash: `https://…/edition/`. */
  site: string;
}

export const documentUrl = (urls: SiteUrls, slug: string) => `${urls.site}documents/${slug}/`;
export const annotationsUrl = (urls: SiteUrls, slug?: string) => (slug ? `${urls.site}annotations/${slug}.jsonld` : `${urls.site}annotations.jsonld`);

/** One note as a W3C Web Annotation. */
export function noteAnnotation(doc: EditionDocument, note: Note, urls: SiteUrls, licence: string): Record<string, unknown> {
  const passage = doc.passages.find((p) => p.id === note.passage);
  if (!passage) throw new Error(`Note ${note.id} is on passage ${note.passage}, which ${doc.slug} does not have.`);
  const start = note.span.start - passage.start;
  const end = note.span.end - passage.start;
  const text = passage.text;
  const page = documentUrl(urls, doc.slug);
  const motivation = MOTIVATIONS[note.kind];
  return {
    '@context': ANNO_CONTEXT,
    id: `${page}#fn-${note.id}`,
    type: 'Annotation',
    motivation,
    'dc:type': note.kind,
    rights: licence,
    body: {
      type: 'TextualBody',
      value: toSafeHtml(note.body, entityHref(urls.site)),
      format: 'text/html',
      language: 'en',
      purpose: motivation,
    },
    target: {
      source: `${page}#${passage.id}`,
      selector: [
        { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - CONTEXT), start), suffix: text.slice(end, end + CONTEXT) },
        { type: 'TextPositionSelector', start, end },
      ],
    },
  };
}

/** A document's notes as an AnnotationCollection (one page holding every annotation). */
export function documentAnnotations(doc: EditionDocument, urls: SiteUrls, licence: string): Record<string, unknown> {
  const id = annotationsUrl(urls, doc.slug);
  const items = doc.notes.map((n) => {
    const { '@context': _context, ...a } = noteAnnotation(doc, n, urls, licence);
    return a;
  });
  return { '@context': ANNO_CONTEXT, id, type: 'AnnotationCollection', label: `Notes on “${doc.meta.title}”`, total: items.length, first: { id: `${id}#page-1`, type: 'AnnotationPage', startIndex: 0, items } };
}

/** Every note of the edition as one AnnotationCollection. */
export function editionAnnotations(edition: Edition, title: string, urls: SiteUrls, licence: string): Record<string, unknown> {
  const id = annotationsUrl(urls);
  const items = edition.documents.flatMap((d) =>
    d.notes.map((n) => {
      const { '@context': _context, ...a } = noteAnnotation(d, n, urls, licence);
      return a;
    }),
  );
  return { '@context': ANNO_CONTEXT, id, type: 'AnnotationCollection', label: `Notes of ${title}`, total: items.length, first: { id: `${id}#page-1`, type: 'AnnotationPage', startIndex: 0, items } };
}

/** The version of the model file's format (docs/open-data.md); raised when a field changes meaning or goes. */
export const MODEL_SCHEMA_VERSION = 1;

/** The whole edition as one JSON-ready object (docs/open-data.md, "The model"). */
export function editionModel(edition: Edition, config: EditionConfig, urls: SiteUrls): Record<string, unknown> {
  const href = entityHref(urls.site);
  return {
    schema: 'annotated-edition/model',
    schemaVersion: MODEL_SCHEMA_VERSION,
    edition: {
      title: config.title,
      subtitle: config.subtitle ?? null,
      version: config.version,
      released: config.released,
      url: urls.site,
      licence: config.licence,
      editors: config.editors,
    },
    noteKinds: NOTE_KINDS,
    documents: edition.documents.map((d) => ({
      slug: d.slug,
      url: documentUrl(urls, d.slug),
      annotations: annotationsUrl(urls, d.slug),
      meta: d.meta,
      text: d.body,
      passages: d.passages.map((p) => ({ id: p.id, n: p.n, ordinal: p.ordinal, start: p.start, end: p.end, role: p.role, lang: p.lang, ...(p.comment !== undefined ? { comment: p.comment } : {}), text: p.text })),
      tombstones: Object.fromEntries(d.tombstones),
      comments: d.comments,
      notes: d.notes.map((n) => ({ id: n.id, kind: n.kind, passage: n.passage, start: n.span.start, end: n.span.end, text: d.body.slice(n.span.start, n.span.end), quote: n.quote, entities: n.entities, cites: n.cites, body: toSafeHtml(n.body, href) })),
      mentions: d.mentions.map((x) => ({ ref: x.ref, passage: x.passage, start: x.start, end: x.end, inText: x.inText })),
    })),
    registers: [...edition.entries.values()].map((e) => ({ ref: e.ref, kind: e.kind, id: e.id, url: href(e.ref), ...e.meta, account: toSafeHtml(e.body, href) })),
    works: edition.works,
    registerKinds: Object.fromEntries(Object.entries(ENTITY_KINDS).map(([k, v]) => [k, v.label])),
  };
}
