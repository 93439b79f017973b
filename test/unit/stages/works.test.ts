/** Stage works: one key space over the works lists; citations checked and remembered. */
import { describe, expect, it } from 'vitest';
import { Problems } from '../../../src/edition/problems.ts';
import { checkCites, readWorks } from '../../../src/edition/stages/works.ts';
import { lines, raw } from '../../helpers/stages.ts';

describe('readWorks', () => {
  it('merges the works lists; a key used again is an error at the key, and the first definition stands', () => {
    const p = new Problems();
    const cited = readWorks(
      [raw('annotations/works.yml', 'w1:\n  title: First\n  category: scholarship\n'), raw('annotations/works/more.yml', 'w2:\n  title: Second\n  category: scholarship\nw1:\n  title: Again\n  category: scholarship\n')],
      p,
    );
    expect(Object.keys(cited.works)).toEqual(['w1', 'w2']);
    expect(cited.works.w1!.title).toBe('First');
    expect(cited.where.get('w2')!.file).toBe('annotations/works/more.yml');
    expect(lines(p)).toEqual(['annotations/works/more.yml:4:1 error The work key "w1" is already used in annotations/works.yml. Give this work another key, or cite the existing one.']);
  });

  it('skips a list that does not validate', () => {
    const p = new Problems();
    const cited = readWorks([raw('annotations/works.yml', 'Bad Key:\n  title: x\n')], p);
    expect(cited.works).toEqual({});
    expect(p.list).toHaveLength(1);
  });
});

describe('checkCites', () => {
  it('remembers every cited key and reports unknown ones at their place in cites', () => {
    const cited = readWorks([raw('annotations/works.yml', 'w1:\n  title: First\n  category: scholarship\n')], new Problems());
    const p = new Problems();
    checkCites(cited, [{ work: 'w1' }, { work: 'nowork' }], 'annotations/notes/d/n.md', (path) => ({ line: 10, col: Number(path[1]) + 1 }), p);
    expect([...cited.used]).toEqual(['w1', 'nowork']);
    expect(lines(p)).toEqual(['annotations/notes/d/n.md:10:2 error No work "nowork" in annotations/works.yml. Add it there, or fix the key.']);
  });
});
