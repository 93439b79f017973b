/**
 * The build benchmark's pure parts (`npm run bench`, issues 10 and 17): the seeded generator,
 * the generated edition, the floor project (its files, and its processor and build settings
 * held equal to the project's astro.config.mjs) and the page statistics. The end-to-end run of
 * the benchmark (Astro builds) is in test/build/bench.test.ts (`npm run test:build`), out of the
 * fast `npm test`.
 */
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, prng, type Corpus } from '../../scripts/bench/corpus.ts';
import { floorConfig, floorContentConfig, floorRoute, mdxDifferences, writeFloorProject } from '../../scripts/bench/floor.ts';
import { htmlStats, walk } from '../../scripts/bench/measure.ts';
import { loadEdition } from '../../src/edition/index.ts';

const ENTRIES = 40;
const DOCS = 12;

describe('prng', () => {
  it('is mulberry32: the published sequence for seed 1', () => {
    const next = prng(1);
    expect([next(), next(), next()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
  });
  it('repeats for a seed, differs between seeds, and stays in [0, 1) with a mean near ½', () => {
    const draw = (seed: number, n: number) => Array.from({ length: n }, prng(seed));
    expect(draw(42, 100)).toEqual(draw(42, 100));
    expect(draw(43, 100)).not.toEqual(draw(42, 100));
    const xs = draw(7, 10_000);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
  });
});

describe('the generated benchmark edition', () => {
  const dirs: string[] = [];
  const generate = (seed: number): { dir: string; corpus: Corpus } => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
    dirs.push(dir);
    return { dir, corpus: generateCorpus(dir, { docs: DOCS, entries: ENTRIES, seed }) };
  };
  /** Every file written, path → text. */
  const files = (dir: string) => new Map(walk(dir).map((f) => [f.path, readFileSync(join(dir, f.path), 'utf8')]));
  let a: { dir: string; corpus: Corpus };
  beforeAll(() => {
    a = generate(7);
  });
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('is the same, byte for byte, for the same seed, and different for another', () => {
    const b = generate(7);
    const c = generate(8);
    const fa = files(a.dir);
    expect(files(b.dir)).toEqual(fa);
    expect(b.corpus).toEqual(a.corpus);
    const fc = files(c.dir);
    // The same sources (their names come from the count, not the seed), each with other text.
    const sources = (f: Map<string, string>) => [...f.keys()].filter((p) => p.startsWith('sources/')).sort();
    expect(sources(fc)).toEqual(sources(fa));
    expect(sources(fa).filter((p) => fa.get(p) !== fc.get(p))).toHaveLength(DOCS);
  });

  it('writes the files its counts report: a source, a structure file and ~20 notes per document, one file per entry', () => {
    const paths = walk(a.dir).map((f) => f.path);
    const { counts } = a.corpus;
    expect(paths).toHaveLength(counts.files);
    expect(counts.documents).toBe(DOCS);
    expect(counts.entries).toBe(ENTRIES);
    expect(paths.filter((p) => /^sources\/bench-\d\d\.txt$/.test(p))).toHaveLength(DOCS);
    expect(paths.filter((p) => p.startsWith('annotations/structure/'))).toHaveLength(DOCS);
    expect(paths.filter((p) => p.startsWith('annotations/notes/'))).toHaveLength(counts.notes);
    expect(paths.filter((p) => /^annotations\/(people|organizations|places|events)\//.test(p))).toHaveLength(ENTRIES);
    expect(paths).toContain('annotations/works.yml');
    // 45 % people, 20 % organisations, 20 % places, the rest events.
    const kinds = a.corpus.entries.map((e) => e.kind);
    expect(['person', 'organization', 'place', 'event'].map((k) => kinds.filter((x) => x === k).length)).toEqual([18, 8, 8, 6]);
    // Cables where d % 8 = 3 (3, 11), threads where d % 4 = 1 (1, 5, 9), the rest articles.
    expect([counts.cables, counts.threads, counts.articles]).toEqual([2, 3, 7]);
    expect(a.corpus.documents.map((d) => d.notes.length).every((n) => n >= 17 && n <= 23)).toBe(true);
    expect(counts.notes).toBe(a.corpus.documents.reduce((n, d) => n + d.notes.length, 0));
    expect(counts.passages).toBe(a.corpus.documents.reduce((n, d) => n + d.passages.length, 0));
    expect(counts.sourceBytes).toBe(paths.filter((p) => p.startsWith('sources/')).reduce((n, p) => n + Buffer.byteLength(readFileSync(join(a.dir, p))), 0));
    // The note the rebuild edits exists; the probe's queries are words.
    expect(paths).toContain(a.corpus.noteToEdit);
    expect(a.corpus.searchQueries).toHaveLength(2);
  });

  it('every passage carries its unique token, cables one passage per line', () => {
    for (const [d, doc] of a.corpus.documents.entries()) {
      const english = doc.passages.filter((p) => p.lang === 'en');
      const tokens = english.map((p) => /\bNo (\d+-\d{3})\b/.exec(p.text)?.[1]);
      expect(tokens.every((t) => t?.startsWith(`${d + 1}-`))).toBe(true);
      expect(new Set(tokens).size).toBe(tokens.length);
    }
    const cable = a.corpus.documents[2]!; // bench-03
    const source = readFileSync(join(a.dir, `sources/${cable.slug}.txt`), 'utf8');
    expect(source).toContain('type: cable');
    expect(source.slice(source.indexOf('\n---\n', 4) + 5).trimEnd().split('\n')).toHaveLength(cable.passages.length);
  });

  it('loads without errors: every note anchored, every entry mentioned, the seeds’ shapes present', () => {
    const edition = loadEdition(a.dir);
    expect(edition.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(edition.documents).toHaveLength(DOCS);
    expect(edition.entries.size).toBe(ENTRIES);
    expect(edition.documents.reduce((n, d) => n + d.notes.length, 0)).toBe(a.corpus.counts.notes);
    expect([...edition.entries.values()].filter((e) => e.mentions.length === 0).map((e) => e.id)).toEqual([]);
    const passages = edition.documents.flatMap((d) => d.passages);
    expect(passages).toHaveLength(a.corpus.counts.passages);
    expect(edition.documents.some((d) => d.meta.passages === 'line')).toBe(true);
    expect(passages.some((p) => p.lang === 'fa' && p.role === 'verse' && p.dir === 'rtl')).toBe(true);
    expect(passages.some((p) => p.role === 'comment-title')).toBe(true);
    expect(passages.some((p) => p.role === 'boilerplate')).toBe(true);
  });
});

describe('the floor project', () => {
  const ROOT = join(import.meta.dirname, '../..');
  const PLUGIN = join(ROOT, 'src/integration/remark-literal-passages.ts');
  const SATTERI_PLUGIN = join(ROOT, 'src/integration/satteri-literal-passages.ts');
  const dirs: string[] = [];
  const tmp = () => {
    const d = mkdtempSync(join(tmpdir(), 'bench-floor-'));
    dirs.push(d);
    return d;
  };
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const mdxFolder = (files: Record<string, string>) => {
    const d = tmp();
    for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
    return d;
  };

  it('is a bare Astro project: @astrojs/mdx only, one glob() collection, one route rendering <Content /> in an HTML shell', () => {
    const config = floorConfig({ remarkLiteralPassages: PLUGIN, cacheDir: '/x/.cache' });
    expect(config).toContain(`import remarkLiteralPassages from ${JSON.stringify(PLUGIN)};`);
    expect(config).toContain('integrations: [mdx()],');
    expect(config).not.toMatch(/annotated-edition|src\/integration\/index/);
    expect(floorContentConfig()).toContain("glob({ pattern: '*.mdx', base: './mdx' })");
    expect(floorContentConfig()).not.toContain('schema');
    const route = floorRoute();
    expect(route).toContain("getCollection('documents')");
    expect(route).toContain('<body><main><Content /></main></body>');
  });

  it('copies the MDX files it is given (all, or the first N by name), with its route and configs', () => {
    const from = mdxFolder({ 'b.mdx': 'bb', 'a.mdx': 'a', 'notes.txt': 'not MDX' });
    const dir = join(tmp(), 'floor');
    expect(writeFloorProject(dir, { mdxFrom: from, nodeModules: join(ROOT, 'node_modules'), remarkLiteralPassages: PLUGIN })).toEqual({ files: 2, bytes: 3 });
    expect(lstatSync(join(dir, 'node_modules')).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['astro.config.mjs', 'mdx', 'node_modules', 'package.json', 'src']);
    expect([...walk(join(dir, 'mdx'), [], 'mdx/'), ...walk(join(dir, 'src'), [], 'src/')].map((f) => f.path).sort()).toEqual(['mdx/a.mdx', 'mdx/b.mdx', 'src/content.config.ts', 'src/pages/[slug].astro']);
    expect(writeFloorProject(join(tmp(), 'floor'), { mdxFrom: from, nodeModules: join(ROOT, 'node_modules'), remarkLiteralPassages: PLUGIN, limit: 1 })).toEqual({ files: 1, bytes: 1 });
  });

  it('has the same processor, plugins and build settings as the project’s astro.config.mjs, for each processor an edition may choose', async () => {
    type Processor = { name: string; options: unknown };
    type Config = { markdown: { processor: Processor }; build: unknown; trailingSlash: string; integrations: { name: string }[] };
    const projectModule = (await import('../../astro.config.mjs')) as unknown as { default: Config; markdownProcessors: Record<'unified' | 'satteri', () => Processor> };
    const project = projectModule.default;
    // The project's own edition.config.yml names no processor: the default, unified().
    expect(project.markdown.processor.name).toBe('unified');
    expect(project.markdown.processor.options).toEqual(projectModule.markdownProcessors.unified().options);
    for (const processor of ['unified', 'satteri'] as const) {
      const dir = join(tmp(), 'floor');
      writeFloorProject(dir, { mdxFrom: mdxFolder({}), nodeModules: join(ROOT, 'node_modules'), remarkLiteralPassages: PLUGIN, processor, satteriLiteralPassages: SATTERI_PLUGIN });
      const floor = (await import(join(dir, 'astro.config.mjs'))).default as Config;
      const edition = projectModule.markdownProcessors[processor]();
      expect(floor.markdown.processor.name, processor).toBe(processor);
      expect(edition.name, processor).toBe(processor);
      // The same plugins (one module instance each), in the same order, with the same options.
      expect(floor.markdown.processor.options, processor).toEqual(edition.options);
      expect(floor.build).toEqual(project.build);
      expect(floor.trailingSlash).toBe(project.trailingSlash);
      expect(floor.integrations.map((i) => i.name)).toEqual(['@astrojs/mdx']);
    }
    expect(project.integrations.map((i) => i.name)).toContain('@astrojs/mdx');
  });

  it('mdxDifferences names the files present in one folder only or with other bytes', () => {
    const a = mdxFolder({ 'same.mdx': 'x', 'changed.mdx': 'one', 'only-a.mdx': 'a' });
    const b = mdxFolder({ 'same.mdx': 'x', 'changed.mdx': 'two', 'only-b.mdx': 'b', 'other.txt': 'ignored' });
    expect(mdxDifferences(a, b)).toEqual(['changed.mdx', 'only-a.mdx', 'only-b.mdx']);
    expect(mdxDifferences(a, a)).toEqual([]);
  });
});

describe('htmlStats', () => {
  it('counts only HTML files: total, rounded average, the largest and where it is', () => {
    expect(
      htmlStats([
        { path: 'index.html', bytes: 100 },
        { path: 'documents/a/index.html', bytes: 301 },
        { path: 'pagefind/big.pf_index', bytes: 10_000 },
        { path: 'about/index.html', bytes: 50 },
      ]),
    ).toEqual({ pages: 3, totalBytes: 451, avgBytes: 150, maxBytes: 301, maxPage: 'documents/a/index.html' });
  });
  it('reports zeros, not NaN, for no pages', () => {
    expect(htmlStats([{ path: 'a.css', bytes: 5 }])).toEqual({ pages: 0, totalBytes: 0, avgBytes: 0, maxBytes: 0, maxPage: '' });
  });
});
