/** The three seed sources: bodies byte-identical to the received texts, structure as declared. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEdition } from '../../src/edition/index.ts';

const root = join(import.meta.dirname, '../..');
const checksums = readFileSync(join(root, 'test/fixtures/raw-checksums.txt'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => {
    const [hash, slug] = l.split(/\s+/) as [string, string];
    return { hash, slug };
  });
const edition = loadEdition(root);
const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

describe('sources stay raw', () => {
  it('the committed checksums cover every source of the edition', () => {
    expect(checksums.map((c) => c.slug).sort()).toEqual(edition.documents.map((d) => d.slug).sort());
    for (const { hash } of checksums) expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });
  it.each(checksums)('the body of $slug is the received text, byte for byte', ({ hash, slug }) => {
    const doc = edition.documents.find((d) => d.slug === slug)!;
    expect(doc).toBeDefined();
    expect(sha256(Buffer.from(doc.body, 'utf8'))).toBe(hash);
    // The body in the file is the byte-for-byte tail of the file.
    const file = readFileSync(join(root, 'sources', `${slug}.txt`));
    expect(sha256(file.subarray(file.length - Buffer.byteLength(doc.body)))).toBe(hash);
  });
});

// The received texts themselves live beside the repository, in ../shared/raw/. A fresh clone
// without them relies on the committed checksums above; the skip shows in the test report.
const sharedRaw = join(root, '../shared/raw');
const hasShared = existsSync(sharedRaw);
describe.skipIf(!hasShared)(`the received texts in ../shared/raw${hasShared ? '' : ' (skipped: ../shared/raw is absent; the committed checksums are checked above)'}`, () => {
  it.each(checksums)('the file of $slug matches the committed checksum', ({ hash, slug }) => {
    const raw = join(sharedRaw, `${slug}.txt`);
    expect(existsSync(raw), `${raw} is missing`).toBe(true);
    expect(sha256(readFileSync(raw))).toBe(hash);
  });
});

describe('segmentation of the seeds', () => {
  const doc = (slug: string) => edition.documents.find((d) => d.slug === slug)!;
  it('the cable is one passage per line', () => {
    const d = doc('dimitrov-cable-1941');
    expect(d.passages).toHaveLength(d.body.split('\n').filter((l) => l.trim()).length);
    expect(d.passages[11]!.text).toBe('from KUYBYSHEV sent at 2325 9 December 1941');
  });
  it('the thread separates every declared comment, with titles and bylines', () => {
    const d = doc('kianouri-confession-2012');
    expect(d.comments.length).toBeGreaterThanOrEqual(30);
    const titled = d.comments.find((c) => c.speaker === 'Oon Yaroo')!;
    expect(d.passages.find((p) => p.id === titled.title)!.text).toBe('Mash Ghasem Jan, the 18 Wheeler of Godiva Chocolate I sent you!');
    expect(d.passages.find((p) => p.id === titled.byline)!.text).toBe('by Oon Yaroo on');
  });
  it('Persian passages are fa/rtl, verse is verse, and Persian in Latin letters is fa-Latn', () => {
    const d = doc('kianouri-confession-2012');
    const poem = d.passages.filter((p) => p.role === 'verse');
    expect(poem).toHaveLength(4);
    for (const p of poem) expect([p.lang, p.dir]).toEqual(['fa', 'rtl']);
    const latin = d.passages.find((p) => p.text.startsWith('afarin'))!;
    expect(latin.lang).toBe('fa-Latn');
    const byline = d.passages.find((p) => p.text === 'by پندارنیک on')!;
    expect(byline.lang).toBe('en');
    expect(byline.spans).toEqual([expect.objectContaining({ lang: 'fa', dir: 'rtl' })]);
  });
  it('boilerplate is set apart: the cable archive furniture and the article breadcrumb and captions', () => {
    const cable = doc('dimitrov-cable-1941');
    expect(cable.passages.filter((p) => p.role === 'boilerplate').map((p) => p.text)).toContain('Author(s):');
    const article = doc('noury-trial-2021');
    expect(article.passages.filter((p) => p.role === 'boilerplate')).toHaveLength(4);
  });
});
