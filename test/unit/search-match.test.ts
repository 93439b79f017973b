/**
 * The search page's reading of Pagefind's answers (src/site/search-match.ts), on fragments laid
 * out as Pagefind stores a record of src/edition/search-records.ts: the text as words separated
 * by spaces, a full stop added where a block ends, anchors at word positions.
 */
import { describe, expect, it } from 'vitest';
import { analyse, excerptWindow, fallbackWords, hitRank, nameCloseness, nameMatches, normalise, parseFragment, parseQuery, relation, sameWord, similarity, termFound, words, Words, type Fragment } from '../../src/site/search-match.ts';

/** A document fragment from sections `[id, text, additions]`, as Pagefind stores it. */
function docFragment(sections: [string, string, string][]): Fragment {
  const tokens: string[] = [];
  const anchors: Fragment['anchors'] = [];
  for (const [id, text, added] of sections) {
    anchors.push({ element: 'h2', id, text: '¶', location: tokens.length });
    tokens.push('¶.', ...text.split(' '));
    anchors.push({ element: 'span', id: `x-${id}`, text: '', location: tokens.length });
    const tail = `⁂${added ? ` ${added}` : ''}`.split(' ');
    tail[tail.length - 1] += '.';
    tokens.push(...tail);
  }
  return { url: '/documents/d/', content: tokens.join(' '), meta: { title: 'D' }, anchors, locations: [] };
}
/** Positions of the tokens that (normalised) begin with `word`. */
const at = (f: Fragment, word: string) =>
  f.content
    .split(' ')
    .map((t, i) => (words(t).some((w) => w.startsWith(word)) ? i : -1))
    .filter((i) => i >= 0);

const FRAGMENT = docFragment([
  ['p1', 'As for Kianouri himself, these confessions were extracted under torture.', '⁂ Noureddin Kianouri · Kianoury · Kiannory'],
  ['p2', 'For every Kianoury who "confessed" there were others.', '⁂ Noureddin Kianouri · Kianoury · Kiannory'],
  ['p3', 'Confessions: Noureddin Kianouri', '⁂ Noureddin Kianouri · Kianoury · Kiannory'],
  ['p4', 'آنكس كه نداند', 'آنکس که'],
  ['fn-n1', 'Attributed to Ibn Yamin.', ''],
]);

describe('parseQuery', () => {
  it('takes quoted phrases (straight or curly) apart from the other words, folded and normalised', () => {
    expect(parseQuery('  Kianouri “extracted under torture” ')).toMatchObject({ terms: ['kianouri'], phrases: [['extracted', 'under', 'torture']], pagefind: 'kianouri extracted under torture' });
    expect(parseQuery('"extracted under torture"').pagefind).toBe('"extracted under torture"');
    expect(parseQuery('كيانوري ۱۳۶۷').terms).toEqual(['کیانوری', '1367']);
    expect(parseQuery('Kianouri’s al-Din').terms).toEqual(['kianouri', 'al', 'din']);
    expect(parseQuery('"unclosed').terms).toEqual(['unclosed']);
  });
  it('normalises as Pagefind compares: lower case, no diacritics, no possessive', () => {
    expect(normalise('Kiánouri’s')).toBe('kianouri');
    expect(words('شَرف، «آنكس»')).toEqual(['شرف', 'انکس']);
  });
});

describe('reading a fragment', () => {
  it('finds each section, the end of its text and its added groups', () => {
    const p = parseFragment(FRAGMENT);
    expect(p.sections.map((s) => s.id)).toEqual(['p1', 'p2', 'p3', 'p4', 'fn-n1']);
    const [s1] = p.sections;
    expect(p.tokens.slice(s1!.start, s1!.end).join(' ')).toBe('As for Kianouri himself, these confessions were extracted under torture.');
    expect(s1!.groups).toHaveLength(2);
    expect(p.tokens.slice(s1!.groups[1]!.start, s1!.groups[1]!.end).join(' ')).toBe('Noureddin Kianouri · Kianoury · Kiannory.');
  });
  it('reads an entry: its name, then its text', () => {
    const content = 'Noureddin Kianouri. A test person. ⁂ ⁂ Noureddin Kianouri · Kianoury.';
    const p = parseFragment({ url: '/people/k/', content, meta: {}, anchors: [{ element: 'span', id: 'd', text: '', location: 2 }, { element: 'span', id: 'x-names', text: '', location: 5 }], locations: [] });
    expect(p.name).toEqual({ start: 0, end: 2 });
    expect(p.tokens.slice(p.sections[0]!.start, p.sections[0]!.end)).toEqual(['A', 'test', 'person.']);
    const q = parseQuery('Kianoury');
    const w = new Words(p.tokens);
    expect(nameMatches(p, w, [7], q)).toBe(true);
    expect(nameCloseness(p, q)).toBe(0);
    expect(nameCloseness(p, parseQuery('Kian'))).toBe(1);
    expect(nameMatches(p, w, [4], parseQuery('person'))).toBe(false);
  });
});

