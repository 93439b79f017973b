/**
 * The build benchmark (`npm run bench`, issue 10) runs end to end at a small size and reports
 * what it promises. Its timings are not asserted: they depend on the machine and its load.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/bench/corpus.ts';
import { loadEdition } from '../../src/edition/index.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DOCS = 8;
const ENTRIES = 40;

describe('the generated benchmark edition', () => {
  it('is valid, deterministic and shaped like the seeds', () => {
    const a = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
    const b = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
    try {
      const ca = generateCorpus(a, { docs: 12, entries: ENTRIES, seed: 7 });
      const cb = generateCorpus(b, { docs: 12, entries: ENTRIES, seed: 7 });
      expect(cb.counts).toEqual(ca.counts);
      expect(readFileSync(join(b, 'sources/bench-05.txt'), 'utf8')).toBe(readFileSync(join(a, 'sources/bench-05.txt'), 'utf8'));
      const edition = loadEdition(a);
      expect(edition.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(edition.documents).toHaveLength(12);
      expect(edition.entries.size).toBe(ENTRIES);
      // Every note anchored (quotes unique in their document), every entry mentioned somewhere.
      expect(edition.documents.reduce((n, d) => n + d.notes.length, 0)).toBe(ca.counts.notes);
      expect([...edition.entries.values()].every((e) => e.mentions.length > 0)).toBe(true);
      // Cables are one passage per line; Persian verse, comments and boilerplate are present.
      const passages = edition.documents.flatMap((d) => d.passages);
      expect(edition.documents.some((d) => d.meta.passages === 'line')).toBe(true);
      expect(passages.some((p) => p.lang === 'fa' && p.role === 'verse' && p.dir === 'rtl')).toBe(true);
      expect(passages.some((p) => p.role === 'comment-title')).toBe(true);
      expect(passages.some((p) => p.role === 'boilerplate')).toBe(true);
      const notesPerDoc = ca.counts.notes / 12;
      expect(notesPerDoc).toBeGreaterThan(15);
      expect(notesPerDoc).toBeLessThan(25);
    } finally {
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  });
});

describe('npm run bench', () => {
  it(`builds ${DOCS} generated documents and the floor, and reports every figure as JSON`, () => {
    const env = { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}` };
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/bench.ts'), '--docs', String(DOCS), '--entries', String(ENTRIES), '--json', '--no-warmup', '--no-search-probe'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      timeout: 170_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, any>;
    // Pages: one per document and per register entry, plus the site's fixed pages.
    expect(out.full.documentPages).toBe(DOCS);
    expect(out.full.entryPages).toBe(ENTRIES);
    expect(out.full.pages).toBeGreaterThanOrEqual(DOCS + ENTRIES);
    expect(out.full.documentHtml.pages).toBe(DOCS);
    expect(out.floor.html.pages).toBe(DOCS);
    expect(out.corpus.documents).toBe(DOCS);
    expect(out.full.load.notes).toBe(out.corpus.notes);
    // Every phase measured.
    for (const x of [out.full.load.modelMs, out.full.astro.wallMs, out.full.totalMs, out.floor.wallMs, out.rebuild.totalMs]) {
      expect(typeof x).toBe('number');
      expect(x).toBeGreaterThan(0);
    }
    // What Pagefind leaves after the pages: a small edition's index is written beside them, so ≈ 0.
    expect(typeof out.full.pagefind.ms).toBe('number');
    expect(out.full.pagefind.ms).toBeGreaterThanOrEqual(0);
    expect(out.full.totalMs).toBeGreaterThanOrEqual(out.full.astro.wallMs);
    expect(out.full.peakTreeRssMB).toBeGreaterThan(0);
    expect(out.floor.peakTreeRssMB).toBeGreaterThan(0);
    expect(out.full.html.avgBytes).toBeGreaterThan(0);
    expect(out.full.html.maxBytes).toBeGreaterThanOrEqual(out.full.html.avgBytes);
    expect(out.full.pagefindBytes).toBeGreaterThan(0);
    // Every file in the output is counted: the pages and Pagefind's files at least.
    expect(out.full.files).toBeGreaterThanOrEqual(out.full.pages + out.full.pagefindFiles);
    expect(out.floor.files).toBeGreaterThanOrEqual(DOCS);
    expect(out.machine.diskMsPerFile).toBeGreaterThan(0);
    expect(out.floor.search.wallMs).toBeGreaterThan(0);
    expect(out.ratio.totalVsFloorWithSearch).toBeLessThan(out.ratio.total);
    // One search record per document (its passages are sub-results) and one per register entry.
    expect(out.full.pagefind.records).toBe(out.corpus.documents + out.corpus.entries);
    // Ratios to the floor are positive numbers.
    for (const k of ['total', 'astro', 'rebuild', 'peakTreeRss', 'htmlBytesPerDocumentPage']) {
      expect(Number.isFinite(out.ratio[k]), k).toBe(true);
      expect(out.ratio[k], k).toBeGreaterThan(0);
    }
    // The rebuild picked up the edited note.
    expect(out.rebuild.editShown).toBe(true);
    expect(out.work).toBeNull();
  });
});
