/**
 * The source standard (src/edition/source-standard.ts), rule by rule: each with a small edition
 * that breaks it (the problem, its severity and its place) and one that keeps it (no problem).
 */
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/edition/index.ts';
import { documentMdx } from '../../src/edition/index.ts';
import { Work } from '../../src/edition/schema.ts';
import {
  AUTHORITATIVE,
  CATEGORY_NAMES,
  citationFindings,
  isWikipediaAddress,
  wikipediaCopyHost,
  wikipediaShare,
  workFindings,
} from '../../src/edition/source-standard.ts';
import { SOURCE_META, edition } from '../helpers/edition.ts';

const SOURCE = `${SOURCE_META}Alpha beta gamma.\n\nDelta epsilon.\n`;
const WORKS_FILE = 'annotations/works.yml';
const NOTE = 'annotations/notes/doc/n.md';
const PERSON = 'annotations/people/pat.md';

const PADS = 20;
/** A works list of `key → fields` (one work each) plus {@link PADS} scholarly works, so that two Wikipedia works stay under 10 %. */
function works(list: Record<string, string>, pads = PADS): string {
  const padding = Array.from({ length: pads }, (_, i) => `pad${i}:\n  title: Padding ${i}\n  category: scholarship\n`).join('');
  return Object.entries(list).map(([k, body]) => `${k}:\n  title: Work ${k}\n${body}`).join('') + padding;
}
const note = (kind: string, cites: string) => `---\nquote: Alpha\nkind: ${kind}\ncites: ${cites}\n---\nA note.\n`;
const person = (cites: string) => `---\nname: Pat Example\naliases: [Delta]\ndescription: A person.\ncites: ${cites}\n---\nAn account.\n`;

/** Builds an edition from a works list and notes or entries; every work cited by a padding note so none is "not cited". */
function build(worksYml: string, more: Record<string, string>): Problem[] {
  const count = worksYml.match(/^pad\d+:/gm)?.length ?? 0;
  const pads = Object.fromEntries(Array.from({ length: count }, (_, i) => [`annotations/notes/doc/pad${i}.md`, `---\nquote: Delta\nkind: gloss\ncites: [pad${i}]\n---\nA gloss.\n`]));
  return edition({ 'sources/doc.txt': SOURCE, [WORKS_FILE]: worksYml, ...pads, ...more }).problems.filter((p) => !/is not cited anywhere|Nothing in the sources mentions/.test(p.message));
}
const at = (p: Problem) => `${p.file}:${p.line}:${p.col} ${p.severity}`;

