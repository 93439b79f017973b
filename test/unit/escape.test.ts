import { describe, expect, it } from 'vitest';
import { escapeAttr, escapeHtml } from '../../src/edition/escape.ts';

describe('escapeHtml', () => {
  it('writes markup characters as character references', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe(`&#60;script&#62;alert("x" &#38; 'y')&#60;/script&#62;`);
  });
  it('decodes back to the exact text', () => {
    const text = '  a < b {c} d\ne\tf @ www.x.org *g* >>> ';
    const decoded = escapeHtml(text).replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));
    expect(decoded).toBe(text);
  });
  it('leaves letters of every script, braces, Markdown punctuation and no-break spaces alone', () => {
    expect(escapeHtml('Kianouri کیانوری\u00A0é {x} *a* _b_')).toBe('Kianouri کیانوری\u00A0é {x} *a* _b_');
  });
});

describe('escapeAttr', () => {
  it('keeps a value inside its double-quoted attribute', () => {
    expect(escapeAttr('a" onmouseover="x')).toBe('a&#34; onmouseover=&#34;x');
    expect(escapeAttr('<&>')).toBe('&#60;&#38;&#62;');
  });
});
