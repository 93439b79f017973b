/**
 * The worker thread of core-worker.ts: does part of a build's core work on the other core, with
 * the core's own functions (src/edition/index.ts, loaded through Vite's module runner, as Astro
 * loads the integration), and compiles MDX pages ahead of Vite with @astrojs/mdx's own Vite
 * plugin (compile-ahead.ts).
 *
 * Plain JavaScript because a worker thread runs its file with Node alone; the core (TypeScript)
 * and the project's Astro config are loaded with Vite's `runnerImport`.
 *
 * workerData: { core: path of src/edition/index.ts, root: the project root, config: path of
 * the project's Astro config file, or none }.
 * Requests, answered one by one in their order:
 * - { task: 'read', sources, notes }: reads the sources and their locks of `sources`
 *   (`readSourceFilesInto`), then the note files `notes` (`readNoteFilesInto`), into a cache of
 *   its own, and answers with its entries (`[id, bytes][]`, WorkCache.stored); then starts
 *   loading the Astro config, while the other thread builds the model, for a 'compile' request;
 * - { task: 'mdx', edition, slugs, options }: answers with `[slug, documentMdx(…)][]`;
 * - { task: 'compile', files, flags, settings }: compiles the `.mdx` files `files` (absolute
 *   paths, Vite's module ids), last first, each one it claims in `flags` (an Int32Array over a
 *   SharedArrayBuffer, one slot per file: 0 free, 1 taken by the other thread, 2 by this one),
 *   with the transform of the @astrojs/mdx integration of the project's Astro config, set up
 *   by its own hooks from `settings` (mdx-transform.mjs); posts
 *   { compiled: index, digest: SHA-256 of the text compiled, result: { code, map, meta } } or
 *   { compiled: index, error } for each, then answers with how many it compiled.
 * A request that fails is answered { error: message }.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { runnerImport } from 'vite';
import { mdxTransform } from './mdx-transform.mjs';

const { module: core } = await runnerImport(workerData.core, { root: workerData.root, logLevel: 'silent' });

/** The project's Astro config module, once asked for (loading it takes 2–3 s). */
let astroConfig;
const loadAstroConfig = () => (astroConfig ??= runnerImport(workerData.config, { root: workerData.root, logLevel: 'silent' }).then((m) => m.module.default));

async function compile({ files, flags, settings }) {
  const transform = await mdxTransform(await loadAstroConfig(), settings);
  const claims = new Int32Array(flags);
  let made = 0;
  for (let i = files.length - 1; i >= 0; i--) {
    if (Atomics.compareExchange(claims, i, 0, 2) !== 0) continue;
    try {
      const code = readFileSync(files[i], 'utf8');
      const result = await transform(code, files[i]);
      parentPort.postMessage({ compiled: i, digest: createHash('sha256').update(code).digest('hex'), result });
      made++;
    } catch (e) {
      parentPort.postMessage({ compiled: i, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return made;
}

async function answer(request) {
  if (request.task === 'read') {
    const cache = new core.WorkCache();
    core.readSourceFilesInto(cache, request.sources);
    core.readNoteFilesInto(cache, request.notes);
    return [...cache.stored('read'), ...cache.stored('lock')];
  }
  if (request.task === 'mdx') {
    const { edition, slugs, options } = request;
    const bySlug = new Map(edition.documents.map((d) => [d.slug, d]));
    return slugs.map((slug) => [slug, core.documentMdx(bySlug.get(slug), edition, options)]);
  }
  if (request.task === 'compile') return compile(request);
  throw new Error(`no such task: ${request.task}`);
}

// Requests are answered in their order, each once the one before is.
let queue = Promise.resolve();
parentPort.on('message', (request) => {
  queue = queue.then(async () => {
    try {
      parentPort.postMessage(await answer(request));
    } catch (e) {
      parentPort.postMessage({ error: e instanceof Error ? e.message : String(e) });
    }
    // After reading, the Astro config is loaded while this thread would wait for the model to be
    // built (a compile request may follow the MDX).
    if (request.task === 'read' && workerData.config) setImmediate(() => void loadAstroConfig().catch(() => {}));
  });
});
