/**
 * The source standard: what kind of source each work is (`category`), which kinds are
 * authoritative, and the rules `npm run check` applies to works and citations. Pure: it reads
 * works and citations and returns findings (severity, where in the file, message); the works,
 * notes and registers stages report them at their file positions.
 *
 * The rules (docs/annotation-formats.md, "The source standard"):
 * - every factual note (but an `unverified` one, which reports that support is lacking), and
 *   every register entry that cites works, cites at least one authoritative work, or says in
 *   `authority_gap` why none exists ({@link citationFindings}) — warning;
 * - a copy of Wikipedia (a mirror, a Kiwix or IPFS copy, a proxy) is never cited, and
 *   `category: wikipedia` is Wikipedia itself, at wikipedia.org ({@link workFindings}) — error;
 * - Wikipedia is at most {@link WIKIPEDIA_SHARE} of the works ({@link wikipediaShare}) — warning;
 * - a citation of a printed work ({@link PRINTED_TYPES}) gives a page, section or paragraph (`at:`) — warning;
 * - a work that is not authoritative says in `caution:` why it is still cited — warning;
 * - `category` is required and one of {@link WORK_CATEGORIES} (schema.ts) — error.
 */
import type { DataPath } from './frontmatter.js';
import type { Severity } from './problems.js';
import type { Citation, Work } from './schema.js';

/** The categories of work, each with what it covers, in words for editors and readers. */
export const WORK_CATEGORIES = {
  scholarship: 'a scholarly book, chapter, journal article or thesis (a university or academic press, or a peer-reviewed journal)',
  encyclopedia: 'an encyclopedia of record (Encyclopaedia Iranica, Encyclopaedia Britannica, the Encyclopaedia of Islam…)',
  archive: "an archival document, or an archive's own publication of it (the Wilson Center Digital Archive, RGASPI, a national archive, the CIA's reading room)",
  court: "a court's judgment or record",
  report: 'a report of the United Nations or of an established non-governmental organisation (Amnesty International, Human Rights Watch, the Iran Human Rights Documentation Center…)',
  wire: "a news agency's report at the agency's own site (AP, Reuters, AFP, IRNA…)",
  press: "a newspaper, broadcaster, magazine or news site that is not a news agency (a news agency's report read at another site is press)",
  primary: "a party's, government's or person's own statement, memoir, interview or speech, published by its author or organisation",
  wikipedia: 'Wikipedia itself, read at wikipedia.org',
  web: 'any other web page (blogs, advocacy and educational sites, children’s encyclopedias, online copies of unknown standing)',
} as const;
export type WorkCategory = keyof typeof WORK_CATEGORIES;
export const CATEGORY_NAMES = Object.keys(WORK_CATEGORIES) as [WorkCategory, ...WorkCategory[]];

/** The categories a factual statement may rest on. */
export const AUTHORITATIVE: readonly WorkCategory[] = ['scholarship', 'encyclopedia', 'archive', 'court', 'report', 'wire'];

/**
 * CSL types of printed works (or works with pages or numbered sections), whose citations give
 * a locator (`at:`). Newspaper and magazine articles, web pages, manuscripts and broadcasts are
 * not listed: a locator is welcome there, not required.
 */
export const PRINTED_TYPES: readonly string[] = ['book', 'chapter', 'article-journal', 'report', 'thesis', 'entry-encyclopedia', 'entry-dictionary'];

/** The largest share of the works that may be Wikipedia (10 %). */
export const WIKIPEDIA_SHARE = 0.1;

export const isAuthoritative = (category: WorkCategory): boolean => AUTHORITATIVE.includes(category);

/**
 * Hosts that copy Wikipedia (mirrors, machine-translated copies, "wiki" readers). A copy may be
 * out of date, abridged or machine-translated, and names no revision a reader can check.
 * A host matches itself and its subdomains (de.mgwiki.top, it.qaz.wiki).
 */
export const WIKIPEDIA_COPY_HOSTS: readonly string[] = [
  'wikiclassic.com',
  'piglix.com',
  'theinfolist.com',
  'liquisearch.com',
  'worddisk.com',
  'wikide.org',
  'mgwiki.top',
  'qaz.wiki',
  'wikiwand.com',
  'dbpedia.org',
  'wikimili.com',
  'wikisum.wiki',
  'gravy.cc',
  'movatter.jp',
  'wikizero.com',
  'wiki2.org',
  'infogalactic.com',
  'everybodywiki.com',
  'wikibrief.org',
  'wiki.1209k.com',
];

