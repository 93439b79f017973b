/**
 * The worker thread of core-worker.ts: does part of a build's core work on the other core, with
 * the core's own functions (src/edition/index.ts, loaded through Vite's module runner, as Astro
 * loads the integration).
 *
 * Plain JavaScript because a worker thread runs its file with Node alone; the core (TypeScript)
 * is loaded with Vite's `runnerImport`.
 *
 * workerData: { core: path of src/edition/index.ts, root: the project root }.
 * Requests, answered one by one in their order:
 * - { task: 'read', sources, notes }: reads the sources and their locks of `sources`
 *   (`readSourceFilesInto`), then the note files `notes` (`readNoteFilesInto`), into a cache of
 *   its own, and answers with its entries (`[id, bytes][]`, WorkCache.stored);
 * - { task: 'mdx', edition, slugs, options }: answers with `[slug, documentMdx(…)][]`.
 * A request that fails is answered { error: message }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runnerImport } from 'vite';

const { module: core } = await runnerImport(workerData.core, { root: workerData.root, logLevel: 'silent' });
parentPort.on('message', (request) => {
  try {
    if (request.task === 'read') {
      const cache = new core.WorkCache();
      core.readSourceFilesInto(cache, request.sources);
      core.readNoteFilesInto(cache, request.notes);
      parentPort.postMessage([...cache.stored('read'), ...cache.stored('lock')]);
    } else {
      const { edition, slugs, options } = request;
      const bySlug = new Map(edition.documents.map((d) => [d.slug, d]));
      parentPort.postMessage(slugs.map((slug) => [slug, core.documentMdx(bySlug.get(slug), edition, options)]));
    }
  } catch (e) {
    parentPort.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
});
