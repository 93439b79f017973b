/** edition.config.yml: read with the edition's strict YAML reader, checked field by field, problems at file:line:col. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/bench/corpus.ts';
import { CONFIG_FILE, editionTitle, formatProblem, parseEditionConfig, PREVIEW_URL, readEditionConfig, siteAddress } from '../../src/edition/index.ts';
import { ROOT } from '../helpers/build.ts';

const VALID = `title: An edition
subtitle: Its subtitle
editors:
  - name: Jane Doe
    role: general editor
    orcid: https://orcid.org/0000-0002-1825-0097
    url: https://example.org/jane
  - Richard Roe
licence:
  name: CC BY 4.0
  url: https://creativecommons.org/licenses/by/4.0/
version: 0.2.0
released: 2026-12-03
`;

/** The formatted problems of a config text. */
const problems = (text: string) => parseEditionConfig(text).problems.map(formatProblem);

describe('edition.config.yml', () => {
  it('a valid file gives the config, with defaults and the ORCID iD kept bare', () => {
    const { config, problems: found } = parseEditionConfig(VALID);
    expect(found).toEqual([]);
    expect(config).toEqual({
      title: 'An edition',
      subtitle: 'Its subtitle',
      editors: [
        { name: 'Jane Doe', role: 'general editor', orcid: '0000-0002-1825-0097', url: 'https://example.org/jane' },
        { name: 'Richard Roe' },
      ],
      licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
      version: '0.2.0',
      released: '2026-12-03',
      languages: ['en'],
      markdown: { processor: 'unified' },
    });
    expect(editionTitle(config!)).toBe('An edition: Its subtitle');
  });

  it('the project and every fixture edition have a valid one', () => {
    for (const root of ['.', 'test/fixtures/editions/literal', 'test/fixtures/editions/hostile', 'test/fixtures/editions/broken', 'test/fixtures/editions/processors']) {
      const { config, problems: found } = readEditionConfig(join(ROOT, root));
      expect(found.map(formatProblem), root).toEqual([]);
      expect(config, root).toBeDefined();
    }
  });

  it('a missing field is reported at file:line:col with how to fix it', () => {
    expect(problems(VALID.replace('version: 0.2.0\n', ''))).toEqual([
      'edition.config.yml:1:1  error: The field "version" is missing from this edition configuration. Add it to the metadata.',
    ]);
    // Inside a set of fields: at that set.
    expect(problems(VALID.replace('  url: https://creativecommons.org/licenses/by/4.0/\n', ''))).toEqual([
      'edition.config.yml:10:3  error: The field "licence.url" is missing from this edition configuration. Add it to the metadata.',
    ]);
  });

  it('an unknown field is refused at its key', () => {
    expect(problems(`${VALID}titel: A typo\n`)).toEqual([
      'edition.config.yml:14:1  error: Unknown field "titel" of this edition configuration. Check the spelling, or remove it.',
    ]);
    expect(problems(VALID.replace('    role: general editor\n', '    roles: general editor\n'))).toEqual([
      'edition.config.yml:5:5  error: Unknown field "roles" in "editors[1]" of this edition configuration. Check the spelling, or remove it.',
    ]);
  });

  it('a web address must be a full http(s) address', () => {
    expect(problems(`${VALID}url: edition.example.net\n`)).toEqual([
      'edition.config.yml:14:6  error: "url": Write a full web address starting with https:// (or http://).',
    ]);
    expect(problems(`${VALID}url: https//edition.example.net\n`)).toHaveLength(1);
    // Kept as the URL parser writes it: quotes and angle brackets percent-encoded.
    const odd = parseEditionConfig(VALID.replace('https://example.org/jane', '"https://example.org/jane?a=\\"><b>"')).config!;
    expect(odd.editors[0]!.url).toBe('https://example.org/jane?a=%22%3E%3Cb%3E');
    expect(problems(VALID.replace('url: https://example.org/jane', 'url: /people/jane/'))).toEqual([
      'edition.config.yml:7:10  error: "editors[1].url": Write a full web address starting with https:// (or http://).',
    ]);
  });

  it('javascript:, data: and other schemes are refused', () => {
    for (const bad of ['javascript:alert(1)', 'JavaScript:alert(1)', '"javascript://example.org/%0aalert(1)"', 'data:text/html,<script>alert(1)</script>', 'mailto:editors@example.org', 'ftp://example.org/']) {
      expect(problems(`${VALID}issues: ${bad}\n`), bad).toEqual([
        'edition.config.yml:14:9  error: "issues": Write a full web address starting with https:// (or http://).',
      ]);
    }
    expect(problems(VALID.replace('url: https://creativecommons.org/licenses/by/4.0/', 'url: javascript:alert(1)'))).toEqual([
      'edition.config.yml:11:8  error: "licence.url": Write a full web address starting with https:// (or http://).',
    ]);
  });

  it('checks the version, the release date, ORCID iDs and the interface languages', () => {
    expect(problems(VALID.replace('version: 0.2.0', 'version: "0.2"'))).toEqual([
      'edition.config.yml:12:10  error: "version": Write the version as MAJOR.MINOR.PATCH, in quotes if you like (for example 0.2.0).',
    ]);
    expect(problems(VALID.replace('released: 2026-12-03', 'released: 2026-02-30'))).toEqual([
      'edition.config.yml:13:11  error: "released": Write the release date as YYYY-MM-DD (for example 2026-12-03).',
    ]);
    expect(problems(VALID.replace('0000-0002-1825-0097', '0000-0002-1825-0098'))[0]).toMatch(/^edition\.config\.yml:6:12 {2}error: "editors\[1\]\.orcid": Write an ORCID iD as/);
    expect(problems(`${VALID}languages: [en, fa]\n`)).toEqual(['edition.config.yml:14:17  error: "fa" is not allowed for "languages[2]". Use one of: en.']);
  });

  it('the MDX processor: unified by default, or satteri; anything else is refused at its value', () => {
    expect(parseEditionConfig(`${VALID}markdown:\n  processor: satteri\n`).config!.markdown).toEqual({ processor: 'satteri' });
    expect(parseEditionConfig(`${VALID}markdown: { processor: unified }\n`).config!.markdown).toEqual({ processor: 'unified' });
    expect(parseEditionConfig(`${VALID}markdown: {}\n`).config!.markdown).toEqual({ processor: 'unified' });
    expect(problems(`${VALID}markdown:\n  processor: remark\n`)).toEqual([
      'edition.config.yml:15:14  error: "remark" is not allowed for "markdown.processor". Use one of: unified, satteri.',
    ]);
    expect(problems(`${VALID}markdown:\n  procesor: satteri\n`)).toEqual([
      'edition.config.yml:15:3  error: Unknown field "procesor" in "markdown" of this edition configuration. Check the spelling, or remove it.',
    ]);
  });

  it('is read as strict YAML: tags are refused', () => {
    expect(problems(VALID.replace('title: An edition', 'title: !!js/function "x"'))[0]).toMatch(/^edition\.config\.yml:1:8 {2}error: YAML tags are not allowed/);
  });

  describe('on disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'edition-config-'));
    const corpus = mkdtempSync(join(tmpdir(), 'edition-config-bench-'));
    afterAll(() => {
      rmSync(dir, { recursive: true, force: true });
      rmSync(corpus, { recursive: true, force: true });
    });
    it('the benchmark\'s generated edition has a valid one', () => {
      generateCorpus(corpus, { docs: 2, entries: 12, seed: 1 });
      expect(readEditionConfig(corpus).problems.map(formatProblem)).toEqual([]);
    });
    it('a missing file is an error naming the file and the required fields', () => {
      const { config, problems: found } = readEditionConfig(dir);
      expect(config).toBeUndefined();
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ file: CONFIG_FILE, line: 1, col: 1, severity: 'error' });
      expect(found[0]!.message).toContain(`The edition has no ${CONFIG_FILE}`);
      expect(found[0]!.message).toContain('title, editors, licence, version, released');
    });
    it('a symbolic link is refused, never followed', () => {
      const linked = mkdtempSync(join(tmpdir(), 'edition-config-link-'));
      mkdirSync(join(linked, 'elsewhere'));
      writeFileSync(join(linked, 'elsewhere', 'real.yml'), VALID);
      symlinkSync(join(linked, 'elsewhere', 'real.yml'), join(linked, CONFIG_FILE));
      const { config, problems: found } = readEditionConfig(linked);
      expect(config).toBeUndefined();
      expect(found.map(formatProblem)).toEqual([`${CONFIG_FILE}:1:1  error: ${CONFIG_FILE} is a symbolic link; it was not read. Replace the link with the file itself.`]);
      rmSync(linked, { recursive: true, force: true });
    });
    it('a file with a byte-order mark is read, with a warning', () => {
      writeFileSync(join(dir, CONFIG_FILE), `\uFEFF${VALID}`);
      const { config, problems: found } = readEditionConfig(dir);
      expect(config?.title).toBe('An edition');
      expect(found.map((p) => p.severity)).toEqual(['warning']);
    });
  });

  it('the site address: SITE, else the url, else the preview address (not public)', () => {
    const { config } = parseEditionConfig(VALID);
    expect(siteAddress(config!, undefined)).toEqual({ site: PREVIEW_URL, isPublic: false });
    expect(siteAddress({ ...config!, url: 'https://edition.example.net/' }, undefined)).toEqual({ site: 'https://edition.example.net/', isPublic: true });
    expect(siteAddress({ ...config!, url: 'https://edition.example.net/' }, 'https://mirror.example.net')).toEqual({ site: 'https://mirror.example.net', isPublic: true });
  });
});
