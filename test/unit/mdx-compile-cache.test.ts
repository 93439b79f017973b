/**
 * The MDX compile cache (src/integration/mdx-compile-cache.ts): @astrojs/mdx's transform runs
 * once per page text, path and settings; a changed page or setting compiles again; a damaged
 * entry is compiled again and replaced.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import { mdxCompileCache, mdxCompileStats } from '../../src/integration/mdx-compile-cache.ts';
import { ROOT } from '../helpers/build.ts';

type Handler = (code: string, id: string) => Promise<{ code: string; map: null; meta: unknown }>;

/** A stand-in for @astrojs/mdx's plugin that counts its compilations, wrapped by the cache. */
function setUp(cacheDir: string, markdown: unknown = { processor: 'unified' }) {
  const calls: string[] = [];
  const mdx = {
    name: '@mdx-js/rolldown',
    transform: {
      filter: { id: /\.mdx$/ },
      handler: (async (code: string, id: string) => {
        calls.push(id);
        return { code: `export default ${JSON.stringify(code)}; // ${id}`, map: null, meta: { astro: { containsHead: false }, vite: { lang: 'ts' } } };
      }) as Handler,
    },
  };
  const plugin = mdxCompileCache({ cacheDir, projectRoot: ROOT, markdown });
  const config = { plugins: [mdx], mode: 'production', command: 'build', build: { sourcemap: false } } as unknown as ResolvedConfig;
  (plugin.configResolved as (c: ResolvedConfig) => void)(config);
  return { calls, transform: (code: string, id: string) => (mdx.transform.handler as Handler)(code, id) };
}

const folder = () => {
  mkdirSync(join(ROOT, '.builds'), { recursive: true });
  return mkdtempSync(join(ROOT, '.builds', 'mdx-cache-'));
};

describe('the MDX compile cache', () => {
  it('compiles a page once, and again when its text, its path or the settings change', async () => {
    const dir = folder();
    const first = setUp(dir);
    const compiled = await first.transform('# A', '/x/a.mdx');
    // A new build (a new process): the same page comes from the cache, whole.
    const second = setUp(dir);
    expect(await second.transform('# A', '/x/a.mdx')).toEqual(compiled);
    expect(second.calls).toEqual([]);
    await second.transform('# A, edited', '/x/a.mdx');
    await second.transform('# A', '/x/b.mdx');
    expect(second.calls).toEqual(['/x/a.mdx', '/x/b.mdx']);
    const otherSettings = setUp(dir, { processor: 'satteri' });
    await otherSettings.transform('# A', '/x/a.mdx');
    expect(otherSettings.calls).toEqual(['/x/a.mdx']);
  });

  it('wraps the transform once when Astro resolves a config for each of its builds, keying by the settings resolved last', async () => {
    const dir = folder();
    const calls: string[] = [];
    const mdx = {
      name: '@mdx-js/rolldown',
      transform: {
        handler: (async (code: string, id: string) => {
          calls.push(id);
          return { code: `export default ${JSON.stringify(code)};`, map: null, meta: {} };
        }) as Handler,
      },
    };
    const config = (sourcemap: boolean) => ({ plugins: [mdx], mode: 'production', command: 'build', build: { sourcemap } }) as unknown as ResolvedConfig;
    const plugin = mdxCompileCache({ cacheDir: dir, projectRoot: ROOT, markdown: { processor: 'unified' } });
    for (let i = 0; i < 4; i++) (plugin.configResolved as (c: ResolvedConfig) => void)(config(false));
    const before = { ...mdxCompileStats };
    await (mdx.transform.handler as Handler)('# A', '/x/a.mdx');
    // One compilation, counted once and kept once (four layers counted four and wrote four).
    expect(calls).toEqual(['/x/a.mdx']);
    expect(mdxCompileStats.misses - before.misses).toBe(1);
    expect(mdxCompileStats.hits - before.hits).toBe(0);
    expect(readdirSync(join(dir, 'mdx-compiled')).flatMap((sub) => readdirSync(join(dir, 'mdx-compiled', sub)))).toHaveLength(1);
    // A later config with another setting is the key from then on.
    (plugin.configResolved as (c: ResolvedConfig) => void)(config(true));
    await (mdx.transform.handler as Handler)('# A', '/x/a.mdx');
    expect(calls).toEqual(['/x/a.mdx', '/x/a.mdx']);
  });

  it('compiles again, and replaces, an entry that cannot be read', async () => {
    const dir = folder();
    await setUp(dir).transform('# A', '/x/a.mdx');
    const entries = join(dir, 'mdx-compiled');
    for (const sub of readdirSync(entries)) for (const f of readdirSync(join(entries, sub))) writeFileSync(join(entries, sub, f), '{"key": "trunc');
    const again = setUp(dir);
    const result = await again.transform('# A', '/x/a.mdx');
    expect(again.calls).toEqual(['/x/a.mdx']);
    expect(result.code).toContain('# A');
    const third = setUp(dir);
    await third.transform('# A', '/x/a.mdx');
    expect(third.calls).toEqual([]);
  });
});
