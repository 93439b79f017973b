/**
 * Quote anchoring for the structure and notes stages: finds a quote in a document and reports
 * every way it can fail (not found, found more than once, across passages, only approximately).
 */
import { anchorQuote, type AnchorResult, type AnchorText, type QuoteSelector, type Span } from '../anchor.js';
import { foldKey } from '../fold.js';
import type { EditionDocument, Passage } from '../model.js';
import type { Problems } from '../problems.js';

const preview = (s: string, n = 60) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

/** Each document's longest passage (computed once per document). */
const longest = new WeakMap<EditionDocument, Passage>();
function longestPassage(doc: EditionDocument): Passage | undefined {
  let p = longest.get(doc);
  if (!p) {
    for (const q of doc.passages) if (!p || q.end - q.start > p.end - p.start) p = q;
    if (p) longest.set(doc, p);
  }
  return p;
}

/** Anchors a quote and reports every way it can fail. Returns the passage and span, or null. */
export function locateQuote(
  doc: EditionDocument,
  t: AnchorText,
  quote: QuoteSelector,
  file: string,
  /** Where the quote is written (computed only for a problem: it may need a full YAML parse). */
  at: () => { line: number; col: number },
  problems: Problems,
  what: string,
): { passage: Passage; span: Span } | null {
  // A quote is words of one passage: one longer than any passage (even allowing for the
  // differences an approximate match forgives) is refused at once, without a costly search.
  const widest = longestPassage(doc);
  const length = foldKey(quote.exact).length;
  if (widest && length > (widest.end - widest.start) * 1.25 + 10) {
    problems.error(
      file,
      at().line,
      at().col,
      `The quote "${preview(quote.exact)}" is ${length} characters long, longer than any passage of ${doc.file} (the longest, ¶${widest.n}, has ${widest.end - widest.start}). A note quotes words of one passage: copy them from the source.`,
    );
    return null;
  }
  const result: AnchorResult = anchorQuote(t, quote);
  const passageAt = (offset: number) => doc.passages.find((p) => offset >= p.start && offset < p.end);
  const q = `"${preview(quote.exact)}"`;
  switch (result.status) {
    case 'exact':
    case 'approximate': {
      const first = passageAt(result.span.start);
      const last = passageAt(result.span.end - 1);
      if (!first || first !== last) {
        problems.error(file, at().line, at().col, `The quote ${q} runs across passages ¶${first?.n}–¶${last?.n} of ${doc.file}. Quote words from one passage only.`);
        return null;
      }
      if (result.status === 'approximate') {
        problems.warn(
          file,
          at().line,
          at().col,
          `The quote ${q} no longer matches ${doc.file} exactly. It was re-anchored to ¶${first.n}, where the text now reads "${result.found}" (${Math.round(result.similarity * 100)}% similar). Check that this is the right place and update the ${what}'s quote to those words.`,
        );
      }
      return { passage: first, span: result.span };
    }
    case 'ambiguous': {
      const where = result.spans.map((s) => `¶${passageAt(s.start)?.n}`).join(', ');
      problems.error(
        file,
        at().line,
        at().col,
        `The quote ${q} occurs ${result.spans.length} times in ${doc.file} (${where}). Quote more words, or add a prefix with the words just before it${result.uniquePrefix ? ` (for the first: prefix: "${result.uniquePrefix}")` : ''}.`,
      );
      return null;
    }
    case 'not-found': {
      const near = result.candidates
        .map((c) => `¶${passageAt(c.span.start)?.n} "${preview(c.found)}" (${Math.round(c.similarity * 100)}% similar)`)
        .join('; ');
      problems.error(
        file,
        at().line,
        at().col,
        `The quote ${q} is not in ${doc.file}. ${near ? `Nearest candidates: ${near}. ` : ''}Copy the exact words from the source${near ? '; no candidate was used because none is both close and unique' : ''}.`,
      );
      return null;
    }
  }
}
