/**
 * Name mentions: every occurrence, on whole words, of a register entry's name, names in
 * other scripts or aliases, matched after folding (case, Persian letter forms, diacritics,
 * curly quotes, spacing, Unicode normalisation). Longest names win; "false friends" listed
 * under an entry's `not` are blocked first for that entry's own names, so "Mehdi Kian" never
 * becomes a mention of Kian by accident, and one entry's `not` never removes another's links.
 */
import { extendOverMarks, fold, isWordChar, isWordCode } from './fold.js';

/** One name to look for. */
export interface NamePattern {
  /** The entry it belongs to, e.g. `person:kianouri`. */
  ref: string;
  name: string;
  caseSensitive: boolean;
  /** Only in these documents (undefined: in all). */
  documents?: string[] | undefined;
}

/**
 * The key a name is matched by, and so compared by for uniqueness: folded (NFC, letter forms,
 * diacritics, zero-width and bidi characters, spacing) and lower-cased. Two spellings with one
 * key are one spelling.
 */
export function nameKey(name: string): string {
  return fold(name, { caseFold: true }).text.trim();
}

/**
 * Words that are never a mention: for one entry's names (`{ ref, name }`, an entry's `not`),
 * or, as a bare string, for every entry's.
 */
export type BlockedName = string | { ref: string; name: string };

/** A found mention: offsets relative to the searched text. */
export interface FoundMention {
  ref: string;
  start: number;
  end: number;
}

/** A compiled set of names, built once per edition and used for every passage. */
export interface NameMatcher {
  find(text: string, document: string): FoundMention[];
}

/** The first code unit of the word at `i`, and its second if the word has one: a lookup key. */
function prefix(s: string, i: number): number {
  const second = s.charCodeAt(i + 1);
  return s.charCodeAt(i) * 0x10000 + (isWordCode(second) ? second : 0);
}

/** The first word of a folded name (its index key); '' if it does not start with a letter or digit. */
function firstWord(key: string): string {
  let end = 0;
  while (end < key.length && isWordChar(key[end])) end++;
  return key.slice(0, end);
}

/**
 * Compiles names into a matcher. Names are indexed by the start of their first word, so a
 * passage is scanned once, word by word, whatever the number of names (a register of thousands
 * of entries costs no more per passage than one of ten).
 */
export function compileNames(names: NamePattern[], blocked: readonly BlockedName[]): NameMatcher {
  type Compiled = NamePattern & { key: string; exactKey: string };
  // Names are looked up by the first two code units of their first word (see `prefix`): a
  // number, so scanning a passage costs no string per word.
  const byPrefix = new Map<number, Compiled[]>();
  const odd: Compiled[] = []; // names that start with punctuation: searched the slow way
  for (const n of names) {
    const key = nameKey(n.name);
    if (!key) continue;
    const c: Compiled = { ...n, key, exactKey: fold(n.name).text.trim() };
    if (!firstWord(key)) odd.push(c);
    else {
      const p = prefix(key, 0);
      byPrefix.set(p, [...(byPrefix.get(p) ?? []), c]);
    }
  }
  // A block: its folded key, and the entry whose names it keeps out ('' for every entry).
  const blockKeys = new Map<string, { key: string; ref: string }>();
  for (const b of blocked) {
    const ref = typeof b === 'string' ? '' : b.ref;
    const key = nameKey(typeof b === 'string' ? b : b.name);
    if (key) blockKeys.set(`${ref}\u0000${key}`, { key, ref });
  }
  const blockByPrefix = new Map<number, { key: string; ref: string }[]>();
  for (const b of blockKeys.values()) {
    if (!firstWord(b.key)) continue;
    const p = prefix(b.key, 0);
    blockByPrefix.set(p, [...(blockByPrefix.get(p) ?? []), b]);
  }
  return {
    find(text, document) {
      const f = fold(text, { caseFold: true });
      const t = f.text;
      const whole = (s: number, e: number) => !isWordCode(t.charCodeAt(s - 1)) && !isWordCode(t.charCodeAt(e));
      const candidates: { s: number; e: number; c?: Compiled }[] = [];
      const blocks: { s: number; e: number; ref: string }[] = [];
      for (let i = 0; i < t.length; i++) {
        if (!isWordCode(t.charCodeAt(i)) || isWordCode(t.charCodeAt(i - 1))) continue;
        // A key starting here must also end on a word boundary, so its first word is this word.
        const p = prefix(t, i);
        for (const b of blockByPrefix.get(p) ?? []) if (t.startsWith(b.key, i) && whole(i, i + b.key.length)) blocks.push({ s: i, e: i + b.key.length, ref: b.ref });
        for (const c of byPrefix.get(p) ?? []) if (t.startsWith(c.key, i) && whole(i, i + c.key.length)) candidates.push({ s: i, e: i + c.key.length, c });
      }
      for (const c of odd) {
        for (let i = t.indexOf(c.key); i !== -1; i = t.indexOf(c.key, i + 1)) if (whole(i, i + c.key.length)) candidates.push({ s: i, e: i + c.key.length, c });
      }
      const taken = new Uint8Array(t.length);
      const free = (s: number, e: number) => {
        for (let k = s; k < e; k++) if (taken[k]) return false;
        return true;
      };
      const occupy = (s: number, e: number) => {
        for (let k = s; k < e; k++) taken[k] = 1;
      };
      // A candidate inside words its entry (or every entry) keeps out is no mention.
      const blocked = (s: number, e: number, ref: string) => blocks.some((b) => (b.ref === '' || b.ref === ref) && b.s < e && s < b.e);
      // Longest names win; among equals, the earlier one.
      candidates.sort((a, b) => b.e - b.s - (a.e - a.s) || a.s - b.s);
      const found: FoundMention[] = [];
      for (const { s, e, c } of candidates) {
        if (!c || (c.documents && !c.documents.includes(document)) || !free(s, e) || (blocks.length > 0 && blocked(s, e, c.ref))) continue;
        const start = f.map[s]!;
        const end = extendOverMarks(text, f.map[e - 1]! + 1);
        if (c.caseSensitive && fold(text.slice(start, end)).text.trim() !== c.exactKey) continue;
        occupy(s, e);
        found.push({ ref: c.ref, start, end });
      }
      return found.sort((a, b) => a.start - b.start);
    },
  };
}