/**
 * Encyclopedias for children and students: not encyclopedias of record (category `web`, with a
 * caution). A host matches itself and its subdomains.
 */
export const NOT_OF_RECORD_HOSTS: readonly string[] = ['kids.britannica.com', 'school.eb.com', 'kids.kiddle.co', 'kiddle.co', 'simple.wikipedia.org'];

/** Parses an address; undefined if it is not one. */
function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** The page an address shows: a Wayback Machine capture (web.archive.org/web/<time>/<address>) shows the address it captured. */
function shown(url: URL): URL {
  if (url.hostname === 'web.archive.org') {
    const m = /^\/web\/\d+[a-z_]*\/(https?:\/\/.+)$/.exec(url.pathname + url.search);
    const inner = m ? parse(m[1]!) : undefined;
    if (inner) return shown(inner);
  }
  return url;
}

const onHost = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/** Whether the address is Wikipedia itself: *.wikipedia.org, or a Wayback Machine capture of it. */
export function isWikipediaAddress(url: string): boolean {
  const u = parse(url);
  return !!u && onHost(shown(u).hostname.toLowerCase(), 'wikipedia.org');
}

/**
 * If the address is a copy of Wikipedia rather than Wikipedia itself, the host that serves the
 * copy; otherwise undefined. Copies: the hosts of {@link WIKIPEDIA_COPY_HOSTS}; any other host
 * with "wikipedia" in its name (wikipedia-on-ipfs.org, *.translate.goog proxies); Kiwix
 * offline copies (…/content/wikipedia_…); IPFS copies (/ipfs/…/wiki/); the Wikipedia copies of
 * the academic.ru dictionaries (…/dic.nsf/dewiki/…).
 */
