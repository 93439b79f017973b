/** The generated MDX folder: a page is rewritten only when its bytes change; pages of removed documents go. */
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync, existsSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDocumentsMdx } from '../../src/integration/write-mdx.ts';
import { ROOT } from '../helpers/build.ts';
import { edition, SOURCE_META } from '../helpers/edition.ts';

const folder = () => {
  mkdirSync(join(ROOT, '.builds'), { recursive: true });
  return join(mkdtempSync(join(ROOT, '.builds', 'mdx-')), 'mdx');
};
const two = (second = 'Second text.') =>
  edition({ 'sources/a-2001.txt': `${SOURCE_META}First text.\n`, 'sources/b-2001.txt': `${SOURCE_META}${second}\n` });

describe('writeDocumentsMdx', () => {
  it('writes one page per document, then nothing when nothing changed', () => {
    const dir = folder();
    expect(writeDocumentsMdx(two(), dir, '/')).toEqual({ written: ['a-2001.mdx', 'b-2001.mdx'], unchanged: 0, removed: [] });
    const past = new Date(2000, 0, 1);
    utimesSync(join(dir, 'a-2001.mdx'), past, past);
    expect(writeDocumentsMdx(two(), dir, '/')).toEqual({ written: [], unchanged: 2, removed: [] });
    // Untouched on disk: Astro's and Vite's caches see an unchanged file.
    expect(statSync(join(dir, 'a-2001.mdx')).mtime.getTime()).toBe(past.getTime());
  });
  it('rewrites only the page whose document changed', () => {
    const dir = folder();
    writeDocumentsMdx(two(), dir, '/');
    expect(writeDocumentsMdx(two('Second text, corrected.'), dir, '/')).toEqual({ written: ['b-2001.mdx'], unchanged: 1, removed: [] });
    expect(readFileSync(join(dir, 'b-2001.mdx'), 'utf8')).toContain('Second text, corrected.');
  });
  it('removes the page of a document that is gone, and leaves other files alone', () => {
    const dir = folder();
    writeDocumentsMdx(two(), dir, '/');
    writeFileSync(join(dir, 'notes.txt'), 'not ours');
    const one = edition({ 'sources/a-2001.txt': `${SOURCE_META}First text.\n` });
    expect(writeDocumentsMdx(one, dir, '/')).toEqual({ written: [], unchanged: 1, removed: ['b-2001.mdx'] });
    expect(existsSync(join(dir, 'b-2001.mdx'))).toBe(false);
    expect(existsSync(join(dir, 'notes.txt'))).toBe(true);
  });
  it('writes links under the base path', () => {
    const dir = folder();
    const e = edition({
      'sources/a-2001.txt': `${SOURCE_META}Pat wrote.\n`,
      'annotations/people/pat.md': '---\nname: Pat\ndescription: A person.\n---\nAn account.\n',
    });
    writeDocumentsMdx(e, dir, '/edition/');
    expect(readFileSync(join(dir, 'a-2001.mdx'), 'utf8')).toContain('<a href="/edition/people/pat/" data-entity="person:pat">Pat</a>');
  });
});
