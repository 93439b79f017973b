/**
 * Citation forms made ahead in a worker thread (src/integration/citations-ahead.ts): the worker
 * makes each rendering as the page would (the same text), the renderings listed for a document
 * are every one its page and handout ask for (the page then makes none itself), and a
 * rendering the worker cannot make, or a worker that fails, leaves the page to make its own.
 * Outputs are kept between builds, under the digest of what shapes them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { citationRenderings, citations, keepRenderingsMadeAhead, loadEdition, PASSAGE_PLACEHOLDER, releaseRenderingsMadeAhead, renderingKey, renderingsMadeAhead, renderNow, suggestedCitation, type CitedEdition } from '../../src/edition/index.ts';
import { keepCitations, keptCitations, makeCitationsAhead, renderInWorker } from '../../src/integration/citations-ahead.ts';
import { ROOT } from '../helpers/build.ts';

const edition = loadEdition(ROOT, { requireLocks: false });
const CITED: CitedEdition = { title: 'An Edition: Its Subtitle', editors: ['Ada Lovelace'], version: '0.2.0' };
const page = (slug: string) => `https://edition.org/documents/${slug}/`;
const all = edition.documents.flatMap((doc) => citationRenderings(doc, edition, CITED, page(doc.slug)).map((r) => [renderingKey(r), r] as [string, typeof r]));

/** What a document page and its handout ask for. */
const pageForms = () =>
  edition.documents.map((doc) => [citations(doc, edition, CITED, page(doc.slug)), citations(doc, edition, CITED, page(doc.slug), PASSAGE_PLACEHOLDER), suggestedCitation(doc, edition, CITED, page(doc.slug))]);

afterEach(() => {
  releaseRenderingsMadeAhead();
});

describe('citations made ahead', () => {
  it('lists each rendering once, about eight per document', () => {
    expect(new Set(all.map(([key]) => key)).size).toBe(all.length);
    expect(all.length).toBe(edition.documents.length * 8);
  });

  it('makes in the worker the same text as in this thread', async () => {
    const made = new Map(await renderInWorker(all));
    expect(made.size).toBe(all.length);
    for (const [key, r] of all) expect(made.get(key)).toBe(renderNow(r));
  });

  it('gives the pages every form they ask for, the same as made by themselves', async () => {
    const byThemselves = pageForms();
    keepRenderingsMadeAhead(renderInWorker(all));
    await renderingsMadeAhead();
    expect(pageForms()).toEqual(byThemselves);
    const used = releaseRenderingsMadeAhead();
    expect(used.held).toBe(all.length);
    expect(used.missed).toBe(0);
    // Six forms of the document, six of its passages and their in-text citation, the print head's.
    expect(used.used).toBe(edition.documents.length * 14);
  });

  it('leaves out a rendering it cannot make, and makes the others', async () => {
    const bad: [string, unknown] = ['bad', { item: { id: 'x', type: 'document', title: 'X' }, format: 'no-such-format' }];
    const made = new Map(await renderInWorker([bad, ...all.slice(0, 3)]));
    expect([...made.keys()]).toEqual(all.slice(0, 3).map(([key]) => key));
  });

  it('lets the pages make their own when the worker fails', async () => {
    keepRenderingsMadeAhead(renderInWorker(all, [['broken', '<not a style']]).then(() => Promise.reject(new Error('stopped'))));
    await renderingsMadeAhead();
    const doc = edition.documents[0]!;
    expect(citations(doc, edition, CITED, page(doc.slug)).chicagoNote).toContain(page(doc.slug));
    expect(releaseRenderingsMadeAhead()).toEqual({ held: 0, used: 0, missed: 0 });
  });
});

describe('citation outputs kept between builds', () => {
  const include = () => true;

  it('makes only the renderings the last build did not keep, and the pages find them all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citations-kept-'));
    try {
      const byThemselves = pageForms();
      const first = await makeCitationsAhead(edition, CITED, 'https://edition.org', '/', include).done;
      if (first instanceof Error) throw first;
      expect(first).toMatchObject({ made: all.length, kept: 0 });
      releaseRenderingsMadeAhead();
      keepCitations(dir, ROOT, first.outputs);
      const kept = keptCitations(dir, ROOT);
      expect(kept.size).toBe(all.length);
      // One rendering's inputs changed since (a note of its document edited would not change any): only it is made.
      kept.delete([...kept.keys()][0]!);
      const second = await makeCitationsAhead(edition, CITED, 'https://edition.org', '/', include, kept).done;
      if (second instanceof Error) throw second;
      expect(second).toMatchObject({ made: 1, kept: all.length - 1 });
      expect(second.outputs).toEqual(first.outputs);
      await renderingsMadeAhead();
      expect(pageForms()).toEqual(byThemselves);
      expect(releaseRenderingsMadeAhead().missed).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('ignores outputs kept under other styles or versions, and a damaged file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'citations-kept-'));
    try {
      keepCitations(dir, ROOT, new Map([['k', 'an output']]));
      expect(keptCitations(dir, ROOT)).toEqual(new Map([['k', 'an output']]));
      expect(keptCitations(dir, ROOT, [['another-style', '<style/>']]).size).toBe(0);
      writeFileSync(join(dir, 'citations.json'), '{ not json');
      expect(keptCitations(dir, ROOT).size).toBe(0);
      expect(keptCitations(join(dir, 'nothing-here'), ROOT).size).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
