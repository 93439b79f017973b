/**
 * The MDX written on both cores (src/integration/mdx-ahead.ts): the worker thread, which loads
 * the core through Vite's module runner and is given a copy of the model, writes the same text
 * as this thread; when it fails, this thread writes its documents too.
 */
import { describe, expect, it } from 'vitest';
import { documentMdx, loadEdition } from '../../src/edition/index.ts';
import { documentTexts, MDX_WORKER_MIN_DOCUMENTS, startMdxWorker, type MdxWorker } from '../../src/integration/mdx-ahead.ts';
import { mdxOptions } from '../../src/integration/write-mdx.ts';
import { ROOT } from '../helpers/build.ts';

const edition = loadEdition(ROOT, { requireLocks: false });
const slugs = edition.documents.map((d) => d.slug);

describe('MDX written on both cores', () => {
  it('writes in the worker the same text as in this thread, for each base', async () => {
    const worker = startMdxWorker(ROOT);
    try {
      for (const base of ['/', '/edition/']) {
        const made = await worker.make(edition, slugs, mdxOptions(base));
        expect([...made.keys()]).toEqual(slugs);
        for (const doc of edition.documents) expect(made.get(doc.slug)).toBe(documentMdx(doc, edition, mdxOptions(base)));
      }
    } finally {
      worker.close();
    }
  }, 60_000);

  it('shares out the documents: the worker writes the second half', async () => {
    const asked: string[][] = [];
    const worker: MdxWorker = {
      make: async (_e, list, options) => {
        asked.push([...list]);
        return new Map(list.map((slug) => [slug, documentMdx(edition.documents.find((d) => d.slug === slug)!, edition, options)]));
      },
      close: () => {},
    };
    // The seed's three documents, asked for as many times as it takes to reach the threshold.
    const many = Array.from({ length: MDX_WORKER_MIN_DOCUMENTS }, (_, i) => slugs[i % slugs.length]!);
    const texts = await documentTexts(edition, many, mdxOptions('/'), worker);
    expect(asked).toEqual([many.slice(MDX_WORKER_MIN_DOCUMENTS / 2)]);
    expect([...texts.keys()].sort()).toEqual([...slugs].sort());
    // Below the threshold, no worker is asked.
    await documentTexts(edition, slugs, mdxOptions('/'), worker);
    expect(asked.length).toBe(1);
  });

  it('writes every text here when the worker fails, and says so', async () => {
    const errors: string[] = [];
    const worker: MdxWorker = { make: () => Promise.reject(new Error('stopped')), close: () => {} };
    const many = Array.from({ length: MDX_WORKER_MIN_DOCUMENTS }, (_, i) => slugs[i % slugs.length]!);
    const texts = await documentTexts(edition, many, mdxOptions('/'), worker, (e) => errors.push(e.message));
    expect(errors).toEqual(['stopped']);
    for (const doc of edition.documents) expect(texts.get(doc.slug)).toBe(documentMdx(doc, edition, mdxOptions('/')));
  });

  it('rejects a request it cannot carry out, instead of leaving it waiting', async () => {
    const worker = startMdxWorker(ROOT);
    try {
      await expect(worker.make({ documents: [] } as unknown as typeof edition, ['missing'], mdxOptions('/'))).rejects.toThrow();
    } finally {
      worker.close();
    }
  }, 60_000);
});
