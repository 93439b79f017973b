/**
 * Text folding: the one normalisation used wherever two spellings of the same text
 * must meet (quote anchoring, name mentions, search index and search queries).
 *
 * Folding is character by character and keeps a map back to the original text, so a
 * match in folded text can be turned into exact offsets in the source.
 *
 * What folds (all documented in /about/ for readers):
 * - Unicode normalisation: text typed in decomposed form (NFD, as macOS often writes it: ا + ◌ٓ,
 *   e + ◌̈) folds as its composed form (NFC: آ, ë); each composed character maps to where its
 *   letter starts (see `extendOverMarks` for where a span of it ends)
 * - Arabic kaf ك → Persian keheh ک; Arabic yeh ي and alef maksura ى → Persian yeh ی
 * - Arabic diacritics (harakat, shadda, sukun, superscript alef) and tatweel are dropped
 * - Persian (۰–۹) and Arabic-Indic (٠–٩) digits → ASCII digits
 * - curly single quotes and the modifier apostrophe → `'`; curly double quotes → `"`
 * - any run of whitespace (space, no-break space, tab, newline, ZWNJ) → one space
 * - bidirectional control characters and zero-width joiners/spaces are dropped
 * - optionally, letter case (for search and name matching)
 */

/** Folded text with, for every folded character, the offset of the character it came from. */
export interface Folded {
  text: string;
  /** `map[i]` is the offset in the original of folded character `i`; `map[text.length]` is the original's length. */
  map: Int32Array;
}

export interface FoldOptions {
  /** Lower-case letters too (default false: quotes are case-sensitive). */
  caseFold?: boolean;
}

const SINGLE: Record<string, string> = { '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u02BC': "'", '\u2032': "'" };
const DOUBLE: Record<string, string> = { '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"' };
const LETTERS: Record<string, string> = { '\u0643': '\u06A9', '\u064A': '\u06CC', '\u0649': '\u06CC' };

/** Whether a UTF-16 code unit is dropped (diacritics, tatweel, zero-width and bidi controls). */
function dropped(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640 || c === 0x200b || c === 0x200d || c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff;
}
/** Whether a UTF-16 code unit is whitespace for folding (ZWNJ included). */
function spacing(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x200c || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0x85;
}

/** Folds one character (no whitespace handling); '' means dropped. */
export function foldChar(ch: string, caseFold = false): string {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return caseFold && c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : ch;
  if (dropped(c)) return '';
  const mapped = LETTERS[ch] ?? SINGLE[ch] ?? DOUBLE[ch];
  if (mapped) return mapped;
  if (c >= 0x06f0 && c <= 0x06f9) return String(c - 0x06f0);
  if (c >= 0x0660 && c <= 0x0669) return String(c - 0x0660);
  return caseFold ? ch.toLowerCase() : ch;
}

/** Any character but printable ASCII and single spaces. */
const NEEDS_FOLDING = /[^\x20-\x7e]| {2}/;

/**
 * Characters that can make a text differ from its NFC form: combining marks that compose with the
 * letter before them (Latin, Greek and Cyrillic diacritics; Arabic madda and hamza, U+0653–U+0655;
 * Indic, Hangul, Balinese and kana ones, by block), and characters NFC replaces on their own
 * (Å U+212B, Ω U+2126, K U+212A, Greek ano teleia and tonos forms, CJK compatibility ideographs,
 * Hebrew presentation forms). Arabic harakat (U+064B–U+0652) compose with nothing: Persian text
 * with vowel marks only is not normalised, so it costs nothing more to fold.
 */
const MAY_COMPOSE = /[\u0300-\u036F\u0374\u037E\u0387\u0653-\u0655\u0900-\u0DFF\u1100-\u11FF\u1B00-\u1B7F\u1F00-\u1FFF\u2000\u2001\u2126\u212A\u212B\u2329\u232A\u3099\u309A\uF900-\uFAFF\uFB1D-\uFB4E]/;
const MARK = /\p{M}/u;

/**
 * Text in NFC with, for each of its code units, the offset in `text` of the letter it comes
 * from; null when `text` is already NFC (most text: one regular-expression test, or one
 * normalisation for text with combining marks). Each letter and the marks after it are composed
 * on their own, so every composed character maps to its letter.
 */
function composed(text: string): { text: string; map: Int32Array } | null {
  if (!MAY_COMPOSE.test(text) || text.normalize('NFC') === text) return null;
  const map = new Int32Array(text.length + 1);
  let out = '';
  for (let i = 0; i < text.length; ) {
    let j = i + (text.codePointAt(i)! > 0xffff ? 2 : 1);
    while (j < text.length && MARK.test(String.fromCodePoint(text.codePointAt(j)!))) j += text.codePointAt(j)! > 0xffff ? 2 : 1;
    const cluster = text.slice(i, j).normalize('NFC');
    for (let k = 0; k < cluster.length; k++) map[out.length + k] = i;
    out += cluster;
    i = j;
  }
  map[out.length] = text.length;
  return { text: out, map: map.slice(0, out.length + 1) };
}

