/**
 * The edition's orchestrator: turns the edition's files (given as bytes, so the core never
 * touches the disk here) into the validated model, stage by stage (src/edition/stages/):
 * classify → works → registers → sources → structure → notes → mentions → assemble.
 * Every problem is collected, in the order the stages find them; nothing throws on bad input.
 */
import { bytesDigest, keyOf, type KeptDocument, type WorkCache } from './cache.js';
import type { Edition, EditionDocument, Entry, Mention, RawFile } from './model.js';
import { Problems, type Problem } from './problems.js';
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
    const requireLocks = options.requireLocks ?? false;
    // Each document's input digest; with a cache, a document whose digest is the one of a document
    // of the last model built without errors is taken whole (its stages are not run again).
    // Each document's note files (for its digest and, after the build, for keeping it whole).
    const notes = cache ? notesBySlug(input) : new Map<string, RawFile[]>();
    const digests = cache ? inputDigests(input, notes, entries, cited, cache.version, requireLocks) : undefined;
    const kept = new Map<string, KeptDocument>();
    if (cache && digests) {
      for (const { slug } of input.sources) {
        const k = cache.keptDocument(digests.get(slug)!);
        if (k) kept.set(slug, k);
      }
    }
    const fresh = <T extends { slug: string }>(list: readonly T[]) => (kept.size === 0 ? list : list.filter((x) => !kept.has(x.slug)));
    const read = readSources(fresh(input.sources), input.locks, entries, cited, problems, requireLocks, input.refusedLocks, unread, new Set(kept.keys()));
    applyStructures(kept.size === 0 ? input.structures : new Map([...input.structures].filter(([slug]) => !kept.has(slug))), read.bySlug, problems, unread);
    readNotes(fresh(input.notes), read.bySlug, entries, cited, problems, unread);
    for (const { problems: found, cites } of kept.values()) {
      problems.list.push(...found);
      for (const work of cites) cited.used.add(work);
    }
    // In source-file order, as without the kept documents (the entries list their mentions in this order).
    const documents = kept.size === 0 ? read.documents : input.sources.flatMap(({ slug }) => kept.get(slug)?.doc ?? read.bySlug.get(slug)?.doc ?? []);
    if (digests) for (const doc of read.documents) doc.inputDigest = digests.get(doc.slug);
    // Mentions computed here (not taken from the cache) are kept only if the edition has no error.
    const computed: EditionDocument[] = [];
    linkMentions(
      documents,
      entries,
      names,
      cache &&
        ((doc) => {
          // A document taken whole has its mentions already.
          if (kept.has(doc.slug)) return doc.mentions;
          const found = doc.inputDigest ? cache.get<Mention[]>('mentions', doc.inputDigest) : undefined;
          if (!found) computed.push(doc);
          return found;
        }),
    );
    const edition = assembleEdition(documents, entries, cited, problems, unread);
    if (cache && !problems.hasErrors) {
      for (const doc of computed) if (doc.inputDigest) cache.set('mentions', doc.inputDigest, doc.mentions);
      // (A build of the registers alone, as the content loaders do, leaves the documents kept.)
      if (input.sources.length > 0) cache.keepDocuments(keepable(edition, input, notes, kept));
    }
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
function inputDigests(input: ClassifiedFiles, notes: ReadonlyMap<string, RawFile[]>, entries: ReadonlyMap<string, Entry>, cited: WorksCited, version: string, requireLocks: boolean): Map<string, string> {
  const shared = keyOf(
    version,
    String(requireLocks),
    JSON.stringify([...entries.values()].map((e) => [e.ref, e.meta])),
    JSON.stringify(Object.entries(cited.works)),
  );
  const files = (list: readonly (RawFile | undefined)[]) => list.flatMap((f) => (f ? [f.path, bytesDigest(f.bytes)] : ['-']));
  const digests = new Map<string, string>();
  for (const { slug, file } of input.sources) {
    const lock = input.refusedLocks.has(slug) ? 'refused' : undefined;
    digests.set(slug, keyOf(shared, lock ?? '', ...files([file, input.locks.get(slug), input.structures.get(slug)]), ...files(notes.get(slug) ?? [])));
  }
  return digests;
}

/** Each document's note files. */
function notesBySlug(input: ClassifiedFiles): Map<string, RawFile[]> {
  const notes = new Map<string, RawFile[]>();
  for (const n of input.notes) {
    const list = notes.get(n.slug);
    if (list) list.push(n.file);
    else notes.set(n.slug, [n.file]);
  }
  return notes;
}

/**
 * The documents of an edition built without errors, to be taken whole by the next build: each
 * with the problems (warnings) found in its own files — its source, lock, structure file and
 * notes — and the works it cites. Left out: a document whose lock is to be written (its lock file
 * changes, so would its digest) and one with a note that did not become one of its notes.
 */
function keepable(edition: Edition, input: ClassifiedFiles, notes: ReadonlyMap<string, RawFile[]>, kept: ReadonlyMap<string, KeptDocument>): KeptDocument[] {
  const bySlug = new Map<string, Problem[]>();
  const owner = new Map<string, string>();
  for (const { slug, file } of input.sources) owner.set(file.path, slug);
  for (const [slug, f] of input.locks) owner.set(f.path, slug);
  for (const [slug, f] of input.structures) owner.set(f.path, slug);
  for (const [slug, list] of notes) for (const f of list) owner.set(f.path, slug);
  for (const p of edition.problems) {
    const slug = owner.get(p.file);
    if (slug === undefined) continue;
    const list = bySlug.get(slug);
    if (list) list.push(p);
    else bySlug.set(slug, [p]);
  }
  const out: KeptDocument[] = [];
  for (const doc of edition.documents) {
    const previous = kept.get(doc.slug);
    if (previous) {
      out.push(previous);
      continue;
    }
    if (!doc.inputDigest || doc.lockChanged || doc.notes.length !== (notes.get(doc.slug)?.length ?? 0)) continue;
    const cites = [...new Set([...doc.meta.cites, ...doc.notes.flatMap((n) => n.cites)].map((c) => c.work))];
    out.push({ doc, problems: bySlug.get(doc.slug) ?? [], cites });
  }
  return out;
}
