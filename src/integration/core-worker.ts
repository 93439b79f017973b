/**
 * A build's core work on both cores. Before Astro reads a page, the integration reads and checks
 * the whole edition and writes every document's MDX, on one core while the other is idle: at
 * 1,000 documents about 13 s to read the files into the model (9 s of it the 20,000 notes:
 * YAML, zod, Markdown) and 10–14 s to write the MDX (mdast-util-to-markdown). A build of many
 * documents starts a worker thread (core-worker.mjs) as it begins, which loads the core while
 * this thread reads the files, and then takes two shares of the work, with the core's own
 * functions:
 * - **reading**: the note files the work cache does not hold are shared out, the worker also
 *   reading the sources and their passage-id locks; each thread reads its share into a cache
 *   (the worker's entries are then adopted by this thread's), so that building the model finds
 *   them read, as in a warm build ({@link shareNoteReading});
 * - **writing MDX**: the model is copied to the worker (structured clone, under a second at
 *   1,000 documents) and each thread writes the text of half the documents ({@link documentTexts}).
 * The results are the same functions' on the same inputs: unit tests compare them with this
 * thread's, and a failed worker leaves its share to this thread.
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { documentMdx, noteFilesToRead, readNoteFilesInto, type Edition, type RawFile } from '../edition/index.ts';
import type { WorkCache } from '../edition/cache.ts';
import type { ToMdastOptions } from '../edition/emit/to-mdast.ts';
import type { CompiledModule } from './mdx-compile-cache.ts';

/** Below this many documents, one thread does it all (copying and starting would cost more than they spare). */
export const CORE_WORKER_MIN_DOCUMENTS = 100;

/**
 * Above this many documents, one thread does it all: the worker's copy of the model and of its
 * notes would add gigabytes at 10,000 documents, where a sharded job's peak is already near
 * 8 GB (docs/performance.md); time there is won by sharding.
 */
export const CORE_WORKER_MAX_DOCUMENTS = 3000;

/** Whether a build of `documents` documents does its core work on both cores. */
export const usesCoreWorker = (documents: number) => documents >= CORE_WORKER_MIN_DOCUMENTS && documents <= CORE_WORKER_MAX_DOCUMENTS;

/** Below this many note files to read, this thread reads them all. */
export const NOTE_SHARE_MIN_FILES = 500;

/**
 * The worker's share of the notes to read. Less than half: it starts by loading the core (1–2 s)
 * and reads the sources and their locks first (2–3 s at 1,000 documents), while this thread
 * starts on its notes at once.
 */
export const WORKER_NOTE_SHARE = 0.4;

const CORE = fileURLToPath(new URL('../edition/index.ts', import.meta.url));

/** What the worker needs to set up @astrojs/mdx's transform as Astro does (core-worker.mjs, 'compile'). */
export interface CompileSettings {
  /** Astro's resolved markdown settings, without the processor (the worker takes the Astro config's own). */
  markdown: Record<string, unknown>;
  /** Astro's `srcDir` and `root`, as file URLs. */
  srcDir: string;
  root: string;
  /** Vite's `build.sourcemap`, as a flag. */
  sourcemap: boolean;
}

/** One page compiled by the worker: the index of its file, the SHA-256 of the text compiled, and the module (or why it could not). */
export type CompiledInWorker = { compiled: number; digest: string; result: CompiledModule } | { compiled: number; error: string };

/** A worker thread doing core work for this build. */
export interface CoreWorker {
  /** Reads the sources and locks among `sources`, then the note files `notes`; resolves with its cache's entries (`[id, bytes]`). */
  read(sources: readonly RawFile[], notes: readonly RawFile[]): Promise<[string, Uint8Array][]>;
  /** The MDX texts of `slugs`, by slug, from a copy of `edition`. */
  mdx(edition: Edition, slugs: readonly string[], options: ToMdastOptions): Promise<Map<string, string>>;
  /**
   * Compiles the `.mdx` files `files` (Vite's module ids), last first, each it claims in `claims`
   * (an Int32Array over a SharedArrayBuffer: 0 free, 1 taken by this thread, 2 by the worker),
   * with @astrojs/mdx's transform; `onCompiled` gets each page as it is done. Resolves with how
   * many it compiled.
   */
  compile(files: readonly string[], claims: Int32Array, settings: CompileSettings, onCompiled: (page: CompiledInWorker) => void): Promise<number>;
  /** Ends the worker. */
  close(): void;
}

