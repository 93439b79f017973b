import { describe, expect, it } from 'vitest';
import { arabicScriptRuns, detectLanguage, directionOf } from '../../src/edition/language.ts';

describe('passage language', () => {
  it('is Persian when Arabic-script letters outnumber Latin ones more than four to one', () => {
    expect(detectLanguage('کیانوری گفت که حزب توده اشتباه کرد', 'en')).toBe('fa');
    expect(detectLanguage('Kianouri said: «کیانوری گفت»', 'en')).toBe('en');
    expect(detectLanguage('کیانوری گفت که حزب توده اشتباه کرد (Tudeh)', 'en')).toBe('fa');
    expect(detectLanguage('کیانوری گفت (Tudeh Party)', 'en')).toBe('en');
  });

  it('counts Latin letters with diacritics, and not digits, punctuation or spaces', () => {
    // 20 Arabic-script letters against 5 Latin ones: not more than four to one.
    const persian = 'ابپتثجچحخدذرزژسشصضطظ';
    expect(detectLanguage(`${persian} Ééçàü`, 'ru')).toBe('ru');
    expect(detectLanguage(`${persian} Ééçà 1941, ¶12 — “…”`, 'ru')).toBe('fa');
    // Presentation forms (U+FB50–FDFF, U+FE70–FEFF) count as Arabic script.
    expect(detectLanguage('\ufb56\ufe8d\ufe8f', 'en')).toBe('fa');
    expect(detectLanguage('1941 — 12', 'en')).toBe('en');
  });

  it('gives the direction of a language tag and finds Persian runs in a left-to-right text', () => {
    expect(directionOf('fa')).toBe('rtl');
    expect(directionOf('fa-Latn')).toBe('ltr');
    expect(directionOf('en')).toBe('ltr');
    expect(arabicScriptRuns('Kianouri (کیانوری) said')).toEqual([{ start: 10, end: 17 }]);
  });
});
