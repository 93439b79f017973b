/**
 * Citations from CSL through citeproc: each style against expected strings for a cable (an
 * archive's holding, translated), a comment thread (a web page, two languages, no author) and
 * an article (a partisan publisher, an approximate date range); the edition named as container
 * with its title, editors (only when it has them), version, URL and the date of access.
 */
import { describe, expect, it } from 'vitest';
import { ACCESSED_PLACEHOLDER, CITATION_FORMS, citations, citedEdition, cslItem, documentDescription, loadEdition, parseEditionConfig, suggestedCitation, type CitedEdition } from '../../src/edition/index.ts';
import { chicagoStyle, mlaStyle, apaStyle } from '../../src/edition/csl-styles.ts';
import { accessDate, fillPassageForms } from '../../src/site/cite-dates.ts';
import { ROOT } from '../helpers/build.ts';

const edition = loadEdition(ROOT, { requireLocks: false });
const doc = (slug: string) => edition.documents.find((d) => d.slug === slug)!;
const page = (slug: string) => `http://localhost:4321/documents/${slug}/`;
const CITED: CitedEdition = { title: 'An Edition: Its Subtitle', editors: [], version: '0.2.0' };
const SLUGS = { cable: 'dimitrov-cable-1941', thread: 'kianouri-confession-2012', article: 'noury-trial-2021' } as const;

const EXPECTED = {
  cable: {
    chicagoNote: "Georgi Dimitrov to Joseph Stalin et al., “Cable from Dimitrov to Stalin, Molotov, Beria, and Malenkov,” Cable, translated from Russian, An Edition: Its Subtitle, version 0.2.0, December 9, 1941, Wilson Center Digital Archive (History and Public Policy Program), accessed [date of access], http://localhost:4321/documents/dimitrov-cable-1941/.",
    chicagoBibliography: "Dimitrov, Georgi. “Cable from Dimitrov to Stalin, Molotov, Beria, and Malenkov.” Cable, translated from Russian. An Edition: Its Subtitle, version 0.2.0, December 9, 1941. Wilson Center Digital Archive (History and Public Policy Program). Accessed [date of access]. http://localhost:4321/documents/dimitrov-cable-1941/.",
    mla: "Dimitrov, Georgi. “Cable from Dimitrov to Stalin, Molotov, Beria, and Malenkov.” Cable, translated from Russian. An Edition: Its Subtitle, version 0.2.0, 9 Dec. 1941, http://localhost:4321/documents/dimitrov-cable-1941/. Wilson Center Digital Archive (History and Public Policy Program). Accessed [date of access].",
    apa: "Dimitrov, G. (1941, December 9). Cable from Dimitrov to Stalin, Molotov, Beria, and Malenkov. In An Edition: Its Subtitle (Version 0.2.0) [Cable, translated from Russian]. Wilson Center Digital Archive (History and Public Policy Program). Retrieved [date of access], from http://localhost:4321/documents/dimitrov-cable-1941/",
  },
  thread: {
    chicagoNote: "“Confessions: Noureddin Kianouri,” Blog thread, in English and Persian, An Edition: Its Subtitle, version 0.2.0, February 2012, Iranian.com, accessed [date of access], http://localhost:4321/documents/kianouri-confession-2012/.",
    chicagoBibliography: "“Confessions: Noureddin Kianouri.” Blog thread, in English and Persian. An Edition: Its Subtitle, version 0.2.0, February 2012. Iranian.com. Accessed [date of access]. http://localhost:4321/documents/kianouri-confession-2012/.",
    mla: "“Confessions: Noureddin Kianouri.” Blog thread, in English and Persian. An Edition: Its Subtitle, version 0.2.0, Feb. 2012, http://localhost:4321/documents/kianouri-confession-2012/. Iranian.com. Accessed [date of access].",
    apa: "Confessions: Noureddin Kianouri. (2012, February). In An Edition: Its Subtitle (Version 0.2.0) [Blog thread, in English and Persian]. Iranian.com. Retrieved [date of access], from http://localhost:4321/documents/kianouri-confession-2012/",
  },
  article: {
    chicagoNote: "“On Trial, Hamid Noury Portrays Iran Regime’s Fear of Mojahedin-e-Khalq (MEK),” Article, An Edition: Its Subtitle, version 0.2.0, [November–December 2021?], National Council of Resistance of Iran (NCRI), English website, accessed [date of access], http://localhost:4321/documents/noury-trial-2021/.",
    chicagoBibliography: "“On Trial, Hamid Noury Portrays Iran Regime’s Fear of Mojahedin-e-Khalq (MEK).” Article. An Edition: Its Subtitle, version 0.2.0, [November–December 2021?]. National Council of Resistance of Iran (NCRI), English website. Accessed [date of access]. http://localhost:4321/documents/noury-trial-2021/.",
    mla: "“On Trial, Hamid Noury Portrays Iran Regime’s Fear of Mojahedin-e-Khalq (MEK).” Article. An Edition: Its Subtitle, version 0.2.0, Nov.–Dec. 2021, http://localhost:4321/documents/noury-trial-2021/. National Council of Resistance of Iran (NCRI), English website. Accessed [date of access].",
    apa: "On Trial, Hamid Noury Portrays Iran Regime’s Fear of Mojahedin-e-Khalq (MEK). (ca. 2021, November–December). In An Edition: Its Subtitle (Version 0.2.0) [Article]. National Council of Resistance of Iran (NCRI), English website. Retrieved [date of access], from http://localhost:4321/documents/noury-trial-2021/",
  },
};

