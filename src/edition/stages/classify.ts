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
  /** `annotations/works.yml` and `annotations/works/*.yml` */
  works: RawFile[];
}

const folderKind = Object.fromEntries(Object.entries(ENTITY_KINDS).map(([k, v]) => [v.folder, k as EntityKind]));

/** Classifies files by their paths; files that cannot be used are reported and left out. */
export function classifyFiles(files: readonly RawFile[], problems: Problems): ClassifiedFiles {
  const out: ClassifiedFiles = { sources: [], notes: [], structures: new Map(), entries: [], locks: new Map(), works: [] };
  const byPath = [...files].sort((a, b) => (a.path < b.path ? -1 : 1));
  for (const f of byPath) {
    const parts = f.path.split('/');
    const limit = parts[0] === 'sources' ? MAX_SOURCE_BYTES : MAX_ANNOTATION_BYTES;
    if (f.bytes.length > limit) {
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
    } else if (parts[0] === 'annotations' && parts[1] === 'passages' && parts.length === 3 && (m = /^(.+)\.yml$/.exec(base))) {
      out.locks.set(m[1]!, f);
    } else if (parts[0] === 'annotations' && parts[1] === 'structure' && parts.length === 3 && (m = /^(.+)\.ya?ml$/.exec(base))) {
      out.structures.set(m[1]!, f);
    } else if (parts[0] === 'annotations' && parts.length === 3 && folderKind[parts[1]!] && (m = /^(.+)\.md$/.exec(base))) {
      if (!SLUG.test(m[1]!)) problems.error(f.path, 1, 1, `A register entry's file name is its id and must be lower-case words joined by hyphens (like kianouri.md). Rename this file.`);
      else out.entries.push({ file: f, kind: folderKind[parts[1]!]!, id: m[1]! });
    } else if (parts[0] === 'sources' || parts[0] === 'annotations') {
      problems.error(
        f.path,
        1,
        1,
        'This file is not in a place the edition reads. Sources go in sources/<slug>.txt; notes in annotations/notes/<slug>/<note-id>.md; structure in annotations/structure/<slug>.yml; register entries in annotations/people|organizations|places|events/<id>.md; works cited in annotations/works.yml.',
      );
    }
  }
  return out;
}
