/**
 * Stage sources: reads each source, segments its body into passages, gives the passages their
 * permanent ids from the passage-id lock (`annotations/passages/<slug>.yml`, written anew when
 * it is out of date, created for a new source, never replaced when it cannot be read) and their
 * languages.
 */
import { prepareText, type AnchorText } from '../anchor.js';
import { decodeUtf8, parseYamlFile } from '../frontmatter.js';
import { arabicScriptRuns, detectLanguage, directionOf } from '../language.js';
import { formatLock, keptAssignment, sameLock, sourceDigest } from '../lock-file.js';
import { entryPath, type EditionDocument, type Entry, type Passage, type RawFile } from '../model.js';
import { assignPassageIds, describeIdChanges, type IdAssignment, type LockedPassage, type Succession } from '../passage-ids.js';
import { Problems } from '../problems.js';
import { SourceMeta } from '../schema.js';
import { segment, type Segment } from '../segment.js';
import { cachedFileWork, readContributorFile, withReadCache } from './read.js';
import { classifyFiles } from './classify.js';
import type { WorkCache } from '../cache.js';
import { Unread } from './unread.js';
import { checkCites, checkSourceStandard, type WorksCited } from './works.js';

/** A document with the text its notes and structure are anchored in. */
export interface Target {
  doc: EditionDocument;
  anchorText: AnchorText;
}

/** The documents in source-file order, and each one by slug. */
export interface SourcesRead {
  documents: EditionDocument[];
  bySlug: Map<string, Target>;
}

/** How a source file is read. */
const SOURCE_READ = {
  format: 'front-matter',
  bomIsError: true,
  receivedBody: true,
  requireFrontMatter: 'A source must start with its metadata between two `---` lines (title, date, type, languages, rights, summary…). See docs/editing.md.',
} as const;

/** Reads one source file: its metadata checked, its body as received. */
function readSourceFile(file: RawFile, problems: Problems) {
  return readContributorFile(file, SourceMeta, 'source', problems, SOURCE_READ);
}

/** Reads and checks a passage-id lock, once per lock's bytes (a work cache); its text is decoded again, not kept. */
function readLockFile(lock: RawFile, lockPath: string, problems: Problems) {
  return cachedFileWork('lock', lock, lockPath, problems, (p) => {
    const r = readLock(lock, lockPath, p);
    return r && { ...r, text: undefined };
  });
}

/**
 * Reads the sources and passage-id locks of `files` into `cache`, each with its problems, for
 * {@link readSources} to take from it as it would files read before (a build has a worker
 * thread do it while this thread reads notes: src/integration/core-worker.ts).
 */
export function readSourceFilesInto(cache: WorkCache, files: readonly RawFile[]): void {
  const { sources, locks } = classifyFiles(files, new Problems());
  withReadCache(cache, () => {
    for (const { file, slug } of sources) {
      if (!file.notRead) readSourceFile(file, new Problems());
      const lock = locks.get(slug);
      if (lock && !lock.notRead) readLockFile(lock, `annotations/passages/${slug}.yml`, new Problems());
    }
  });
}

/**
 * Reads the sources and their locks. A lock without a source is an error; so is a missing
 * lock whose source another lock names (a renamed lock), and, with `requireLocks` (CI), a
 * missing or out-of-date one. `refusedLocks`: slugs whose lock exists but could not be used
 * (already reported); no new lock replaces them. `takenWhole`: sources not given here because
 * their documents were taken whole from the work cache (their locks have their source).
 */
export function readSources(
  sources: readonly { file: RawFile; slug: string }[],
  locks: ReadonlyMap<string, RawFile>,
  entries: ReadonlyMap<string, Entry>,
  cited: WorksCited,
  problems: Problems,
  requireLocks: boolean,
  refusedLocks: ReadonlySet<string> = new Set(),
  unread = new Unread(),
  takenWhole: ReadonlySet<string> = new Set(),
): SourcesRead {
  const documents: EditionDocument[] = [];
  const bySlug = new Map<string, Target>();
  let named: Map<string, string> | undefined;
  for (const { file, slug } of sources) {
    const lock = refusedLocks.has(slug) ? 'refused' : locks.get(slug);
    // Only for a source without a lock: which other lock names it (its first line names its source).
    const namedBy = lock ? undefined : (named ??= locksBySourceNamed(locks)).get(slug);
    const doc = readSource(file, slug, lock, entries, cited, problems, requireLocks, namedBy, unread);
    if (!doc) {
      // Reported already: its notes, structure and lock wait until it can be read.
      unread.sources.add(slug);
      unread.any = true;
      continue;
    }
    documents.push(doc);
    bySlug.set(slug, { doc, anchorText: prepareText(doc.body) });
  }
  for (const [slug] of locks) {
    if (!bySlug.has(slug) && !unread.sources.has(slug) && !takenWhole.has(slug)) problems.error(`annotations/passages/${slug}.yml`, 1, 1, `There is no source sources/${slug}.txt for this passage-id lock. If the source was renamed, rename the lock with it (git mv); if it was removed, remove the lock too (git rm), and should the source ever come back, restore both from git: its passage numbers come back with the lock.`);
  }
  return { documents, bySlug };
}

