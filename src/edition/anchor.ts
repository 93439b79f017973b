/**
 * Quote anchoring (W3C Web Annotation TextQuoteSelector), the way Hypothesis does it,
 * with one rule Hypothesis lacks: a note is never attached silently to a lookalike.
 *
 * 1. The quote, its prefix and suffix, and the text are folded (see fold.ts), so that
 *    whitespace, no-break spaces, curly quotes and Persian letter forms do not matter.
 * 2. Exact occurrences are found; prefix and suffix (if given) must agree.
 *    One occurrence: anchored. Several: refused as ambiguous, with a prefix that would
 *    make it unique.
 * 3. None: the quote is searched approximately (approx-string-match). A single good
 *    candidate (≥ 80 % similar, clearly better than any other) anchors with a warning
 *    that gives the corrected quote; anything else is refused, listing the nearest
 *    candidates.
 */
import approxSearch from 'approx-string-match';
import { extendOverMarks, fold, type Folded } from './fold.js';

/** A W3C TextQuoteSelector. */
export interface QuoteSelector {
  exact: string;
  prefix?: string | undefined;
  suffix?: string | undefined;
}

/** A located quote: offsets into the original text. */
export interface Span {
  start: number;
  end: number;
}

export type AnchorResult =
  | { status: 'exact'; span: Span }
  | { status: 'approximate'; span: Span; similarity: number; found: string }
  | { status: 'ambiguous'; spans: Span[]; uniquePrefix?: string | undefined }
  | { status: 'not-found'; candidates: { span: Span; similarity: number; found: string }[] };

/** Minimum similarity (1 − edits/length) for an approximate re-anchoring. */
export const MIN_SIMILARITY = 0.8;
/** How much better the best candidate must be than the next one. */
export const MIN_MARGIN = 0.1;

/** A text prepared for anchoring many quotes (fold once, search many times). */
export interface AnchorText {
  original: string;
  folded: Folded;
}

export function prepareText(text: string): AnchorText {
  return { original: text, folded: fold(text) };
}

const foldQuote = (s: string | undefined) => (s === undefined ? '' : fold(s).text.trim());

function toSpan(t: AnchorText, start: number, end: number): Span {
  return { start: t.folded.map[start]!, end: extendOverMarks(t.original, t.folded.map[end - 1]! + 1) };
}

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (!needle) return found;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/** Finds `selector` in the text. Pure; never guesses silently (see the module comment). */
export function anchorQuote(t: AnchorText, selector: QuoteSelector): AnchorResult {
  const text = t.folded.text;
  const exact = foldQuote(selector.exact);
  const prefix = foldQuote(selector.prefix);
  const suffix = foldQuote(selector.suffix);
  const agrees = (i: number) =>
    (!prefix || text.slice(0, i).trimEnd().endsWith(prefix)) &&
    (!suffix || text.slice(i + exact.length).trimStart().startsWith(suffix));
  const all = occurrences(text, exact);
  const hits = all.filter(agrees);
  if (hits.length === 1) return { status: 'exact', span: toSpan(t, hits[0]!, hits[0]! + exact.length) };
  if (hits.length > 1) {
    return {
      status: 'ambiguous',
      spans: hits.map((i) => toSpan(t, i, i + exact.length)),
      uniquePrefix: uniqueContext(t, hits[0]!, exact.length)?.prefix,
    };
  }
  if (exact.length < 4) return { status: 'not-found', candidates: [] };
  // Approximate search, Hypothesis-style.
  const maxErrors = Math.min(64, Math.floor(exact.length * 0.3));
  const candidates = bestCandidates(text, exact, maxErrors).map((m) => ({
    span: toSpan(t, m.start, m.end),
    similarity: 1 - m.errors / exact.length,
    found: '',
  }));
  for (const c of candidates) c.found = t.original.slice(c.span.start, c.span.end);
  const [best, second] = candidates;
  if (
    best &&
    best.similarity >= MIN_SIMILARITY &&
    (!second || best.similarity - second.similarity >= MIN_MARGIN)
  ) {
    return { status: 'approximate', span: best.span, similarity: best.similarity, found: best.found };
  }
  return { status: 'not-found', candidates: candidates.slice(0, 3) };
}

/** Up to three non-overlapping best approximate matches, best first. */
function bestCandidates(text: string, pattern: string, maxErrors: number) {
  const out: { start: number; end: number; errors: number }[] = [];
  let masked = text;
  for (let round = 0; round < 3; round++) {
    const matches = approxSearch(masked, pattern, maxErrors);
    if (matches.length === 0) break;
    // Several end positions of the same best region are reported; keep the one with the widest overlap.
    const m = matches.reduce((a, b) => (b.errors < a.errors || (b.errors === a.errors && b.end - b.start > a.end - a.start) ? b : a));
    out.push(m);
    for (const other of matches) {
      if (other !== m && other.errors === m.errors && (other.end <= m.start || other.start >= m.end)) {
        out.push(other);
        masked = mask(masked, other.start, other.end);
      }
    }
    masked = mask(masked, m.start, m.end);
  }
  return out.sort((a, b) => a.errors - b.errors).slice(0, 3);
}

function mask(s: string, start: number, end: number): string {
  return s.slice(0, start) + '\u0000'.repeat(end - start) + s.slice(end);
}

/**
 * The shortest whole-word prefix and/or suffix that make the occurrence of the quote at
 * folded offset `at` unique in the text. Used by error messages and by the scaffold command.
 */
export function uniqueContext(
  t: AnchorText,
  at: number,
  length: number,
): { prefix?: string; suffix?: string } | undefined {
  const text = t.folded.text;
  const exact = text.slice(at, at + length);
  const count = (pre: string, suf: string) =>
    occurrences(text, exact).filter(
      (i) => text.slice(0, i).trimEnd().endsWith(pre) && text.slice(i + length).trimStart().startsWith(suf),
    ).length;
  if (count('', '') === 1) return {};
  const before = text.slice(0, at).trimEnd();
  const after = text.slice(at + length).trimStart();
  for (let words = 1; words <= 12; words++) {
    const pre = lastWords(before, words);
    if (pre && count(pre, '') === 1) return { prefix: pre };
    const suf = firstWords(after, words);
    if (suf && count('', suf) === 1) return { suffix: suf };
    if (pre && suf && count(pre, suf) === 1) return { prefix: pre, suffix: suf };
  }
  return undefined;
}

function lastWords(s: string, n: number): string {
  const parts = s.split(' ');
  return parts.slice(Math.max(0, parts.length - n)).join(' ');
}
function firstWords(s: string, n: number): string {
  return s.split(' ').slice(0, n).join(' ');
}

/** Folded offset of an original offset (for computing context around an exact span). */
export function foldedOffset(t: AnchorText, original: number): number {
  const map = t.folded.map;
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid]! < original) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
