/** Citations name the edition from its config: title, editors (when it has them) and version. */
import { describe, expect, it } from 'vitest';
import { citations, citedEdition, loadEdition, parseEditionConfig, type CitedEdition } from '../../src/edition/index.ts';
import { ROOT } from '../helpers/build.ts';

const edition = loadEdition(ROOT);
const cable = edition.documents.find((d) => d.slug === 'dimitrov-cable-1941')!;
const PAGE = 'http://localhost:4321/documents/dimitrov-cable-1941/';
const ORIGINAL = 'https://digitalarchive.wilsoncenter.org/document/cable-dimitrov-stalin-molotov-beria-and-malenkov';
const ARCHIVE = 'Wilson Center Digital Archive (History and Public Policy Program)';
const TITLE = 'An Edition: Its Subtitle';

describe('citations of a document in an edition', () => {
  it('without editors: the title and the version', () => {
    const c = citations(cable, edition, { title: TITLE, editors: [], version: '0.2.0' }, PAGE);
    expect(c.chicagoBibliography).toBe(
      `Dimitrov, Georgi. “Cable from Dimitrov to Stalin, Molotov, Beria, and Malenkov.” December 9, 1941. Translated from Russian. ${ARCHIVE}. ${ORIGINAL}. ` +
        `In ${TITLE}. Version 0.2.0. ${PAGE}. Accessed [date accessed].`,
    );
    expect(c.chicagoNote).toContain(`; in ${TITLE}, version 0.2.0, ${PAGE} (accessed [date accessed]).`);
    expect(c.mla).toContain(`. ${TITLE}, version 0.2.0, localhost:4321/documents/dimitrov-cable-1941/. Accessed [date accessed].`);
    expect(c.apa).toBe(`Dimitrov, G. (1941). Cable from Dimitrov to Stalin, Molotov, Beria, and Malenkov [Cable]. In ${TITLE} (Version 0.2.0). ${ARCHIVE}. ${PAGE}`);
    expect(c.bibtex).not.toContain('editor');
    expect(JSON.parse(c.cslJson)[0]).toMatchObject({ 'container-title': TITLE, version: '0.2.0' });
  });

  it('with editors: named in every form, the passage after them', () => {
    const cited: CitedEdition = { title: TITLE, editors: ['Jane Doe', 'Richard Roe', 'Ann Other'], version: '1.0.0' };
    const c = citations(cable, edition, cited, PAGE, '17');
    const passageUrl = `${PAGE}#p17`;
    expect(c.chicagoNote).toContain(`, ¶17; in ${TITLE}, ed. Jane Doe, Richard Roe, and Ann Other, version 1.0.0, ${passageUrl} (accessed [date accessed]).`);
    expect(c.chicagoBibliography).toContain(`In ${TITLE}, edited by Jane Doe, Richard Roe, and Ann Other, ¶17. Version 1.0.0. ${passageUrl}. Accessed [date accessed].`);
    expect(c.mla).toContain(`. ${TITLE}, edited by Jane Doe, Richard Roe, and Ann Other, version 1.0.0, par. 17, localhost:4321/documents/dimitrov-cable-1941/#p17. Accessed`);
    expect(c.apa).toBe(`Dimitrov, G. (1941). Cable from Dimitrov to Stalin, Molotov, Beria, and Malenkov [Cable]. In J. Doe, R. Roe, & A. Other (Eds.), ${TITLE} (Version 1.0.0). ${ARCHIVE}. ${passageUrl}`);
    expect(c.bibtex).toContain('\teditor = {Doe, Jane and Roe, Richard and Other, Ann},');
    const two = citations(cable, edition, { ...cited, editors: ['Jane Doe', 'Richard Roe'] }, PAGE);
    expect(two.chicagoBibliography).toContain(`In ${TITLE}, edited by Jane Doe and Richard Roe. Version 1.0.0.`);
  });

  it('the cited edition comes from the config: full title, editors\' names, version', () => {
    const { config } = parseEditionConfig('title: An Edition\nsubtitle: Its Subtitle\neditors: [Jane Doe, { name: Richard Roe, role: notes }]\nlicence: { name: CC BY 4.0, url: "https://creativecommons.org/licenses/by/4.0/" }\nversion: 1.0.0\nreleased: 2026-12-03\n');
    expect(citedEdition(config!)).toEqual({ title: TITLE, editors: ['Jane Doe', 'Richard Roe'], version: '1.0.0' });
  });
});