/** Source slug → the lock file (of another name) whose first line names `sources/<slug>.txt`. */
function locksBySourceNamed(locks: ReadonlyMap<string, RawFile>): Map<string, string> {
  const named = new Map<string, string>();
  for (const [slug, lock] of locks) {
    const head = new TextDecoder().decode(lock.bytes.subarray(0, 300));
    const m = /^# Permanent passage ids of sources\/([^\s/]+)\.txt\b/.exec(head);
    if (m && m[1] !== slug && !named.has(m[1]!)) named.set(m[1]!, `annotations/passages/${slug}.yml`);
  }
  return named;
}

/** Reads one source into a document without structure, notes or mentions; null if it cannot be used. */
export function readSource(
  file: RawFile,
  slug: string,
  lock: RawFile | 'refused' | undefined,
  entries: ReadonlyMap<string, Entry>,
  cited: WorksCited,
  problems: Problems,
  requireLocks: boolean,
  lockNamedBy?: string,
  unread = new Unread(),
): EditionDocument | null {
  const read = readSourceFile(file, problems);
  if (!read) return null;
  const meta = read.data;
  checkCites(cited, meta.cites, file.path, read.locate, problems);
  checkSourceStandard(cited, meta.cites, { mustBeAuthoritative: false, what: 'This source' }, file.path, read.locate, problems);
  for (const field of ['authors', 'recipients'] as const) {
    meta[field].forEach((name, i) => {
      if (/^(person|organization|place|event):/.test(name) && !entries.has(name) && !unread.entries.has(name)) {
        const { line, col } = read.locate([field, i]);
        problems.error(file.path, line, col, `Unknown register entry "${name}". Create ${entryPath(name)} or write the name as plain text.`);
      }
    });
  }
  const segments = segment(read.body, meta.passages);
  if (segments.length === 0) {
    problems.error(file.path, read.bodyLine, 1, 'This source has no text after its metadata.');
    return null;
  }
  const ids = lockedIds(slug, read.body, segments, lock, problems, requireLocks, lockNamedBy);
  return {
    slug, file: file.path, meta, body: read.body, passages: passagesOf(segments, ids.assigned.ids, meta.languages[0]!), comments: [], boilerplate: [], notes: [], mentions: [],
    tombstones: ids.assigned.tombstones, lockFile: ids.lockFile, lockText: ids.lockText, lockChanged: ids.lockChanged, idChanges: ids.changes,
  };
}

/** A source's passage ids, and its lock as it must now read. */
export interface LockedIds {
  assigned: IdAssignment;
  lockFile: string;
  lockText: string;
  /** Whether `lockText` differs from the lock file (or there is none) and must be written. */
  lockChanged: boolean;
  /** What changed in the ids, in words (`describeIdChanges`; for a new lock, how its passages are numbered). */
  changes: string[];
}

/**
 * Permanent ids for a source's passages from its lock. A lock written for this very body
 * (its `source_sha256`), whose passages are still the body's, stands as it is; otherwise ids are
 * assigned again from the lock's passages; deleted passages are warnings.
 *
 * Published numbers are never renumbered silently: a lock that exists but cannot be used
 * (`'refused'`: a link, too large; or unreadable, damaged, empty, with merge-conflict markers)
 * is an error and is never replaced by a new lock; a missing lock is created only when no other
 * lock names this source (`lockNamedBy`: then it was renamed), and in CI (`requireLocks`) it is
 * an error. For a lock that cannot be used the passages are numbered p1…pN in memory only, so
 * that the rest of the edition can still be checked; nothing is written.
 */
