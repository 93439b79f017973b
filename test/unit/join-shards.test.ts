/** Joining a sharded build's outputs (scripts/shards/join.ts): each file once, or identical; never silently one of two. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JoinError, joinSites, listFiles, missingDocumentPages } from '../../scripts/shards/join.ts';
import { ROOT } from '../helpers/build.ts';
import { edition, SOURCE_META } from '../helpers/edition.ts';

const folder = () => {
  mkdirSync(join(ROOT, '.builds'), { recursive: true });
  return mkdtempSync(join(ROOT, '.builds', 'join-'));
};
const site = (root: string, name: string, files: Record<string, string>) => {
  const dir = join(root, name);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
};

describe('joinSites', () => {
  it('copies every file once; a file written identically by several jobs counts once', () => {
    const root = folder();
    const a = site(root, 'shard-1', { 'documents/a/index.html': 'A', '_astro/x.css': 'css', 'robots.txt': 'r' });
    const b = site(root, 'shard-2', { 'documents/b/index.html': 'B', '_astro/x.css': 'css', 'robots.txt': 'r' });
    const agg = site(root, 'aggregate', { 'index.html': 'home', '_astro/x.css': 'css', 'robots.txt': 'r' });
    const out = join(root, 'joined');
    expect(joinSites([a, b, agg], out)).toEqual({ files: 5, shared: 4, perInput: [3, 1, 1] });
    expect(listFiles(out)).toEqual(['_astro/x.css', 'documents/a/index.html', 'documents/b/index.html', 'index.html', 'robots.txt']);
    expect(readFileSync(join(out, 'documents/b/index.html'), 'utf8')).toBe('B');
  });
  it('stops on a file two jobs wrote differently, naming both, and leaves no half-joined site', () => {
    const root = folder();
    const a = site(root, 'shard-1', { '_astro/x.css': 'body{color:red}' });
    const b = site(root, 'shard-2', { '_astro/x.css': 'body{color:blue}' });
    const out = join(root, 'joined');
    expect(() => joinSites([a, b], out)).toThrow(JoinError);
    try {
      joinSites([a, b], out);
    } catch (e) {
      expect((e as Error).message).toContain(`${join(a, '_astro/x.css')} and ${join(b, '_astro/x.css')} differ`);
      expect((e as Error).message).toMatch(/1 file was written differently by two jobs \(every job must build the same commit with the same settings\)/);
    }
    expect(existsSync(out)).toBe(false);
  });
  it('refuses an unsharded build (it has a search index), a missing folder and a non-empty target', () => {
    const root = folder();
    const whole = site(root, 'whole', { 'index.html': 'home', 'pagefind/pagefind.js': 'x' });
    expect(() => joinSites([whole], join(root, 'out'))).toThrow(/holds a search index \(pagefind\/\): it is the output of an unsharded build/);
    expect(() => joinSites([join(root, 'nope')], join(root, 'out'))).toThrow(/is not a folder/);
    const a = site(root, 'a', { 'index.html': 'home' });
    const full = site(root, 'full', { 'x.txt': 'x' });
    expect(() => joinSites([a], full)).toThrow(/is not empty/);
  });
});

describe('missingDocumentPages', () => {
  it('names the page of every document no shard rendered, and a missing home page', () => {
    const root = folder();
    const ed = edition({ 'sources/a-2001.txt': `${SOURCE_META}First text.\n`, 'sources/b-2001.txt': `${SOURCE_META}Second text.\n` });
    const dir = site(root, 'joined', { 'documents/a-2001/index.html': 'A' });
    expect(missingDocumentPages(ed, dir)).toEqual(['documents/b-2001/index.html', 'index.html']);
    writeFileSync(join(dir, 'index.html'), 'home');
    mkdirSync(join(dir, 'documents/b-2001'));
    writeFileSync(join(dir, 'documents/b-2001/index.html'), 'B');
    expect(missingDocumentPages(ed, dir)).toEqual([]);
  });
});
