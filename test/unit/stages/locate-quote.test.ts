/** Quote anchoring for structure and notes: a passage and a span, or a problem saying why not. */
import { describe, expect, it } from 'vitest';
import { Problems } from '../../../src/edition/problems.ts';
import { locateQuote } from '../../../src/edition/stages/locate-quote.ts';
import { lines, target } from '../../helpers/stages.ts';

const t = target('Alpha beta gamma.\n\nDelta epsilon. Delta epsilon.\n\nZeta eta theta iota kappa lambda mu.\n');
const at = () => ({ line: 4, col: 8 });
const locate = (exact: string, p: Problems, prefix?: string) =>
  locateQuote(t.doc, t.anchorText, prefix ? { exact, prefix } : { exact }, 'annotations/notes/doc/n.md', at, p, 'note');

describe('locateQuote', () => {
  it('an exact quote gives its passage and its offsets in the body', () => {
    const p = new Problems();
    const r = locate('beta', p)!;
    expect(lines(p)).toEqual([]);
    expect(r.passage.id).toBe('p1');
    expect(t.doc.body.slice(r.span.start, r.span.end)).toBe('beta');
  });

  it('a prefix tells two occurrences apart; without one, the quote is ambiguous', () => {
    const p = new Problems();
    expect(locate('Delta epsilon', p)).toBeNull();
    expect(lines(p)).toEqual(['annotations/notes/doc/n.md:4:8 error The quote "Delta epsilon" occurs 2 times in sources/doc.txt (¶2, ¶2). Quote more words, or add a prefix with the words just before it (for the first: prefix: "gamma.").']);
    const r = locate('Delta epsilon', new Problems(), 'epsilon.')!;
    expect(r.span.start).toBe(t.doc.body.lastIndexOf('Delta epsilon'));
  });

  it('a quote across two passages is refused', () => {
    const p = new Problems();
    expect(locate('gamma. Delta', p)).toBeNull();
    expect(lines(p)).toEqual(['annotations/notes/doc/n.md:4:8 error The quote "gamma. Delta" runs across passages ¶1–¶2 of sources/doc.txt. Quote words from one passage only.']);
  });

  it('a close quote is re-anchored with a warning naming the file kind; a distant one is not found', () => {
    const p = new Problems();
    const r = locate('Zeta eta theta iota kapa lambda mu', p)!;
    expect(r.passage.id).toBe('p3');
    expect(p.list.map((x) => [x.severity, x.message.slice(-39)])).toEqual([['warning', "update the note's quote to those words."]]);
    const q = new Problems();
    expect(locate('Omega psi', q)).toBeNull();
    expect(lines(q)).toEqual(['annotations/notes/doc/n.md:4:8 error The quote "Omega psi" is not in sources/doc.txt. Copy the exact words from the source.']);
  });
});
