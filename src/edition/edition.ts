/**
 * The edition's orchestrator: turns the edition's files (given as bytes, so the core never
 * touches the disk here) into the validated model, stage by stage (src/edition/stages/):
 * classify → works → registers → sources → structure → notes → mentions → assemble.
 * Every problem is collected, in the order the stages find them; nothing throws on bad input.
 */
import { bytesDigest, keyOf, type WorkCache } from './cache.js';
import type { Edition, EditionDocument, Entry, Mention, RawFile } from './model.js';
import { Problems } from './problems.js';
import { assembleEdition } from './stages/assemble.js';
import { classifyFiles, type ClassifiedFiles } from './stages/classify.js';
import { linkMentions } from './stages/mentions.js';
import { readNotes } from './stages/notes.js';
import { withReadCache } from './stages/read.js';
import { readRegisters } from './stages/registers.js';
import { readSources } from './stages/sources.js';
import { applyStructures } from './stages/structure.js';
import { Unread } from './stages/unread.js';
import { readWorks, type WorksCited } from './stages/works.js';

export { dateKey, entryPath, ENTITY_KINDS } from './model.js';
export type { Comment, Edition, EditionDocument, Entry, EntityKind, LanguageSpan, Mention, Note, Passage, PassageRole, RawFile } from './model.js';
export { MAX_ANNOTATION_BYTES, MAX_SOURCE_BYTES } from './stages/classify.js';

/** Options for {@link buildEdition}. */
export interface BuildOptions {
  /**
   * Treat a missing or out-of-date passage-id lock as an error (CI), instead of a change for
   * the caller to write (local builds and checks). Default false.
   */
  requireLocks?: boolean;
  /**
   * Keep and reuse the per-file work (files read and checked, each document's mentions) in
   * this cache, keyed by the digests of its inputs (src/edition/cache.ts). The model is the
   * same with or without it; the caller saves it (after a build without errors).
   */
  cache?: WorkCache | undefined;
}

/** Builds the edition model from its files. Never throws on bad input: problems are collected. */
export function buildEdition(files: RawFile[], options: BuildOptions = {}): Edition {
  const { cache } = options;
  return withReadCache(cache, () => {
    const problems = new Problems();
    // Files that exist but could not be read: what refers to them is not reported again.
    const unread = new Unread();
    const input = classifyFiles(files, problems);
    const cited = readWorks(input.works, problems);
    const { entries, names } = readRegisters(input.entries, cited, problems, unread, new Set(input.sources.map((s) => s.slug)));
    const { documents, bySlug } = readSources(input.sources, input.locks, entries, cited, problems, options.requireLocks ?? false, input.refusedLocks, unread);
    applyStructures(input.structures, bySlug, problems, unread);
    readNotes(input.notes, bySlug, entries, cited, problems, unread);
    if (cache) setInputDigests(documents, input, entries, cited, cache.version, options.requireLocks ?? false);
    // Mentions computed here (not taken from the cache) are kept only if the edition has no error.
    const computed: EditionDocument[] = [];
    linkMentions(
      documents,
      entries,
      names,
      cache &&
        ((doc) => {
          const kept = doc.inputDigest ? cache.get<Mention[]>('mentions', doc.inputDigest) : undefined;
          if (!kept) computed.push(doc);
          return kept;
        }),
    );
    const edition = assembleEdition(documents, entries, cited, problems, unread);
    if (cache && !problems.hasErrors) for (const doc of computed) if (doc.inputDigest) cache.set('mentions', doc.inputDigest, doc.mentions);
    return edition;
  });
}

/**
 * Each document's {@link EditionDocument.inputDigest}: the digest of everything its model (and
 * so its page) is made from. Its own files — the source, its passage-id lock, its structure
 * file, the files of its notes folder — and what every document shares: the register entries'
 * data (their names and aliases find the mentions; not their accounts, which no document shows),
 * the works' data (its notes' citations), whether locks are required, and the code's version.
 * Editing one note changes one document's digest; editing an alias changes every document's.
 */
function setInputDigests(documents: EditionDocument[], input: ClassifiedFiles, entries: ReadonlyMap<string, Entry>, cited: WorksCited, version: string, requireLocks: boolean): void {
  const shared = keyOf(
    version,
    String(requireLocks),
    JSON.stringify([...entries.values()].map((e) => [e.ref, e.meta])),
    JSON.stringify(Object.entries(cited.works)),
  );
  const notes = new Map<string, RawFile[]>();
  for (const n of input.notes) {
    const list = notes.get(n.slug);
    if (list) list.push(n.file);
    else notes.set(n.slug, [n.file]);
  }
  const files = (list: readonly (RawFile | undefined)[]) => list.flatMap((f) => (f ? [f.path, bytesDigest(f.bytes)] : ['-']));
  const sources = new Map(input.sources.map((s) => [s.slug, s.file]));
  for (const doc of documents) {
    const lock = input.refusedLocks.has(doc.slug) ? 'refused' : undefined;
    doc.inputDigest = keyOf(shared, lock ?? '', ...files([sources.get(doc.slug), input.locks.get(doc.slug), input.structures.get(doc.slug)]), ...files(notes.get(doc.slug) ?? []));
  }
}
