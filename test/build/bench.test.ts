/**
 * The build benchmark (`npm run bench`, issues 10 and 17) runs end to end at a small size and
 * reports what it promises: every figure present, finite, and positive where it must be. Its
 * timings are never compared: they depend on the machine and its load. Two Astro builds (the
 * edition, and the floor: the same generated MDX through bare Astro + @astrojs/mdx) and a
 * rebuild: too slow for the unit suite, whose bench.test.ts tests the benchmark's pure parts.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const DOCS = 8;
const ENTRIES = 40;

describe('npm run bench', () => {
  it(`builds ${DOCS} generated documents and the floor, and reports every figure as JSON`, () => {
    const env = { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}` };
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/bench.ts'), '--docs', String(DOCS), '--entries', String(ENTRIES), '--json', '--no-warmup', '--no-search-probe'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      timeout: 330_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, any>;
    // Pages: one per document and per register entry, plus the site's fixed pages.
    expect(out.full.documentPages).toBe(DOCS);
    expect(out.full.entryPages).toBe(ENTRIES);
    expect(out.full.pages).toBeGreaterThanOrEqual(DOCS + ENTRIES);
    expect(out.full.documentHtml.pages).toBe(DOCS);
    expect(out.floor.html.pages).toBe(DOCS);
    // The floor built the edition's own generated MDX files, one per document.
    expect(out.floor.mdx).toMatchObject({ files: DOCS, sameAsEdition: true });
    expect(out.floor.mdx.bytes).toBeGreaterThan(0);
    expect(out.corpus.documents).toBe(DOCS);
    expect(out.full.load.notes).toBe(out.corpus.notes);
    // Every phase measured: wall times, peak memory of the process trees, bytes per page.
    const figures: Record<string, unknown> = {
      'full.load.modelMs': out.full.load.modelMs,
      'full.astro.wallMs': out.full.astro.wallMs,
      'full.totalMs': out.full.totalMs,
      'full.peakTreeRssMB': out.full.peakTreeRssMB,
      'full.html.avgBytes': out.full.html.avgBytes,
      'full.documentHtml.avgBytes': out.full.documentHtml.avgBytes,
      'floor.wallMs': out.floor.wallMs,
      'floor.peakTreeRssMB': out.floor.peakTreeRssMB,
      'floor.html.avgBytes': out.floor.html.avgBytes,
      'floor.search.wallMs': out.floor.search.wallMs,
      'floor.search.peakTreeRssMB': out.floor.search.peakTreeRssMB,
      'rebuild.totalMs': out.rebuild.totalMs,
      'rebuild.peakTreeRssMB': out.rebuild.peakTreeRssMB,
      // The same edition and floor with the Sätteri processor (markdown.processor: satteri).
      'satteri.full.totalMs': out.satteri.full.totalMs,
      'satteri.full.peakTreeRssMB': out.satteri.full.peakTreeRssMB,
      'satteri.full.documentHtml.avgBytes': out.satteri.full.documentHtml.avgBytes,
      'satteri.floor.wallMs': out.satteri.floor.wallMs,
      'satteri.floor.peakTreeRssMB': out.satteri.floor.peakTreeRssMB,
      'satteri.floor.search.wallMs': out.satteri.floor.search.wallMs,
    };
    for (const [k, x] of Object.entries(figures)) {
      expect(typeof x, k).toBe('number');
      expect(Number.isFinite(x), k).toBe(true);
      expect(x, k).toBeGreaterThan(0);
    }
    // Pagefind's time is either part of astro build (the integration indexes the site and logs
    // what it waited for after the pages), or its own step of the build script, added to the total.
    expect(typeof out.full.pagefind.ms).toBe('number');
    if (out.full.pagefind.inAstroBuild) {
      expect(out.full.pagefind.ms).toBeLessThanOrEqual(out.full.astro.wallMs);
      expect(out.full.totalMs).toBe(out.full.astro.wallMs);
    } else {
      expect(out.full.pagefind.ms).toBeGreaterThan(0);
      expect(Math.abs(out.full.totalMs - (out.full.astro.wallMs + out.full.pagefind.ms))).toBeLessThanOrEqual(1);
    }
    expect(out.full.html.maxBytes).toBeGreaterThanOrEqual(out.full.html.avgBytes);
    expect(out.full.pagefindBytes).toBeGreaterThan(0);
    // Every file in the output is counted: the pages and Pagefind's files at least.
    expect(out.full.files).toBeGreaterThanOrEqual(out.full.pages + out.full.pagefindFiles);
    expect(out.floor.files).toBeGreaterThanOrEqual(DOCS);
    expect(out.machine.diskMsPerFile).toBeGreaterThan(0);
    // Arithmetic, not speed: the floor followed by Pagefind takes longer than the floor alone.
    expect(out.ratio.totalVsFloorWithSearch).toBeLessThan(out.ratio.total);
    // One search record per document (its passages are sub-results), per register entry and per work cited.
    expect(out.full.pagefind.records).toBe(out.corpus.documents + out.corpus.entries + out.corpus.works);
    // Ratios (to the floor, to the floor followed by Pagefind, the warm rebuild to the cold build) are positive numbers.
    for (const k of ['total', 'astro', 'totalVsFloorWithSearch', 'rebuildVsCold', 'rebuildVsFloor', 'peakTreeRss', 'htmlBytesPerDocumentPage', 'satteriTotal', 'satteriTotalVsFloorWithSearch', 'satteriVsUnifiedTotal', 'satteriVsUnifiedFloor', 'satteriVsUnifiedPeakTreeRss']) {
      expect(Number.isFinite(out.ratio[k]), k).toBe(true);
      expect(out.ratio[k], k).toBeGreaterThan(0);
    }
    // Both processors built the same document pages (the floor's pages: one per document).
    expect(out.satteri.floor.failed).toBeNull();
    expect(out.satteri.floor.html.pages).toBe(DOCS);
    expect(out.satteri.full.documentHtml.pages).toBe(DOCS);
    expect(out.satteri.full.pagefind.records).toBe(out.full.pagefind.records);
    // The rebuild picked up the edited note.
    expect(out.rebuild.editShown).toBe(true);
    expect(out.work).toBeNull();
  }, 360_000);
});
