/**
 * The edition on its own stack: after `npm run build`, one generated .mdx page per document
 * exists, the project wires @astrojs/mdx, remark-gfm, rehype-slug and gray-matter, and the three
 * documents keep every passage id and text, every footnote id and note, every register link and
 * every URL they had before the MDX re-foundation (test/fixtures/baseline/, read from the pages
 * published before it).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEdition } from '../../src/edition/index.ts';
import { page, ROOT, seedDist } from '../helpers/build.ts';
import { inventory, type PageInventory } from '../helpers/inventory.ts';

const SLUGS = ['dimitrov-cable-1941', 'kianouri-confession-2012', 'noury-trial-2021'];
const noSpace = (s: string) => s.replace(/\s+/g, '');

let dist: string;
beforeAll(() => {
  dist = seedDist();
});

describe('the three documents keep what they published', () => {
  for (const slug of SLUGS) {
    describe(slug, () => {
      let before: PageInventory;
      let now: PageInventory;
      beforeAll(() => {
        before = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/baseline', `${slug}.json`), 'utf8')) as PageInventory;
        now = inventory(page(dist, `documents/${slug}`));
      });
      it('every passage: id, number and exact text', () => expect(now.passages).toEqual(before.passages));
      it('every footnote: id, the passage it is referenced from, and its note', () => {
        // A note may since have been corrected (issue 22): its id and place must stay; its words are compared where unchanged.
        // Every note published before keeps its id and its passage, in the same order; notes added since may stand between them.
        const kept = now.footnotes.filter((f) => before.footnotes.some((b) => b.id === f.id));
        expect(kept.map((f) => [f.id, f.from])).toEqual(before.footnotes.map((f) => [f.id, f.from]));
        const baselineNotes = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/baseline/notes.json'), 'utf8')) as Record<string, string>;
        for (const f of now.footnotes.filter((x) => !kept.includes(x))) expect(Object.keys(baselineNotes).some((file) => file.endsWith(`/${f.id.slice(3)}.md`)), `${f.id} is new since the baseline`).toBe(false);
        const edition = loadEdition(ROOT);
        const doc = edition.documents.find((d) => d.slug === slug)!;
        for (const f of before.footnotes) {
          const note = doc.notes.find((n) => `fn-${n.id}` === f.id)!;
          const after = now.footnotes.find((x) => x.id === f.id)!;
          // Block boundaries may add or drop a space; the words are the same unless the note file changed since.
          if (noSpace(after.text) !== noSpace(f.text)) expect(changedSinceBaseline(note.file), `${f.id} changed on the page but not in ${note.file}`).toBe(true);
        }
      });
      it('every register link (data-entity, target, words, passage)', () => expect(now.entities).toEqual(before.entities));
      it('every URL it linked to (a work cited now on its letter page of the paged works cited, or no longer cited since the source standard)', () => {
        const works = loadEdition(ROOT).works;
        for (const u of before.urls) {
          if (now.urls.includes(u)) continue;
          // The works cited are paged by letter (issue 17): /works/#key is now /works/<letter>/#key.
          const key = /^\/works\/#(.+)$/.exec(u)?.[1];
          expect(key, `${u} is no longer linked`).toBeDefined();
          if (Object.hasOwn(works, key!)) expect(now.urls.some((x) => /^\/works\/[^#]+\/#/.test(x) && x.endsWith(`#${key}`)), `${u} moved to no letter page`).toBe(true);
        }
      });
    });
  }
});

/** Whether a note file differs from its text when the baseline was taken (commit 6f8294c). */
function changedSinceBaseline(file: string): boolean {
  const baseline = join(ROOT, 'test/fixtures/baseline/notes.json');
  const digests = JSON.parse(readFileSync(baseline, 'utf8')) as Record<string, string>;
  return digests[file] !== sha256(readFileSync(join(ROOT, file)));
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('the generated MDX and the stack that renders it', () => {
  it('one .mdx per document in .edition/mdx/, with the document’s footnotes', () => {
    const dir = join(ROOT, '.edition/mdx');
    expect(readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort()).toEqual(SLUGS.map((s) => `${s}.mdx`));
    const mdx = readFileSync(join(dir, 'dimitrov-cable-1941.mdx'), 'utf8');
    expect(mdx).toMatch(/^---\n\{"slug":"dimitrov-cable-1941",/);
    expect(mdx).toContain('[^kuybyshev]');
    expect(mdx).toMatch(/^\[\^kuybyshev\]: <span class="note-kind"/m);
  });
  it('src/ and astro.config.mjs import @astrojs/mdx, remark-gfm, rehype-slug and gray-matter', () => {
    const config = readFileSync(join(ROOT, 'astro.config.mjs'), 'utf8');
    for (const pkg of ['@astrojs/mdx', '@astrojs/markdown-remark', 'remark-gfm', 'rehype-slug']) expect(config).toContain(`from '${pkg}'`);
    const src = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? src(join(dir, e.name)) : [readFileSync(join(dir, e.name), 'utf8')]));
    expect(src(join(ROOT, 'src')).some((t) => t.includes("from 'gray-matter'"))).toBe(true);
  });
  it('footnotes are GFM footnotes from remark-gfm: numbered in reading order, with back links', () => {
    const html = readFileSync(join(dist, 'documents/dimitrov-cable-1941/index.html'), 'utf8');
    expect(html).toContain('<section data-footnotes class="footnotes">');
    const refs = [...html.matchAll(/data-footnote-ref[^>]*>(\d+)<\/a>/g)].map((m) => Number(m[1]));
    expect(refs).toEqual(refs.map((_, i) => i + 1));
    expect(html).toContain('data-footnote-backref');
    expect(existsSync(join(dist, 'documents/dimitrov-cable-1941/handout/index.html'))).toBe(true);
  });
});
