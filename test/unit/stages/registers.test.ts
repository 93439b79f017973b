/** Stage registers: entries read, each spelling claimed once, relations checked. */
import { describe, expect, it } from 'vitest';
import type { EntityKind } from '../../../src/edition/model.ts';
import { Problems } from '../../../src/edition/problems.ts';
import { readRegisters } from '../../../src/edition/stages/registers.ts';
import { lines, raw, worksCited } from '../../helpers/stages.ts';

const entry = (kind: EntityKind, id: string, front: string, body = 'An account.\n') => ({
  file: raw(`annotations/${kind === 'person' ? 'people' : `${kind}s`}/${id}.md`, `---\n${front}\ndescription: d\n---\n${body}`),
  kind,
  id,
});

describe('readRegisters', () => {
  it('reads entries by reference, with their account, and checks their citations', () => {
    const p = new Problems();
    const cited = worksCited();
    const { entries } = readRegisters([entry('person', 'pat', 'name: Pat\ncites: [w1, w9]', 'Pat *was* here.\n')], cited, p);
    const e = entries.get('person:pat')!;
    expect([e.ref, e.kind, e.id, e.file, e.meta.name]).toEqual(['person:pat', 'person', 'pat', 'annotations/people/pat.md', 'Pat']);
    expect(e.body.tree.children).toHaveLength(1);
    expect(e.mentions).toEqual([]);
    expect(cited.used.has('w1')).toBe(true);
    expect(lines(p)).toEqual(['annotations/people/pat.md:3:13 error No work "w9" in annotations/works.yml. Add it there, or fix the key.']);
  });

  it('gives a spelling to the first entry that claims it, and reports the second claim at the alias', () => {
    const p = new Problems();
    const { names } = readRegisters(
      [entry('person', 'pat', 'name: Pat Example\naliases: [Zeta]'), entry('person', 'sam', 'name: Sam Example\naliases: [Sam, zeta]')],
      worksCited(),
      p,
    );
    expect(lines(p)).toEqual(['annotations/people/sam.md:3:16 error The name "zeta" is also claimed by person:pat. A spelling can lead to one entry only (spellings are compared as they are matched: whatever the case, accents, Arabic letter forms, or invisible characters): remove it here or there, or limit each to other documents with documents: [...].']);
    expect(names.find('Zeta met Sam.', 'doc').map((m) => m.ref)).toEqual(['person:pat', 'person:sam']);
  });

  it('a spelling limited to some documents is matched there only; manual entries and "not" spellings are never matched', () => {
    const p = new Problems();
    const { names } = readRegisters(
      [
        entry('person', 'mirza', 'name: Suleiman Mirza\naliases: [{ name: Mirza, documents: [cable] }]\nnot: [Mirza Kuchik]'),
        entry('place', 'hand', 'name: Handplace\nmatch: manual'),
      ],
      worksCited(),
      p,
    );
    expect(lines(p)).toEqual([]);
    expect(names.find('Mirza wrote.', 'cable').map((m) => m.ref)).toEqual(['person:mirza']);
    expect(names.find('Mirza wrote.', 'other')).toEqual([]);
    expect(names.find('Mirza Kuchik wrote.', 'cable')).toEqual([]);
    expect(names.find('At Handplace.', 'cable')).toEqual([]);
  });

  it('a related entry must exist and be another entry', () => {
    const p = new Problems();
    readRegisters([entry('person', 'pat', 'name: Pat\nrelated: [person:pat, event:nothing, place:here]'), entry('place', 'here', 'name: Here')], worksCited(), p);
    expect(lines(p)).toEqual([
      'annotations/people/pat.md:3:11 error An entry cannot be related to itself. Remove "person:pat".',
      'annotations/people/pat.md:3:23 error Unknown register entry "event:nothing". Create annotations/events/nothing.md or fix the id.',
    ]);
  });

  it('an entry that does not validate is left out, and relations to it are not reported again', () => {
    const p = new Problems();
    const { entries } = readRegisters([entry('person', 'pat', 'name: Pat\nrelated: [place:here]'), entry('place', 'here', 'name: ""')], worksCited(), p);
    expect([...entries.keys()]).toEqual(['person:pat']);
    expect(p.list.map((x) => x.file)).toEqual(['annotations/places/here.md']);
  });
});
