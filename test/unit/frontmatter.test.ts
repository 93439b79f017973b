import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { simpleYaml } from '../../src/edition/frontmatter.ts';
import { filesUnder } from '../helpers/edition.ts';

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

  it('leaves everything else to the YAML library', () => {
    for (const text of [
      'year: 1941', // a number
      'kind: Context', // capitals could be anything
      'cites: [a, 1941]',
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
      'cites: [{ work: a }]',
      'when: 2024-01-01',
      '\tkind: later',
    ]) {
      expect(simpleYaml(text), text).toBeNull();
    }
  });
});
