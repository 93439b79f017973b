/**
 * What the search page makes of Pagefind's answers, without the DOM: the query's words and
 * quoted phrases, a record read back into its sections (src/edition/search-records.ts writes
 * them: the text as written, then `⁂` groups of folded words and of register spellings), which
 * words of a section's own text to mark, how well a section answers the query, and the excerpt
 * to show.
 *
 * Words are compared as Pagefind compares them after the page's folding (fold.ts): lower case,
 * without diacritics or punctuation. Pagefind stems English words and matches a query word as
 * a prefix, so a located word is attributed to the query word it shares most letters with.
 */
import { foldKey } from '../edition/fold.ts';

/** Separators written by search-records.ts (kept in step with GROUP_MARK and SPELLING_MARK there). */
const GROUP_MARK = '⁂';
const SPELLING_MARK = '·';

/** A Pagefind fragment, as `result.data()` gives it. */
export interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters?: Record<string, string[]>;
  anchors: { element: string; id: string; text: string; location: number }[];
  /** Word positions that matched the query. */
  locations: number[];
}

/** A query as typed, taken apart. */
export interface Query {
  /** As typed, trimmed. */
  text: string;
  /** Words outside quotes, normalised (see {@link words}). */
  terms: string[];
  /** The same words as typed (folded), for messages. */
  shownTerms: string[];
  /** Each quoted phrase as normalised words. */
  phrases: string[][];
  /** What Pagefind is asked: a phrase alone is its exact search, anything else all the words. */
  pagefind: string;
}

/** A word normalised for comparison: folded, lower case, no diacritics, possessive `'s` dropped. */
export function normalise(text: string): string {
  return foldKey(text, { caseFold: true })
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/'s(?![\p{L}\p{N}])/gu, '');
}

/** The normalised words of a text (a token can hold several: `al-Din`, a ZWNJ-joined Persian word). */
export function words(text: string): string[] {
  return normalise(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Takes a query apart: quoted phrases (straight or curly quotes) and the other words. */
export function parseQuery(typed: string): Query {
  const text = typed.trim();
  const folded = foldKey(text);
  const phrases: string[][] = [];
  const phraseTexts: string[] = [];
  const rest = folded.replace(/"([^"]*)"/g, (_, p: string) => {
    const w = words(p);
    if (w.length) {
      phrases.push(w);
      phraseTexts.push(p.trim());
    }
    return ' ';
  });
  const shownTerms: string[] = [];
  const terms: string[] = [];
  for (const token of rest.replace(/"/g, ' ').split(/\s+/)) {
    for (const w of words(token)) {
      terms.push(w);
      shownTerms.push(w === normalise(token) ? token.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '') : w);
    }
  }
  const pagefind = phrases.length === 1 && !terms.length ? `"${phraseTexts[0]}"` : [...terms, ...phrases.flat()].join(' ');
  return { text, terms, shownTerms, phrases, pagefind };
}