export function wikipediaCopyHost(url: string): string | undefined {
  const u0 = parse(url);
  if (!u0) return undefined;
  const u = shown(u0);
  const host = u.hostname.toLowerCase();
  if (onHost(host, 'wikipedia.org')) return undefined;
  const path = decodeURIComponent(u.pathname).toLowerCase();
  if (
    WIKIPEDIA_COPY_HOSTS.some((h) => onHost(host, h)) ||
    /wikipedia/.test(host) ||
    /\/content\/wikipedia_/.test(path) ||
    (/^\/ipfs\//.test(path) && /\/wiki\//.test(path)) ||
    /\/dic\.nsf\/[a-z]{2,3}wiki\//.test(path)
  ) {
    return host;
  }
  return undefined;
}

/** Whether a work counts as Wikipedia: its category says so, or its address is Wikipedia or a copy of it. */
export function isWikipedia(work: Pick<Work, 'category' | 'url'>): boolean {
  return work.category === 'wikipedia' || (!!work.url && (isWikipediaAddress(work.url) || wikipediaCopyHost(work.url) !== undefined));
}

/** One finding of the standard: where in the file (a path into the work, note or entry), how serious, and what to do. */
export interface Finding {
  severity: Severity;
  /** A path into the file's data (`['cites', 2]`, `['category']` inside the work's key…). */
  path: DataPath;
  /** Point at the key of `path` rather than its value. */
  atKey?: boolean;
  message: string;
}

/** The standard's rules for one work: never a copy of Wikipedia; a weaker source says why it is cited. */
export function workFindings(work: Work): Finding[] {
  const out: Finding[] = [];
  const copy = work.url ? wikipediaCopyHost(work.url) : undefined;
  if (copy) {
    out.push({
      severity: 'error',
      path: ['url'],
      message:
        `This address is a copy of Wikipedia at ${copy}, not Wikipedia itself: a copy may be out of date, abridged or machine-translated, and names no revision a reader can check. ` +
        'Cite the article at wikipedia.org instead (the revision read: …/w/index.php?oldid=…), or better the scholarly or other authoritative work the fact rests on.',
    });
    return out;
  }
  if (work.category === 'wikipedia' && work.url && !isWikipediaAddress(work.url)) {
    const host = parse(work.url)?.hostname ?? work.url;
    out.push({
      severity: 'error',
      path: ['category'],
      message:
        `"category: wikipedia" is for Wikipedia itself, at wikipedia.org, and this address is at ${host}. ` +
        'If the page copies Wikipedia, cite the article at wikipedia.org instead; if it is not Wikipedia, give the work its real category.',
    });
    return out;
  }
  if (work.category !== 'wikipedia' && work.url && isWikipediaAddress(work.url)) {
    out.push({
      severity: 'error',
      path: ['category'],
      message: `This address is a Wikipedia article: write "category: wikipedia" (not ${work.category}), so that the standard counts it as Wikipedia.`,
    });
  }
  const host = work.url ? parse(work.url)?.hostname.toLowerCase() : undefined;
  if (work.category === 'encyclopedia' && host && NOT_OF_RECORD_HOSTS.some((h) => onHost(host, h))) {
    out.push({
      severity: 'warning',
      path: ['category'],
      message: `${host} is an encyclopedia for children or students, not an encyclopedia of record: write "category: web" with a caution, or cite the encyclopedia's full article instead.`,
    });
  }
  if (!isAuthoritative(work.category) && !work.caution?.trim()) {
    out.push({
      severity: 'warning',
      path: ['category'],
      message:
        `A ${work.category} work is not an authoritative source, and this one has no caution. ` +
        'Add caution: saying why it is still cited and how a reader should weigh it (for example "the party\'s own account", "the only published text of the speech", "a wire report read in a newspaper\'s copy"), or cite an authoritative work instead.',
    });
  }
  return out;
}

/** The Wikipedia share of the works, if it is above {@link WIKIPEDIA_SHARE}: the count, the total and the most allowed. */
export function wikipediaShare(works: readonly Pick<Work, 'category' | 'url'>[]): { count: number; total: number; allowed: number } | undefined {
  const count = works.filter(isWikipedia).length;
  const total = works.length;
  return count > total * WIKIPEDIA_SHARE ? { count, total, allowed: Math.floor(total * WIKIPEDIA_SHARE) } : undefined;
}

/** The message for a share found by {@link wikipediaShare}. */
export function wikipediaShareMessage(share: { count: number; total: number; allowed: number }): string {
  const pct = Math.round((share.count / share.total) * 100);
  return (
    `${share.count} of the ${share.total} works (${pct} %) are Wikipedia or copies of it; the source standard allows at most 10 % (${share.allowed} of ${share.total}). ` +
    'Replace Wikipedia articles with the scholarship, encyclopedias, archives or reports they rest on, or remove those no longer cited.'
  );
}

/**
 * The standard's rules for the citations of one note or register entry. `mustBeAuthoritative`:
 * a factual note, or an entry that cites works, must cite at least one authoritative work
 * (`what` names it in the message: "This context note", "This register entry"). Every
 * citation of a printed work gives a locator. Citations of works that are unknown or could not
 * be read are left out (they are reported already); with one of them, the note is not judged.
 */
export function citationFindings(cites: readonly Citation[], works: Readonly<Record<string, Work>>, options: { mustBeAuthoritative: boolean; what: string; gap?: string | undefined }): Finding[] {
  const out: Finding[] = [];
  const known = cites.map((c) => (Object.hasOwn(works, c.work) ? works[c.work] : undefined));
  cites.forEach((c, i) => {
    const work = known[i];
    if (work && PRINTED_TYPES.includes(work.type) && !c.at?.trim()) {
      out.push({
        severity: 'warning',
        path: ['cites', i],
        message: `"${c.work}" is a printed work (${work.type}) and this citation gives no page: write it as { work: ${c.work}, at: "…" } with the page ("p. 208"), section ("§ 3", "ch. 5") or paragraph ("para. 14") the statement rests on.`,
      });
    }
  });
  const judged = cites.length > 0 && known.every((w) => w !== undefined);
  const authoritative = judged && known.some((w) => isAuthoritative(w!.category));
  if (options.gap !== undefined && authoritative) {
    out.push({
      severity: 'warning',
      path: ['authority_gap'],
      atKey: true,
      message: `${options.what} cites an authoritative work, so authority_gap (which says none covers it) is no longer true: remove it.`,
    });
  }
  if (options.mustBeAuthoritative && options.gap === undefined && judged && !authoritative) {
    const listed = cites.map((c, i) => `${c.work} (${known[i]!.category})`).join(', ');
    out.unshift({
      severity: 'warning',
      path: ['cites'],
      atKey: true,
      message:
        `${options.what} cites no authoritative work, only ${listed}. ` +
        `Add to cites a work of category ${AUTHORITATIVE.join(', ')} that supports it; Wikipedia, press, primary and web sources may stay beside it, never alone. ` +
        'If no such work exists, say why in authority_gap: "…" (shown to readers beside the sources), and attribute each claim in the text to the source that makes it.',
    });
  }
  return out;
}
