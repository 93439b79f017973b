/**
 * The edition's own settings, `edition.config.yml` at the edition root: its title, editors,
 * the licence of its notes, its version, its public address. Everything that differs from one
 * edition to another lives here, not in the generator's code.
 *
 * The file is read like every other edition file (strict YAML, no tags, positions kept) and
 * checked field by field: every problem names `edition.config.yml:line:col` and says how to fix
 * it; an unknown field (usually a typo) is an error. Framework-free: the Astro integration, the
 * pages (src/astro/config.ts) and the scripts read it through `readEditionConfig`.
 *
 * ```yaml
 * title: Iran, the Left and the Soviet Union
 * subtitle: An Annotated Edition
 * editors:
 *   - name: Jane Doe
 *     role: general editor
 *     orcid: 0000-0002-1825-0097
 * licence: { name: CC BY 4.0, url: https://creativecommons.org/licenses/by/4.0/ }
 * version: 0.2.0
 * released: 2026-12-03
 * url: https://edition.example.net/
 * markdown: { processor: satteri }   # optional; default unified
 * ```
 */
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { CitedEdition } from './cite.js';
import { decodeUtf8, parseYamlFile } from './frontmatter.js';
import { Problems, type Problem } from './problems.js';
import { reportZodError } from './zod-problems.js';

/** The file's name, at the edition root (beside sources/ and annotations/). */
export const CONFIG_FILE = 'edition.config.yml';

/** The fields a config must have (named when the file is missing). */
export const REQUIRED_FIELDS = ['title', 'editors', 'licence', 'version', 'released'] as const;

/** The address of `astro preview` and `astro dev`: the site's address while no public one is set. */
export const PREVIEW_URL = 'http://localhost:4321';

/** The processors that can compile the generated MDX pages: `markdown: { processor: … }` (astro.config.mjs). */
export const MARKDOWN_PROCESSORS = ['unified', 'satteri'] as const;
export type MarkdownProcessorName = (typeof MARKDOWN_PROCESSORS)[number];

/** The languages the interface (navigation, labels, messages) is written in. */
export const INTERFACE_LANGUAGES = ['en'] as const;

/**
 * A web address: http or https only (no `javascript:`, `data:`, `mailto:` or relative paths),
 * kept as the URL parser writes it (spaces, quotes and angle brackets percent-encoded).
 */
const WebUrl = z.url({ protocol: /^https?$/, error: 'Write a full web address starting with https:// (or http://).' }).transform((v) => new URL(v).href);

/** An ORCID iD: `0000-0002-1825-0097`, or its address `https://orcid.org/0000-0002-1825-0097`; kept as the bare iD. */
const Orcid = z
  .string()
  .transform((v) => v.trim().replace(/^https?:\/\/orcid\.org\//i, ''))
  .refine((v) => /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/.test(v) && orcidChecksumOk(v), {
    message: 'Write an ORCID iD as 0000-0002-1825-0097 (four groups of four digits, the last may be X), exactly as ORCID shows it.',
  });

/** ISO 7064 MOD 11-2, the check digit of an ORCID iD. */
function orcidChecksumOk(id: string): boolean {
  const digits = id.replace(/-/g, '');
  let total = 0;
  for (const d of digits.slice(0, -1)) total = (total + Number(d)) * 2;
  const check = (12 - (total % 11)) % 11;
  return digits.slice(-1) === (check === 10 ? 'X' : String(check));
}

/** One editor. A bare name (`- Jane Doe`) is short for `{ name: Jane Doe }`. */
const Editor = z.union([
  z.string().min(1, 'The editor\'s name is empty.').transform((name) => ({ name }) as { name: string; role?: string; orcid?: string; url?: string }),
  z.strictObject({
    /** The name as shown, given name first ("Jane Doe"); citations take the last word as the family name. */
    name: z.string().min(1, 'The editor\'s name is empty.'),
    /** What they did: "general editor", "notes on the 2012 thread"… Shown on the About page. */
    role: z.string().optional(),
    /** Their ORCID iD; the About page links it. */
    orcid: Orcid.optional(),
    /** A page about them (personal or institutional); the About page links their name to it. */
    url: WebUrl.optional(),
  }),
]);
export type Editor = z.output<typeof Editor>;

/** The settings of one edition: `edition.config.yml`. */
export const EditionConfig = z.strictObject({
  /** The edition's title, as on every page and in citations (without the subtitle). */
  title: z.string().min(1, 'The title is empty.'),
  /** Its subtitle, if any; cited as "Title: Subtitle". */
  subtitle: z.string().min(1).optional(),
  /** One or two sentences on what the edition holds: the home page's introduction and description. */
  description: z.string().min(1).optional(),
  /**
   * The editors, in the order they are credited (About page, citations). An empty list (`[]`)
   * publishes the edition without editors' names.
   */
  editors: z.array(Editor),
  /** The licence of the editors' work (notes, registers, structure); sources keep their own rights statements. */
  licence: z.strictObject({
    /** Its short name: "CC BY 4.0". */
    name: z.string().min(1),
    /** Where its text is: "https://creativecommons.org/licenses/by/4.0/". */
    url: WebUrl,
  }),
  /** The version of this release of the edition, MAJOR.MINOR.PATCH ("0.2.0"); cited, so readers can tell releases apart. */
  version: z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'Write the version as MAJOR.MINOR.PATCH, in quotes if you like (for example 0.2.0).'),
  /** The date of this release, YYYY-MM-DD. */
  released: z
    .string()
    .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
      message: 'Write the release date as YYYY-MM-DD (for example 2026-12-03).',
    }),
  /**
   * The public address of the site (e.g. `https://edition.example.net/`), used for canonical
   * links and citations. Optional: without it (and without the SITE variable) the site is built
   * for the local preview address, http://localhost:4321, and the build says so. A site served
   * under a path also needs BASE (see README).
   */
  url: WebUrl.optional(),
  /** The interface's languages, the first being the pages' language. Only English exists so far. */
  languages: z.array(z.enum(INTERFACE_LANGUAGES)).min(1, 'Name at least one language (en).').default(['en']),
  /** Where readers report errors and suggest corrections (an issue tracker or a form). Only a real, public address. */
  issues: WebUrl.optional(),
  /**
   * How the generated MDX pages are compiled (README, "Very large editions"):
   * `processor: unified` (the default) runs remark-gfm, remark-literal-passages and rehype-slug
   * through `unified()`; `processor: satteri` uses Astro's Sätteri processor (GFM footnotes and
   * heading ids built in, about twice as fast on large editions; the named plugins do not run).
   */
  markdown: z
    .strictObject({
      processor: z.enum(MARKDOWN_PROCESSORS).default('unified'),
    })
    .default({ processor: 'unified' }),
});
export type EditionConfig = z.output<typeof EditionConfig>;