describe('a. every factual note and every entry that cites works cites an authoritative work', () => {
  const list = works({ news: '  category: press\n  caution: Read in a newspaper.\n', wiki: '  category: wikipedia\n  url: https://en.wikipedia.org/wiki/X\n  caution: Wikipedia.\n', hrw: '  category: report\n' });

  it('a factual note citing only press and Wikipedia: a warning at its cites, naming each work and its category', () => {
    const problems = build(list, { [NOTE]: note('context', '[news, wiki]') });
    expect(problems.map(at)).toEqual([`${NOTE}:4:1 warning`]);
    expect(problems[0]!.message).toBe(
      'This context note cites no authoritative work, only news (press), wiki (wikipedia). Add to cites a work of category scholarship, encyclopedia, archive, court, report, wire that supports it; Wikipedia, press, primary and web sources may stay beside it, never alone. ' +
        'If no such work exists, say why in authority_gap: "…" (shown to readers beside the sources), and attribute each claim in the text to the source that makes it.',
    );
  });

  it('the same note with an NGO report beside them, and a gloss citing only press: no problem', () => {
    expect(build(list, { [NOTE]: note('context', '[news, wiki, hrw]'), 'annotations/notes/doc/g.md': note('gloss', '[news]') })).toEqual([]);
  });

  it('every factual kind is held to it (sic, contested, later, source, identification)', () => {
    for (const kind of ['identification', 'sic', 'contested', 'later', 'source']) {
      const problems = build(list, { [NOTE]: note(kind, '[wiki]') });
      expect(problems.map(at), kind).toEqual([`${NOTE}:4:1 warning`]);
      expect(problems[0]!.message, kind).toMatch(new RegExp(`^This ${kind} note cites no authoritative work, only wiki \\(wikipedia\\)\\.`));
    }
  });

  it('an unverified note, which reports that support is lacking, may cite only where it was sought', () => {
    expect(build(list, { [NOTE]: note('unverified', '[wiki]') })).toEqual([]);
  });

  it('authority_gap says why no authoritative work exists: no warning, and the reason reaches the note in the model', () => {
    const gapNote = `---\nquote: Alpha\nkind: identification\ncites: [news]\nauthority_gap: Known only from his employer's page.\n---\nA note.\n`;
    expect(build(list, { [NOTE]: gapNote })).toEqual([]);
    const e = edition({ 'sources/doc.txt': SOURCE, [WORKS_FILE]: list, [NOTE]: gapNote });
    expect(e.documents[0]!.notes.find((n) => n.id === 'n')?.authorityGap).toBe("Known only from his employer's page.");
    // Readers see it where the sources are, as text (escaped like every contributor's words).
    expect(documentMdx(e.documents[0]!, e)).toMatch(/<span class="note-gap">No authoritative work covers this: Known only from his employer's page\.<\/span>/);
    const gapPerson = `---\nname: Pat Example\naliases: [Delta]\ndescription: A person.\ncites: [wiki]\nauthority_gap: Only Wikipedia has written about Pat.\n---\nAn account.\n`;
    expect(build(list, { [PERSON]: gapPerson })).toEqual([]);
  });

  it('authority_gap beside an authoritative work is no longer true: a warning at the field', () => {
    const problems = build(list, { [NOTE]: `---\nquote: Alpha\nkind: context\ncites: [news, hrw]\nauthority_gap: None exists.\n---\nA note.\n` });
    expect(problems.map(at)).toEqual([`${NOTE}:5:1 warning`]);
    expect(problems[0]!.message).toBe('This context note cites an authoritative work, so authority_gap (which says none covers it) is no longer true: remove it.');
  });

  it('a register entry citing only Wikipedia: a warning; citing nothing, or an archive: none', () => {
    const problems = build(list, { [PERSON]: person('[wiki]') });
    expect(problems.map(at)).toEqual([`${PERSON}:5:1 warning`]);
    expect(problems[0]!.message).toMatch(/^This register entry cites no authoritative work, only wiki \(wikipedia\)\./);
    expect(build(list, { [PERSON]: person('[]') })).toEqual([]);
    expect(build(list, { [PERSON]: person('[hrw, wiki]') })).toEqual([]);
  });

  it('a citation of a work that does not exist is reported once, and the note is not also judged', () => {
    const problems = build(list, { [NOTE]: note('context', '[news, nowork]') });
    expect(problems.map((p) => p.message)).toEqual(['No work "nowork" in annotations/works.yml. Add it there, or fix the key.']);
  });
});

describe('b. never a copy of Wikipedia', () => {
  it('recognises the copies the edition had cited, and not Wikipedia itself nor other encyclopedias', () => {
    const copies = [
      'https://wikiclassic.com/wiki/Tudeh_Party',
      'http://piglix.com/piglix/Khomeinist',
      'https://www.theinfolist.com/html/ALL/s/A/Abbas_Milani.html',
      'http://www.liquisearch.com/mir-hossein_mousavi',
      'https://worddisk.com/wiki/Vyacheslav_Molotov/',
      'https://wikide.org/de/Gohardasht_prison',
      'https://de.mgwiki.top/wiki/Ardeshir_Ovanessian',
      'https://it.qaz.wiki/wiki/Maryam_Farman_Farmaian',
      'https://wikimili.com/en/Nojeh_coup_plot',
      'https://wikisum.wiki/wiki/Lavrenty_Beria',
      'https://wiki.gravy.cc/wiki/Ruhollah_Khomeini',
      'https://de-academic.com/dic.nsf/dewiki/2449604',
      'http://movatter.jp/mt/?dark=on&url=http%3A%2F%2Fen.wikipedia.org%2Fwiki%2FEhsan_Tabari',
      'https://en.wikipedia-on-ipfs.org/wiki/1988_executions_of_Iranian_political_prisoners',
      'https://ipfs.io/ipfs/QmXoypizjW3WknFiJnKLwHCnL72vedxjQkDDP1mXWo6uco/wiki/Adalat_Party.html',
      'https://kiwix.haohe.fun/content/wikipedia_en_all_maxi_2024-01/A/Soleiman_Eskandari',
      'https://home.cydlabs.com/kiwix/content/wikipedia_en_all_maxi_2024-01/A/X',
      'https://wiki.1209k.com/content/wikipedia_en_simple_all_maxi_2024-06/A/Comintern',
      'https://www.wikiwand.com/en/Tudeh_Party',
      'https://dbpedia.org/page/Tudeh_Party',
      'https://en-m-wikipedia-org.translate.goog/wiki/Tudeh_Party',
      'http://web.archive.org/web/20200101000000/https://wikiclassic.com/wiki/Tudeh_Party',
    ];
    for (const url of copies) expect(wikipediaCopyHost(url), url).toBeDefined();
    const not = [
      'https://en.wikipedia.org/wiki/Tudeh_Party',
      'https://fa.m.wikipedia.org/wiki/X',
      'http://web.archive.org/web/20161112212714/https://en.wikipedia.org/wiki/Islamic_Revolution',
      'https://kids.britannica.com/students/article/Vyacheslav-Mikhaylovich-Molotov/275892',
      'https://www.britannica.com/summary/Third-International',
      'https://www.iranicaonline.org/articles/communism-ii',
      'https://dic.academic.ru/dic.nsf/ushakov/1234',
    ];
    for (const url of not) expect(wikipediaCopyHost(url), url).toBeUndefined();
    expect(isWikipediaAddress('http://web.archive.org/web/20161112212714/https://en.wikipedia.org/wiki/Islamic_Revolution')).toBe(true);
    expect(isWikipediaAddress('https://wikiclassic.com/wiki/Tudeh_Party')).toBe(false);
  });

  it('a mirror is an error at its address, whatever its category; Wikipedia at wikipedia.org is not', () => {
    const problems = build(works({ m: '  category: web\n  url: https://wikiclassic.com/wiki/Tudeh_Party\n  caution: A mirror.\n', ok: '  category: wikipedia\n  url: https://en.wikipedia.org/wiki/Tudeh_Party\n  caution: Wikipedia.\n' }), {
      [NOTE]: note('gloss', '[m, ok]'),
    });
    expect(problems.map(at)).toEqual([`${WORKS_FILE}:4:8 error`]);
    expect(problems[0]!.message).toMatch(/^This address is a copy of Wikipedia at wikiclassic\.com, not Wikipedia itself.*Cite the article at wikipedia\.org instead/);
  });

  it('category wikipedia at another host is an error at the category; a wikipedia.org page in another category too', () => {
    const problems = build(works({ a: '  category: wikipedia\n  url: https://example.org/wiki/X\n  caution: c\n', b: '  category: encyclopedia\n  url: https://en.wikipedia.org/wiki/X\n' }), { [NOTE]: note('gloss', '[a, b]') });
    expect(problems.map(at)).toEqual([`${WORKS_FILE}:3:13 error`, `${WORKS_FILE}:8:13 error`]);
    expect(problems[0]!.message).toMatch(/^"category: wikipedia" is for Wikipedia itself, at wikipedia\.org, and this address is at example\.org\./);
    expect(problems[1]!.message).toBe('This address is a Wikipedia article: write "category: wikipedia" (not encyclopedia), so that the standard counts it as Wikipedia.');
  });
});

describe('c. Wikipedia in at most 10 % of the works', () => {
  const wiki = (n: number) => ({ category: 'wikipedia' as const, url: `https://en.wikipedia.org/wiki/${n}` });
  const other = { category: 'scholarship' as const, url: undefined };
  it('counts Wikipedia and its copies; 1 in 10 passes, 2 in 10 does not', () => {
    expect(wikipediaShare([wiki(1), ...Array(9).fill(other)])).toBeUndefined();
    expect(wikipediaShare([wiki(1), wiki(2), ...Array(8).fill(other)])).toEqual({ count: 2, total: 10, allowed: 1 });
    expect(wikipediaShare([{ category: 'web', url: 'https://piglix.com/piglix/X' }, wiki(2), ...Array(8).fill(other)])?.count).toBe(2);
  });

  it('above the share: one warning, with the count, at the first Wikipedia work', () => {
    const list = works({ w1: '  category: wikipedia\n  url: https://en.wikipedia.org/wiki/A\n  caution: c\n', w2: '  category: wikipedia\n  url: https://en.wikipedia.org/wiki/B\n  caution: c\n' }, 10);
    const problems = build(list, { [NOTE]: note('gloss', '[w1, w2]') });
    expect(problems.map(at)).toEqual([`${WORKS_FILE}:3:13 warning`]);
    expect(problems[0]!.message).toMatch(/^2 of the 12 works \(17 %\) are Wikipedia or copies of it; the source standard allows at most 10 % \(1 of 12\)\./);
    expect(build(works({ w1: '  category: wikipedia\n  url: https://en.wikipedia.org/wiki/A\n  caution: c\n' }, 10), { [NOTE]: note('gloss', '[w1]') })).toEqual([]);
  });
});

describe('d. a citation of a printed work gives a locator', () => {
  const list = works({ book: '  type: book\n  category: scholarship\n', page: '  type: webpage\n  category: scholarship\n' });
  it('a book cited without at: a warning at that citation; with at, or a web page without: none', () => {
    const problems = build(list, { [NOTE]: note('context', '[page, book]') });
    expect(problems.map(at)).toEqual([`${NOTE}:4:15 warning`]);
    expect(problems[0]!.message).toBe('"book" is a printed work (book) and this citation gives no page: write it as { work: book, at: "…" } with the page ("p. 208"), section ("§ 3", "ch. 5") or paragraph ("para. 14") the statement rests on.');
    expect(build(list, { [NOTE]: note('context', '[page, { work: book, at: "p. 12" }]') })).toEqual([]);
  });
  it('holds for every printed type, in notes of any kind and in entries', () => {
    for (const type of ['book', 'chapter', 'article-journal', 'report', 'thesis']) {
      const f = citationFindings([{ work: 'x' }], { x: Work.parse({ title: 't', type, category: 'scholarship' }) }, { mustBeAuthoritative: false, what: 'This gloss note' });
      expect(f.map((x) => [x.severity, x.path]), type).toEqual([['warning', ['cites', 0]]]);
    }
    for (const type of ['webpage', 'article-newspaper', 'manuscript']) {
      expect(citationFindings([{ work: 'x' }], { x: Work.parse({ title: 't', type, category: 'scholarship' }) }, { mustBeAuthoritative: false, what: '' }), type).toEqual([]);
    }
    expect(build(list, { [PERSON]: person('[book]') }).map(at)).toEqual([`${PERSON}:5:9 warning`]);
  });
});

describe('e. a work that is not authoritative says why it is cited', () => {
  it('press, primary, web and wikipedia without a caution: a warning at the category; with one, or authoritative: none', () => {
    for (const category of ['press', 'primary', 'web', 'wikipedia']) {
      const url = category === 'wikipedia' ? 'https://en.wikipedia.org/wiki/X' : 'https://example.org/x';
      const problems = build(works({ x: `  category: ${category}\n  url: ${url}\n` }), { [NOTE]: note('gloss', '[x]') });
      expect(problems.map(at), category).toEqual([`${WORKS_FILE}:3:13 warning`]);
      expect(problems[0]!.message).toMatch(new RegExp(`^A ${category} work is not an authoritative source, and this one has no caution\\. Add caution:`));
      expect(build(works({ x: `  category: ${category}\n  url: ${url}\n  caution: Why.\n` }), { [NOTE]: note('gloss', '[x]') }), category).toEqual([]);
    }
    for (const category of AUTHORITATIVE) expect(workFindings(Work.parse({ title: 't', category })), category).toEqual([]);
  });
  it("a children's encyclopedia is not an encyclopedia of record: a warning if it is classed as one", () => {
    const kids = Work.parse({ title: 't', category: 'encyclopedia', url: 'https://kids.britannica.com/students/article/Vyacheslav-Mikhaylovich-Molotov/275892' });
    expect(workFindings(kids).map((f) => [f.severity, f.message.slice(0, 60)])).toEqual([['warning', 'kids.britannica.com is an encyclopedia for children or stude']]);
    expect(workFindings(Work.parse({ title: 't', category: 'web', caution: 'For children.', url: kids.url }))).toEqual([]);
    expect(workFindings(Work.parse({ title: 't', category: 'encyclopedia', url: 'https://www.britannica.com/summary/Third-International' }))).toEqual([]);
  });
  it('a mirror gets only its error (replacing it is the fix), not also a missing caution', () => {
    expect(workFindings(Work.parse({ title: 't', category: 'wikipedia', url: 'https://piglix.com/piglix/X' })).map((f) => f.severity)).toEqual(['error']);
  });
});

describe('f. every work has a category, one of the list', () => {
  it('a work without one: an error naming the allowed values', () => {
    const problems = build(works({ x: '  url: https://example.org/x\n' }), { [NOTE]: note('gloss', '[x]') });
    expect(problems.map(at)).toEqual([`${WORKS_FILE}:2:3 error`]);
    expect(problems[0]!.message).toBe(`The field "x.category" is missing from this works list. Add it to the metadata: one of ${CATEGORY_NAMES.join(', ')}.`);
  });
  it('an unknown one: an error at it, naming the allowed values', () => {
    const problems = build(works({ x: '  category: blog\n' }), { [NOTE]: note('gloss', '[x]') });
    expect(problems.map(at)).toEqual([`${WORKS_FILE}:3:13 error`]);
    expect(problems[0]!.message).toBe(`"blog" is not allowed for "x.category". Use one of: ${CATEGORY_NAMES.join(', ')}.`);
  });
  it('the list is the ten categories of the standard, six of them authoritative', () => {
    expect(CATEGORY_NAMES).toEqual(['scholarship', 'encyclopedia', 'archive', 'court', 'report', 'wire', 'press', 'primary', 'wikipedia', 'web']);
    expect(AUTHORITATIVE).toEqual(['scholarship', 'encyclopedia', 'archive', 'court', 'report', 'wire']);
  });
});
