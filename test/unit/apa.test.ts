import { describe, expect, it } from 'vitest';
import { apaReference, type CslItem } from '../../src/edition/apa.ts';

describe('APA references', () => {
  it('of a book: author, year, title, publisher', () => {
    expect(
      apaReference({
        id: 'book',
        type: 'book',
        title: 'Iran between two revolutions',
        author: [{ given: 'Ervand', family: 'Abrahamian' }],
        issued: { 'date-parts': [[1982]] },
        publisher: 'Princeton University Press',
      }),
    ).toBe('Abrahamian, E. (1982). Iran between two revolutions. Princeton University Press.');
  });

  it('of a journal article: journal, volume(issue), pages with an en dash, DOI as a URL', () => {
    expect(
      apaReference({
        id: 'article',
        type: 'article-journal',
        title: 'Communism and communalism in Iran: The Tudeh and the Firqah-i Dimukrat',
        author: [{ given: 'Ervand', family: 'Abrahamian' }],
        issued: { 'date-parts': [[1970]] },
        'container-title': 'International Journal of Middle East Studies',
        volume: '1',
        issue: '4',
        page: '291-316',
        DOI: '10.1017/S0020743800000714',
      }),
    ).toBe('Abrahamian, E. (1970). Communism and communalism in Iran: The Tudeh and the Firqah-i Dimukrat. International Journal of Middle East Studies, 1(4), 291–316. https://doi.org/10.1017/S0020743800000714');
  });

  it('of a web page with no date: (n.d.), and the date it was retrieved', () => {
    expect(
      apaReference({
        id: 'page',
        type: 'webpage',
        title: 'Iran: 1988 prison massacres',
        'container-title': 'Amnesty International',
        URL: 'https://www.amnesty.org/en/latest/news/2018/12/iran-1988/',
        accessed: { 'date-parts': [[2024, 3, 1]] },
      }),
    ).toBe('Iran: 1988 prison massacres. (n.d.). Amnesty International. Retrieved March 1, 2024, from https://www.amnesty.org/en/latest/news/2018/12/iran-1988/');
  });

  it('of a report by an institution: the institution as author, the report number after the title', () => {
    expect(
      apaReference({
        id: 'report',
        type: 'report',
        title: 'Blood-soaked secrets: Why Iran’s 1988 prison massacres are ongoing crimes against humanity',
        author: [{ literal: 'Amnesty International' }],
        issued: { 'date-parts': [[2018, 12, 4]] },
        publisher: 'Amnesty International',
        number: 'MDE 13/9421/2018',
      }),
    ).toBe('Amnesty International. (2018). Blood-soaked secrets: Why Iran’s 1988 prison massacres are ongoing crimes against humanity (MDE 13/9421/2018). Amnesty International.');
  });

  it('of names with particles: a non-dropping particle leads, a dropping one follows the initials', () => {
    const book = (author: CslItem['author']): CslItem => ({ id: 'symphonies', type: 'book', title: 'Symphonies', author, issued: { 'date-parts': [[1990]] }, publisher: 'Dover' });
    expect(
      apaReference(
        book([
          { given: 'Ludwig', family: 'Beethoven', 'non-dropping-particle': 'van' },
          { given: 'Charles', family: 'Gaulle', 'non-dropping-particle': 'de' },
        ]),
      ),
    ).toBe('van Beethoven, L., & de Gaulle, C. (1990). Symphonies. Dover.');
    expect(apaReference(book([{ given: 'Alexander', family: 'Humboldt', 'dropping-particle': 'von' }]))).toBe('Humboldt, A. von. (1990). Symphonies. Dover.');
  });

  it('of a document as the edition describes it (a cable in an archive, within the edition)', () => {
    expect(
      apaReference({
        id: 'dimitrov',
        type: 'manuscript',
        title: 'Cable from Dimitrov to Stalin, Molotov, Beria, and Malenkov',
        author: [{ given: 'Georgi', family: 'Dimitrov' }],
        recipient: [{ given: 'Joseph', family: 'Stalin' }],
        issued: { 'date-parts': [[1941, 12, 9]] },
        genre: 'Cable',
        archive: 'Wilson Center Digital Archive',
        archive_location: 'Record 119249',
        URL: 'https://edition.example.org/documents/dimitrov/',
        'container-title': 'Iran, the Left and the Soviet Union: An Annotated Edition',
        language: 'en',
        note: 'Translated from Russian',
        accessed: undefined,
      }),
    ).toBe('Dimitrov, G. (1941). Cable from Dimitrov to Stalin, Molotov, Beria, and Malenkov [Cable]. In Iran, the Left and the Soviet Union: An Annotated Edition. Wilson Center Digital Archive (Record 119249). https://edition.example.org/documents/dimitrov/');
  });

  it('are the same for the same input, and differ when the input does', () => {
    const make = (title: string): CslItem => ({ id: 'same', type: 'book', title, author: [{ given: 'Ervand', family: 'Abrahamian' }], issued: { 'date-parts': [[1999]] }, publisher: 'New Press' });
    const item = make('Tortured confessions');
    const json = JSON.stringify(item);
    const first = apaReference(item);
    expect(first).toBe('Abrahamian, E. (1999). Tortured confessions. New Press.');
    expect(apaReference(item)).toBe(first);
    expect(apaReference(make('Tortured confessions'))).toBe(first); // an equal item, not the same object
    expect(JSON.stringify(item)).toBe(json); // the input is left as it was
    expect(apaReference(make('Tortured confessions: Prisons and public recantations in modern Iran'))).toBe('Abrahamian, E. (1999). Tortured confessions: Prisons and public recantations in modern Iran. New Press.');
  });
});
