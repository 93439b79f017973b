/**
 * A build cache for @astrojs/mdx's compilation (issue 17): Vite has no persistent cache of
 * module transforms, so every `astro build` compiled every generated `.mdx` page again through
 * MDX, remark and rehype, unchanged or not — most of the build at 1,000 documents
 * (docs/performance.md). This plugin wraps the `transform` of @astrojs/mdx's Vite plugin
 * (`@mdx-js/rolldown`): the compiled module (its JavaScript, source map and the metadata Astro
 * reads) is kept in `<cacheDir>/mdx-compiled/`, keyed by the SHA-256 of the `.mdx` file's text,
 * its path, and everything that shapes the compilation — the Astro config file, the project's
 * package-lock.json (the exact versions of @astrojs/mdx, the processor and its plugins), the
 * integration's own files (remark-literal-passages.ts lives there), the resolved `markdown`
 * settings and Vite's mode and source-map setting. A changed page, plugin or setting compiles
 * again; an entry that cannot be read or parsed is ignored and compiled again. MDX itself still
 * compiles every page the first time; Rolldown still bundles every module.
 *
 * Builds only (the dev server compiles a page when it is visited). `EDITION_MDX_CACHE=off`
 * turns it off.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, ResolvedConfig } from 'vite';
import type { CompileAhead } from './compile-ahead.ts';

const MDX_PLUGIN = '@mdx-js/rolldown';

/** A compiled module, as @astrojs/mdx's transform returns it (and as the worker sends it: compile-ahead.ts). */
export interface CompiledModule {
  code: string;
  map: unknown;
  meta: unknown;
}

type Handler = (this: unknown, code: string, id: string, ...rest: unknown[]) => Promise<CompiledModule | null | undefined> | CompiledModule | null | undefined;

/** Marks the wrapper on @astrojs/mdx's transform handler, with the settings digest it keys by. */
const WRAPPED = Symbol('annotated-edition.mdx-compile-cache');
type Wrapped = Handler & { [WRAPPED]: { settings: string; ahead: (() => CompileAhead | undefined) | undefined } };

/** Counts of one build (logged by the integration). */
export const mdxCompileStats = { hits: 0, misses: 0, unreadable: 0 };

/** The settings' digest: everything besides a page's own text that shapes its compiled module. */
function settingsDigest(config: ResolvedConfig, projectRoot: string, markdown: unknown): string {
  const h = createHash('sha256');
  const add = (label: string, data: string | Uint8Array) => h.update(`${label}\0`).update(data).update('\0');
  add('mode', `${config.mode}\0${config.command}\0${String(config.build.sourcemap)}`);
  for (const name of ['astro.config.mjs', 'astro.config.ts', 'astro.config.js', 'package-lock.json']) {
    const path = join(projectRoot, name);
    if (existsSync(path)) add(name, readFileSync(path));
  }
  const here = dirname(fileURLToPath(import.meta.url));
  for (const name of readdirSync(here).sort()) if (/\.(ts|js|mjs)$/.test(name)) add(`integration/${name}`, readFileSync(join(here, name)));
  // Functions (plugins) by their source: a plugin changed in place changes the key.
  add('markdown', JSON.stringify(markdown, (_k, v: unknown) => (typeof v === 'function' ? `fn:${v.toString()}` : v)) ?? '');
  return h.digest('hex');
}

/**
 * The Vite plugin. `cacheDir`: Astro's cache folder; `projectRoot`: where astro.config.mjs is;
 * `markdown`: Astro's resolved markdown settings; `ahead`: the pages being compiled ahead on the
 * other core (compile-ahead.ts), taken instead of compiling a page not in the cache.
 */
export function mdxCompileCache(options: { cacheDir: string; projectRoot: string; markdown: unknown; ahead?: () => CompileAhead | undefined }): Plugin {
  const dir = join(options.cacheDir, 'mdx-compiled');
  return {
    name: 'annotated-edition:mdx-compile-cache',
    apply: 'build',
    configResolved(config) {
      if (process.env.EDITION_MDX_CACHE === 'off') return;
      const mdx = config.plugins.find((p) => p.name === MDX_PLUGIN);
      const transform = mdx?.transform;
      if (!mdx || !transform || typeof transform !== 'object' || typeof transform.handler !== 'function') return;
      // Astro resolves a Vite config for each of its builds over the same plugin objects: the
      // handler is wrapped once (wrapping it again would keep, count and write every page once
      // per layer), and the wrapper keys by the settings resolved last.
      const settings = settingsDigest(config, options.projectRoot, options.markdown);
      const already = (transform.handler as Partial<Wrapped>)[WRAPPED];
      if (already) {
        already.settings = settings;
        already.ahead = options.ahead;
        return;
      }
      const original = transform.handler as Handler;
      const state: Wrapped[typeof WRAPPED] = { settings, ahead: options.ahead };
      const wrapped: Handler = async function (this: unknown, code, id, ...rest) {
        const key = createHash('sha256').update(state.settings).update('\0').update(id).update('\0').update(code).digest('hex');
        const file = join(dir, key.slice(0, 2), `${key}.json`);
        let text: string | undefined;
        try {
          text = readFileSync(file, 'utf8');
        } catch {
          // Not compiled before.
        }
        if (text !== undefined) {
          try {
            const kept = JSON.parse(text) as CompiledModule & { key?: string };
            if (kept.key === key && typeof kept.code === 'string') {
              mdxCompileStats.hits++;
              return { code: kept.code, map: kept.map ?? null, meta: kept.meta };
            }
          } catch {
            // A damaged entry: compiled again below, and replaced.
          }
          mdxCompileStats.unreadable++;
        }
        mdxCompileStats.misses++;
        const here = () => Promise.resolve(original.call(this, code, id, ...rest));
        const ahead = state.ahead?.();
        const result = ahead ? await ahead.compile(id, code, here) : await here();
        if (result && typeof result.code === 'string') {
          try {
            mkdirSync(dirname(file), { recursive: true });
            const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
            writeFileSync(temporary, JSON.stringify({ key, code: result.code, map: result.map ?? null, meta: result.meta }), { flag: 'wx' });
            try {
              renameSync(temporary, file);
            } catch (e) {
              rmSync(temporary, { force: true });
              throw e;
            }
          } catch {
            // Not kept (a full disk, say): only time is lost, the next build compiles it again.
          }
        }
        return result;
      };
      (wrapped as Wrapped)[WRAPPED] = state;
      transform.handler = wrapped as typeof transform.handler;
    },
  };
}
