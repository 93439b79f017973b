import { describe, expect, it } from 'vitest';
import { apaReference, renderApa, stats, type CslItem } from '../../src/edition/apa.ts';

const CONTAINER = 'Iran, the Left and the Soviet Union: An Annotated Edition';
const TYPES = ['manuscript', 'personal_communication', 'article-newspaper', 'post-weblog', 'document'];
const AUTHORS: (CslItem['author'] | undefined)[] = [
  undefined,
  [{ given: 'Georgi', family: 'Dimitrov' }],
  [{ literal: 'Tudeh Party of Iran' }],
  [{ given: 'Ali', family: 'Khamenei' }, { given: 'Noureddin', family: 'Kianouri' }],
  [{ given: 'Hamid Reza', family: 'Noury' }, { literal: 'Amnesty International' }, { given: 'Iraj', family: 'Mesdaghi-Nejad' }],
  [{ given: 'Ehsan', family: 'Tabari' }, { given: 'Maryam', family: 'Firouz' }, { given: 'Mohammad', family: 'Reyshahri' }, { given: 'Asadollah', family: 'Lajevardi' }],
];
const TITLES = [
  'Cable from Dimitrov to Stalin, Molotov, Beria, and Malenkov',
  'Confessions: Noureddin Kianouri',
  'On Trial, Hamid Noury Portrays Iran Regime’s Fear of Mojahedin-e-Khalq (MEK)',
  'Report no. 17 on the events of 1988 – part 2',
  'اعترافات کیانوری',
  'the lower-case title: with a colon',
  // Not plain: these go through citeproc, and must come out the same.
  'A “quoted” title',
  'Why did the Tudeh Party fall?',
  'A title with "straight quotes" and <i>markup</i>',
  'Ends with a period.',
];
const DATES = [[1941], [1941, 12], [1941, 12, 9], [2012, 2, 29], [1988, 7, 19], [2021, 11, 10], [800, 1, 1]];
const EXTRAS: CslItem[] = [
  {},
  { genre: 'Cable', archive: 'Wilson Center Digital Archive (History and Public Policy Program)', archive_location: 'Record 119249', note: 'Translated from Russian. Original: https://digitalarchive.wilsoncenter.org/document/119249' },
  { publisher: 'National Council of Resistance of Iran (NCRI), English website', note: 'Original: https://iranian.com/main/2012/feb/confessions.html' },
  { recipient: [{ given: 'Joseph', family: 'Stalin' }, { given: 'Vyacheslav', family: 'Molotov' }], genre: 'Letter' },
  { language: 'fa', archive: 'Generated Digital Archive', archive_location: 'Record 7' },
];

function item(i: number): CslItem {
  // A walk through the combinations that visits every value of every list many times.
  const pick = <T,>(list: T[], k: number) => list[Math.floor(i / k) % list.length]!;
  const author = pick(AUTHORS, 1);
  return {
    id: `doc-${i}`,
    type: pick(TYPES, 6),
    title: pick(TITLES, 7),
    issued: { 'date-parts': [pick(DATES, 3)] },
    URL: `https://edition.example.org/documents/doc-${i}/`,
    'container-title': CONTAINER,
    language: 'en',
    ...(author ? { author } : {}),
    ...pick(EXTRAS, 11),
    accessed: undefined,
  };
}

describe('APA references', () => {
  it('are the same as citeproc writes them, for every shape and value tried', () => {
    const before = { ...stats };
    const mismatches: string[] = [];
    for (let i = 0; i < 600; i++) {
      const it = item(i);
      const fast = apaReference(it);
      const slow = renderApa(it);
      if (fast !== slow) mismatches.push(`${JSON.stringify(it)}\n  template: ${fast}\n  citeproc: ${slow}`);
    }
    expect(mismatches).toEqual([]);
    // The shortcut was taken for the plain ones, about half (else this test proves nothing about templates).
    expect(stats.fromTemplate - before.fromTemplate).toBeGreaterThan(240);
  });

  it('render each shape with citeproc only twice, however many references share it', () => {
    const before = { ...stats };
    const refs = Array.from({ length: 40 }, (_, i) =>
      apaReference({
        id: `x${i}`,
        type: 'article-newspaper',
        title: `Article number ${i} on the Tudeh Party`,
        issued: { 'date-parts': [[1950 + i, (i % 12) + 1, (i % 28) + 1]] },
        URL: `https://edition.example.org/documents/x${i}/`,
        'container-title': CONTAINER,
        author: [{ given: ['Ali', 'Reza', 'Maryam'][i % 3]!, family: ['Kavandi', 'Tabari', 'Firouz'][i % 3]! }],
      }),
    );
    expect(stats.rendered - before.rendered).toBeLessThanOrEqual(2);
    expect(refs[13]).toBe(renderApa({ id: 'x13', type: 'article-newspaper', title: 'Article number 13 on the Tudeh Party', issued: { 'date-parts': [[1963, 2, 14]] }, URL: 'https://edition.example.org/documents/x13/', 'container-title': CONTAINER, author: [{ given: 'Reza', family: 'Tabari' }] }));
  });

  it('send values citeproc might change (quotes, particles, trailing punctuation) to citeproc', () => {
    for (const odd of [
      { title: 'A "straight" quote' },
      { title: 'Question?' },
      { author: [{ given: 'Ludwig', family: 'van Beethoven' }] },
      { author: [{ given: 'J.-P.', family: 'Sartre' }] },
      { URL: "https://example.org/it's" },
      { issued: { 'date-parts': [[1941, 12, 9]], circa: true } },
      { 'original-date': { 'date-parts': [[1900]] } },
    ]) {
      const it: CslItem = { id: 'odd', type: 'manuscript', title: 'Plain title', issued: { 'date-parts': [[1941]] }, URL: 'https://example.org/a', ...odd };
      const before = stats.fromTemplate;
      expect(apaReference(it)).toBe(renderApa(it));
      expect(stats.fromTemplate).toBe(before);
    }
  });
});
