/**
 * The edition's orchestrator: turns the edition's files (given as bytes, so the core never
 * touches the disk here) into the validated model, stage by stage (src/edition/stages/):
 * classify → works → registers → sources → structure → notes → mentions → assemble.
 * Every problem is collected, in the order the stages find them; nothing throws on bad input.
 */
import type { Edition, RawFile } from './model.js';
import { Problems } from './problems.js';
import { assembleEdition } from './stages/assemble.js';
import { classifyFiles } from './stages/classify.js';
import { linkMentions } from './stages/mentions.js';
import { readNotes } from './stages/notes.js';
import { readRegisters } from './stages/registers.js';
import { readSources } from './stages/sources.js';
import { applyStructures } from './stages/structure.js';
import { Unread } from './stages/unread.js';
import { readWorks } from './stages/works.js';

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
}

/** Builds the edition model from its files. Never throws on bad input: problems are collected. */
export function buildEdition(files: RawFile[], options: BuildOptions = {}): Edition {
  const problems = new Problems();
  // Files that exist but could not be read: what refers to them is not reported again.
  const unread = new Unread();
  const input = classifyFiles(files, problems);
  const cited = readWorks(input.works, problems);
  const { entries, names } = readRegisters(input.entries, cited, problems, unread, new Set(input.sources.map((s) => s.slug)));
  const { documents, bySlug } = readSources(input.sources, input.locks, entries, cited, problems, options.requireLocks ?? false, input.refusedLocks, unread);
  applyStructures(input.structures, bySlug, problems, unread);
  readNotes(input.notes, bySlug, entries, cited, problems, unread);
  linkMentions(documents, entries, names);
  return assembleEdition(documents, entries, cited, problems, unread);
}
