/**
 * Stage registers: reads the register entries (people, organisations, places, events),
 * gives every spelling of a name to one entry only (the name matcher for the mentions stage),
 * and checks each entry's related entries.
 */
import { endsBeforeStart } from '../dates.js';
import type { DataPath } from '../frontmatter.js';
import { compileNames, type NameMatcher, type NamePattern } from '../mentions.js';
import { entryPath, type EntityKind, type Entry, type RawFile } from '../model.js';
import type { Problems } from '../problems.js';
import { EntryMeta, type DateSpec } from '../schema.js';
import { readContributorFile } from './read.js';
import { Unread } from './unread.js';
import { checkCites, type WorksCited } from './works.js';

type Locate = (p: DataPath, key?: boolean) => { line: number; col: number };

/** The register: entries by reference (`person:kianouri`), in file order, and how to find their names. */
export interface Registers {
  entries: Map<string, Entry>;
  names: NameMatcher;
}

/** Reads, links and checks the register entries. */
export function readRegisters(files: readonly { file: RawFile; kind: EntityKind; id: string }[], cited: WorksCited, problems: Problems, unread = new Unread()): Registers {
  const { entries, locate } = readEntries(files, cited, problems, unread);
  const names = claimNames(entries, locate, problems);
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
    checkLifespan(read.data, file.path, read.locate, problems);
    entries.set(ref, { ref, kind, id, file: file.path, meta: read.data, body: read.markdown, mentions: [] });
    locate.set(ref, read.locate);
  }
  return { entries, locate };
}

/**
 * Every spelling (name, names in other scripts, aliases) is claimed by one entry only, the first
 * in file order; a second claim is an error. Entries matched by hand (`match: manual`) claim none.
 * Returns the matcher for the claimed names, with every entry's `not` spellings blocked.
 */
export function claimNames(entries: ReadonlyMap<string, Entry>, locate: ReadonlyMap<string, Locate>, problems: Problems): NameMatcher {
  const names: NamePattern[] = [];
  const blocked: string[] = [];
  const claimed = new Map<string, string>();
  for (const e of entries.values()) {
    if (e.meta.match === 'manual') continue;
    const all: { name: string; documents?: string[] | undefined; caseSensitive?: boolean | undefined; path: DataPath }[] = [
      { name: e.meta.name, path: ['name'] },
      ...Object.entries(e.meta.names).map(([k, name]) => ({ name, path: ['names', k] as DataPath })),
      ...e.meta.aliases.map((a, i) => (typeof a === 'string' ? { name: a, path: ['aliases', i] as DataPath } : { name: a.name, documents: a.documents, caseSensitive: a.case_sensitive, path: ['aliases', i] as DataPath })),
    ];
    const seen = new Set<string>();
    for (const n of all) {
      const key = n.name.normalize('NFC').toLowerCase() + (n.documents ? `@${n.documents.join(',')}` : '');
      if (seen.has(key)) continue;
      seen.add(key);
      const other = claimed.get(key);
      if (other && other !== e.ref) {
        const { line, col } = locate.get(e.ref)!(n.path);
        problems.error(e.file, line, col, `The name "${n.name}" is also claimed by ${other}. A spelling can lead to one entry only: remove it here or there, or limit it with documents: [...].`);
        continue;
      }
      claimed.set(key, e.ref);
      names.push({ ref: e.ref, name: n.name, caseSensitive: n.caseSensitive ?? e.meta.case_sensitive, documents: n.documents });
    }
    blocked.push(...e.meta.not);
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
