/**
 * Stage sources: reads each source, segments its body into passages, gives the passages their
 * permanent ids from the passage-id lock (`annotations/passages/<slug>.yml`, written anew when
 * it is missing or out of date) and their languages.
 */
import { prepareText, type AnchorText } from '../anchor.js';
import { decodeUtf8, parseYamlFile } from '../frontmatter.js';
import { arabicScriptRuns, detectLanguage, directionOf } from '../language.js';
import { formatLock, keptAssignment, sameLock, sourceDigest } from '../lock-file.js';
import { entryPath, type EditionDocument, type Entry, type Passage, type RawFile } from '../model.js';
import { assignPassageIds, type IdAssignment, type LockedPassage } from '../passage-ids.js';
import type { Problems } from '../problems.js';
import { SourceMeta } from '../schema.js';
import { segment, type Segment } from '../segment.js';
import { readContributorFile } from './read.js';
import { checkCites, type WorksCited } from './works.js';

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

/**
 * Reads the sources and their locks. A lock without a source is an error; with `requireLocks`
 * (CI), so is a missing or out-of-date lock.
 */
export function readSources(
  sources: readonly { file: RawFile; slug: string }[],
  locks: ReadonlyMap<string, RawFile>,
  entries: ReadonlyMap<string, Entry>,
  cited: WorksCited,
  problems: Problems,
  requireLocks: boolean,
): SourcesRead {
  const documents: EditionDocument[] = [];
  const bySlug = new Map<string, Target>();
  for (const { file, slug } of sources) {
    const doc = readSource(file, slug, locks.get(slug), entries, cited, problems, requireLocks);
    if (!doc) continue;
    documents.push(doc);
    bySlug.set(slug, { doc, anchorText: prepareText(doc.body) });
  }
  for (const [slug] of locks) {
    if (!bySlug.has(slug)) problems.error(`annotations/passages/${slug}.yml`, 1, 1, `There is no source sources/${slug}.txt for this passage-id lock. If the source was renamed, rename the lock with it; if it was removed, remove the lock.`);
  }
  return { documents, bySlug };
}

/** Reads one source into a document without structure, notes or mentions; null if it cannot be used. */
export function readSource(
  file: RawFile,
  slug: string,
  lock: RawFile | undefined,
  entries: ReadonlyMap<string, Entry>,
  cited: WorksCited,
  problems: Problems,
  requireLocks: boolean,
): EditionDocument | null {
  const read = readContributorFile(file, SourceMeta, 'source', problems, {
    format: 'front-matter',
    bomIsError: true,
    requireFrontMatter: 'A source must start with its metadata between two `---` lines (title, date, type, languages, rights, summary…). See docs/editing.md.',
  });
  if (!read) return null;
  const meta = read.data;
  checkCites(cited, meta.cites, file.path, read.locate, problems);
  for (const field of ['authors', 'recipients'] as const) {
    meta[field].forEach((name, i) => {
      if (/^(person|organization|place|event):/.test(name) && !entries.has(name)) {
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
  const ids = lockedIds(slug, read.body, segments, lock, problems, requireLocks);
  return {
    slug, file: file.path, meta, body: read.body, passages: passagesOf(segments, ids.assigned.ids, meta.languages[0]!), comments: [], boilerplate: [], notes: [], mentions: [],
    tombstones: ids.assigned.tombstones, lockFile: ids.lockFile, lockText: ids.lockText, lockChanged: ids.lockChanged,
  };
}

/** A source's passage ids, and its lock as it must now read. */
export interface LockedIds {
  assigned: IdAssignment;
  lockFile: string;
  lockText: string;
  /** Whether `lockText` differs from the lock file (or there is none). */
  lockChanged: boolean;
}

/**
 * Permanent ids for a source's passages from its lock. A lock written for this very body
 * (its `source_sha256`), whose passages are still the body's, stands as it is; otherwise ids are
 * assigned again from the lock's passages. A damaged lock is an error; deleted passages are warnings.
 */
export function lockedIds(slug: string, body: string, segments: readonly Segment[], lock: RawFile | undefined, problems: Problems, requireLocks: boolean): LockedIds {
  const lockPath = `annotations/passages/${slug}.yml`;
  const texts = segments.map((x) => x.text);
  const digest = sourceDigest(body);
  let previous: LockedPassage[] | undefined;
  let lockOld: string | undefined;
  let lockDigest: unknown;
  if (lock) {
    lockOld = decodeUtf8(lock.bytes, lockPath, problems) ?? undefined;
    const parsedLock = lockOld === undefined ? null : parseYamlFile(lockOld, lockPath, problems);
    const list = parsedLock?.data.passages;
    if (Array.isArray(list) && list.every((p) => p && typeof p === 'object' && typeof (p as LockedPassage).id === 'string' && /^p\d+[a-z]*$/.test((p as LockedPassage).id))) {
      previous = list as LockedPassage[];
      lockDigest = parsedLock!.data.source_sha256;
    } else if (parsedLock) problems.error(lockPath, 1, 1, 'This passage-id lock is damaged. Restore it from git (git checkout -- this file); never edit it by hand.');
  }
  const kept = previous && lockOld !== undefined && lockDigest === digest ? keptAssignment(previous, texts) : null;
  const assigned = kept ?? assignPassageIds(texts, previous);
  const lockText = kept ? lockOld! : formatLock(slug, assigned.lock, digest);
  const lockChanged = lockText !== lockOld;
  // A lock that holds these very passages and ids, with only its digest out of date, is not stale for CI.
  if (lockChanged && requireLocks && !(previous && sameLock(previous, assigned.lock))) {
    problems.error(lockPath, 1, 1, `The passage-id lock for sources/${slug}.txt is ${lockOld === undefined ? 'missing' : 'out of date'}. Run npm run check (or npm run build) locally and commit ${lockPath}.`);
  }
  for (const id of assigned.deleted) problems.warn(lockPath, 1, 1, `Passage ${id} of sources/${slug}.txt was deleted; links to #${id} now lead to #${assigned.tombstones.get(id)}. Its id will never be reused.`);
  return { assigned, lockFile: lockPath, lockText, lockChanged };
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
