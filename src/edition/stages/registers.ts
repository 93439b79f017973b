/**
 * Stage registers: reads the register entries (people, organisations, places, events),
 * gives every spelling of a name to one entry only (the name matcher for the mentions stage),
 * and checks each entry's related entries.
 */
import { endsBeforeStart } from '../dates.js';
import type { DataPath } from '../frontmatter.js';
import { compileNames, nameKey, type BlockedName, type NameMatcher, type NamePattern } from '../mentions.js';
import { entryPath, type EntityKind, type Entry, type RawFile } from '../model.js';
import type { Problems } from '../problems.js';
import { EntryMeta, type DateSpec } from '../schema.js';
import { readContributorFile } from './read.js';
import { Unread } from './unread.js';
import { checkCites, checkSourceStandard, type WorksCited } from './works.js';

type Locate = (p: DataPath, key?: boolean) => { line: number; col: number };

/** The register: entries by reference (`person:kianouri`), in file order, and how to find their names. */
export interface Registers {
  entries: Map<string, Entry>;
  names: NameMatcher;
}

/**
 * Reads, links and checks the register entries. `sources`: the slugs of the edition's sources
 * (read or not), which an alias limited to some documents must name.
 */
export function readRegisters(
  files: readonly { file: RawFile; kind: EntityKind; id: string }[],
  cited: WorksCited,
  problems: Problems,
  unread = new Unread(),
  sources?: ReadonlySet<string>,
): Registers {
  const { entries, locate } = readEntries(files, cited, problems, unread);
  const names = claimNames(entries, locate, problems, sources);
  checkRelations(entries, locate, problems, unread);
  return { entries, names };
}

/** Reads each entry file; `locate` keeps each entry's positions for later checks. */
export function readEntries(
  files: readonly { file: RawFile; kind: EntityKind; id: string }[],
  cited: WorksCited,
  problems: Problems,
  unread = new Unread(),
): { entries: Map<string, Entry>; locate: Map<string, Locate> } {
  const entries = new Map<string, Entry>();
  const locate = new Map<string, Locate>();
  for (const { file, kind, id } of files) {
    const read = readContributorFile(file, EntryMeta, 'register entry', problems, { format: 'front-matter', markdown: true });
    const ref = `${kind}:${id}`;
    if (!read) {
      unread.entries.add(ref);
      unread.any = true;
      continue;
    }
    checkCites(cited, read.data.cites, file.path, read.locate, problems);
    checkSourceStandard(cited, read.data.cites, { mustBeAuthoritative: true, what: 'This register entry', gap: read.data.authority_gap }, file.path, read.locate, problems);
    checkLifespan(read.data, file.path, read.locate, problems);
    entries.set(ref, { ref, kind, id, file: file.path, meta: read.data, body: read.markdown, mentions: [] });
    locate.set(ref, read.locate);
  }
  return { entries, locate };
}

/**
 * Every spelling (name, names in other scripts, aliases) is claimed by one entry only, the first
 * in file order; a second claim is an error. Spellings are compared as they are matched
 * (`nameKey`: folded, so "Kian\u200Bouri" and "كيانوري" are "Kianouri" and "کیانوری"); a
 * spelling limited to some documents conflicts with the same spelling claimed everywhere or in
 * one of those documents, and must name documents that exist (`sources`, when given). Entries
 * matched by hand (`match: manual`) claim none. Returns the matcher for the claimed names, each
 * entry's `not` spellings keeping out that entry's own names only.
 */