/** A read config, or the problems that prevent reading it (a warning alone does not). */
export interface EditionConfigResult {
  config: EditionConfig | undefined;
  problems: Problem[];
}

/** Parses and checks the text of an `edition.config.yml`. */
export function parseEditionConfig(input: string | Uint8Array, file: string = CONFIG_FILE): EditionConfigResult {
  const problems = new Problems();
  const text = typeof input === 'string' ? input : decodeUtf8(input, file, problems);
  const parsed = text === null ? null : parseYamlFile(text, file, problems);
  if (!parsed) return { config: undefined, problems: problems.list };
  const r = EditionConfig.safeParse(parsed.data);
  if (!r.success) {
    reportZodError(r.error, parsed.data, file, parsed.locate, problems, 'edition configuration');
    return { config: undefined, problems: problems.list };
  }
  return { config: problems.hasErrors ? undefined : r.data, problems: problems.list };
}

/** Reads `edition.config.yml` at an edition root. A missing file is an error naming the required fields. */
export function readEditionConfig(root: string): EditionConfigResult {
  let bytes: Uint8Array;
  try {
    // Like every edition file, the config is never read through a symbolic link (issue 21).
    if (lstatSync(join(root, CONFIG_FILE)).isSymbolicLink()) {
      return { config: undefined, problems: [{ file: CONFIG_FILE, line: 1, col: 1, severity: 'error', message: `${CONFIG_FILE} is a symbolic link; it was not read. Replace the link with the file itself.` }] };
    }
    bytes = readFileSync(join(root, CONFIG_FILE));
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    const message = missing
      ? `The edition has no ${CONFIG_FILE} (looked in ${root}). Create it at the edition root with the fields ${REQUIRED_FIELDS.join(', ')} (licence as { name, url }); see docs/editing.md.`
      : `${CONFIG_FILE} cannot be read: ${(e as Error).message}`;
    return { config: undefined, problems: [{ file: CONFIG_FILE, line: 1, col: 1, severity: 'error', message }] };
  }
  return parseEditionConfig(bytes);
}

/** The edition's full title: "Title: Subtitle", or the title alone. */
export const editionTitle = (config: EditionConfig): string => (config.subtitle ? `${config.title}: ${config.subtitle}` : config.title);

/** The edition as its citations name it. */
export const citedEdition = (config: EditionConfig): CitedEdition => ({
  title: editionTitle(config),
  editors: config.editors.map((e) => e.name),
  version: config.version,
});

/**
 * The site's address: SITE (given to Astro by astro.config.mjs) wins, then the config's `url`,
 * then the local preview address. `isPublic` is false in the last case.
 */
export function siteAddress(config: EditionConfig, site: string | undefined): { site: string; isPublic: boolean } {
  if (site) return { site, isPublic: true };
  if (config.url) return { site: config.url, isPublic: true };
  return { site: PREVIEW_URL, isPublic: false };
}

/**
 * Why `address` cannot be an edition's public address, or undefined when it can: a local
 * address (localhost, 127.0.0.0/8, ::1, 0.0.0.0) or a domain reserved for examples and tests
 * (example.com/.net/.org and the .example, .test, .invalid and .localhost names, RFC 2606/6761).
 */
export function placeholderAddress(address: string): string | undefined {
  let host: string;
  try {
    host = new URL(address).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return `${address} is not a web address`;
  }
  if (host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '[::1]' || host === '0.0.0.0') return `${address} is a local address, reachable only on the machine that serves it`;
  if (/(^|\.)example\.(com|net|org)$/.test(host) || /\.(example|test|invalid)$/.test(host)) return `${address} is a domain reserved for examples and tests, not a real site`;
  return undefined;
}
