/** Stage assemble: warnings for what nothing uses, documents in date order. */
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../src/edition/model.ts';
import { Problems } from '../../../src/edition/problems.ts';
import { assembleEdition } from '../../../src/edition/stages/assemble.ts';
import { checkCites } from '../../../src/edition/stages/works.ts';
import { SOURCE_META } from '../../helpers/edition.ts';
import { lines, target, worksCited } from '../../helpers/stages.ts';

const dated = (slug: string, date: string) => target('Some text.\n', slug, SOURCE_META.replace('date: 2001-02-03', `date: ${date}`)).doc;

describe('assembleEdition', () => {
  it('sorts documents by date (a range by its start), then by slug', () => {
    const docs = [dated('c', '1999'), dated('b', '{ from: 1941-06, to: 1942 }'), dated('a', '1999'), dated('d', '1941-12-09')];
    const e = assembleEdition(docs, new Map(), worksCited(''), new Problems());
    expect(e.documents.map((d) => d.slug)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('warns about entries nothing mentions and works nothing cites, and returns every problem', () => {
    const cited = worksCited('w1:\n  title: One\n  category: scholarship\nw2:\n  title: Two\n  category: scholarship\n');
    checkCites(cited, [{ work: 'w1' }], 'x', () => ({ line: 1, col: 1 }), new Problems());
    const quiet = { ref: 'person:quiet', file: 'annotations/people/quiet.md', meta: { name: 'Quiet One' }, mentions: [] } as unknown as Entry;
    const loud = { ref: 'person:loud', file: 'annotations/people/loud.md', meta: { name: 'Loud' }, mentions: [{}] } as unknown as Entry;
    const problems = new Problems();
    problems.error('earlier.md', 1, 1, 'An earlier problem.');
    const e = assembleEdition([], new Map([['person:quiet', quiet], ['person:loud', loud]]), cited, problems);
    expect(lines(problems)).toEqual([
      'earlier.md:1:1 error An earlier problem.',
      `annotations/people/quiet.md:1:1 warning Nothing in the sources mentions "Quiet One". Add the spelling the source uses to aliases, or tie a passage to it with a note's entities.`,
      'annotations/works.yml:4:1 warning The work "w2" is not cited anywhere. Cite it from a note or entry, or remove it.',
    ]);
    expect(e.problems).toBe(problems.list);
    expect(Object.keys(e.works)).toEqual(['w1', 'w2']);
  });
});
