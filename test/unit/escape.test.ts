import { describe, expect, it } from 'vitest';
import { escapeMdxText } from '../../src/edition/escape.ts';

describe('escapeMdxText', () => {
  it('writes every MDX- and Markdown-significant character as a character reference', () => {
    const out = escapeMdxText('<b>{x}</b> *a* _b_ \\ >>> [c](d) `e` ~f~ | # ! & import');
    expect(out.replaceAll('{/**/}', '').replace(/&#\d+;/g, '')).not.toMatch(/[<>{}*_\\[\]`~|#!&]/);
    expect(out).toContain('&#60;b&#62;&#123;x&#125;');
  });
  it('decodes back to the exact text', () => {
    const text = '  a < b {c} d\ne\tf @ www.x.org ';
    const decoded = escapeMdxText(text)
      .replaceAll('{/**/}', '')
      .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));
    expect(decoded).toBe(text);
  });
  it('breaks autolink literals with an empty MDX comment', () => {
    expect(escapeMdxText('www.x.org')).toBe('www{/**/}&#46;x&#46;org');
    expect(escapeMdxText('a@b')).toBe('a{/**/}&#64;b');
    expect(escapeMdxText('https://x')).toBe('https{/**/}&#58;&#47;&#47;x');
  });
  it('leaves letters of every script and no-break spaces alone', () => {
    expect(escapeMdxText('Kianouri کیانوری\u00A0é')).toBe('Kianouri کیانوری\u00A0é');
  });
});