describe('analyse', () => {
  const p = parseFragment(FRAGMENT);
  const w = new Words(p.tokens);
  const hit = (id: string, q: string, located: number[]) => analyse(p, p.sections.find((s) => s.id === id)!, w, located, parseQuery(q));
  const marked = (id: string, q: string, located: number[]) => hit(id, q, located)!.marks.map((i) => p.tokens[i]);

  it('marks the located words of the text; the typed spelling ranks above another form of the word', () => {
    const located = at(FRAGMENT, 'kianour'); // Pagefind matches Kianouri and Kianoury alike (one stem)
    const typed = hit('p2', 'Kianoury', located)!;
    const other = hit('p1', 'Kianoury', located)!;
    expect(typed.marks.map((i) => p.tokens[i])).toEqual(['Kianoury']);
    expect(typed.strong).toEqual(typed.marks);
    expect(other.marks.map((i) => p.tokens[i])).toEqual(['Kianouri']);
    expect(hitRank(typed)).toEqual([1, 0]);
    expect(hitRank(other)).toEqual([1, 1]);
  });
  it('a section found only through a register spelling marks where its text names the entry', () => {
    const located = at(FRAGMENT, 'kiannory');
    const h = hit('p3', 'Kiannory', located)!;
    expect(h.relations).toEqual([2]);
    expect(h.via).toEqual([1]);
    expect(h.marks.map((i) => p.tokens[i])).toEqual(['Noureddin', 'Kianouri']);
    // In a section that has the word itself, the register's spellings mark nothing more.
    expect(marked('p1', 'Kianouri', at(FRAGMENT, 'kianouri'))).toEqual(['Kianouri']);
  });
  it('a folded query marks the words as written (Arabic letter forms)', () => {
    const located = [FRAGMENT.content.split(' ').indexOf('آنکس')]; // Pagefind finds the folded form after the text
    expect(marked('p4', 'آنکس', located)).toEqual(['آنكس']);
  });
  it('a quoted phrase must be in the section, as a phrase', () => {
    expect(marked('p1', '"extracted under torture"', [])).toEqual(['extracted', 'under', 'torture.']);
    expect(hit('p1', '"torture under extracted"', [])).toBeUndefined();
    expect(hit('p2', '"extracted under torture"', [])).toBeUndefined();
    // A name in quotes: found through its spellings.
    expect(hit('p2', '"Noureddin Kianouri"', [])!.via).toEqual([1]);
  });
  it('counts the query words a section holds', () => {
    const located = [...at(FRAGMENT, 'ibn'), ...at(FRAGMENT, 'yamin')];
    expect(hitRank(hit('fn-n1', 'Ibn Yamin', located)!)[0]).toBe(2);
    expect(hitRank(hit('fn-n1', 'Ibn Battuta', at(FRAGMENT, 'ibn'))!)[0]).toBe(1);
  });
});

describe('junk and offers', () => {
  const p = parseFragment(FRAGMENT);
  const w = new Words(p.tokens);
  it('a word is found if a located word begins with it, not if Pagefind fell back to a shorter one', () => {
    expect(termFound('kian', w, at(FRAGMENT, 'kianouri'))).toBe(true);
    expect(termFound('yamino', w, at(FRAGMENT, 'yamin'))).toBe(false);
    expect(fallbackWords('yamino', w, at(FRAGMENT, 'yamin'))).toEqual(['Yamin']);
    expect(fallbackWords('ibnx', w, at(FRAGMENT, 'ibn'))).toEqual([]);
  });
  it('relation and sameWord tell forms of a word from other words', () => {
    expect(relation('kianoury', 'kianoury')).toBe(0);
    expect(relation('kianouri', 'kianoury')).toBe(1);
    expect(relation('spies', 'spinelessness')).toBe(-1);
    expect(sameWord('tortured', 'torture')).toBe(true);
    expect(sameWord('parties', 'party')).toBe(true);
    expect(sameWord('torn', 'torture')).toBe(false);
  });
  it('similarity ranks the nearest spelling', () => {
    expect(similarity('kiyanoori', 'kianouri')).toBeGreaterThan(similarity('kiyanoori', 'tudeh'));
  });
});

describe('excerptWindow', () => {
  it('cuts around the densest marks, the typed words first, with a little context before', () => {
    expect(excerptWindow(0, 10, [5], 30)).toEqual([0, 10]);
    expect(excerptWindow(0, 100, [], 30)).toEqual([0, 30]);
    expect(excerptWindow(0, 100, [50], 30)).toEqual([43, 73]);
    expect(excerptWindow(0, 100, [10, 90], 30, [90])).toEqual([70, 100]);
  });
});
