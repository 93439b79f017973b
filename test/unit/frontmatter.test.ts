import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import matter from 'gray-matter';
import { simpleYaml, splitFrontMatter } from '../../src/edition/frontmatter.ts';
import { filesUnder } from '../helpers/edition.ts';
import { prng } from '../../scripts/bench/corpus.ts';

/** The YAML of every front matter block and YAML file in the edition and the test fixtures. */
function yamlTexts(): string[] {
  return filesUnder('annotations', 'sources', 'test/fixtures/editions').flatMap(({ path, text }) => {
    if (/\.ya?ml$/.test(path)) return [text];
    const m = /\.(md|txt)$/.test(path) ? /^---[ \t]*\r?\n([\s\S]*?)\r?\n---/.exec(text) : null;
    return m ? [m[1]!] : [];
  });
}

const strictYaml = (text: string) => parse(text, { uniqueKeys: true, strict: true }) ?? {};

describe('simple front matter', () => {
  it('reads what the YAML library reads, for every file it accepts in the edition and fixtures', () => {
    let accepted = 0;
    for (const text of yamlTexts()) {
      const fast = simpleYaml(text);
      if (fast === null) continue;
      accepted++;
      expect(fast).toEqual(strictYaml(text));
    }
    expect(accepted).toBeGreaterThan(50);
  });

  it('reads quoted strings, words, lists of words, true, false and null', () => {
    const text = 'quote: "the # sign, ‘quotes’ and: colons"\nkind: context\nentities: [person:kianouri, event:coup-1953]\ncites: []\nlead: true\nnote: null\n';
    expect(simpleYaml(text)).toEqual({ quote: 'the # sign, ‘quotes’ and: colons', kind: 'context', entities: ['person:kianouri', 'event:coup-1953'], cites: [], lead: true, note: null });
    expect(simpleYaml(text)).toEqual(strictYaml(text));
  });

  it('reads integers, dates, and flow lists and maps of simple values', () => {
    const text = 'born: 1920\nstart: 1979-02-11\nend: 1988-07\ncites: [w1, { work: w2, at: "p. 7, n. 3" }]\nnames: { fa: "کیانوری" }\nborn2: { value: 1915, alternatives: [1914, 1916-05], approximate: true, note: "disputed" }\nempty: { }\n';
    expect(simpleYaml(text)).toEqual({
      born: 1920,
      start: '1979-02-11',
      end: '1988-07',
      cites: ['w1', { work: 'w2', at: 'p. 7, n. 3' }],
      names: { fa: 'کیانوری' },
      born2: { value: 1915, alternatives: [1914, '1916-05'], approximate: true, note: 'disputed' },
      empty: {},
    });
    expect(simpleYaml(text)).toEqual(strictYaml(text));
  });

  it('reads generated flow values as the YAML library does, or leaves them to it', () => {
    const tokens = ['[', ']', '{', '}', ', ', ',', ' ', 'a', 'work-1', 'person:x', 'at: ', 'work: ', 'a: ', '"p. 7"', '"x, y]"', '"#"', '1920', '0', '01', '1979-02-11', '1979-02', 'true', 'null', 'False', '-', ':', '#', '"', "'", '\\'];
    const next = prng(11);
    let accepted = 0;
    for (let round = 0; round < 4000; round++) {
      let value = next() < 0.5 ? '[' : '{';
      const n = 1 + Math.floor(next() * 8);
      for (let k = 0; k < n; k++) value += tokens[Math.floor(next() * tokens.length)];
      value += value.startsWith('[') ? ']' : '}';
      const text = `v: ${value}`;
      const fast = simpleYaml(text);
      if (fast === null) continue;
      accepted++;
      expect(fast, text).toEqual(strictYaml(text));
    }
    expect(accepted).toBeGreaterThan(100);
  });

  it('leaves everything else to the YAML library', () => {
    for (const text of [
      'year: 007', // numbers other than plain integers
      'year: -1',
      'year: 1e3',
      'year: 12345678901234567',
      'when: 2024-1-1',
      'kind: Context', // capitals could be anything
      'quote: "escaped \\" quote"',
      "quote: 'single'",
      'kind: later # a comment',
      '# a comment\nkind: later',
      'kind: later\nkind: context', // a repeated key: an error for the library to report
      'cites:\n  - work-a',
      'quote: >\n  folded',
      'kind: !!str later',
      'kind: &a later\nother: *a',
      '__proto__: polluted',
      'true: yes',
      'kind:later',
      'kind:',
      'quote: "tab\there"',
      'kind: ~',
      'cites: [a, b, ]', // a trailing comma
      'cites: [{ work: a, work: b }]',
      'names: { "fa": x }',
      'names: { true: x }',
      'cites: [a b]',
      'cites: [a #b]',
      'cites: [a: b]',
      'cites: [{ work: a }',
      '\tkind: later',
    ]) {
      expect(simpleYaml(text), text).toBeNull();
    }
  });
});

describe('front matter block', () => {
  const grayMatter = (text: string) => {
    const split = matter(text, { engines: { yaml: () => ({}) } } as never) as unknown as { matter: string; content: string };
    return { matter: split.matter, content: split.content };
  };

  it('is split as gray-matter splits it, for every file of the edition and the fixtures with one', () => {
    let compared = 0;
    for (const { text } of filesUnder('annotations', 'sources', 'test/fixtures/editions')) {
      if (!/^---[ \t]*\r?\n/.test(text)) continue;
      compared++;
      expect(splitFrontMatter(text)).toEqual(grayMatter(text));
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('is split as gray-matter splits it, for unclosed blocks, odd delimiters and line endings', () => {
    const pieces = ['a: b', '\n', '\r\n', '---', '----', '--- ', ' ---', '\n---\n', '\n---', '---\r\n', 'body', '', '# c', '...'];
    const next = prng(5);
    for (let round = 0; round < 3000; round++) {
      let text = next() < 0.5 ? '---\n' : '--- \r\n';
      const n = Math.floor(next() * 8);
      for (let k = 0; k < n; k++) text += pieces[Math.floor(next() * pieces.length)];
      expect(splitFrontMatter(text), JSON.stringify(text)).toEqual(grayMatter(text));
    }
  });
});

