import { describe, expect, it } from 'vitest';
import { anchorQuote, prepareText, uniqueContext } from '../../src/edition/anchor.ts';

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
    expect(r.status).toBe('not-found');
    if (r.status === 'not-found') expect(r.candidates.length).toBeGreaterThanOrEqual(2);
  });
  it('refuses a poor match, listing candidates', () => {
    const r = anchorQuote(t, { exact: 'an entirely different sentence about Tehran' });
    expect(r.status).toBe('not-found');
  });
});

describe('uniqueContext', () => {
  it('returns no context for a unique quote, and the shortest prefix otherwise', () => {
    expect(uniqueContext(t, t.folded.text.indexOf('STALIN'), 6)).toEqual({});
    const at = t.folded.text.indexOf('VKP(b) CC, to');
    expect(uniqueContext(t, at, 'VKP(b) CC'.length)).toEqual({ prefix: 'MOSCOW,' });
  });
});
