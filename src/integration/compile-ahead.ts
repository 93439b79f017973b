/**
 * MDX pages compiled ahead of Vite, on the other core (issue 17). In `astro build`, Vite's
 * transforms run on this thread, and compiling the generated `.mdx` pages through @astrojs/mdx
 * (MDX, remark, rehype) is nearly all of bundling: about a minute at 1,000 documents, with the
 * second core idle. Once the MDX files are written, the core worker (core-worker.mjs) compiles
 * the pages this build wrote, last first, with the transform of the project's own @astrojs/mdx
 * integration (loaded from the Astro config and set up by its own hooks), while Vite compiles
 * them first first. Each page is compiled once: a slot per file in shared memory says who took
 * it. When Vite asks for a page the worker took, it gets the worker's module — provided the
 * worker compiled the very text Vite read (SHA-256).
 *
 * Checked as it runs: the first page taken from the worker is compiled on this thread as well,
 * and the two modules must be identical (code, source map, metadata); if they are not (a setting
 * the worker did not see), none of the worker's pages is used and the build says so. A page the
 * worker could not compile, and every page after the worker fails, is compiled by Vite.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CompiledInWorker, CompileSettings, CoreWorker } from './core-worker.ts';
import type { CompiledModule } from './mdx-compile-cache.ts';

export type { CompiledModule };

/** Below this many pages written, Vite compiles them all (loading the Astro config in the worker takes 2–3 s). */
export const COMPILE_AHEAD_MIN_PAGES = 50;

/** The project's Astro config file, searched for as Astro does; none if there is none. */
export function astroConfigFile(projectRoot: string): string | undefined {
  return ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts', 'astro.config.cjs', 'astro.config.cts'].map((name) => join(projectRoot, name)).find((path) => existsSync(path));
}

/** A file's slot: not taken yet, taken by this thread, taken by the worker. */
export const FREE = 0;
export const HERE = 1;

/** The same module: code, source map and metadata. */
export const sameModule = (a: CompiledModule, b: CompiledModule) => a.code === b.code && JSON.stringify(a.map ?? null) === JSON.stringify(b.map ?? null) && JSON.stringify(a.meta) === JSON.stringify(b.meta);

/** Pages compiled ahead in the worker, for the compile wrapper (mdx-compile-cache.ts) to take. */
export class CompileAhead {
  /** Pages taken from the worker, and pages compiled on this thread (among the files handed over). */
  readonly stats = { ahead: 0, here: 0 };
  /** Why the worker's pages stopped being used, if they did. */
  stopped: string | undefined;
  /** Settles with how many pages the worker compiled, or the error that stopped it. */
  readonly done: Promise<number | Error>;
  private readonly index = new Map<string, number>();
  private readonly claims: Int32Array;
  private readonly made = new Map<number, CompiledInWorker>();
  private readonly waiting = new Map<number, (page: CompiledInWorker | undefined) => void>();
  private checked = false;
  private ended = false;

  /** Hands `files` (absolute paths of `.mdx` files, as Vite names them) to `worker`; `stop` ends it when its pages are not to be used. */
  constructor(
    worker: Pick<CoreWorker, 'compile'>,
    files: readonly string[],
    settings: CompileSettings,
    private readonly stop: () => void = () => {},
  ) {
    files.forEach((file, i) => this.index.set(file, i));
    this.claims = new Int32Array(new SharedArrayBuffer(4 * Math.max(1, files.length)));
    this.done = worker
      .compile(files, this.claims, settings, (page) => {
        const waiter = this.waiting.get(page.compiled);
        if (waiter) {
          this.waiting.delete(page.compiled);
          waiter(page);
        } else this.made.set(page.compiled, page);
      })
      .catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))))
      .finally(() => {
        // Whatever the worker took and did not send is compiled here.
        this.ended = true;
        for (const [i, waiter] of this.waiting) {
          this.waiting.delete(i);
          waiter(this.made.get(i));
        }
      });
  }

  /**
   * The module of `id` (text `code`): the worker's when it took the page and compiled that
   * text, else the one `here` compiles on this thread.
   */
  async compile<T extends CompiledModule>(id: string, code: string, here: () => Promise<T | null | undefined>): Promise<T | CompiledModule | null | undefined> {
    const i = this.index.get(id);
    if (i === undefined || this.stopped) return here();
    if (Atomics.compareExchange(this.claims, i, FREE, HERE) === FREE) {
      this.stats.here++;
      return here();
    }
    const page = this.made.get(i) ?? (this.ended ? undefined : await new Promise<CompiledInWorker | undefined>((resolve) => this.waiting.set(i, resolve)));
    this.made.delete(i);
    if (!page || 'error' in page || page.digest !== createHash('sha256').update(code).digest('hex') || this.stopped) {
      this.stats.here++;
      return here();
    }
    if (!this.checked) {
      this.checked = true;
      const own = await here();
      this.stats.here++;
      if (!own || !sameModule(own, page.result)) {
        this.stopped = `the worker's module of ${id} differs from this thread's`;
        this.stop();
      }
      return own;
    }
    this.stats.ahead++;
    return page.result;
  }
}

/** The settings the worker sets @astrojs/mdx up with, from Astro's config; none when they cannot be copied to a thread (a function in them). */
export function compileSettings(config: { markdown: object; srcDir: URL; root: URL; vite?: { build?: { sourcemap?: unknown } } }): CompileSettings | undefined {
  const { processor: _processor, ...markdown } = config.markdown as Record<string, unknown>;
  try {
    return { markdown: structuredClone(markdown), srcDir: config.srcDir.href, root: config.root.href, sourcemap: Boolean(config.vite?.build?.sourcemap) };
  } catch {
    return undefined;
  }
}
