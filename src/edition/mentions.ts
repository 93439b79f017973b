/**
 * Name mentions: every occurrence, on whole words, of a register entry's name, names in
 * other scripts or aliases, matched after folding (case, Persian letter forms, diacritics,
 * curly quotes, spacing). Longest names win; "false friends" listed under an entry's `not`
 * are blocked first, so "Mehdi Kian" never becomes a mention of anyone by accident.
 */
import { fold, isWordChar } from './fold.js';

/** One name to look for. */
export interface NamePattern {
  /** The entry it belongs to, e.g. `person:kianouri`. */
  ref: string;
  name: string;
  caseSensitive: boolean;
  /** Only in these documents (undefined: in all). */
  documents?: string[] | undefined;
}

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

export function compileNames(names: NamePattern[], blocked: string[]): NameMatcher {
  const patterns = names
    .map((n) => ({ ...n, key: fold(n.name, { caseFold: true }).text.trim(), exactKey: fold(n.name).text.trim() }))
    .filter((n) => n.key.length > 0)
    .sort((a, b) => b.key.length - a.key.length);
  const blocks = [...new Set(blocked.map((b) => fold(b, { caseFold: true }).text.trim()).filter(Boolean))];
  return {
    find(text, document) {
      const f = fold(text, { caseFold: true });
      const taken: boolean[] = new Array(f.text.length).fill(false);
      const free = (s: number, e: number) => {
        for (let i = s; i < e; i++) if (taken[i]) return false;
        return true;
      };
      const whole = (s: number, e: number) => !isWordChar(f.text[s - 1]) && !isWordChar(f.text[e]);
      const occupy = (s: number, e: number) => {
        for (let i = s; i < e; i++) taken[i] = true;
      };
      for (const b of blocks) {
        for (let i = f.text.indexOf(b); i !== -1; i = f.text.indexOf(b, i + 1)) {
          if (whole(i, i + b.length)) occupy(i, i + b.length);
        }
      }
      const found: FoundMention[] = [];
      for (const p of patterns) {
        if (p.documents && !p.documents.includes(document)) continue;
        for (let i = f.text.indexOf(p.key); i !== -1; i = f.text.indexOf(p.key, i + 1)) {
          const e = i + p.key.length;
          if (!whole(i, e) || !free(i, e)) continue;
          const start = f.map[i]!;
          const end = f.map[e - 1]! + 1;
          if (p.caseSensitive && fold(text.slice(start, end)).text.trim() !== p.exactKey) continue;
          occupy(i, e);
          found.push({ ref: p.ref, start, end });
        }
      }
      return found.sort((a, b) => a.start - b.start);
    },
  };
}