/** Length of the common prefix of two strings. */
export function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** A light English stem for comparing phrase words (Pagefind's own stemmer is not in the browser). */
export function lightStem(w: string): string {
  if (w.length <= 3) return w;
  let s = w.replace(/ies$/, 'y').replace(/(?:ing|ed|ly)$/, '');
  if (s === w) s = w.replace(/(?:es|s)$/, (m) => (/ss$/.test(w) ? m : ''));
  return s.length >= 3 ? s.replace(/e$/, '') : w;
}

/** Whether a word of the text is a query word, for phrases: the same word, another form of it, or (last) its beginning. */
export function sameWord(word: string, q: string, last = false): boolean {
  return word === q || lightStem(word) === lightStem(q) || (last && word.startsWith(q));
}

/**
 * How a located word answers a query word: 0 if it begins with what was typed, 1 if it is
 * another form of it (Pagefind's stem or prefix), -1 if it is not related.
 */
export function relation(word: string, term: string): number {
  if (word.startsWith(term)) return 0;
  const cp = commonPrefix(word, term);
  return cp >= Math.min(term.length, 3) && cp >= term.length - 4 ? 1 : -1;
}

/** A section of a record: a passage, a note, or the text of an entry or work. */
export interface Section {
  /** `p12`, `fn-<note-id>`, or '' for an entry or a work. */
  id: string;
  /** Token range of the text as written. */
  start: number;
  end: number;
  /** Token range of the whole section (heading and additions included). */
  from: number;
  to: number;
  /** Token ranges of the added groups: [0] the folded words, then one per register entry. */
  groups: { start: number; end: number }[];
}

/** A record read back: its words and its sections. */
export interface Parsed {
  tokens: string[];
  sections: Section[];
  /** For an entry or a work: the range of its name (the heading). */
  name?: { start: number; end: number };
}

const SPLIT = /[^\S\uFEFF]+/;

/** Reads a fragment into sections, from the anchors search-records.ts writes. */
export function parseFragment(f: Fragment): Parsed {
  const tokens = f.content.split(SPLIT);
  const anchors = [...f.anchors].sort((a, b) => a.location - b.location);
  const byId = new Map(anchors.map((a) => [a.id, a]));
  const groupsIn = (start: number, end: number) => {
    const groups: Section['groups'] = [];
    for (let i = start; i < end; i++) {
      if (tokens[i]!.startsWith(GROUP_MARK)) {
        const last = groups.at(-1);
        if (last) last.end = i;
        groups.push({ start: i + 1, end });
      }
    }
    return groups;
  };
  const heads = anchors.filter((a) => /^h\d$/i.test(a.element) && a.id);
  if (!heads.length) {
    // An entry or a work: the name, then the text from anchor "d" to anchor "x-names".
    const d = byId.get('d')?.location ?? 0;
    const x = byId.get('x-names')?.location ?? tokens.length;
    return { tokens, name: { start: 0, end: d }, sections: [{ id: '', start: d, end: x, from: 0, to: tokens.length, groups: groupsIn(x, tokens.length) }] };
  }
  const sections = heads.map((h, i): Section => {
    const to = heads[i + 1]?.location ?? tokens.length;
    const x = byId.get(`x-${h.id}`)?.location ?? to;
    return { id: h.id, start: h.location + 1, end: Math.min(x, to), from: h.location, to, groups: groupsIn(Math.min(x, to), to) };
  });
  return { tokens, sections };
}

/** The spellings of an added group: each a list of normalised words. */
export function spellingsOf(tokens: string[], g: { start: number; end: number }): string[][] {
  const out: string[][] = [[]];
  for (let i = g.start; i < g.end; i++) {
    const t = tokens[i]!;
    if (t.startsWith(SPELLING_MARK)) out.push([]);
    else out.at(-1)!.push(...words(t));
  }
  return out.filter((s) => s.length);
}

/** How a section answers a query. */
export interface Hit {
  section: Section;
  /** Tokens of the text to mark. */
  marks: number[];
  /** Of which those that are what was typed (the excerpt is cut around them first). */
  strong: number[];
  /**
   * Per query word: 0 found as typed in the text, 1 in another form, 2 only through the
   * spellings of a register entry the section mentions, 3 not found.
   */
  relations: number[];
  /** Indexes of the spelling groups that matched (1-based, as in `section.groups`). */
  via: number[];
  /** Whether every quoted phrase is in the section. */
  phrases: boolean;
}

/** Sort key of a hit: query words found (more first), then how directly. */
export function hitRank(h: Hit): [number, number] {
  return [h.relations.filter((r) => r < 3).length, h.relations.reduce((s, r) => s + r, 0)];
}

/** Caches the normalised words of tokens. */
export class Words {
  private cache = new Map<number, string[]>();
  constructor(readonly tokens: string[]) {}
  at(i: number): string[] {
    let w = this.cache.get(i);
    if (!w) this.cache.set(i, (w = words(this.tokens[i] ?? '')));
    return w;
  }
  /** Positions where a sequence of words occurs in [start, end): the tokens it covers. */
  find(seq: string[], start: number, end: number, eq: (word: string, q: string, last: boolean) => boolean = (a, b) => a === b): number[][] {
    const stream: { w: string; t: number }[] = [];
    for (let i = start; i < end; i++) for (const w of this.at(i)) stream.push({ w, t: i });
    const out: number[][] = [];
    for (let i = 0; i + seq.length <= stream.length; i++) {
      let ok = true;
      for (let j = 0; j < seq.length && ok; j++) ok = eq(stream[i + j]!.w, seq[j]!, j === seq.length - 1);
      if (ok) {
        const covered = new Set<number>();
        for (let j = 0; j < seq.length; j++) covered.add(stream[i + j]!.t);
        out.push([...covered]);
      }
    }
    return out;
  }
}

/**
 * How one section answers the query. `located` are the positions Pagefind matched (ignored for
 * a phrase-only query, whose exact search reports only the first occurrence in a record); the
 * phrases are looked for in the section itself.
 */
export function analyse(p: Parsed, s: Section, w: Words, located: number[], q: Query): Hit | undefined {
  const marks = new Set<number>();
  const strong = new Set<number>();
  const relations = q.terms.map(() => 3);
  const via = new Set<number>();
  /** Attributes a located word to the query word it answers; 0 if as typed, 1 in another form, -1 neither. */
  const attribute = (ws: string[], level: number): number => {
    let best = -1;
    let bestCp = 0;
    let typed = false;
    q.terms.forEach((t, k) => {
      for (const x of ws) {
        const r = relation(x, t);
        if (r < 0) continue;
        const cp = commonPrefix(x, t);
        if (cp > bestCp || (cp === bestCp && r === 0)) {
          best = k;
          bestCp = cp;
        }
        if (r === 0) {
          typed = true;
          relations[k] = Math.min(relations[k]!, level === 2 ? 2 : 0);
        }
      }
    });
    if (best >= 0) relations[best] = Math.min(relations[best]!, level);
    return best < 0 ? -1 : typed ? 0 : 1;
  };
  /** Marks where the text names the entry of spelling group `g`. */
  const mentionsOf = (g: number) => {
    for (const spelling of spellingsOf(p.tokens, s.groups[g]!)) for (const found of w.find(spelling, s.start, s.end)) for (const t of found) marks.add(t);
  };
  /** Groups that matched, with the query word they answered: their mentions are marked only if the text lacks the word itself. */
  const groupHits: { g: number; term: number }[] = [];
  for (const loc of located) {
    if (loc < s.from || loc >= s.to) continue;
    if (loc >= s.start && loc < s.end) {
      const r = attribute(w.at(loc), 1);
      if (r >= 0) marks.add(loc);
      if (r === 0) strong.add(loc);
      continue;
    }
    const g = s.groups.findIndex((x) => loc >= x.start && loc < x.end);
    if (g === 0) {
      // A folded form of the text's own words (Arabic letter forms, Persian digits…).
      const folded = w.at(loc);
      const r = attribute(folded, 1);
      if (r < 0) continue;
      for (let i = s.start; i < s.end; i++) {
        if (!w.at(i).some((x) => folded.includes(x))) continue;
        marks.add(i);
        if (r === 0) strong.add(i);
      }
    } else if (g > 0) {
      if (attribute(w.at(loc), 2) < 0) continue;
      via.add(g);
      const term = q.terms.findIndex((t) => w.at(loc).some((x) => relation(x, t) >= 0));
      groupHits.push({ g, term });
    } else if (p.name && loc >= p.name.start && loc < p.name.end) attribute(w.at(loc), 1);
  }
  for (const { g, term } of groupHits) if (term < 0 || relations[term] === 2) mentionsOf(g);
  let phrases = true;
  for (const phrase of q.phrases) {
    const found = w.find(phrase, s.start, s.end, sameWord);
    if (found.length) {
      for (const f of found) for (const t of f) marks.add(t), strong.add(t);
      continue;
    }
    // A name in quotes: found if it is one of the spellings of an entry the section mentions.
    const g = s.groups.findIndex((x, i) => i > 0 && spellingsOf(p.tokens, x).some((sp) => sp.join(' ').includes(phrase.join(' '))));
    if (g > 0) {
      via.add(g);
      mentionsOf(g);
    } else phrases = false;
  }
  if (!phrases) return undefined;
  if (!marks.size && !via.size && relations.every((r) => r === 3) && !(q.phrases.length && !q.terms.length)) return undefined;
  return { section: s, marks: [...marks].sort((a, b) => a - b), strong: [...strong], relations, via: [...via], phrases };
}

/**
 * Whether an entry's (or a work's) name answers the query: every query word found in its name
 * or spellings, or every phrase one of its spellings.
 */
export function nameMatches(p: Parsed, w: Words, located: number[], q: Query): boolean {
  const s = p.sections[0];
  if (!s || !p.name) return false;
  const names = s.groups.slice(1).flatMap((g) => spellingsOf(p.tokens, g));
  const heading: string[] = [];
  for (let i = p.name.start; i < p.name.end; i++) heading.push(...w.at(i));
  names.push(heading);
  const inNames = (l: number) => (l >= p.name!.start && l < p.name!.end) || s.groups.some((g, i) => i > 0 && l >= g.start && l < g.end);
  const nameWords = located.filter(inNames).flatMap((l) => w.at(l));
  const terms = q.terms.every((t) => nameWords.some((x) => relation(x, t) >= 0) || names.some((n) => n.some((x) => x.startsWith(t))));
  const phrases = q.phrases.every((ph) => names.some((n) => ` ${n.join(' ')} `.includes(` ${ph.join(' ')}`)));
  return terms && phrases;
}

/** 0 if one of an entry's names is exactly what was typed, 1 otherwise (to order entries that match by name). */
export function nameCloseness(p: Parsed, q: Query): number {
  const s = p.sections[0];
  if (!s) return 1;
  const typed = [...q.terms, ...q.phrases.flat()].join(' ');
  return s.groups.slice(1).some((g) => spellingsOf(p.tokens, g).some((sp) => sp.join(' ') === typed)) ? 0 : 1;
}

/** Whether a query word is in the index in its own right (not only a shorter word Pagefind fell back to). */
export function termFound(term: string, w: Words, located: number[]): boolean {
  return located.some((l) => w.at(l).some((x) => x.startsWith(term)));
}

/** Words Pagefind fell back to for a word it does not have (`yamino` → `yamin`), worth offering. */
export function fallbackWords(term: string, w: Words, located: number[]): string[] {
  const out = new Set<string>();
  for (const l of located) for (const x of w.at(l)) if (term.startsWith(x) && x.length >= 4 && x.length >= term.length * 0.6) out.add(w.tokens[l]!.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, ''));
  return [...out];
}

/**
 * The window of an excerpt: about `length` tokens of [start, end) around the densest marks,
 * words as typed (`strong`) counting three times.
 */
export function excerptWindow(start: number, end: number, marks: number[], length = 30, strong: number[] = []): [number, number] {
  if (end - start <= length) return [start, end];
  if (!marks.length) return [start, start + length];
  let best = marks[0]!;
  let bestCount = 0;
  const weight = (x: number) => (strong.includes(x) ? 3 : 1);
  for (const m of marks) {
    const count = marks.filter((x) => x >= m && x < m + length).reduce((n, x) => n + weight(x), 0);
    if (count > bestCount) {
      best = m;
      bestCount = count;
    }
  }
  // A little context before the first marked word.
  let from = Math.max(start, best - Math.min(8, Math.floor(length / 4)));
  from = Math.min(from, end - length);
  return [from, from + length];
}

/** Levenshtein distance, for suggesting the nearest known spelling. */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** Similarity of two words, 0–1. */
export function similarity(a: string, b: string): number {
  return 1 - distance(a, b) / Math.max(a.length, b.length, 1);
}
