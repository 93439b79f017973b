/**
 * The MDX written on both cores (src/integration/core-worker.ts): the worker thread, which loads
 * the core through Vite's module runner and is given a copy of the model, writes the same text
 * as this thread; when it fails, this thread writes its documents too.
 */
import { describe, expect, it } from 'vitest';
import { buildEdition, documentMdx, loadEdition, readEditionFiles, WorkCache } from '../../src/edition/index.ts';
import { CORE_WORKER_MIN_DOCUMENTS, documentTexts, shareNoteReading, startCoreWorker, type CoreWorker } from '../../src/integration/core-worker.ts';
import { mdxOptions } from '../../src/integration/write-mdx.ts';
import { ROOT } from '../helpers/build.ts';

const edition = loadEdition(ROOT, { requireLocks: false });
const slugs = edition.documents.map((d) => d.slug);

describe('sources and notes read on both cores', () => {
  const files = readEditionFiles(ROOT);
  // With a cache of its own (documents then carry their input digest), none of it read ahead.
  const plain = buildEdition(files, { cache: new WorkCache() });
  const notes = files.filter((f) => f.path.startsWith('annotations/notes/')).length;

  it('reads a share in the worker; the model built from both shares is the one built without them', async () => {
    const cache = new WorkCache();
    const worker = startCoreWorker(ROOT);
    try {
      expect(await shareNoteReading(files, cache, worker, undefined, 1)).toBe(notes);
    } finally {
      worker.close();
    }
    // Every note's and source's read is held, and every lock's: building the model reads none of them again.
    const shared = buildEdition(files, { cache });
    const sources = files.filter((f) => /^sources\/[^/]+\.txt$/.test(f.path)).length;
    expect(cache.stats.read?.hits).toBe(notes + sources);
    expect(cache.stats.lock).toEqual({ hits: sources, misses: 0 });
    expect(shared.documents).toEqual(plain.documents);
    expect(shared.problems).toEqual(plain.problems);
  }, 60_000);

  it('reads nothing ahead with too few notes, or when they are read already', async () => {
    const cache = new WorkCache();
    const never: CoreWorker = { read: () => Promise.reject(new Error('not asked')), mdx: () => Promise.reject(new Error('not asked')), compile: () => Promise.reject(new Error('not asked')), close: () => {} };
    expect(await shareNoteReading(files, cache, never, undefined, notes + 1)).toBe(0);
    buildEdition(files, { cache });
    expect(await shareNoteReading(files, cache, never, undefined, 1)).toBe(0);
  });

  it('leaves the worker\'s share to the model when the worker fails, and says so', async () => {
    const cache = new WorkCache();
    const errors: string[] = [];
    const failing: CoreWorker = { read: () => Promise.reject(new Error('stopped')), mdx: () => Promise.reject(new Error('stopped')), compile: () => Promise.reject(new Error('stopped')), close: () => {} };
    await shareNoteReading(files, cache, failing, (e) => errors.push(e.message), 1);
    expect(errors).toEqual(['stopped']);
    const shared = buildEdition(files, { cache });
    expect(shared.documents).toEqual(plain.documents);
    expect(shared.problems).toEqual(plain.problems);
  });
});

describe('MDX written on both cores', () => {
  it('writes in the worker the same text as in this thread, for each base', async () => {
    const worker = startCoreWorker(ROOT);
    try {
      for (const base of ['/', '/edition/']) {
        const made = await worker.mdx(edition, slugs, mdxOptions(base));
        expect([...made.keys()]).toEqual(slugs);
        for (const doc of edition.documents) expect(made.get(doc.slug)).toBe(documentMdx(doc, edition, mdxOptions(base)));
      }
    } finally {
      worker.close();
    }
  }, 60_000);

  it('shares out the documents: the worker writes the second half', async () => {
    const asked: string[][] = [];
    const worker: CoreWorker = {
      read: () => Promise.reject(new Error('not asked')),
      mdx: async (_e, list, options) => {
        asked.push([...list]);
        return new Map(list.map((slug) => [slug, documentMdx(edition.documents.find((d) => d.slug === slug)!, edition, options)]));
      },
      compile: () => Promise.reject(new Error('not asked')),
      close: () => {},
    };
    // The seed's three documents, asked for as many times as it takes to reach the threshold.
    const many = Array.from({ length: CORE_WORKER_MIN_DOCUMENTS }, (_, i) => slugs[i % slugs.length]!);
    const texts = await documentTexts(edition, many, mdxOptions('/'), worker);
    expect(asked).toEqual([many.slice(CORE_WORKER_MIN_DOCUMENTS / 2)]);
    expect([...texts.keys()].sort()).toEqual([...slugs].sort());
    // Below the threshold, no worker is asked.
    await documentTexts(edition, slugs, mdxOptions('/'), worker);
    expect(asked.length).toBe(1);
  });

  it('writes every text here when the worker fails, and says so', async () => {
    const errors: string[] = [];
    const worker: CoreWorker = { read: () => Promise.reject(new Error('stopped')), mdx: () => Promise.reject(new Error('stopped')), compile: () => Promise.reject(new Error('stopped')), close: () => {} };
    const many = Array.from({ length: CORE_WORKER_MIN_DOCUMENTS }, (_, i) => slugs[i % slugs.length]!);
    const texts = await documentTexts(edition, many, mdxOptions('/'), worker, (e) => errors.push(e.message));
    expect(errors).toEqual(['stopped']);
    for (const doc of edition.documents) expect(texts.get(doc.slug)).toBe(documentMdx(doc, edition, mdxOptions('/')));
  });

  it('rejects a request it cannot carry out, instead of leaving it waiting', async () => {
    const worker = startCoreWorker(ROOT);
    try {
      await expect(worker.mdx({ documents: [] } as unknown as typeof edition, ['missing'], mdxOptions('/'))).rejects.toThrow();
    } finally {
      worker.close();
    }
  }, 60_000);
});