describe('citations in each style, from CSL through citeproc', () => {
  for (const [name, slug] of Object.entries(SLUGS)) {
    it(`${name}: Chicago (note and bibliography), MLA and APA`, () => {
      const c = citations(doc(slug), edition, CITED, page(slug));
      expect({ chicagoNote: c.chicagoNote, chicagoBibliography: c.chicagoBibliography, mla: c.mla, apa: c.apa }).toEqual(EXPECTED[name as keyof typeof EXPECTED]);
    });
  }

  it('the suggested citation (print heads) is Chicago\'s bibliography form, made alone', () => {
    for (const [name, slug] of Object.entries(SLUGS)) {
      expect(suggestedCitation(doc(slug), edition, CITED, page(slug))).toBe(EXPECTED[name as keyof typeof EXPECTED].chicagoBibliography);
    }
  });

  it('every form names the original and the edition, with the date of access to fill in', () => {
    for (const slug of Object.values(SLUGS)) {
      const c = citations(doc(slug), edition, CITED, page(slug));
      for (const [id, , field] of CITATION_FORMS) {
        expect(c[field], `${slug} ${id}`).toContain(page(slug));
        expect(c[field], `${slug} ${id}`).toContain(ACCESSED_PLACEHOLDER);
        expect(c[field], `${slug} ${id}`).toContain('0.2.0');
      }
      // Never the original's publisher as the edition's (issue 20): the edition is the container.
      expect(c.bibtex).not.toMatch(/publisher\s*=/);
      expect(c.ris).toContain('T2  - An Edition: Its Subtitle');
    }
  });

  it('the language a source was translated from is named, whichever it is', () => {
    const cable = doc(SLUGS.cable);
    expect(documentDescription(cable)).toBe('Cable, translated from Russian');
    const fromGerman = { ...cable, meta: { ...cable.meta, translated_from: 'de' } };
    expect(documentDescription(fromGerman)).toBe('Cable, translated from German');
    expect(citations(fromGerman, edition, CITED, page(SLUGS.cable)).mla).toContain('Cable, translated from German.');
    expect(documentDescription(doc(SLUGS.thread))).toBe('Blog thread, in English and Persian');
  });

  it('a passage, with editors: the passage\'s address and paragraph, the editors named', () => {
    const cited: CitedEdition = { title: 'An Edition: Its Subtitle', editors: ['Jane Doe', 'Richard Roe', 'Ann Other'], version: '1.0.0' };
    const c = citations(doc(SLUGS.cable), edition, cited, page(SLUGS.cable), '17');
    expect(c.chicagoNote).toBe("Georgi Dimitrov to Joseph Stalin et al., “Cable from Dimitrov to Stalin, Molotov, Beria, and Malenkov,” Cable, translated from Russian, ed. Jane Doe, Richard Roe, and Ann Other, An Edition: Its Subtitle, version 1.0.0, December 9, 1941, para. 17, Wilson Center Digital Archive (History and Public Policy Program), accessed [date of access], http://localhost:4321/documents/dimitrov-cable-1941/#p17.");
    expect(c.chicagoBibliography).toBe("Dimitrov, Georgi. “Cable from Dimitrov to Stalin, Molotov, Beria, and Malenkov.” Cable, translated from Russian. Edited by Jane Doe, Richard Roe, and Ann Other. An Edition: Its Subtitle, version 1.0.0, December 9, 1941. Wilson Center Digital Archive (History and Public Policy Program). Accessed [date of access]. http://localhost:4321/documents/dimitrov-cable-1941/#p17.");
    expect(c.mla).toBe("Dimitrov, Georgi. “Cable from Dimitrov to Stalin, Molotov, Beria, and Malenkov.” Cable, translated from Russian. An Edition: Its Subtitle, edited by Jane Doe et al., version 1.0.0, 9 Dec. 1941, http://localhost:4321/documents/dimitrov-cable-1941/#p17. Wilson Center Digital Archive (History and Public Policy Program). Accessed [date of access].");
    expect(c.apa).toBe("Dimitrov, G. (1941, December 9). Cable from Dimitrov to Stalin, Molotov, Beria, and Malenkov. In J. Doe, R. Roe, & A. Other (Eds.), An Edition: Its Subtitle (Version 1.0.0) [Cable, translated from Russian]. Wilson Center Digital Archive (History and Public Policy Program). Retrieved [date of access], from http://localhost:4321/documents/dimitrov-cable-1941/#p17\nIn the text: (Dimitrov, 1941, para. 17)");
    expect(c.bibtex).toBe("@misc{Dimitrov1941Cable,\n\turldate = {[date of access]},\n\tauthor = {Dimitrov, Georgi},\n\tbooktitle = {An {Edition}: Its {Subtitle}},\n\teditor = {Doe, Jane and Roe, Richard and Other, Ann},\n\tentrysubtype = {Cable, translated from Russian},\n\tdate = {1941-12-09},\n\tlanguage = {en},\n\tnote = {Translated from Russian. Held by Wilson Center Digital Archive (History and Public Policy Program). Original: https://digitalarchive.wilsoncenter.org/document/cable-dimitrov-stalin-molotov-beria-and-malenkov. Cited from version 1.0.0 of the edition},\n\ttitle = {Cable from {Dimitrov} to {Stalin}, {Molotov}, {Beria}, and {Malenkov}},\n\turl = {http://localhost:4321/documents/dimitrov-cable-1941/#p17},\n\tversion = {1.0.0},\n}");
    expect(c.ris).toBe("TY  - GEN\nAU  - Dimitrov, Georgi\nDA  - 1941/12/9/\nPY  - 1941\nID  - dimitrov-cable-1941\nLA  - en\nM3  - Cable, translated from Russian\nN1  - Translated from Russian. Held by Wilson Center Digital Archive (Histor\ny and Public Policy Program). Original: https://digitalarchive.wilsonc\nenter.org/document/cable-dimitrov-stalin-molotov-beria-and-malenkov. C\nited from version 1.0.0 of the edition\nT2  - An Edition: Its Subtitle\nTI  - Cable from Dimitrov to Stalin, Molotov, Beria, and Malenkov\nUR  - http://localhost:4321/documents/dimitrov-cable-1941/#p17\nY2  - [date of access]\nER  -");
    expect(JSON.parse(c.cslJson)[0]).toMatchObject({ id: 'dimitrov-cable-1941-p17', URL: `${page(SLUGS.cable)}#p17`, note: expect.stringContaining('Passage ¶17') });
  });

  it('without editors, no editor in any form', () => {
    const c = citations(doc(SLUGS.cable), edition, CITED, page(SLUGS.cable));
    expect(c.bibtex).not.toContain('editor');
    expect(c.chicagoBibliography).not.toMatch(/[Ee]dited by|ed\./);
    expect(JSON.parse(c.cslJson)[0]).not.toHaveProperty('editor');
  });

  it('the passage placeholder (__P__) stays as it is in every form, for the page to replace', () => {
    const c = citations(doc(SLUGS.cable), edition, CITED, page(SLUGS.cable), '__P__');
    for (const [id, , field] of CITATION_FORMS) expect(c[field], id).toContain('#p__P__');
    expect(c.chicagoNote).toContain('para. __P__');
  });

  it('the CSL-JSON item: the original (archive, record, language, translation) and the edition as container', () => {
    const item = cslItem(doc(SLUGS.cable), edition, { ...CITED, editors: ['Jane Doe'] }, page(SLUGS.cable));
    expect(item).toMatchObject({
      type: 'document',
      title: 'Cable from Dimitrov to Stalin, Molotov, Beria, and Malenkov',
      author: [{ given: 'Georgi', family: 'Dimitrov' }],
      issued: { 'date-parts': [[1941, 12, 9]] },
      archive: 'Wilson Center Digital Archive (History and Public Policy Program)',
      genre: 'Cable, translated from Russian',
      language: 'en',
      'container-title': 'An Edition: Its Subtitle',
      editor: [{ given: 'Jane', family: 'Doe' }],
      version: '0.2.0',
      URL: page(SLUGS.cable),
      accessed: { raw: ACCESSED_PLACEHOLDER },
    });
  });

  it('the cited edition comes from the config: full title, editors\' names, version', () => {
    const { config } = parseEditionConfig('title: An Edition\nsubtitle: Its Subtitle\neditors: [Jane Doe, { name: Richard Roe, role: notes }]\nlicence: { name: CC BY 4.0, url: "https://creativecommons.org/licenses/by/4.0/" }\nversion: 1.0.0\nreleased: 2026-12-03\n');
    expect(citedEdition(config!)).toEqual({ title: 'An Edition: Its Subtitle', editors: ['Jane Doe', 'Richard Roe'], version: '1.0.0' });
  });
});

