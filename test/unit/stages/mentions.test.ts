/** Stage mentions: names found in the text, entities tied by notes, reading order, backlinks. */
import { describe, expect, it } from 'vitest';
import { compileNames } from '../../../src/edition/mentions.ts';
import type { Entry, Note } from '../../../src/edition/model.ts';
import { linkMentions } from '../../../src/edition/stages/mentions.ts';
import { target } from '../../helpers/stages.ts';

const entry = (ref: string) => ({ ref, mentions: [] }) as unknown as Entry;
const note = (id: string, passage: string, start: number, end: number, entities: string[]) => ({ id, passage, span: { start, end }, entities }) as unknown as Note;

describe('linkMentions', () => {
  it('finds names in text passages only, ties note entities to their passage, sorts, and fills backlinks', () => {
    const { doc } = target('Pat met Kim.\n\nKim wrote.\n\nby Pat\n\nFooter: Pat.\n');
    doc.passages[2]!.role = 'byline';
    doc.passages[3]!.role = 'boilerplate';
    const wrote = doc.body.indexOf('wrote');
    doc.notes.push(
      note('z-late', 'p2', wrote, wrote + 5, ['place:here', 'person:kim', 'person:unknown']),
      note('a-early', 'p1', 0, 3, ['person:pat']),
    );
    const entries = new Map(['person:pat', 'person:kim', 'place:here'].map((r) => [r, entry(r)]));
    const names = compileNames(
      [
        { ref: 'person:pat', name: 'Pat', caseSensitive: false },
        { ref: 'person:kim', name: 'Kim', caseSensitive: false },
      ],
      [],
    );
    linkMentions([doc], entries, names);
    expect(doc.mentions.map((m) => [m.ref, m.passage, doc.body.slice(m.start, m.end), m.inText])).toEqual([
      ['person:pat', 'p1', 'Pat', true],
      ['person:kim', 'p1', 'Kim', true],
      ['person:kim', 'p2', 'Kim', true],
      ['place:here', 'p2', 'wrote', false],
    ]);
    expect(doc.notes.map((n) => n.id)).toEqual(['a-early', 'z-late']);
    expect(entries.get('person:kim')!.mentions.map((m) => m.passage)).toEqual(['p1', 'p2']);
    expect(entries.get('place:here')!.mentions).toHaveLength(1);
  });

  it('names are limited to the documents they are given for', () => {
    const a = target('Mirza came.\n', 'cable').doc;
    const b = target('Mirza came.\n', 'other').doc;
    const entries = new Map([['person:mirza', entry('person:mirza')]]);
    linkMentions([a, b], entries, compileNames([{ ref: 'person:mirza', name: 'Mirza', caseSensitive: false, documents: ['cable'] }], []));
    expect([a.mentions.length, b.mentions.length]).toEqual([1, 0]);
    expect(entries.get('person:mirza')!.mentions.map((m) => m.document)).toEqual(['cable']);
  });
});