export function lockedIds(
  slug: string,
  body: string,
  segments: readonly Segment[],
  lock: RawFile | 'refused' | undefined,
  problems: Problems,
  requireLocks: boolean,
  lockNamedBy?: string,
): LockedIds {
  const lockPath = `annotations/passages/${slug}.yml`;
  const texts = segments.map((x) => x.text);
  const digest = sourceDigest(body);
  const unusable = (): LockedIds => ({ assigned: assignPassageIds(texts, undefined), lockFile: lockPath, lockText: '', lockChanged: false, changes: [] });
  if (lock === 'refused') return unusable();
  if (!lock) {
    if (lockNamedBy) {
      problems.error(
        lockPath,
        1,
        1,
        `The passage-id lock for sources/${slug}.txt is missing, and ${lockNamedBy} holds this source's passage ids. If you renamed the lock, rename it back (git mv ${lockNamedBy} ${lockPath}); if you renamed the source, rename the lock with it. Never let a new lock be made: it would renumber passages already published.`,
      );
      return unusable();
    }
    const assigned = assignPassageIds(texts, undefined);
    if (requireLocks) {
      problems.error(
        lockPath,
        1,
        1,
        `The passage-id lock for sources/${slug}.txt is missing. Only if this is a new source: run npm run check locally and commit ${lockPath}. If the source was published before, restore its lock from git instead (git checkout -- ${lockPath}, or from the last commit that had it): a new lock would renumber its passages.`,
      );
    }
    const numbered = `A new lock: the passages are numbered p1 to p${texts.length}. If sources/${slug}.txt was published before, do not commit it: restore the source's lock from git instead (git log --all -- ${lockPath} finds it).`;
    return { assigned, lockFile: lockPath, lockText: formatLock(slug, assigned.lock, digest), lockChanged: true, changes: [numbered] };
  }
  // Read and checked once per lock's bytes (a work cache, BuildOptions.cache); its text is decoded again, not kept.
  const lockRead = readLockFile(lock, lockPath, problems);
  const read = lockRead && { ...lockRead, text: decodeUtf8(lock.bytes, lockPath, new Problems()) ?? '' };
  if (!read) return unusable();
  // Declarations under succession: are applied once, then recorded in the ids: the lock is written without them.
  const kept = read.digest === digest && read.succession.length === 0 ? keptAssignment(read.passages, texts) : null;
  const assigned = kept ?? assignPassageIds(texts, read.passages, read.succession.map((s) => s.declared));
  for (const r of assigned.refused) {
    const { line, col } = read.succession[r.index]!.at;
    problems.error(lockPath, line, col, r.message);
  }
  // A declaration that cannot be applied (reported) leaves the lock as it is, declarations and all.
  if (assigned.refused.length > 0 || read.refusedSuccession) return { assigned, lockFile: lockPath, lockText: read.text, lockChanged: false, changes: [] };
  const lockText = kept ? read.text : formatLock(slug, assigned.lock, digest);
  const lockChanged = lockText !== read.text;
  // A lock that holds these very passages and ids, with only its digest out of date, is not stale for CI.
  if (lockChanged && requireLocks && !sameLock(read.passages, assigned.lock)) {
    problems.error(lockPath, 1, 1, `The passage-id lock for sources/${slug}.txt is out of date. Run npm run check (or npm run build) locally and commit ${lockPath}.`);
  }
  for (const id of assigned.deleted) {
    problems.warn(
      lockPath,
      1,
      1,
      `Passage ${id} of sources/${slug}.txt was deleted; links to #${id} now lead to #${assigned.tombstones.get(id)}. Its id will never be reused. If its words are now part of another passage, restore this lock from git and declare the merge in it (succession: - merge: [...], docs/editing.md).`,
    );
  }
  return { assigned, lockFile: lockPath, lockText, lockChanged, changes: describeIdChanges(assigned) };
}

/** A line git writes into a file with a merge conflict. */
const CONFLICT_MARKER = /^(<{7}|={7}|>{7}|\|{7})(?: |\r?$)/;
const PASSAGE_ID = /^p\d+[a-z]*$/;

/**
 * A lock's passages and digest, or null (with an error) when it cannot be used: not UTF-8,
 * merge-conflict markers, not YAML, not a lock's shape, or no passages at all.
 */
