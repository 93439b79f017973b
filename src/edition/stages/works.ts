/**
 * Stage works: reads the works cited (`annotations/works.yml` and `annotations/works/*.yml`,
 * one key space) and checks every citation against them, remembering which works were cited.
 */
import type { DataPath } from '../frontmatter.js';
import type { RawFile } from '../model.js';
import type { Problems } from '../problems.js';
import { z } from 'zod';
import { Works, type Citation, type Work } from '../schema.js';
import { citationFindings, isWikipedia, wikipediaShare, wikipediaShareMessage, workFindings, type Finding } from '../source-standard.js';
import { reportZodError } from '../zod-problems.js';
import { readContributorFile } from './read.js';

type Locate = (p: DataPath, key?: boolean) => { line: number; col: number };

/** The works cited, where each was defined, and which ones citations have used so far. */
export interface WorksCited {
  /**
   * Key → work. Keys are contributors' words, which may be `constructor`, `__proto__` or
   * `toString`: the object has no prototype, so only keys defined in a works list are in it.
   */
  works: Record<string, Work>;
  /** Key → the file that defines it and its positions. */
  where: Map<string, { file: string; locate: Locate }>;
  /** Keys cited by a note, entry or source checked with {@link checkCites}. */
  used: Set<string>;
  /** Keys whose work has a mistake (reported at the work): citing one is no further error. */
  unreadKeys: Set<string>;
  /** A works list could not be read at all (reported): its keys are unknown, so no key is reported missing. */
  incomplete: boolean;
  /** Where the works lists are, as messages name them ("annotations/works/", "annotations/works.yml"…). */
  place: string;
}

/** Where works lists are, for messages: the folder or file the edition uses. */
function worksPlace(files: readonly RawFile[]): string {
  const single = files.some((f) => f.path === 'annotations/works.yml');
  const folder = files.some((f) => f.path !== 'annotations/works.yml');
  return single && folder ? 'annotations/works.yml or annotations/works/' : single ? 'annotations/works.yml' : 'annotations/works/';
}

/** A works list as YAML, before each work is checked on its own. */
const WorksList = z.record(z.string(), z.unknown());

/**
 * Reads the works lists in order; a key already defined in an earlier file is an error. Each
 * work is checked on its own: a mistake in one is one error, and the list's other works stand.
 */
export function readWorks(files: readonly RawFile[], problems: Problems): WorksCited {
  const cited: WorksCited = { works: Object.create(null) as Record<string, Work>, where: new Map(), used: new Set(), unreadKeys: new Set(), incomplete: false, place: worksPlace(files) };
  for (const wf of files) {
    const read = readContributorFile(wf, WorksList, 'works list', problems, { format: 'yaml' });
    if (!read) {
      cited.incomplete = true;
      continue;
    }
    for (const [key, value] of Object.entries(read.data)) {
      const checked = Works.safeParse({ [key]: value });
      if (!checked.success) {
        reportZodError(checked.error, read.raw, wf.path, read.locate, problems, 'works list');
        cited.unreadKeys.add(key);
        continue;
      }
      const work = checked.data[key]!;
      const other = cited.where.get(key);
      if (other) {
        const { line, col } = read.locate([key], true);
        problems.error(wf.path, line, col, `The work key "${key}" is already used in ${other.file}. Give this work another key, or cite the existing one.`);
        continue;
      }
      cited.works[key] = work;
      cited.where.set(key, { file: wf.path, locate: read.locate });
      report(workFindings(work), wf.path, (p, atKey) => read.locate([key, ...p], atKey), problems);
    }
  }
  // The Wikipedia share is judged on a complete list only.
  const share = cited.incomplete || cited.unreadKeys.size ? undefined : wikipediaShare(Object.values(cited.works));
  if (share) {
    const first = Object.keys(cited.works).find((k) => isWikipedia(cited.works[k]!))!;
    const where = cited.where.get(first)!;
    const { line, col } = where.locate([first, 'category']);
    problems.warn(where.file, line, col, wikipediaShareMessage(share));
  }
  return cited;
}

/** Reports the source standard's findings at their places in `file`. */
function report(findings: readonly Finding[], file: string, locate: Locate, problems: Problems): void {
  for (const f of findings) {
    const { line, col } = locate(f.path, f.atKey);
    if (f.severity === 'error') problems.error(file, line, col, f.message);
    else problems.warn(file, line, col, f.message);
  }
}

/**
 * Applies the source standard to the citations of a note, register entry or source (after
 * {@link checkCites}): a printed work is cited with a locator; with `mustBeAuthoritative`, at least
 * one cited work is authoritative (`what` names the note or entry in the message).
 */
export function checkSourceStandard(
  cited: WorksCited,
  cites: readonly Citation[],
  options: { mustBeAuthoritative: boolean; what: string; gap?: string | undefined },
  file: string,
  locate: Locate,
  problems: Problems,
): void {
  // A key that names no work read (unknown, or its work has a mistake: reported already) leaves
  // the note's authority unjudged; the other citations are still checked for a locator.
  report(citationFindings(cites, cited.works, options), file, locate, problems);
}

/** Marks each citation's work as used and reports keys that name no work, at `cites[i]` in `file`. */
export function checkCites(cited: WorksCited, cites: readonly Citation[], file: string, locate: Locate, problems: Problems): void {
  cites.forEach((c, i) => {
    cited.used.add(c.work);
    if (!Object.hasOwn(cited.works, c.work) && !cited.unreadKeys.has(c.work) && !cited.incomplete) {
      const { line, col } = locate(['cites', i]);
      problems.error(file, line, col, `No work "${c.work}" in ${cited.place}. Add it there, or fix the key.`);
    }
  });
}
