/** Stage structure: headings, boilerplate, verse, comments and languages set on passages. */
import { describe, expect, it } from 'vitest';
import { Problems } from '../../../src/edition/problems.ts';
import { applyStructures } from '../../../src/edition/stages/structure.ts';
import { lines, raw, target } from '../../helpers/stages.ts';

const BODY = ['Title', 'First comment', 'by A on Monday', 'Text of A.', 'Second comment', 'Text of B with khoda ghovat in it.', 'Roses are red', 'Violets are blue', 'Footer one', 'Footer two'].join('\n\n') + '\n';
const apply = (yaml: string, p = new Problems()) => {
  const t = target(BODY);
  applyStructures(new Map([['doc', raw('annotations/structure/doc.yml', yaml)]]), new Map([['doc', t]]), p);
  return { doc: t.doc, p };
};

describe('applyStructures', () => {
  it('sets roles, comments (each running until the next), verse, boilerplate and languages', () => {
    const { doc, p } = apply(
      [
        'headings: [Title]',
        'comments:',
        '  - { title: First comment, byline: by A on Monday, speaker: A }',
        '  - { title: Second comment }',
        'verse: [{ from: Roses, to: Violets }]',
        'boilerplate: [{ from: Footer one, to: Footer two, label: Page furniture }]',
        'languages:',
        '  - { quote: khoda ghovat, lang: fa-Latn }',
        '  - { quote: Text of A., lang: de }',
      ].join('\n') + '\n',
    );
    expect(lines(p)).toEqual([]);
    expect(doc.passages.map((x) => [x.id, x.role, x.comment, x.verse, x.boilerplate, x.lang])).toEqual([
      ['p1', 'heading', undefined, undefined, undefined, 'en'],
      ['p2', 'comment-title', 0, undefined, undefined, 'en'],
      ['p3', 'byline', 0, undefined, undefined, 'en'],
      ['p4', 'text', 0, undefined, undefined, 'de'],
      ['p5', 'comment-title', 1, undefined, undefined, 'en'],
      ['p6', 'text', 1, undefined, undefined, 'en'],
      ['p7', 'verse', 1, 0, undefined, 'en'],
      ['p8', 'verse', 1, 0, undefined, 'en'],
      ['p9', 'boilerplate', 1, undefined, 0, 'en'],
      ['p10', 'boilerplate', 1, undefined, 0, 'en'],
    ]);
    expect(doc.comments).toEqual([
      { title: 'p2', byline: 'p3', speaker: 'A', passages: ['p2', 'p3', 'p4'] },
      { title: 'p5', byline: undefined, speaker: undefined, passages: ['p5', 'p6', 'p7', 'p8', 'p9', 'p10'] },
    ]);
    expect(doc.boilerplate).toEqual([{ label: 'Page furniture' }]);
    const p6 = doc.passages[5]!;
    expect(p6.spans.map((s) => [doc.body.slice(s.start, s.end), s.lang, s.dir])).toEqual([['khoda ghovat', 'fa-Latn', 'ltr']]);
  });

  it('reports ranges given backwards and comments out of order, at their place in the file', () => {
    const { doc, p } = apply('verse: [{ from: Violets, to: Roses }]\ncomments:\n  - title: Second comment\n  - title: First comment\n  - speaker: X\n');
    expect(lines(p)).toEqual([
      'annotations/structure/doc.yml:1:30 error "to" (¶7) comes before "from" (¶8). Swap them.',
      "annotations/structure/doc.yml:4:5 error Comments must be listed in the order they appear; this one starts at ¶2, before or at the previous one's start. Move it.",
      'annotations/structure/doc.yml:5:5 error A comment needs a title (its title passage) or a start (its first passage).',
    ]);
    expect(doc.passages.filter((x) => x.role === 'verse')).toEqual([]);
    expect(doc.comments.map((c) => c.title)).toEqual(['p5']);
  });

  it('a structure file without a source is an error, and is not read', () => {
    const p = new Problems();
    applyStructures(new Map([['nodoc', raw('annotations/structure/nodoc.yml', 'not: [valid')]]), new Map(), p);
    expect(lines(p)).toEqual(['annotations/structure/nodoc.yml:1:1 error There is no source sources/nodoc.txt for this structure file. Rename the file to match a source.']);
  });
});
