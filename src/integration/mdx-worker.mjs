/**
 * The worker thread of mdx-ahead.ts: writes the MDX text of the documents it is asked for with
 * the core's own `documentMdx` (the same function, loaded through Vite's module runner, as
 * Astro loads the integration), from a copy of the model.
 *
 * Plain JavaScript because a worker thread runs its file with Node alone; the core (TypeScript)
 * is loaded with Vite's `runnerImport`.
 *
 * workerData: { core: path of src/edition/index.ts, root: the project root }.
 * Messages in: { edition, slugs, options }; out: [slug, text][] for those slugs, or { error }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runnerImport } from 'vite';

const { module: core } = await runnerImport(workerData.core, { root: workerData.root, logLevel: 'silent' });
parentPort.on('message', ({ edition, slugs, options }) => {
  try {
    const bySlug = new Map(edition.documents.map((d) => [d.slug, d]));
    parentPort.postMessage(slugs.map((slug) => [slug, core.documentMdx(bySlug.get(slug), edition, options)]));
  } catch (e) {
    parentPort.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
});
