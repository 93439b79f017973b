/** Stage classify: which file is what, with the size limits and naming errors. */
import { describe, expect, it } from 'vitest';
import { Problems } from '../../../src/edition/problems.ts';
import { classifyFiles, MAX_ANNOTATION_BYTES } from '../../../src/edition/stages/classify.ts';
import { lines, raw } from '../../helpers/stages.ts';

const paths = (fs: { path: string }[]) => fs.map((f) => f.path);

describe('classifyFiles', () => {
  it('sorts every kind of file into its place, in path order', () => {
    const p = new Problems();
    const c = classifyFiles(
      [
        'sources/b.txt', 'sources/a.txt',
        'annotations/notes/a/n2.md', 'annotations/notes/a/n1.md',
        'annotations/structure/a.yml', 'annotations/structure/b.yaml',
        'annotations/people/kim.md', 'annotations/events/war.md', 'annotations/places/here.md', 'annotations/organizations/party.md',
        'annotations/passages/a.yml',
        'annotations/works/more.yaml', 'annotations/works.yml',
      ].map((path) => raw(path, 'x')),
      p,
    );
    expect(lines(p)).toEqual([]);
    expect(c.sources.map((s) => [s.file.path, s.slug])).toEqual([['sources/a.txt', 'a'], ['sources/b.txt', 'b']]);
    expect(c.notes.map((n) => [n.slug, n.id])).toEqual([['a', 'n1'], ['a', 'n2']]);
    expect([...c.structures.keys()]).toEqual(['a', 'b']);
    expect(c.entries.map((e) => `${e.kind}:${e.id}`)).toEqual(['event:war', 'organization:party', 'person:kim', 'place:here']);
    expect([...c.locks.keys()]).toEqual(['a']);
    expect(paths(c.works)).toEqual(['annotations/works.yml', 'annotations/works/more.yaml']);
  });

  it('skips hidden files and READMEs, and ignores files outside sources/ and annotations/', () => {
    const p = new Problems();
    const c = classifyFiles([raw('annotations/people/README.md', 'x'), raw('annotations/notes/a/.draft.md', 'x'), raw('elsewhere/x.txt', 'x')], p);
    expect(lines(p)).toEqual([]);
    expect(c.entries).toEqual([]);
    expect(c.notes).toEqual([]);
  });

  it('refuses bad names and files in no known place', () => {
    const p = new Problems();
    const c = classifyFiles(
      [raw('sources/Bad Name.txt', 'x'), raw('annotations/notes/a/My Note.md', 'x'), raw('annotations/people/Kim.md', 'x'), raw('annotations/notes/loose.md', 'x'), raw('sources/deep/x.txt', 'x')],
      p,
    );
    expect(c.sources).toEqual([]);
    expect(c.notes).toEqual([]);
    expect(c.entries).toEqual([]);
    expect(p.list.map((x) => [x.file, x.message.slice(0, 30)])).toEqual([
      ['annotations/notes/a/My Note.md', "A note's file name is its id a"],
      ['annotations/notes/loose.md', 'This file is not in a place th'],
      ['annotations/people/Kim.md', "A register entry's file name i"],
      ['sources/Bad Name.txt', "A source's file name must be l"],
      ['sources/deep/x.txt', 'This file is not in a place th'],
    ]);
  });

  it('holds annotations to 256 KB and sources to 8 MB', () => {
    const big = new Uint8Array(MAX_ANNOTATION_BYTES + 1).fill(0x61);
    const p = new Problems();
    const c = classifyFiles([raw('annotations/notes/a/n.md', big), raw('sources/a.txt', big)], p);
    expect(c.notes).toEqual([]);
    expect(paths(c.sources.map((s) => s.file))).toEqual(['sources/a.txt']);
    expect(lines(p)).toEqual(['annotations/notes/a/n.md:1:1 error This file is 256 KB, over the limit of 256 KB for an annotation file. Split it into smaller files.']);
  });
});