/**
 * Where a span of `text` that ends at `end` really ends: after any combining marks that follow
 * (a composed character maps to its letter, and a dropped diacritic belongs to the letter before
 * it), so that a span never parts a letter from its marks.
 */
export function extendOverMarks(text: string, end: number): number {
  while (end < text.length && MARK.test(text[end]!)) end++;
  return end;
}

/** Folds `text`, keeping a map back to original offsets. */
export function fold(text: string, options: FoldOptions = {}): Folded {
  const nfc = NEEDS_FOLDING.test(text) ? composed(text) : null;
  if (!nfc) return foldNfc(text, options);
  const f = foldNfc(nfc.text, options);
  const map = new Int32Array(f.map.length);
  for (let i = 0; i < f.map.length; i++) map[i] = nfc.map[f.map[i]!]!;
  return { text: f.text, map };
}

/** Folds text already in NFC. */
function foldNfc(text: string, options: FoldOptions): Folded {
  const caseFold = options.caseFold ?? false;
  // Printable ASCII without a double space folds to itself (lower-cased): most English passages.
  if (!NEEDS_FOLDING.test(text)) {
    const identity = new Int32Array(text.length + 1);
    for (let i = 0; i <= text.length; i++) identity[i] = i;
    return { text: caseFold ? text.toLowerCase() : text, map: identity };
  }
  // Code units go into typed arrays, decoded once at the end: this runs over every passage and
  // note quote several times per build, and a string or number pushed per character costs
  // several times more (and holds far more memory on large editions).
  let out = new Uint16Array(text.length + 1);
  let map = new Int32Array(text.length + 1);
  let n = 0;
  const put = (unit: number, from: number) => {
    if (n === out.length) {
      // Only lower-casing can lengthen the text (e.g. İ → i̇).
      const bigger = new Uint16Array(out.length * 2);
      bigger.set(out);
      out = bigger;
      const biggerMap = new Int32Array(map.length * 2);
      biggerMap.set(map);
      map = biggerMap;
    }
    out[n] = unit;
    map[n++] = from;
  };
  let lastWasSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 && c > 32) {
      put(caseFold && c >= 65 && c <= 90 ? c + 32 : c, i);
      lastWasSpace = false;
      continue;
    }
    if (spacing(c)) {
      if (!lastWasSpace) put(32, i);
      lastWasSpace = true;
      continue;
    }
    const f = foldChar(text[i]!, caseFold);
    if (f === '') continue;
    for (let k = 0; k < f.length; k++) put(f.charCodeAt(k), i);
    lastWasSpace = false;
  }
  map = map.length > n + 1 ? map.slice(0, n + 1) : map;
  map[n] = text.length;
  return { text: decodeUnits(out.subarray(0, n)), map };
}

const UTF16 = new TextDecoder('utf-16le');
/** A string from UTF-16 code units, lone surrogates kept as they are (TextDecoder would replace them). */
function decodeUnits(units: Uint16Array): string {
  for (let i = 0; i < units.length; i++) {
    const c = units[i]!;
    if (c >= 0xd800 && c <= 0xdfff) {
      const paired = c <= 0xdbff ? units[i + 1]! >= 0xdc00 && units[i + 1]! <= 0xdfff : false;
      if (!paired) return slowDecode(units);
      i++;
    }
  }
  return UTF16.decode(units);
}
function slowDecode(units: Uint16Array): string {
  let s = '';
  for (let i = 0; i < units.length; i += 4096) s += String.fromCharCode(...units.subarray(i, i + 4096));
  return s;
}

/** Folds text for comparison only (no map). Leading and trailing space trimmed. */
export function foldKey(text: string, options: FoldOptions = {}): string {
  return fold(text, options).text.trim();
}

/** Whether a character is a letter or digit (any script), for whole-word checks. */
const WORD = /[\p{L}\p{N}\p{M}]/u;
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && isWordCode(ch.charCodeAt(0));
}

/** Non-ASCII code units already classified: 1 a letter, digit or mark, 2 not. */
const WORD_UNITS = new Uint8Array(0x10000);
/** `isWordChar` for a UTF-16 code unit (NaN, past a string's end: false); a surrogate is never one. */
export function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (!(c < 0x10000)) return false;
  let known = WORD_UNITS[c]!;
  if (known === 0) WORD_UNITS[c] = known = WORD.test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1;
}
