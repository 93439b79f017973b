import { describe, expect, it } from 'vitest';
import { extendOverMarks, fold, foldKey } from '../../src/edition/fold.ts';

describe('fold', () => {
  it('folds Arabic kaf and yeh to Persian forms', () => {
    expect(foldKey('آنكس كه')).toBe('آنکس که');
    expect(foldKey('خويش')).toBe('خویش');
    expect(foldKey('مصطفى')).toBe('مصطفی');
  });
  it('drops Arabic diacritics and tatweel', () => {
    expect(foldKey('شَرف گُنبد اَبَدالدّهر')).toBe('شرف گنبد ابدالدهر');
    expect(foldKey('کـتاب')).toBe('کتاب');
  });
  it('maps Persian and Arabic-Indic digits to ASCII', () => {
    expect(foldKey('۱۳۶۷ and ١٩٨٨')).toBe('1367 and 1988');
  });
  it('collapses whitespace, no-break spaces and ZWNJ to one space', () => {
    expect(foldKey('a\u00A0\u00A0b\n\tc')).toBe('a b c');
    expect(foldKey('توده\u200Cای')).toBe('توده ای');
  });
  it('straightens curly quotes', () => {
    expect(foldKey('Noury’s “death commission”')).toBe(`Noury's "death commission"`);
  });
  it('folds case only when asked', () => {
    expect(foldKey('KUYBYSHEV')).toBe('KUYBYSHEV');
    expect(foldKey('KUYBYSHEV', { caseFold: true })).toBe('kuybyshev');
  });
  it('maps every folded character back to its original offset', () => {
    const text = 'a\u00A0 شَرف’s';
    const f = fold(text);
    expect(f.text).toBe("a شرف's");
    expect(f.map.length).toBe(f.text.length + 1);
    expect(text[f.map[2]!]).toBe('ش');
    expect(text[f.map[3]!]).toBe('ر');
    expect(f.map[f.text.length]).toBe(text.length);
  });
  it('folds plain ASCII text to itself, with double spaces, tabs and line breaks collapsed', () => {
    const plain = fold('No 1-001: The Party, "12 Dec."', { caseFold: true });
    expect(plain.text).toBe('no 1-001: the party, "12 dec."');
    expect([...plain.map]).toEqual([...Array(31).keys()]);
    expect(fold(' a b ').text).toBe(' a b ');
    const spaced = fold('a  b\tc\n\nD', { caseFold: true });
    expect(spaced.text).toBe('a b c d');
    expect([...spaced.map]).toEqual([0, 1, 3, 4, 5, 6, 8, 9]);
  });
  it('keeps a map when lower-casing lengthens the text', () => {
    const f = fold('İİ'.repeat(3) + ' x', { caseFold: true });
    expect(f.text).toBe('i\u0307'.repeat(6) + ' x');
    expect(f.map.length).toBe(f.text.length + 1);
    expect([...f.map.slice(0, 4)]).toEqual([0, 0, 1, 1]);
    expect(f.map[f.text.length]).toBe(8);
  });
  it('keeps characters outside the Basic Multilingual Plane, and lone surrogates, as they are', () => {
    expect(foldKey('a 𝐀 b')).toBe('a 𝐀 b');
    expect(fold('x\uD800y').text).toBe('x\uD800y');
    expect(fold('x\uDC00').text).toBe('x\uDC00');
  });
  it('folds decomposed text (NFD) as its composed form, each character mapped to its letter (issue 21)', () => {
    const nfd = 'آزادی Zoë'.normalize('NFD');
    expect(nfd.length).toBe(11);
    const f = fold(nfd);
    expect(f.text).toBe('آزادی Zoë');
    expect([...f.map]).toEqual([0, 2, 3, 4, 5, 6, 7, 8, 9, 11]);
    expect(foldKey('\u212Bngstr\u00F6m')).toBe('\u00C5ngstr\u00F6m');
    // A span that ends on a composed character ends after its marks.
    expect(extendOverMarks(nfd, f.map[f.text.length - 1]! + 1)).toBe(11);
    expect(extendOverMarks('شَرف', 1)).toBe(2);
  });
});