export function readLock(
  lock: RawFile,
  lockPath: string,
  problems: Problems,
): { passages: LockedPassage[]; digest: unknown; text: string; succession: { declared: Succession; at: { line: number; col: number } }[]; refusedSuccession: boolean } | null {
  const restore = `Restore it from git (git checkout -- ${lockPath}) and run npm run check again; never edit it by hand, and never delete it: a new lock would renumber passages already published.`;
  const text = decodeUtf8(lock.bytes, lockPath, new Problems());
  if (text === null) {
    problems.error(lockPath, 1, 1, `This passage-id lock is damaged: it is not valid UTF-8. ${restore}`);
    return null;
  }
  const lines = text.split('\n');
  const marker = lines.findIndex((l) => CONFLICT_MARKER.test(l));
  if (marker >= 0) {
    problems.error(
      lockPath,
      marker + 1,
      1,
      'This passage-id lock has merge-conflict markers (<<<<<<<, =======, >>>>>>>). Resolve the conflict by keeping both sides\' ids: delete the marker lines, keep one of the two `source_sha256:` lines, and keep both sides\' entries whole (an entry is a `- id:` line with the `text:` or `deleted:` lines under it; where the two sides have different texts under one `- id:` line, write that line again above the second text). Then run npm run check: it numbers the merged source from both sides\' ids. Never resolve it by deleting the lock or taking one side\'s: that would renumber passages already published.',
    );
    return null;
  }
  const yamlProblems = new Problems();
  const parsed = parseYamlFile(text, lockPath, yamlProblems);
  if (!parsed) {
    const first = yamlProblems.list[0];
    problems.error(lockPath, first?.line ?? 1, first?.col ?? 1, `This passage-id lock is damaged: it cannot be read as YAML. ${restore}`);
    return null;
  }
  const list: unknown = parsed.data.passages;
  if (list === undefined || (Array.isArray(list) && list.length === 0)) {
    problems.error(lockPath, 1, 1, `This passage-id lock is empty: it records no passage. ${restore}`);
    return null;
  }
  const digest = parsed.data.source_sha256;
  const unknown = Object.keys(parsed.data).find((k) => !['source_sha256', 'passages', 'succession'].includes(k));
  if (!Array.isArray(list) || !list.every(isLockedPassage) || (digest !== undefined && typeof digest !== 'string') || unknown !== undefined) {
    problems.error(lockPath, 1, 1, `This passage-id lock is damaged. ${restore}`);
    return null;
  }
  const succession: { declared: Succession; at: { line: number; col: number } }[] = [];
  let refusedSuccession = false;
  const declared: unknown = parsed.data.succession;
  if (declared !== undefined && declared !== null) {
    const items = Array.isArray(declared) ? declared : [declared];
    items.forEach((item, i) => {
      const at = parsed.locate(Array.isArray(declared) ? ['succession', i] : ['succession']);
      const d = successionEntry(item);
      if (d) succession.push({ declared: d, at });
      else {
        refusedSuccession = true;
        problems.error(
          lockPath,
          at.line,
          at.col,
          'Write each entry under succession: as merge: [p21, p22] (passages now one), split: p16 (a passage now two or more) or restore: p7 (a deleted passage back). See docs/editing.md.',
        );
      }
    });
  }
  return { passages: list, digest, text, succession, refusedSuccession };
}

/** One entry under a lock's `succession:`, as the editor wrote it; undefined if it is not one. */
function successionEntry(item: unknown): Succession | undefined {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return undefined;
  const keys = Object.keys(item);
  if (keys.length !== 1) return undefined;
  const { merge, split, restore } = item as Record<string, unknown>;
  const id = (v: unknown): v is string => typeof v === 'string' && PASSAGE_ID.test(v);
  if (merge !== undefined) return Array.isArray(merge) && merge.every(id) ? { merge } : undefined;
  if (split !== undefined) return id(split) ? { split } : undefined;
  if (id(restore)) return { restore };
  if (restore && typeof restore === 'object' && !Array.isArray(restore)) {
    const r = restore as Record<string, unknown>;
    if (id(r.id) && typeof r.words === 'string' && r.words.trim() && Object.keys(r).every((k) => k === 'id' || k === 'words')) return { restore: r.id, words: r.words };
  }
  return undefined;
}

/** An entry as formatLock writes it: an id with its text, or a deleted id with its successor. */
function isLockedPassage(p: unknown): p is LockedPassage {
  if (!p || typeof p !== 'object' || Array.isArray(p)) return false;
  const { id, text, deleted } = p as Record<string, unknown>;
  if (typeof id !== 'string' || !PASSAGE_ID.test(id)) return false;
  if (deleted === undefined) return typeof text === 'string';
  // A tombstone keeps the text its passage had when it was deleted (locks written before do not).
  return (text === undefined || typeof text === 'string') && !!deleted && typeof deleted === 'object' && typeof (deleted as { successor?: unknown }).successor === 'string' && PASSAGE_ID.test((deleted as { successor: string }).successor);
}

/**
 * Passages from segments and their ids. Each passage's language is detected (falling back on the
 * document's first language); Persian-script runs in a left-to-right passage become spans.
 */
export function passagesOf(segments: readonly Segment[], ids: readonly string[], mainLang: string): Passage[] {
  return segments.map((s, i) => {
    const lang = detectLanguage(s.text, mainLang);
    const id = ids[i]!;
    const dir = directionOf(lang);
    const p: Passage = { id, n: id.slice(1), ordinal: s.ordinal, start: s.start, end: s.end, text: s.text, role: 'text', lang, dir, spans: [] };
    if (dir === 'ltr') {
      for (const run of arabicScriptRuns(p.text)) p.spans.push({ start: p.start + run.start, end: p.start + run.end, lang: 'fa', dir: 'rtl' });
    }
    return p;
  });
}