/**
 * Starts the worker; it loads the core (through Vite's module runner, from `projectRoot`) while
 * the caller goes on. A request is posted at once (its data copied then, in this thread) and
 * waits in the worker's queue until the core is loaded; answers come in the order asked.
 */
export function startCoreWorker(projectRoot: string, astroConfigFile?: string): CoreWorker {
  const worker = new Worker(new URL('./core-worker.mjs', import.meta.url), { workerData: { core: CORE, root: projectRoot, config: astroConfigFile } });
  let failed: Error | undefined;
  const waiting: { resolve: (answer: unknown) => void; reject: (e: Error) => void }[] = [];
  let onCompiled: ((page: CompiledInWorker) => void) | undefined;
  const fail = (e: Error) => {
    failed ??= e;
    for (const w of waiting.splice(0)) w.reject(failed);
  };
  worker.on('message', (answer: unknown) => {
    if (answer && typeof answer === 'object' && 'compiled' in answer) return onCompiled?.(answer as CompiledInWorker);
    const next = waiting.shift();
    if (!next) return;
    if (answer && typeof answer === 'object' && 'error' in answer) next.reject(new Error(String(answer.error)));
    else next.resolve(answer);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the worker thread stopped (exit code ${code})`)));
  const ask = <T>(request: object) =>
    new Promise<T>((resolve, reject) => {
      if (failed) return reject(failed);
      waiting.push({ resolve: resolve as (answer: unknown) => void, reject });
      worker.postMessage(request);
    });
  return {
    read: (sources, notes) => ask<[string, Uint8Array][]>({ task: 'read', sources, notes }),
    mdx: async (edition, slugs, options) => new Map(await ask<[string, string][]>({ task: 'mdx', edition, slugs, options })),
    compile: (files, claims, settings, each) => {
      onCompiled = each;
      return ask<number>({ task: 'compile', files, flags: claims.buffer, settings });
    },
    close() {
      void worker.terminate();
    },
  };
}

const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

/**
 * Reads the note files of `files` that `cache` does not hold, all into `cache`: the worker its
 * share, after the sources and their locks, and this thread the rest; then building the model
 * takes every note and source from it. Returns how many notes were read (none with too few, or
 * without a worker). A failed worker leaves its share unread, for building the model to read
 * (its error is passed to `onWorkerError`).
 */
export async function shareNoteReading(files: readonly RawFile[], cache: WorkCache, worker: CoreWorker | undefined, onWorkerError: (e: Error) => void = () => {}, min = NOTE_SHARE_MIN_FILES): Promise<number> {
  if (!worker) return 0;
  const toRead = noteFilesToRead(files, cache);
  if (toRead.length < min) return 0;
  const mine = toRead.length - Math.floor(toRead.length * WORKER_NOTE_SHARE);
  // The sources and the locks: the worker's first task (with its notes, about as long as this thread's notes).
  const sources = files.filter((f) => /^sources\/[^/]+\.txt$|^annotations\/passages\/[^/]+\.yml$/.test(f.path));
  const theirs = worker.read(sources, toRead.slice(mine)).catch(asError);
  readNoteFilesInto(cache, toRead.slice(0, mine));
  const entries = await theirs;
  if (entries instanceof Error) onWorkerError(entries);
  else cache.adopt(entries);
  return toRead.length;
}

/**
 * The MDX texts of `slugs` (documents of `edition`), by slug: the second half written by
 * `worker` while this thread writes the first; all here when there is no worker, too few
 * documents, or the worker fails (its error is passed to `onWorkerError`).
 */
export async function documentTexts(edition: Edition, slugs: readonly string[], options: ToMdastOptions, worker: CoreWorker | undefined, onWorkerError: (e: Error) => void = () => {}): Promise<Map<string, string>> {
  const bySlug = new Map(edition.documents.map((d) => [d.slug, d]));
  const make = (list: readonly string[]) => new Map(list.map((slug) => [slug, documentMdx(bySlug.get(slug)!, edition, options)]));
  if (!worker || slugs.length < CORE_WORKER_MIN_DOCUMENTS) return make(slugs);
  const half = Math.ceil(slugs.length / 2);
  const theirs = worker.mdx(edition, slugs.slice(half), options).catch(asError);
  const texts = make(slugs.slice(0, half));
  const made = await theirs;
  if (made instanceof Error) {
    onWorkerError(made);
    for (const [slug, text] of make(slugs.slice(half))) texts.set(slug, text);
  } else for (const [slug, text] of made) texts.set(slug, text);
  return texts;
}
