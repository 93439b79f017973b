/**
 * Open data (issue 20): every note as a W3C Web Annotation whose selectors find its exact words
 * in the source, with every property the W3C model requires; the model file; CITATION.cff agrees
 * with edition.config.yml.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadEdition, readEditionConfig } from '../../src/edition/index.ts';
import { ANNO_CONTEXT, MOTIVATIONS, documentAnnotations, editionAnnotations, editionModel, MODEL_SCHEMA_VERSION, noteAnnotation } from '../../src/edition/open-data.ts';
import { ROOT } from '../helpers/build.ts';

const edition = loadEdition(ROOT, { requireLocks: false });
const { config } = readEditionConfig(ROOT);
const urls = { site: 'https://edition.test/' };
const LICENCE = 'https://creativecommons.org/licenses/by/4.0/';
/** The W3C motivations (Web Annotation Vocabulary §3.3.5). */
const W3C_MOTIVATIONS = ['assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting', 'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging', 'correcting'];

type Selector = { type: string; exact?: string; prefix?: string; suffix?: string; start?: number; end?: number };
type Annotation = { '@context'?: string; id: string; type: string; motivation: string; body: { type: string; value: string; format: string; purpose: string }; target: { source: string; selector: Selector[] } };

describe('notes as W3C Web Annotations', () => {
  const all = edition.documents.flatMap((d) => d.notes.map((n) => ({ d, n, a: noteAnnotation(d, n, urls, LICENCE) as unknown as Annotation })));

  it('there are notes to check', () => expect(all.length).toBeGreaterThan(20));

  it('every annotation has the W3C model\'s required properties (context, id, type, target) and a known motivation', () => {
    for (const { n, a } of all) {
      expect(a['@context'], n.id).toBe(ANNO_CONTEXT);
      expect(a.id, n.id).toMatch(/^https:\/\/edition\.test\/documents\/[a-z0-9-]+\/#fn-/);
      expect(a.type).toBe('Annotation');
      expect(W3C_MOTIVATIONS).toContain(a.motivation);
      expect(a.motivation).toBe(MOTIVATIONS[n.kind]);
      expect(a.body.type).toBe('TextualBody');
      expect(a.body.format).toBe('text/html');
      expect(a.body.value.length).toBeGreaterThan(0);
      expect(a.target.source).toBe(`https://edition.test/documents/${n.document}/#${n.passage}`);
      expect(a.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    }
  });

  it('each selector finds exactly the quoted words in the source', () => {
    for (const { d, n, a } of all) {
      const passage = d.passages.find((p) => p.id === n.passage)!;
      const [quote, position] = a.target.selector as [Required<Selector>, Required<Selector>];
      // The position selector, in the passage and in the source's body.
      expect(passage.text.slice(position.start, position.end), n.id).toBe(quote.exact);
      expect(d.body.slice(passage.start + position.start, passage.start + position.end), n.id).toBe(quote.exact);
      expect(quote.exact, n.id).toBe(d.body.slice(n.span.start, n.span.end));
      // The quote selector: prefix, exact and suffix, together, once in the passage.
      const whole = quote.prefix + quote.exact + quote.suffix;
      expect(passage.text.indexOf(whole), n.id).toBe(position.start - quote.prefix.length);
      expect(passage.text.lastIndexOf(whole), `${n.id}: prefix + exact + suffix is unique in the passage`).toBe(position.start - quote.prefix.length);
      // Context up to 32 characters either side, as far as the passage goes.
      expect(quote.prefix).toBe(passage.text.slice(Math.max(0, position.start - 32), position.start));
      expect(quote.suffix).toBe(passage.text.slice(position.end, position.end + 32));
    }
  });

  it('one collection per document and one for the edition, with every note', () => {
    const total = edition.documents.reduce((s, d) => s + d.notes.length, 0);
    const ed = editionAnnotations(edition, 'An edition', urls, LICENCE) as { type: string; total: number; first: { type: string; items: unknown[] } };
    expect(ed).toMatchObject({ '@context': ANNO_CONTEXT, type: 'AnnotationCollection', total, first: { type: 'AnnotationPage' } });
    expect(ed.first.items).toHaveLength(total);
    for (const d of edition.documents) {
      const c = documentAnnotations(d, urls, LICENCE) as { id: string; total: number; first: { items: Annotation[] } };
      expect(c.id).toBe(`https://edition.test/annotations/${d.slug}.jsonld`);
      expect(c.first.items.map((a) => a.id)).toEqual(d.notes.map((n) => `https://edition.test/documents/${d.slug}/#fn-${n.id}`));
    }
  });
});

describe('the model as one versioned JSON file', () => {
  it('holds documents with text and passages, notes, registers and works, with its schema version', () => {
    const model = JSON.parse(JSON.stringify(editionModel(edition, config!, urls))) as Record<string, any>;
    expect(model.schema).toBe('annotated-edition/model');
    expect(model.schemaVersion).toBe(MODEL_SCHEMA_VERSION);
    expect(model.edition).toMatchObject({ version: config!.version, released: config!.released, url: urls.site });
    expect(model.documents).toHaveLength(edition.documents.length);
    for (const [i, d] of edition.documents.entries()) {
      const m = model.documents[i];
      expect(m.text).toBe(d.body);
      expect(m.passages.map((p: { id: string }) => p.id)).toEqual(d.passages.map((p) => p.id));
      for (const p of m.passages) expect(d.body.slice(p.start, p.end)).toBe(p.text);
      for (const n of m.notes) {
        expect(d.body.slice(n.start, n.end)).toBe(n.text);
        const p = m.passages.find((x: { id: string }) => x.id === n.passage);
        expect(n.start >= p.start && n.end <= p.end, n.id).toBe(true);
      }
      // A document's dated corrections reach the open data as the source declares them.
      expect(m.meta.corrections).toEqual(JSON.parse(JSON.stringify(d.meta.corrections)));
      expect(m.meta.corrections.length).toBe(d.meta.corrections.length);
    }
    expect(model.registers).toHaveLength(edition.entries.size);
    expect(Object.keys(model.works)).toEqual(Object.keys(edition.works));
    // The documented schema names every top-level field.
    const doc = readFileSync(join(ROOT, 'docs/open-data.md'), 'utf8');
    for (const key of Object.keys(model)) expect(doc, key).toContain(`\`${key}\``);
    for (const key of Object.keys(model.documents[0])) expect(doc, key).toContain(`\`${key}\``);
  });
});

describe('CITATION.cff', () => {
  it('gives the version and release date of edition.config.yml', () => {
    const cff = parse(readFileSync(join(ROOT, 'CITATION.cff'), 'utf8'), { schema: 'core' }) as Record<string, unknown>;
    expect(cff['cff-version']).toBe('1.2.0');
    expect(String(cff.version)).toBe(config!.version);
    expect(String(cff['date-released'])).toBe(config!.released);
    expect(cff.title).toBe(`${config!.title}: ${config!.subtitle}`);
  });
});
