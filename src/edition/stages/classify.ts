/**
 * Stage classify: which file is what. Sorts the edition's files by path and sorts them into
 * sources, notes, structure files, register entries, passage-id locks and works lists,
 * refusing files over the size limits, files with bad names and files in no known place.
 */
import { ENTITY_KINDS, type EntityKind, type RawFile } from '../model.js';
import type { Problems } from '../problems.js';

/** Size limits: a note or entry is short; a source may be long but not unbounded. */
export const MAX_ANNOTATION_BYTES = 256 * 1024;
export const MAX_SOURCE_BYTES = 8 * 1024 * 1024;

/**
 * A passage-id lock repeats its source's passages, so its limit grows with its source: the
 * annotation limit, plus 4 bytes for each byte of the source (a passage's text, quoted and
 * escaped, is at most four times its bytes) and 48 for each of its lines (a passage's own
 * `- id:` and `text:` lines). No lock `npm run check` writes for a source within its limit
 * exceeds it; what room is left keeps the ids of deleted passages (a few dozen bytes each).
 */
export function maxLockBytes(source: Uint8Array | undefined): number {
  if (!source) return MAX_ANNOTATION_BYTES;
  let lines = 1;
  for (let i = source.indexOf(10); i >= 0; i = source.indexOf(10, i + 1)) lines++;
  return MAX_ANNOTATION_BYTES + 4 * source.length + 48 * lines;
}

const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/** The edition's files, by what they hold; each list in path order. */
export interface ClassifiedFiles {
  /** `sources/<slug>.txt` */
  sources: { file: RawFile; slug: string }[];
  /** `annotations/notes/<slug>/<id>.md` */
  notes: { file: RawFile; slug: string; id: string }[];
  /** `annotations/structure/<slug>.yml`, by slug. */
  structures: Map<string, RawFile>;
  /** `annotations/<people|organizations|places|events>/<id>.md` */
  entries: { file: RawFile; kind: EntityKind; id: string }[];
  /** `annotations/passages/<slug>.yml`, by slug. */
  locks: Map<string, RawFile>;
  /** Slugs whose lock exists but was refused (a link, or too large), already reported: never replaced by a new one. */
  refusedLocks: Set<string>;
  /** `annotations/works.yml` and `annotations/works/*.yml` */
  works: RawFile[];
}

/** Register folder → kind (a Map: a folder named `constructor` or `__proto__` is no kind). */
const folderKind = new Map<string, EntityKind>(Object.entries(ENTITY_KINDS).map(([k, v]) => [v.folder, k as EntityKind]));

/** Classifies files by their paths; files that cannot be used are reported and left out. */
export function classifyFiles(files: readonly RawFile[], problems: Problems): ClassifiedFiles {
  const out: ClassifiedFiles = { sources: [], notes: [], structures: new Map(), entries: [], locks: new Map(), refusedLocks: new Set(), works: [] };
  const byPath = [...files].sort((a, b) => (a.path < b.path ? -1 : 1));
  const sourceBytes = new Map<string, Uint8Array>();
  for (const f of byPath) if (/^sources\/[^/]+\.txt$/.test(f.path) && !f.notRead) sourceBytes.set(f.path.slice(8, -4), f.bytes);
  for (const f of byPath) {
    const parts = f.path.split('/');
    const lockSlug = parts[0] === 'annotations' && parts[1] === 'passages' && parts.length === 3 && /^(.+)\.yml$/.exec(parts[2]!)?.[1];
    if (f.notRead) {
      problems.error(
        f.path,
        1,
        1,
        f.notRead === 'symlink'
          ? 'This is a symbolic link, which the edition never follows (a link can lead outside the edition, or round in a loop): it was not read. Replace the link with the file itself (or a folder with its files).'
          : 'This is neither a file nor a folder (a pipe, socket or device): it was not read. Remove it.',
      );
      if (lockSlug) out.refusedLocks.add(lockSlug);
      continue;
    }
    if (lockSlug && f.bytes.length > MAX_ANNOTATION_BYTES) {
      const limit = maxLockBytes(sourceBytes.get(lockSlug));
      if (f.bytes.length > limit) {
        problems.error(
          f.path,
          1,
          1,
          `This passage-id lock is ${Math.round(f.bytes.length / 1024)} KB, over the limit of ${Math.round(limit / 1024)} KB for the lock of sources/${lockSlug}.txt; npm run check never writes one so large. Restore it from git (git checkout -- ${f.path}); never edit it by hand.`,
        );
        out.refusedLocks.add(lockSlug);
        continue;
      }
    } else if (f.bytes.length > (parts[0] === 'sources' ? MAX_SOURCE_BYTES : MAX_ANNOTATION_BYTES)) {
      const limit = parts[0] === 'sources' ? MAX_SOURCE_BYTES : MAX_ANNOTATION_BYTES;
      problems.error(f.path, 1, 1, `This file is ${Math.round(f.bytes.length / 1024)} KB, over the limit of ${limit / 1024} KB for ${parts[0] === 'sources' ? 'a source' : 'an annotation file'}. Split it into smaller files.`);
      continue;
    }
    const base = parts[parts.length - 1]!;
    if (base.startsWith('.') || base === 'README.md') continue;
    let m: RegExpExecArray | null;
    if (parts[0] === 'sources' && parts.length === 2 && (m = /^(.+)\.txt$/.exec(base))) {
      if (!SLUG.test(m[1]!)) problems.error(f.path, 1, 1, `A source's file name must be lower-case words joined by hyphens (like noury-trial-2021.txt). Rename this file.`);
      else out.sources.push({ file: f, slug: m[1]! });
    } else if (f.path === 'annotations/works.yml' || (parts[0] === 'annotations' && parts[1] === 'works' && parts.length === 3 && /\.ya?ml$/.test(base))) out.works.push(f);
    else if (parts[0] === 'annotations' && parts[1] === 'notes' && parts.length === 4 && (m = /^(.+)\.md$/.exec(base))) {
      if (!SLUG.test(m[1]!)) problems.error(f.path, 1, 1, `A note's file name is its id and must be lower-case words joined by hyphens (like kuybyshev.md). Rename this file.`);
      else out.notes.push({ file: f, slug: parts[2]!, id: m[1]! });
    } else if (lockSlug) {
      out.locks.set(lockSlug, f);
    } else if (parts[0] === 'annotations' && parts[1] === 'structure' && parts.length === 3 && (m = /^(.+)\.ya?ml$/.exec(base))) {
      out.structures.set(m[1]!, f);
    } else if (parts[0] === 'annotations' && parts.length === 3 && folderKind.has(parts[1]!) && (m = /^(.+)\.md$/.exec(base))) {
      if (!SLUG.test(m[1]!)) problems.error(f.path, 1, 1, `A register entry's file name is its id and must be lower-case words joined by hyphens (like kianouri.md). Rename this file.`);
      else out.entries.push({ file: f, kind: folderKind.get(parts[1]!)!, id: m[1]! });
    } else if (parts[0] === 'sources' || parts[0] === 'annotations') {
      problems.error(
        f.path,
        1,
        1,
        'This file is not in a place the edition reads. Sources go in sources/<slug>.txt; notes in annotations/notes/<slug>/<note-id>.md; structure in annotations/structure/<slug>.yml; register entries in annotations/people|organizations|places|events/<id>.md; works cited in annotations/works/<name>.yml (or annotations/works.yml).',
      );
    }
  }
  return out;
}
