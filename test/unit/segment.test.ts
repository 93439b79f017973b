import { describe, expect, it } from 'vitest';
import { segment } from '../../src/edition/segment.ts';

describe('segment', () => {
  it('line rule: one passage per non-empty line, exact text and offsets', () => {
    const body = 'one\ntwo two\n\nthree';
    const s = segment(body, 'line');
    expect(s.map((x) => x.text)).toEqual(['one', 'two two', 'three']);
    for (const x of s) expect(body.slice(x.start, x.end)).toBe(x.text);
    expect(s.map((x) => x.ordinal)).toEqual([1, 2, 3]);
  });
  it('blank-line rule: blocks separated by blank lines, whitespace-only and NBSP-only lines count as blank', () => {
    const body = '\n\nfirst line\nsecond line\n\n\u00A0 \n\nnext\n\n\n';
    const s = segment(body, 'blank-line');
    expect(s.map((x) => x.text)).toEqual(['first line\nsecond line', 'next']);
    for (const x of s) expect(body.slice(x.start, x.end)).toBe(x.text);
  });
  it('keeps trailing spaces inside a passage and handles CRLF', () => {
    const body = 'a  \r\nb\r\n\r\nc';
    const s = segment(body, 'blank-line');
    expect(s.map((x) => x.text)).toEqual(['a  \r\nb', 'c']);
    expect(segment('x\r\ny', 'line').map((x) => x.text)).toEqual(['x', 'y']);
  });
  it('an empty body has no passages', () => {
    expect(segment('', 'line')).toEqual([]);
    expect(segment('\n \n', 'blank-line')).toEqual([]);
  });
});
