/** EDITION_SHARD: what a sharded build renders (src/integration/shard.ts). */
import { describe, expect, it } from 'vitest';
import { DOCUMENT_ROUTES, parseShard, rendersDocument, rendersRoute, shardOf, ShardError, writesSearchIndex } from '../../src/integration/shard.ts';

describe('EDITION_SHARD', () => {
  it('reads k/N, aggregate and unset', () => {
    expect(parseShard(undefined)).toEqual({ kind: 'all' });
    expect(parseShard('')).toEqual({ kind: 'all' });
    expect(parseShard('aggregate')).toEqual({ kind: 'aggregate' });
    expect(parseShard('2/4')).toEqual({ kind: 'documents', index: 2, count: 4 });
    expect(parseShard('1/1')).toEqual({ kind: 'documents', index: 1, count: 1 });
  });
  it('refuses a value that names no shard, saying what to write', () => {
    for (const bad of ['0/4', '5/4', '2/0', '2', 'aggregates', '1/2/3', '-1/2', 'a/b']) {
      expect(() => parseShard(bad)).toThrow(ShardError);
    }
    expect(() => parseShard('5/4')).toThrow(/EDITION_SHARD="5\/4" names no shard\. Set it to k\/N .*1 ≤ k ≤ N.*"aggregate"/);
  });
  it('puts every document in exactly one shard, the same one whatever other documents exist', () => {
    const slugs = Array.from({ length: 1000 }, (_, i) => `doc-${i}`);
    for (const count of [1, 2, 3, 4, 7]) {
      const sizes = new Array<number>(count).fill(0);
      for (const slug of slugs) {
        const k = shardOf(slug, count);
        expect(k).toBeGreaterThanOrEqual(1);
        expect(k).toBeLessThanOrEqual(count);
        sizes[k - 1]!++;
        const owners = Array.from({ length: count }, (_, i) => rendersDocument({ kind: 'documents', index: i + 1, count }, slug)).filter(Boolean);
        expect(owners).toHaveLength(1);
      }
      // Balanced by chance: no shard is empty or twice its share at 1,000 documents.
      for (const n of sizes) expect(n).toBeGreaterThan(1000 / count / 2);
    }
    // The assignment is a function of the slug and N only (fixed values: a change would move published shards' pages).
    expect(shardOf('doc-0', 4)).toBe(shardOf('doc-0', 4));
    expect([shardOf('bench-0001', 4), shardOf('bench-0002', 4), shardOf('bench-0003', 4)]).toEqual([4, 3, 4]);
  });
  it('renders document routes only in document shards, other routes only in the aggregate job; the index only unsharded', () => {
    const all = parseShard(undefined);
    const agg = parseShard('aggregate');
    const one = parseShard('1/3');
    for (const r of DOCUMENT_ROUTES) {
      expect([rendersRoute(all, r), rendersRoute(agg, r), rendersRoute(one, r)]).toEqual([true, false, true]);
    }
    for (const r of ['/', '/timeline', '/[kind]/[id]', '/works', '/edition.json']) {
      expect([rendersRoute(all, r), rendersRoute(agg, r), rendersRoute(one, r)]).toEqual([true, true, false]);
    }
    expect(rendersDocument(agg, 'doc-0')).toBe(false);
    expect(rendersDocument(all, 'doc-0')).toBe(true);
    expect([writesSearchIndex(all), writesSearchIndex(agg), writesSearchIndex(one)]).toEqual([true, false, false]);
  });
});
