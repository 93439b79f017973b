/**
 * The sharded build (src/integration/shard.ts, scripts/join-shards.ts), proved on a small
 * generated edition as `npm run shard-proof` proves it on 1,000 documents: the edition built
 * whole, and as 3 shards + the aggregate pages joined, give byte-identical sites, and both
 * Pagefind indexes answer the same queries. Each shard renders only its documents' pages.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles, sameBytes } from '../../scripts/shards/join.ts';
import { shardProof, type ProofReport } from '../../scripts/shards/proof.ts';
import { shardOf } from '../../src/integration/shard.ts';
import { ROOT } from '../helpers/build.ts';

const DOCS = 12;
const SHARDS = 3;

describe('sharded build', () => {
  mkdirSync(join(ROOT, '.builds'), { recursive: true });
  const work = mkdtempSync(join(ROOT, '.builds', 'shards-'));
  let report: ProofReport;

  it(`joins ${SHARDS} shards + aggregate of ${DOCS} documents into the site a whole build makes, byte for byte`, async () => {
    report = await shardProof({ docs: DOCS, shards: SHARDS, entries: 40, work });
    expect(report.sequence.completed).toBe(true);
    expect(report.comparison).toMatchObject({ identical: true, onlyInWhole: [], onlyInJoined: [], different: [], pagefindIdentical: true });
    expect(report.comparison!.wholeFiles).toBeGreaterThan(DOCS * 3);
    expect(report.comparison!.pagefindFiles).toBeGreaterThan(0);
    // Every shard had documents to render (the assignment spreads 12 slugs over 3 shards).
    expect(report.jobs.slice(0, SHARDS).map((j) => j.documents)).not.toContain(0);
  }, 900_000);

  it('answers the same queries from both Pagefind indexes', () => {
    expect(report.search!.differences).toEqual([]);
    expect(report.search!.filtersSame).toBe(true);
    expect(report.search!.answers.length).toBeGreaterThanOrEqual(5);
    // The queries find things: a comparison of empty answers would prove nothing.
    expect(report.search!.answers.filter((a) => a.results > 0).length).toBeGreaterThanOrEqual(5);
  });

  it("renders in each shard only its documents' pages, everything else in the aggregate job, and the search index in no job", () => {
    const documentPages = (dir: string) => listFiles(join(work, dir)).filter((f) => /^documents\/[^/]+\/index\.html$/.test(f)).map((f) => f.split('/')[1]!);
    const slugs = documentPages('whole');
    expect(slugs).toHaveLength(DOCS);
    for (let k = 1; k <= SHARDS; k++) {
      expect(documentPages(`shard-${k}`)).toEqual(slugs.filter((s) => shardOf(s, SHARDS) === k));
      const files = listFiles(join(work, `shard-${k}`));
      expect(files.filter((f) => f.endsWith('.html') && !f.startsWith('documents/'))).toEqual([]);
      expect(files.some((f) => f.startsWith('pagefind/'))).toBe(false);
    }
    const aggregate = listFiles(join(work, 'aggregate'));
    expect(aggregate.filter((f) => f.startsWith('documents/') && f !== 'documents/index.html')).toEqual([]);
    expect(aggregate.filter((f) => /^annotations\/.+\.jsonld$/.test(f))).toEqual([]);
    expect(aggregate).toContain('index.html');
    expect(aggregate).toContain('timeline/index.html');
    expect(aggregate.some((f) => f.startsWith('pagefind/'))).toBe(false);
  });

  it('a join without one of the shards stops, names a missing page, and leaves no site', () => {
    const out = join(work, 'joined-incomplete');
    const env: NodeJS.ProcessEnv = { ...process.env, EDITION_ROOT: join(work, 'edition') };
    delete env.CI;
    const outputs = [...Array.from({ length: SHARDS - 1 }, (_, i) => join(work, `shard-${i + 1}`)), join(work, 'aggregate')];
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/join-shards.ts'), '--out', out, ...outputs], { cwd: ROOT, env, encoding: 'utf8' });
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(1);
    expect(r.stderr).toMatch(/pages? (is|are) missing from the joined site, e\.g\. documents\/[^/]+\/index\.html/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  }, 300_000);

  it('npm run build:sharded builds the same site on one machine, job after job', () => {
    const out = join(work, 'build-sharded');
    const env: NodeJS.ProcessEnv = { ...process.env, EDITION_ROOT: join(work, 'edition'), EDITION_CACHE: join(work, 'cache-build-sharded'), EDITION_GENERATED: join(work, 'generated') };
    delete env.CI;
    delete env.EDITION_SHARD;
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/build-sharded.ts'), '--shards', '2', '--out', out], { cwd: ROOT, env, encoding: 'utf8' });
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
    expect(r.stdout).toContain('build:sharded: 3 jobs joined into');
    const whole = listFiles(join(work, 'whole'));
    expect(listFiles(out)).toEqual(whole);
    expect(whole.filter((f) => !sameBytes(join(work, 'whole', f), join(out, f)))).toEqual([]);
  }, 900_000);

  it('stops a build whose EDITION_SHARD names no shard, saying what to write', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, EDITION_ROOT: join(work, 'edition'), EDITION_CACHE: join(work, 'cache-bad'), EDITION_GENERATED: join(work, 'generated-bad'), EDITION_SHARD: '5/4' };
    delete env.CI;
    const r = spawnSync(join(ROOT, 'node_modules/.bin/astro'), ['build', '--outDir', join(work, 'bad')], { cwd: join(work, 'site'), env, encoding: 'utf8' });
    const output = `${r.stdout}${r.stderr}`;
    expect(r.status).toBe(1);
    expect(output).toContain('EDITION_SHARD="5/4" names no shard. Set it to k/N to build the document pages of shard k of N (1 ≤ k ≤ N, e.g. 2/4)');
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });
});
