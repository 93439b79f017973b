/** The registers of the seed edition: mentions in every spelling, false friends, honest backlinks. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldKey, loadEdition } from '../../src/edition/index.ts';

const edition = loadEdition(join(import.meta.dirname, '../..'));
const doc = (slug: string) => edition.documents.find((d) => d.slug === slug)!;
const mentioned = (slug: string, ref: string) => doc(slug).mentions.filter((m) => m.ref === ref && m.inText).map((m) => doc(slug).body.slice(m.start, m.end));

describe('mentions', () => {
  it('all five spellings of Kianouri in the 2012 thread lead to the same person', () => {
    const words = new Set(mentioned('kianouri-confession-2012', 'person:kianouri'));
    for (const spelling of ['Kianouri', 'Kianoury', 'Kiannory', 'Kianory', 'کیانوری']) expect(words).toContain(spelling);
  });
  it('"Mehdi Kian" is not Kianouri (nor anyone else)', () => {
    const d = doc('kianouri-confession-2012');
    const at = d.body.indexOf('Mehdi Kian');
    expect(at).toBeGreaterThan(0);
    expect(d.mentions.filter((m) => m.inText && m.start < at + 'Mehdi Kian'.length && m.end > at)).toEqual([]);
  });
  it('"People\'s Party" in the 1941 cable links to the Tudeh Party', () => {
    expect(mentioned('dimitrov-cable-1941', 'organization:tudeh')).toContain("People's Party");
  });
  it('"Mirza" alone is Suleiman Mirza only in the cable', () => {
    expect(mentioned('dimitrov-cable-1941', 'person:suleiman-mirza')).toEqual(expect.arrayContaining(['Suleiman Mirza', 'Mirza']));
  });
  it('pseudonymous commenters are not register persons', () => {
    const names = [...edition.entries.values()].flatMap((e) => [e.meta.name, ...e.meta.aliases.map((a) => (typeof a === 'string' ? a : a.name))]).map((n) => foldKey(n, { caseFold: true }));
    for (const speaker of ['Anahid Hojjati', 'Nader Vanaki', 'Oon Yaroo', 'Mash Ghasem', 'Souri', 'Pendar Neek', 'Mehrban']) {
      expect(names).not.toContain(foldKey(speaker, { caseFold: true }));
    }
  });
  it('every backlink points at a passage that really contains one of the entry\'s names (or is tied by a note)', () => {
    for (const e of edition.entries.values()) {
      const spellings = [e.meta.name, ...Object.values(e.meta.names), ...e.meta.aliases.map((a) => (typeof a === 'string' ? a : a.name))].map((n) => foldKey(n, { caseFold: true }));
      for (const m of e.mentions) {
        const d = doc(m.document);
        const p = d.passages.find((x) => x.id === m.passage)!;
        expect(m.start >= p.start && m.end <= p.end).toBe(true);
        if (m.inText) expect(spellings, `${e.ref} in ${m.document} ¶${p.n}`).toContain(foldKey(d.body.slice(m.start, m.end), { caseFold: true }));
        else expect(d.notes.some((n) => n.passage === m.passage && n.entities.includes(e.ref))).toBe(true);
      }
    }
  });
});

describe('the apparatus is complete enough (issue counts)', () => {
  const count = (kind: string) => [...edition.entries.values()].filter((e) => e.kind === kind).length;
  it('has no errors and no warnings', () => {
    expect(edition.problems.map((p) => `${p.file}:${p.line}  ${p.message}`)).toEqual([]);
  });
  it('notes: at least 15 on the cable, 20 on the article, 30 on the thread', () => {
    expect(doc('dimitrov-cable-1941').notes.length).toBeGreaterThanOrEqual(15);
    expect(doc('noury-trial-2021').notes.length).toBeGreaterThanOrEqual(20);
    expect(doc('kianouri-confession-2012').notes.length).toBeGreaterThanOrEqual(30);
  });
  it('registers: at least 25 people, 8 organisations, 8 places, 15 events, each cited', () => {
    expect(count('person')).toBeGreaterThanOrEqual(25);
    expect(count('organization')).toBeGreaterThanOrEqual(8);
    expect(count('place')).toBeGreaterThanOrEqual(8);
    expect(count('event')).toBeGreaterThanOrEqual(15);
    for (const e of edition.entries.values()) expect(e.meta.cites.length, e.ref).toBeGreaterThan(0);
  });
  it('every factual note cites a work that has a URL or a publisher', () => {
    for (const d of edition.documents) for (const n of d.notes) for (const c of n.cites) {
      const w = edition.works[c.work]!;
      expect(Boolean(w.url || w.publisher || w.container), `${n.file} → ${c.work}`).toBe(true);
    }
  });
});
