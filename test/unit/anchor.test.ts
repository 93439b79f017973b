import { describe, expect, it } from 'vitest';
import { anchorQuote, MIN_MARGIN, MIN_SIMILARITY, prepareText, uniqueContext } from '../../src/edition/anchor.ts';

const text = 'from KUYBYSHEV sent at 2325 9 December 1941\narrived at the VKP(b) CC for decipherment\nMOSCOW, VKP(b) CC, to Cdes. STALIN.';
const t = prepareText(text);

describe('anchorQuote', () => {
  it('finds a unique exact quote and returns original offsets', () => {
    const r = anchorQuote(t, { exact: 'sent at 2325' });
    expect(r.status).toBe('exact');
    if (r.status !== 'exact') return;
    expect(text.slice(r.span.start, r.span.end)).toBe('sent at 2325');
  });
  it('tolerates whitespace, no-break spaces and curly quotes in the quote', () => {
    const t2 = prepareText('He said “yes”\u00A0 to  Noury’s  lawyer.');
    const r = anchorQuote(t2, { exact: `said "yes" to Noury's lawyer` });
    expect(r.status).toBe('exact');
    if (r.status === 'exact') expect(t2.original.slice(r.span.start, r.span.end)).toBe('said “yes”\u00A0 to  Noury’s  lawyer');
  });
  it('matches Persian text across letter forms and diacritics', () => {
    const t3 = prepareText('آنكس كه بداند... اسب شَرف از گُنبد');
    const r = anchorQuote(t3, { exact: 'اسب شرف از گنبد' });
    expect(r.status).toBe('exact');
  });
  it('refuses a quote that occurs twice, and suggests a prefix', () => {
    const r = anchorQuote(t, { exact: 'VKP(b) CC' });
    expect(r.status).toBe('ambiguous');
    if (r.status === 'ambiguous') {
      expect(r.spans).toHaveLength(2);
      expect(r.uniquePrefix).toBe('the');
    }
  });
  it('uses prefix and suffix to choose between occurrences', () => {
    const r = anchorQuote(t, { exact: 'VKP(b) CC', prefix: 'MOSCOW,' });
    expect(r.status).toBe('exact');
    if (r.status === 'exact') expect(r.span.start).toBe(text.indexOf('VKP(b) CC, to'));
    const s = anchorQuote(t, { exact: 'VKP(b) CC', suffix: 'for decipherment' });
    expect(s.status).toBe('exact');
  });
  it('re-anchors approximately when one close candidate exists (a corrected typo)', () => {
    const r = anchorQuote(t, { exact: 'arrived at the VKP(b) CC for decipherrment' });
    expect(r.status).toBe('approximate');
    if (r.status === 'approximate') {
      expect(r.found).toBe('arrived at the VKP(b) CC for decipherment');
      expect(r.similarity).toBeGreaterThan(0.9);
    }
  });
  it('refuses an approximate match when two candidates are equally close', () => {
    const t4 = prepareText('the red house on the hill. the red horse on the hill.');
    const r = anchorQuote(t4, { exact: 'the red hose on the hill' });
    expect(r).toMatchObject({ status: 'not-found' });
    if (r.status !== 'not-found') return;
    expect(r.candidates.map((c) => c.found)).toEqual(['the red house on the hill', 'the red horse on the hill']);
    expect(r.candidates.map((c) => c.similarity)).toEqual([1 - 1 / 24, 1 - 1 / 24]);
  });
  it('refuses a poor match (under 80 % similar), listing it as the candidate', () => {
    const r = anchorQuote(t, { exact: 'arrived at the CC VKP(b) for deciphering' });
    expect(r.status).toBe('not-found');
    if (r.status !== 'not-found') return;
    const line = 'arrived at the VKP(b) CC for decipherment';
    expect(r.candidates).toEqual([{ found: line, span: { start: text.indexOf(line), end: text.indexOf(line) + line.length }, similarity: 1 - 9 / 40 }]);
    expect(r.candidates[0]!.similarity).toBeLessThan(MIN_SIMILARITY);
  });
  it('lists the candidates best first when none is clearly ahead, each with the text it covers', () => {
    const r = anchorQuote(t, { exact: 'at VKP(b) CC for Cdes' });
    expect(r.status).toBe('not-found');
    if (r.status !== 'not-found') return;
    expect(r.candidates.map((c) => [c.found, c.similarity])).toEqual([
      ['he VKP(b) CC for dec', 1 - 4 / 21],
      ['W, VKP(b) CC, to Cdes', 1 - 5 / 21],
    ]);
    for (const c of r.candidates) expect(text.slice(c.span.start, c.span.end)).toBe(c.found);
    // The best is similar enough, but not far enough ahead of the second.
    expect(r.candidates[0]!.similarity).toBeGreaterThanOrEqual(MIN_SIMILARITY);
    expect(r.candidates[0]!.similarity - r.candidates[1]!.similarity).toBeLessThan(MIN_MARGIN);
  });
  it('lists no candidates when nothing is within reach', () => {
    expect(anchorQuote(t, { exact: 'an entirely different sentence about Tehran' })).toEqual({ status: 'not-found', candidates: [] });
  });
});

describe('uniqueContext', () => {
  it('returns no context for a unique quote, and the shortest prefix otherwise', () => {
    expect(uniqueContext(t, t.folded.text.indexOf('STALIN'), 6)).toEqual({});
    const at = t.folded.text.indexOf('VKP(b) CC, to');
    expect(uniqueContext(t, at, 'VKP(b) CC'.length)).toEqual({ prefix: 'MOSCOW,' });
  });
});
