/**
 * Stage structure: applies each `annotations/structure/<slug>.yml` to its document: headings,
 * boilerplate, verse, comments (title, byline, speaker; each runs until the next) and the
 * languages of passages or of words inside them. Passages' roles are set in place.
 */
import type { AnchorText, QuoteSelector } from '../anchor.js';
import type { DataPath } from '../frontmatter.js';
import { directionOf } from '../language.js';
import type { EditionDocument, Passage, RawFile } from '../model.js';
import type { Problems } from '../problems.js';
import { Structure } from '../schema.js';
import { locateQuote } from './locate-quote.js';
import { readContributorFile } from './read.js';
import type { Target } from './sources.js';
import { Unread } from './unread.js';

/** Reads each structure file and applies it to its document; a file without a source is an error. */
export function applyStructures(structures: ReadonlyMap<string, RawFile>, bySlug: ReadonlyMap<string, Target>, problems: Problems, unread = new Unread()): void {
  for (const [slug, f] of structures) {
    const target = bySlug.get(slug);
    // A source that could not be read (reported already): its structure waits.
    if (!target && unread.sources.has(slug)) continue;
    if (!target) {
      problems.error(f.path, 1, 1, `There is no source sources/${slug}.txt for this structure file. Rename the file to match a source.`);
      continue;
    }
    const read = readContributorFile(f, Structure, 'structure file', problems, { format: 'yaml' });
    if (!read) continue;
    applyStructure(target.doc, target.anchorText, read.data, f.path, read.locate, problems);
  }
}

/** Applies one structure to a document (read from `file`, whose positions `locate` gives). */
export function applyStructure(
  doc: EditionDocument,
  t: AnchorText,
  s: Structure,
  file: string,
  locate: (p: DataPath) => { line: number; col: number },
  problems: Problems,
): void {
  const find = (q: QuoteSelector, path: DataPath) => locateQuote(doc, t, q, file, () => locate(path), problems, 'structure entry')?.passage;
  const index = (p: Passage) => p.ordinal - 1;
  s.headings.forEach((q, i) => {
    const p = find(q, ['headings', i]);
    if (p) p.role = 'heading';
  });
  const range = (from: QuoteSelector, to: QuoteSelector | undefined, path: DataPath): Passage[] | null => {
    const a = find(from, [...path, 'from']);
    const b = to ? find(to, [...path, 'to']) : a;
    if (!a || !b) return null;
    if (b.ordinal < a.ordinal) {
      const { line, col } = locate([...path, 'to']);
      problems.error(file, line, col, `"to" (¶${b.n}) comes before "from" (¶${a.n}). Swap them.`);
      return null;
    }
    return doc.passages.slice(index(a), index(b) + 1);
  };
  s.boilerplate.forEach((b, i) => {
    const ps = range(b.from, b.to, ['boilerplate', i]);
    if (!ps) return;
    const k = doc.boilerplate.push({ label: b.label }) - 1;
    for (const p of ps) {
      p.role = 'boilerplate';
      p.boilerplate = k;
    }
  });
  s.verse.forEach((v, i) => {
    const ps = range(v.from, v.to, ['verse', i]);
    if (!ps) return;
    for (const p of ps) {
      p.role = 'verse';
      p.verse = i;
    }
  });
  let previous = 0;
  s.comments.forEach((c, i) => {
    const title = c.title ? find(c.title, ['comments', i, 'title']) : undefined;
    const byline = c.byline ? find(c.byline, ['comments', i, 'byline']) : undefined;
    const start = c.start ? find(c.start, ['comments', i, 'start']) : undefined;
    if (!c.title && !c.start) {
      const { line, col } = locate(['comments', i]);
      problems.error(file, line, col, 'A comment needs a title (its title passage) or a start (its first passage).');
      return;
    }
    const first = title ?? start;
    if (!first) return;
    if (first.ordinal <= previous) {
      const { line, col } = locate(['comments', i]);
      problems.error(file, line, col, `Comments must be listed in the order they appear; this one starts at ¶${first.n}, before or at the previous one's start. Move it.`);
      return;
    }
    previous = first.ordinal;
    if (title) title.role = 'comment-title';
    if (byline) byline.role = 'byline';
    doc.comments.push({ title: title?.id, byline: byline?.id, speaker: c.speaker, passages: [] });
    first.comment = doc.comments.length - 1;
  });
  // Each comment runs until the next one starts.
  let current: number | undefined;
  for (const p of doc.passages) {
    if (p.comment !== undefined) current = p.comment;
    if (current !== undefined) {
      p.comment = current;
      doc.comments[current]!.passages.push(p.id);
    }
  }
  s.languages.forEach((l, i) => {
    const located = locateQuote(doc, t, l.quote, file, () => locate(['languages', i, 'quote']), problems, 'structure entry');
    if (!located) return;
    const { passage, span } = located;
    const dir = directionOf(l.lang);
    if (span.start <= passage.start && span.end >= passage.end) {
      passage.lang = l.lang;
      passage.dir = dir;
      passage.spans = [];
    } else {
      passage.spans = passage.spans.filter((x) => x.end <= span.start || x.start >= span.end);
      passage.spans.push({ ...span, lang: l.lang, dir });
      passage.spans.sort((a, b) => a.start - b.start);
    }
  });
}