describe('the CSL styles, from their registry packages', () => {
  it('are the CSL project\'s Chicago (full note), MLA 9 and APA 7, with the documented changes', () => {
    const chicago = chicagoStyle();
    expect(chicago).toContain('<id>http://www.zotero.org/styles/chicago-fullnote-bibliography</id>');
    expect(chicago).toContain('<if variable="accessed"><group delimiter=" "><text term="accessed"');
    expect(mlaStyle()).toContain('<title>Modern Language Association 9th edition</title>');
    expect(apaStyle()).toContain('<title>APA Style 7th edition</title>');
  });
});

describe('the reader\'s date of access', () => {
  const d = new Date(2026, 11, 3);
  it('is written in each form\'s format', () => {
    expect(accessDate('chicago-note', d)).toBe('December 3, 2026');
    expect(accessDate('chicago-bibliography', d)).toBe('December 3, 2026');
    expect(accessDate('apa', d)).toBe('December 3, 2026');
    expect(accessDate('mla', d)).toBe('3 Dec. 2026');
    expect(accessDate('bibtex', d)).toBe('2026-12-03');
    expect(accessDate('csl-json', d)).toBe('2026-12-03');
    expect(accessDate('ris', d)).toBe('2026/12/03/');
  });
  it('fills the passage forms handed to the page, which stay valid JSON', () => {
    const c = citations(doc(SLUGS.cable), edition, CITED, page(SLUGS.cable), '__P__');
    const json = JSON.stringify(CITATION_FORMS.map(([id, label, field]) => [id, label, c[field]]));
    const filled = JSON.parse(fillPassageForms(json, d)) as [string, string, string][];
    const byId = Object.fromEntries(filled.map(([id, , text]) => [id, text]));
    expect(byId.mla).toContain('Accessed 3 Dec. 2026.');
    expect(byId['chicago-note']).toContain('accessed December 3, 2026,');
    expect(JSON.parse(byId['csl-json']!)[0].accessed).toEqual({ raw: '2026-12-03' });
    expect(filled.every(([, , text]) => !text.includes(ACCESSED_PLACEHOLDER))).toBe(true);
  });
});
