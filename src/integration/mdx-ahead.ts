/**
 * The MDX of a build's documents made on both cores. Writing a document's MDX
 * (`documentMdx`: mdast-util-to-markdown, about 10 ms a document) waits for the whole model, and
 * Astro waits for the MDX: at 1,000 documents, 10–14 s on one core while the other is idle. A
 * build with many documents starts a worker thread (mdx-worker.mjs) as it begins, which loads the
 * core while the model is built; the model is then copied to it (structured clone, under a
 * second at 1,000 documents) and each thread writes the text of half the documents.
 * write-mdx.ts then writes the files as ever: the texts are the same function's, from the same
 * model (a unit test compares them with this thread's).
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { documentMdx, type Edition } from '../edition/index.ts';
import type { ToMdastOptions } from '../edition/emit/to-mdast.ts';

/** Below this many documents to write, one thread writes them all (the copy and the worker's start would cost more than they spare). */
export const MDX_WORKER_MIN_DOCUMENTS = 100;

const CORE = fileURLToPath(new URL('../edition/index.ts', import.meta.url));

/** A worker thread ready to write documents' MDX. */
export interface MdxWorker {
  /** The texts of `slugs`, by slug, from a copy of `edition`. */
  make(edition: Edition, slugs: readonly string[], options: ToMdastOptions): Promise<Map<string, string>>;
  /** Ends the worker. */
  close(): void;
}

/**
 * Starts the worker; it loads the core (through Vite's module runner, from `projectRoot`) while
 * the caller goes on. A request is posted at once (the copy of the model is made then, in this
 * thread) and waits in the worker's queue until the core is loaded.
 */
export function startMdxWorker(projectRoot: string): MdxWorker {
  const worker = new Worker(new URL('./mdx-worker.mjs', import.meta.url), { workerData: { core: CORE, root: projectRoot } });
  let failed: Error | undefined;
  let pending: { resolve: (texts: Map<string, string>) => void; reject: (e: Error) => void } | undefined;
  const fail = (e: Error) => {
    failed ??= e;
    pending?.reject(failed);
    pending = undefined;
  };
  worker.on('message', (m: [string, string][] | { error: string }) => {
    if (!pending) return;
    const { resolve, reject } = pending;
    pending = undefined;
    if (Array.isArray(m)) resolve(new Map(m));
    else reject(new Error(m.error));
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the MDX worker stopped (exit code ${code})`)));
  return {
    make(edition, slugs, options) {
      return new Promise((resolve, reject) => {
        if (failed) return reject(failed);
        if (pending) return reject(new Error('the MDX worker is busy'));
        pending = { resolve, reject };
        worker.postMessage({ edition, slugs, options });
      });
    },
    close() {
      void worker.terminate();
    },
  };
}

/**
 * The MDX texts of `slugs` (documents of `edition`), by slug: the second half written by
 * `worker` while this thread writes the first; all here when there is no worker, too few
 * documents, or the worker fails (its error is passed to `onWorkerError`).
 */
export async function documentTexts(edition: Edition, slugs: readonly string[], options: ToMdastOptions, worker: MdxWorker | undefined, onWorkerError: (e: Error) => void = () => {}): Promise<Map<string, string>> {
  const bySlug = new Map(edition.documents.map((d) => [d.slug, d]));
  const make = (list: readonly string[]) => new Map(list.map((slug) => [slug, documentMdx(bySlug.get(slug)!, edition, options)]));
  if (!worker || slugs.length < MDX_WORKER_MIN_DOCUMENTS) return make(slugs);
  const half = Math.ceil(slugs.length / 2);
  const theirs = worker.make(edition, slugs.slice(half), options).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
  const texts = make(slugs.slice(0, half));
  const made = await theirs;
  if (made instanceof Error) {
    onWorkerError(made);
    for (const [slug, text] of make(slugs.slice(half))) texts.set(slug, text);
  } else for (const [slug, text] of made) texts.set(slug, text);
  return texts;
}