export function claimNames(entries: ReadonlyMap<string, Entry>, locate: ReadonlyMap<string, Locate>, problems: Problems, sources?: ReadonlySet<string>): NameMatcher {
  const names: NamePattern[] = [];
  const blocked: BlockedName[] = [];
  // Folded spelling → the entries that claim it, and where (undefined: in every document).
  const claimed = new Map<string, { ref: string; documents: string[] | undefined }[]>();
  const clash = (a: string[] | undefined, b: string[] | undefined) => !a || !b || a.some((d) => b.includes(d));
  for (const e of entries.values()) {
    if (e.meta.match === 'manual') continue;
    const all: { name: string; documents?: string[] | undefined; caseSensitive?: boolean | undefined; path: DataPath }[] = [
      { name: e.meta.name, path: ['name'] },
      ...Object.entries(e.meta.names).map(([k, name]) => ({ name, path: ['names', k] as DataPath })),
      ...e.meta.aliases.map((a, i) => (typeof a === 'string' ? { name: a, path: ['aliases', i] as DataPath } : { name: a.name, documents: a.documents, caseSensitive: a.case_sensitive, path: ['aliases', i] as DataPath })),
    ];
    const seen = new Set<string>();
    for (const n of all) {
      const at = () => locate.get(e.ref)!(n.path);
      if (n.documents && sources) {
        const missing = n.documents.findIndex((d) => !sources.has(d));
        if (missing >= 0) {
          const { line, col } = locate.get(e.ref)!([...n.path, 'documents', missing]);
          problems.error(e.file, line, col, `The spelling "${n.name}" is limited to documents: [${n.documents.join(', ')}], but there is no source sources/${n.documents[missing]}.txt, so it would never be matched. Write the name of a source file without .txt, or remove it.`);
          continue;
        }
      }
      const key = nameKey(n.name);
      if (!key) continue;
      const own = key + (n.documents ? `@${n.documents.join(',')}` : '');
      if (seen.has(own)) continue;
      seen.add(own);
      const other = claimed.get(key)?.find((c) => c.ref !== e.ref && clash(c.documents, n.documents));
      if (other) {
        const { line, col } = at();
        problems.error(e.file, line, col, `The name "${n.name}" is also claimed by ${other.ref}${other.documents ? ` in ${other.documents.join(', ')}` : ''}. A spelling can lead to one entry only (spellings are compared as they are matched: whatever the case, accents, Arabic letter forms, or invisible characters): remove it here or there, or limit each to other documents with documents: [...].`);
        continue;
      }
      claimed.set(key, [...(claimed.get(key) ?? []), { ref: e.ref, documents: n.documents }]);
      names.push({ ref: e.ref, name: n.name, caseSensitive: n.caseSensitive ?? e.meta.case_sensitive, documents: n.documents });
    }
    for (const name of e.meta.not) blocked.push({ ref: e.ref, name });
  }
  return compileNames(names, blocked);
}

/**
 * A life or an existence does not end before it begins: died before born, or end before start,
 * is a warning at the later field (never silent; `check --strict` fails on it). A warning, not an
 * error, so that a register imported with such dates still builds while they are checked.
 */
function checkLifespan(meta: EntryMeta, file: string, locate: Locate, problems: Problems): void {
  const first = (d: DateSpec) => ('value' in d ? d.value : d.from);
  const last = (d: DateSpec) => ('value' in d ? d.value : d.to);
  for (const [from, to] of [['born', 'died'], ['start', 'end']] as const) {
    const a = meta[from];
    const b = meta[to];
    if (a && b && endsBeforeStart(first(a), last(b))) {
      const { line, col } = locate([to]);
      problems.warn(file, line, col, `"${to}" (${last(b)}) comes before "${from}" (${first(a)}). Check both dates.`);
    }
  }
}

/** Each related entry must exist and be another entry. */
export function checkRelations(entries: ReadonlyMap<string, Entry>, locate: ReadonlyMap<string, Locate>, problems: Problems, unread = new Unread()): void {
  for (const e of entries.values()) {
    const at = locate.get(e.ref)!;
    e.meta.related.forEach((r, i) => {
      const { line, col } = at(['related', i]);
      if (r === e.ref) problems.error(e.file, line, col, `An entry cannot be related to itself. Remove "${r}".`);
      else if (!entries.has(r) && !unread.entries.has(r)) problems.error(e.file, line, col, `Unknown register entry "${r}". Create ${entryPath(r)} or fix the id.`);
    });
  }
}
