/**
 * Scaffolding a note: given a document and the words to annotate, the front matter of a new
 * note whose quote is unique (a prefix and/or suffix is added when the words occur more than once).
 */
import { anchorQuote, foldedOffset, prepareText, uniqueContext } from './anchor.js';
import type { EditionDocument } from './edition.js';
import type { NoteKind } from './schema.js';

/** The body `npm run new-note` writes, for the editor to replace: a note that still holds it is an error. */
export const NOTE_PLACEHOLDER = 'Write the note here, citing the works listed in cites.';

export type ScaffoldResult = { ok: true; text: string; passage: string } | { ok: false; message: string };

const yamlString = (s: string) => JSON.stringify(s);

/** The text of a new note file for `quote` in `doc`, or why it cannot be made. */
export function scaffoldNote(doc: EditionDocument, quote: string, kind: NoteKind = 'context'): ScaffoldResult {
  const t = prepareText(doc.body);
  const found = anchorQuote(t, { exact: quote });
  let span;
  if (found.status === 'exact') span = found.span;
  else if (found.status === 'ambiguous') span = found.spans[0]!;
  else return { ok: false, message: `The words "${quote}" are not in ${doc.file}. Copy them exactly from the source (npm run passages -- ${doc.slug} lists its passages).` };
  const passage = doc.passages.find((p) => span.start >= p.start && span.end <= p.end);
  if (!passage) return { ok: false, message: `The words "${quote}" run across two passages of ${doc.file}. Choose words from one passage.` };
  const exact = doc.body.slice(span.start, span.end);
  const at = foldedOffset(t, span.start);
  const context = found.status === 'ambiguous' ? uniqueContext(t, at, foldedOffset(t, span.end) - at) : {};
  if (context === undefined) return { ok: false, message: `The words "${quote}" occur ${found.status === 'ambiguous' ? found.spans.length : 1} times and no nearby words tell them apart. Quote more words.` };
  const lines = ['---', 'quote:', `  exact: ${yamlString(exact)}`];
  if (context.prefix) lines.push(`  prefix: ${yamlString(context.prefix)}`);
  if (context.suffix) lines.push(`  suffix: ${yamlString(context.suffix)}`);
  lines.push(`kind: ${kind}`, 'entities: []', 'cites: []', '---', NOTE_PLACEHOLDER, '');
  return { ok: true, text: lines.join('\n'), passage: passage.id };
}
