import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, parseFrontMatter, parseYamlFile } from '../../src/edition/frontmatter.ts';
import { Problems } from '../../src/edition/problems.ts';
import { filesUnder } from '../helpers/edition.ts';

const read = (text: string) => {
  const problems = new Problems();
  const parsed = parseFrontMatter(text, 'n.md', problems);
  return { parsed, problems: problems.list };
};
const where = (list: { line: number; col: number; message: string }[]) => list.map((p) => ({ line: p.line, col: p.col, message: p.message }));

describe('front matter', () => {
  it('reads the metadata, the body after the closing line, and the line the body starts on', () => {
    const { parsed, problems } = read('---\nquote: "Alpha, beta"\nkind: gloss\nentities: [person:x]\n---\nA gloss.\n');
    expect(problems).toEqual([]);
    expect(parsed).toMatchObject({
      data: { quote: 'Alpha, beta', kind: 'gloss', entities: ['person:x'] },
      hasFrontMatter: true,
      body: 'A gloss.\n',
      bodyOffset: 62,
      bodyLine: 6,
    });
  });

  it('splits every file of the edition and the fixtures at its closing `---` line', () => {
    let compared = 0;
    for (const { path, text } of filesUnder('annotations', 'sources', 'test/fixtures/editions')) {
      if (!/\.(md|txt)$/.test(path) || !text.startsWith('---')) continue;
      const problems = new Problems();
      const parsed = parseFrontMatter(text, path, problems);
      if (!parsed) continue;
      compared++;
      expect(parsed.hasFrontMatter, path).toBe(true);
      expect(text.slice(parsed.bodyOffset), path).toBe(parsed.body);
      expect(text.slice(0, parsed.bodyOffset), path).toMatch(/\n---[ \t]*\r?\n?$/);
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('locates values and keys in the whole file', () => {
    const { parsed } = read('---\nquote:\n  exact: Alpha\nkind: gloss\ncites: [w1, { work: w2, at: "p. 7" }]\n---\nBody.\n');
    expect(parsed!.locate(['quote', 'exact'])).toEqual({ line: 3, col: 10 });
    expect(parsed!.locate(['kind'], true)).toEqual({ line: 4, col: 1 });
    expect(parsed!.locate(['cites', 1, 'at'])).toEqual({ line: 5, col: 29 });
    // A missing value: its nearest existing parent (the mapping under `quote:`).
    expect(parsed!.locate(['quote', 'prefix'])).toEqual({ line: 3, col: 3 });
  });

  it('reports YAML errors at their line and column in the whole file, and nothing else', () => {
    const bad = read('---\nquote: Alpha\n  kind: gloss\n---\nBody.\n');
    expect(bad.parsed).toBeNull();
    expect(bad.problems.length).toBeGreaterThan(0);
    for (const p of bad.problems) expect(p).toMatchObject({ line: 2, col: 8, message: expect.stringContaining('The metadata (YAML) cannot be read') });
    const dup = read('---\nquote: Alpha\nkind: gloss\nkind: context\n---\nBody.\n');
    expect(dup.parsed).toBeNull();
    expect(where(dup.problems)).toEqual([expect.objectContaining({ line: 4, col: 1 })]);
    const list = read('---\n- quote: Alpha\n---\nBody.\n');
    expect(list.parsed).toBeNull();
    expect(where(list.problems)).toEqual([{ line: 2, col: 1, message: 'The metadata must be a list of `key: value` lines, not a single value or a list.' }]);
  });

  it('refuses YAML tags, resolved or not, at the tag', () => {
    for (const value of ['!!js/function "function(){ return 1 }"', '!!python/object:os.system "ls"', '!include other.yml', '!!binary aGVsbG8=', '!!set { a }']) {
      const { parsed, problems } = read(`---\nkind: gloss\nquote: ${value}\n---\nBody.\n`);
      expect(parsed, value).toBeNull();
      expect(where(problems), value).toEqual([expect.objectContaining({ line: 3, col: 8, message: expect.stringContaining('YAML tags are not allowed in edition files') })]);
    }
  });

  it('reads CRLF files to the same data, body and positions', () => {
    const text = '---\nquote: Alpha\nkind: gloss\n---\nA gloss.\nSecond line.\n';
    const lf = read(text).parsed!;
    const crlf = read(text.replace(/\n/g, '\r\n'));
    expect(crlf.problems).toEqual([]);
    expect(crlf.parsed!.data).toEqual(lf.data);
    expect(crlf.parsed!.body).toBe('A gloss.\r\nSecond line.\r\n');
    expect(crlf.parsed!.bodyLine).toBe(5);
    expect(crlf.parsed!.locate(['kind'])).toEqual(lf.locate(['kind']));
    expect(read('---\r\nquote: Alpha\r\n  kind: gloss\r\n---\r\nBody.\r\n').problems[0]).toMatchObject({ line: 2, col: 8 });
  });

  it('reads an empty or comment-only front matter as no data', () => {
    for (const text of ['---\n---\nBody.\n', '---\n\n---\nBody.\n', '---\n# just a comment\n---\nBody.\n']) {
      const { parsed, problems } = read(text);
      expect(problems, text).toEqual([]);
      expect(parsed, text).toMatchObject({ data: {}, hasFrontMatter: true, body: 'Body.\n' });
      expect(parsed!.locate(['quote'])).toEqual({ line: 1, col: 1 });
    }
  });

  it('takes a file without front matter as all body', () => {
    for (const text of ['Just text.\n', '', '----\nA thematic break above.\n', 'Text\n---\nkind: x\n---\n']) {
      const { parsed, problems } = read(text);
      expect(problems, text).toEqual([]);
      expect(parsed, text).toMatchObject({ data: {}, hasFrontMatter: false, body: text, bodyOffset: 0, bodyLine: 1 });
    }
  });

  it('reports an unclosed block as the one problem, even when its YAML is bad too', () => {
    const { parsed, problems } = read('---\nquote: "Alpha\n  kind: gloss\nJust text.\n');
    expect(parsed).toBeNull();
    expect(where(problems)).toEqual([{ line: 1, col: 1, message: 'The front matter block is not closed. Add a line containing only `---` after the metadata.' }]);
  });

  it('refuses a front matter marked as JavaScript (or any language but YAML), and runs nothing', () => {
    const g = globalThis as { frontMatterRan?: boolean };
    delete g.frontMatterRan;
    for (const language of ['js', 'javascript', 'JS', ' js', 'json', 'coffee', 'toml', 'constructor', '__proto__']) {
      const text = `---${language}\n(globalThis.frontMatterRan = true, { quote: 'Alpha', kind: 'gloss' })\n---\nBody.\n`;
      const { parsed, problems } = read(text);
      expect(parsed, language).toBeNull();
      expect(where(problems), language).toEqual([
        { line: 1, col: 4, message: `The front matter is marked as "${language.trim()}", but edition files hold YAML metadata only. Make the first line just \`---\`.` },
      ]);
    }
    expect(g.frontMatterRan).toBeUndefined();
    // gray-matter on its own would have run it: the refusal above is what stands in the way.
    matter('---js\n(globalThis.frontMatterRan = true, {})\n---\n', {});
    expect(g.frontMatterRan).toBe(true);
    delete g.frontMatterRan;
  });

  it('accepts a front matter marked as YAML, with positions after the mark', () => {
    const { parsed, problems } = read('---yaml\nquote: Alpha\nkind: !!binary Z2xvc3M=\n---\nBody.\n');
    expect(parsed).toBeNull();
    expect(where(problems)).toEqual([expect.objectContaining({ line: 3, col: 7, message: expect.stringContaining('YAML tags are not allowed') })]);
    expect(read('---yaml\nquote: Alpha\n---\nBody.\n').parsed).toMatchObject({ data: { quote: 'Alpha' }, body: 'Body.\n' });
  });

  it('reads the same text afresh every time (no cached result without its problems)', () => {
    const text = '---\nquote: Alpha\nkind: gloss\nkind: context\n---\nBody.\n';
    expect(read(text).problems).toHaveLength(1);
    expect(read(text).problems).toHaveLength(1);
    expect(Object.hasOwn((matter as unknown as { cache: object }).cache, text)).toBe(false);
  });
});

describe('UTF-8 and byte-order marks', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);

  it('drops a byte-order mark with a warning, and the front matter is read as usual', () => {
    const problems = new Problems();
    const text = decodeUtf8(bytes('\uFEFF---\nquote: Alpha\n---\nBody.\n'), 'n.md', problems);
    expect(text).toBe('---\nquote: Alpha\n---\nBody.\n');
    expect(where(problems.list)).toEqual([expect.objectContaining({ line: 1, col: 1, message: expect.stringContaining('byte-order mark (BOM)') })]);
    expect(read(text!).parsed).toMatchObject({ data: { quote: 'Alpha' }, body: 'Body.\n', bodyLine: 4 });
  });

  it('refuses a byte-order mark where it is an error (sources)', () => {
    const problems = new Problems();
    expect(decodeUtf8(bytes('\uFEFF---\n'), 'sources/s.txt', problems, { bomIsError: true })).toBeNull();
    expect(problems.list[0]).toMatchObject({ severity: 'error', line: 1, col: 1 });
  });

  it('still counts positions from the file start if a text keeps its byte-order mark', () => {
    const { parsed, problems } = read('\uFEFF---\nquote: Alpha\n  kind: gloss\n---\nBody.\n');
    expect(parsed).toBeNull();
    expect(problems[0]).toMatchObject({ line: 2, col: 8 });
  });

  it('points at the first invalid byte', () => {
    const problems = new Problems();
    expect(decodeUtf8(new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x61, 0xff]), 'n.md', problems)).toBeNull();
    expect(where(problems.list)).toEqual([expect.objectContaining({ line: 2, col: 2, message: expect.stringContaining('not valid UTF-8') })]);
  });
});

describe('YAML files', () => {
  it('are read with the same rules and positions', () => {
    const problems = new Problems();
    const parsed = parseYamlFile('w1:\n  title: A work\n  url: https://example.org\n', 'works.yml', problems);
    expect(parsed!.data).toEqual({ w1: { title: 'A work', url: 'https://example.org' } });
    expect(parsed!.locate(['w1', 'url'])).toEqual({ line: 3, col: 8 });
    expect(parseYamlFile('w1: !!js/undefined x\n', 'works.yml', problems)).toBeNull();
    expect(where(problems.list)).toEqual([expect.objectContaining({ line: 1, col: 5, message: expect.stringContaining('YAML tags are not allowed') })]);
  });
});
