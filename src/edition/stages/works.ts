/**
 * Stage works: reads the works cited (`annotations/works.yml` and `annotations/works/*.yml`,
 * one key space) and checks every citation against them, remembering which works were cited.
 */
import type { DataPath } from '../frontmatter.js';
import type { RawFile } from '../model.js';
import type { Problems } from '../problems.js';
import { Works, type Citation, type Work } from '../schema.js';
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
}

/** Reads the works lists in order; a key already defined in an earlier file is an error. */
export function readWorks(files: readonly RawFile[], problems: Problems): WorksCited {
  const cited: WorksCited = { works: Object.create(null) as Record<string, Work>, where: new Map(), used: new Set() };
  for (const wf of files) {
    const read = readContributorFile(wf, Works, 'works list', problems, { format: 'yaml' });
    if (!read) continue;
    for (const [key, work] of Object.entries(read.data)) {
      const other = cited.where.get(key);
      if (other) {
        const { line, col } = read.locate([key], true);
        problems.error(wf.path, line, col, `The work key "${key}" is already used in ${other.file}. Give this work another key, or cite the existing one.`);
        continue;
      }
      cited.works[key] = work;
      cited.where.set(key, { file: wf.path, locate: read.locate });
    }
  }
  return cited;
}

/** Marks each citation's work as used and reports keys that name no work, at `cites[i]` in `file`. */
export function checkCites(cited: WorksCited, cites: readonly Citation[], file: string, locate: Locate, problems: Problems): void {
  cites.forEach((c, i) => {
    cited.used.add(c.work);
    if (!Object.hasOwn(cited.works, c.work)) {
      const { line, col } = locate(['cites', i]);
      problems.error(file, line, col, `No work "${c.work}" in annotations/works.yml or annotations/works/. Add it there, or fix the key.`);
    }
  });
}
