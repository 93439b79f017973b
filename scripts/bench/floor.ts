/**
 * The "floor": the edition's own generated `.mdx` files (one per document, as the core writes
 * them with `documentMdx`), built by a bare Astro project on the design's stack:
 *
 * - `integrations: [mdx()]` (@astrojs/mdx), nothing else;
 * - the same `markdown.processor` as astro.config.mjs builds the edition with: by default
 *   `unified()` from @astrojs/markdown-remark with `gfm: false`, `smartypants: false`,
 *   remark-gfm and the project's remark-literal-passages (imported from src/integration/ of the
 *   measured snapshot), rehype-slug, `remarkRehype: { clobberPrefix: '' }`; or, for an edition
 *   built with `markdown: { processor: satteri }`, `satteri()` from @astrojs/markdown-satteri
 *   with the same features and the snapshot's satteri-literal-passages;
 * - the same build settings (`format: 'directory'`, `concurrency: 4`, trailing slashes);
 * - one content collection, `glob()` over the MDX files, no schema;
 * - ONE route, `src/pages/[slug].astro`, rendering `<Content />` in a bare HTML shell.
 *
 * No validation, anchoring, registers, layout, scripts or search: what Astro and MDX themselves
 * cost for these pages. test/unit/bench.test.ts holds the floor's processor and build settings
 * equal to the project's astro.config.mjs.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the floor project keeps its copy of the MDX files (relative to its root). */
export const FLOOR_MDX_DIR = 'mdx';

/** The processors an edition can choose (edition.config.yml, markdown.processor). */
export type FloorProcessor = 'unified' | 'satteri';

export interface FloorConfigOptions {
  /** Absolute path of remark-literal-passages.ts (the project's, or the measured snapshot's). */
  remarkLiteralPassages: string;
  /** The processor, as the edition builds with it (default unified). */
  processor?: FloorProcessor;
  /** Absolute path of satteri-literal-passages.ts (needed for the satteri processor). */
  satteriLiteralPassages?: string;
  /** Astro's cache folder for the floor (absolute). */
  cacheDir: string;
}

/** The floor's astro.config.mjs. */
export function floorConfig(o: FloorConfigOptions): string {
  const processor = o.processor ?? 'unified';
  if (processor === 'satteri' && !o.satteriLiteralPassages) throw new Error('floorConfig: the satteri processor needs satteriLiteralPassages');
  const imports =
    processor === 'unified'
      ? `import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import rehypeSlug from 'rehype-slug';
import remarkLiteralPassages from ${JSON.stringify(o.remarkLiteralPassages)};`
      : `import { satteri } from '@astrojs/markdown-satteri';
import satteriLiteralPassages from ${JSON.stringify(o.satteriLiteralPassages)};`;
  const markdown =
    processor === 'unified'
      ? `    processor: unified({
      gfm: false,
      smartypants: false,
      remarkPlugins: [remarkGfm, remarkLiteralPassages],
      rehypePlugins: [rehypeSlug],
      remarkRehype: { clobberPrefix: '' },
    }),`
      : `    processor: satteri({
      features: { gfm: { footnotes: { clobberPrefix: '' } }, smartPunctuation: false },
      mdastPlugins: [satteriLiteralPassages],
    }),`;
  return `// The benchmark's floor (scripts/bench/floor.ts): bare Astro + @astrojs/mdx, the edition's processor (${processor}) and plugins.
import mdx from '@astrojs/mdx';
${imports}

export default {
  site: 'https://floor.example.org',
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: 4 },
  markdown: {
${markdown}
  },
  integrations: [mdx()],
  devToolbar: { enabled: false },
  cacheDir: ${JSON.stringify(o.cacheDir)},
};
`;
}

/** The floor's src/content.config.ts: one collection, the MDX files, no schema. */
export function floorContentConfig(): string {
  return `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = { documents: defineCollection({ loader: glob({ pattern: '*.mdx', base: './${FLOOR_MDX_DIR}' }) }) };
`;
}

/** The floor's one route, src/pages/[slug].astro: each document's `<Content />` in a bare HTML shell. */
export function floorRoute(): string {
  return `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  return (await getCollection('documents')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="en">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width" /><title>{entry.data.title}</title></head>
  <body><main><Content /></main></body>
</html>
`;
}

/** The `.mdx` files of a folder, sorted by name. */
export function mdxFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.mdx'))
    .sort();
}

/**
 * Writes the floor project into `dir` (node_modules: a symlink to `nodeModules`) with a copy of
 * the `.mdx` files of `mdxFrom` (only the first `limit` of them, when given). Returns the files'
 * count and bytes.
 */
export function writeFloorProject(dir: string, o: { mdxFrom: string; nodeModules: string; remarkLiteralPassages: string; processor?: FloorProcessor; satteriLiteralPassages?: string; limit?: number }): { files: number; bytes: number } {
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  mkdirSync(join(dir, FLOOR_MDX_DIR), { recursive: true });
  symlinkSync(o.nodeModules, join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'bench-floor', private: true, type: 'module' }, null, 2)}\n`);
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    floorConfig({ remarkLiteralPassages: o.remarkLiteralPassages, cacheDir: join(dir, '.cache'), ...(o.processor ? { processor: o.processor } : {}), ...(o.satteriLiteralPassages ? { satteriLiteralPassages: o.satteriLiteralPassages } : {}) }),
  );
  writeFileSync(join(dir, 'src/content.config.ts'), floorContentConfig());
  writeFileSync(join(dir, 'src/pages/[slug].astro'), floorRoute());
  let names = mdxFiles(o.mdxFrom);
  if (o.limit !== undefined) names = names.slice(0, o.limit);
  let bytes = 0;
  for (const name of names) {
    copyFileSync(join(o.mdxFrom, name), join(dir, FLOOR_MDX_DIR, name));
    bytes += readFileSync(join(dir, FLOOR_MDX_DIR, name)).length;
  }
  return { files: names.length, bytes };
}

/**
 * Names of the files that differ between two folders of generated MDX (present in one only, or
 * with other bytes): empty when the floor builds exactly the edition's files.
 */
export function mdxDifferences(a: string, b: string): string[] {
  const na = mdxFiles(a);
  const nb = mdxFiles(b);
  const all = [...new Set([...na, ...nb])].sort();
  const inA = new Set(na);
  const inB = new Set(nb);
  return all.filter((n) => !inA.has(n) || !inB.has(n) || !readFileSync(join(a, n)).equals(readFileSync(join(b, n))));
}
