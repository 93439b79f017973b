/**
 * Stage mentions: finds register names in each document's passages (not in boilerplate or
 * bylines), ties the entities a note names to its passage when the text does not name them there,
 * puts mentions and notes in reading order, and lists each mention under its entry.
 */
import type { NameMatcher } from '../mentions.js';
import type { EditionDocument, Entry, Mention } from '../model.js';

/**
 * Fills each document's `mentions` and each entry's `mentions`; sorts each document's notes.
 * `kept`: a document's mentions found before (a work cache), if its inputs are the same.
 */
export function linkMentions(documents: readonly EditionDocument[], entries: ReadonlyMap<string, Entry>, names: NameMatcher, kept?: (doc: EditionDocument) => Mention[] | undefined): void {
  for (const doc of documents) {
    const known = kept?.(doc);
    if (known) doc.mentions = known;
    else findMentions(doc, entries, names);
    doc.notes.sort((a, b) => a.span.end - b.span.end || a.span.start - b.span.start || (a.id < b.id ? -1 : 1));
    for (const m of doc.mentions) entries.get(m.ref)?.mentions.push(m);
  }
}

/** A document's mentions, in reading order: names found in its text, and entities its notes name. */
function findMentions(doc: EditionDocument, entries: ReadonlyMap<string, Entry>, names: NameMatcher): void {
  for (const p of doc.passages) {
    if (p.role === 'boilerplate' || p.role === 'byline') continue;
    for (const m of names.find(p.text, doc.slug)) {
      doc.mentions.push({ ref: m.ref, document: doc.slug, passage: p.id, start: p.start + m.start, end: p.start + m.end, inText: true });
    }
  }
  for (const n of doc.notes) {
    for (const ref of n.entities) {
      if (entries.has(ref) && !doc.mentions.some((m) => m.passage === n.passage && m.ref === ref)) {
        doc.mentions.push({ ref, document: doc.slug, passage: n.passage, start: n.span.start, end: n.span.end, inText: false });
      }
    }
  }
  doc.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
}
