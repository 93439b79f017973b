/** Builds an edition with the real pipeline (Astro + Pagefind) into a temporary folder. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root, RootContent } from 'hast';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface BuildResult {
  status: number;
  output: string;
  dist: string;
}

/** Runs `astro build` then the Pagefind step for the edition at `editionRoot`, into a fresh folder. */
export function buildSite(editionRoot: string, opts: { base?: string; pagefind?: boolean; work?: string; env?: Record<string, string> } = {}): BuildResult {
  // Inside the project: Astro keeps its prerender chunks next to an outDir under the working
  // directory, but in one shared .astro/ folder for an outDir outside it, so concurrent builds
  // with outside folders would overwrite each other's chunks.
  mkdirSync(join(ROOT, '.builds'), { recursive: true });
  const work = opts.work ?? mkdtempSync(join(ROOT, '.builds', 'build-'));
  const dist = join(work, 'dist');
  const env: Record<string, string | undefined> = {
    // The Pagefind index is written at the end of the Astro build (see src/integration).
    ...(opts.pagefind === false ? { EDITION_SEARCH: 'off' } : {}),
    ...process.env,
    EDITION_ROOT: resolve(editionRoot),
    EDITION_CACHE: join(work, 'cache'),
    ...(opts.base ? { BASE: opts.base } : {}),
    ...opts.env,
  };
  // Test builds simulate editing (new words, new passages): CI's "locks must be committed" rule
  // is checked by `npm run check` and `npm run build` in .ci/run, not here.
  delete env.CI;
  const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
  const astro = spawnSync(bin('astro'), ['build', '--outDir', dist], { cwd: ROOT, env, encoding: 'utf8' });
  const output = `${astro.stdout}${astro.stderr}`;
  return { status: astro.status ?? 1, output, dist };
}

/** Parses a page of a built site. */
export function page(dist: string, path: string): Root {
  return fromHtml(readFileSync(join(dist, path, 'index.html'), 'utf8'));
}

/** Text content of a node, skipping footnote reference markers (<sup> holding a footnote link). */
export function textOf(node: Root | RootContent, skipFootnoteRefs = true): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' && node.type !== 'root') return '';
  if (skipFootnoteRefs && node.type === 'element' && node.tagName === 'sup' && (node.children as Element[]).some((c) => c.type === 'element' && c.properties?.dataFootnoteRef !== undefined)) return '';
  return node.children.map((c) => textOf(c, skipFootnoteRefs)).join('');
}

/**
 * The built seed edition for browser tests: `dist/` when `npm run build` has made it
 * (as in CI), otherwise a fresh build in a temporary folder.
 */
export function seedDist(): string {
  const dist = join(ROOT, 'dist');
  if (existsSync(join(dist, 'index.html')) && existsSync(join(dist, 'pagefind/pagefind.js'))) return dist;
  const built = buildSite(ROOT);
  if (built.status !== 0) throw new Error(built.output);
  return built.dist;
}
