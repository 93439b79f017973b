import { describe, expect, it } from 'vitest';
import { compileNames } from '../../src/edition/mentions.ts';

const m = compileNames(
  [
    { ref: 'person:kianouri', name: 'Kianouri', caseSensitive: false },
    { ref: 'person:kianouri', name: 'کیانوری', caseSensitive: false },
    { ref: 'organization:tudeh', name: 'Tudeh', caseSensitive: false },
    { ref: 'organization:tudeh', name: 'Tudeh Party', caseSensitive: false },
    { ref: 'organization:tudeh', name: 'TP', caseSensitive: true },
    { ref: 'organization:tudeh', name: "People's Party", caseSensitive: false, documents: ['cable'] },
    { ref: 'person:suleiman-mirza', name: 'Mirza', caseSensitive: false, documents: ['cable'] },
    { ref: 'organization:vkpb', name: 'VKP(b)', caseSensitive: false },
  ],
  ['Mehdi Kian'],
);
const words = (text: string, doc = 'thread') => m.find(text, doc).map((x) => `${text.slice(x.start, x.end)}→${x.ref}`);

describe('name mentions', () => {
  it('matches whole words only, in any case and Persian letter form', () => {
    expect(words('KIANOURI and kianouri, not Kianourism; كيانوري')).toEqual(['KIANOURI→person:kianouri', 'kianouri→person:kianouri', 'كيانوري→person:kianouri']);
  });
  it('the longest name wins', () => {
    expect(words('the Tudeh Party and Tudeh')).toEqual(['Tudeh Party→organization:tudeh', 'Tudeh→organization:tudeh']);
  });
  it('case-sensitive names stay case-sensitive', () => {
    expect(words('TP but not tp')).toEqual(['TP→organization:tudeh']);
  });
  it('names limited to some documents are matched only there', () => {
    expect(words("a People's Party led by Mirza", 'cable')).toEqual(["People's Party→organization:tudeh", 'Mirza→person:suleiman-mirza']);
    expect(words("a People's Party led by Mirza", 'thread')).toEqual([]);
  });
  it('blocked look-alikes are never linked, and curly apostrophes fold', () => {
    expect(words('Mehdi Kian and Kianouri')).toEqual(['Kianouri→person:kianouri']);
    expect(words('the People’s Party', 'cable')).toEqual(['People’s Party→organization:tudeh']);
  });
  it('names with punctuation inside', () => {
    expect(words('the VKP(b) CC')).toEqual(['VKP(b)→organization:vkpb']);
  });
});
