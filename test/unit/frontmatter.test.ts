import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { simpleYaml } from '../../src/edition/frontmatter.ts';

/** The YAML of every front matter block and YAML file in the edition and the test fixtures. */
function yamlTexts(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(name)) out.push(readFileSync(path, 'utf8'));
      else if (/\.(md|txt)$/.test(name)) {
        const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(path, 'utf8'));
        if (m) out.push(m[1]!);
      }
    }
  };
  for (const dir of ['annotations', 'sources', 'test/fixtures/editions']) walk(dir);
  return out;
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
