/**
 * Stage assemble: the finished model. Warns about register entries nothing mentions and works
 * nothing cites, and puts the documents in date order (then by slug).
 */
import { dateKey, type Edition, type EditionDocument, type Entry } from '../model.js';
import type { Problems } from '../problems.js';
import { Unread } from './unread.js';
import type { WorksCited } from './works.js';

/** Returns the edition; `documents` is sorted in place. */
export function assembleEdition(documents: EditionDocument[], entries: Map<string, Entry>, cited: WorksCited, problems: Problems, unread = new Unread()): Edition {
  // With a file that could not be read, what it mentions or cites is unknown: nothing is called unused.
  if (unread.any) return finish(documents, entries, cited, problems);
  for (const e of entries.values()) {
    if (e.mentions.length === 0) {
      problems.warn(e.file, 1, 1, `Nothing in the sources mentions "${e.meta.name}". Add the spelling the source uses to aliases, or tie a passage to it with a note's entities.`);
    }
  }
  for (const [key, where] of cited.where) {
    if (!cited.used.has(key)) {
      const { line, col } = where.locate([key], true);
      problems.warn(where.file, line, col, `The work "${key}" is not cited anywhere. Cite it from a note or entry, or remove it.`);
    }
  }
  return finish(documents, entries, cited, problems);
}

function finish(documents: EditionDocument[], entries: Map<string, Entry>, cited: WorksCited, problems: Problems): Edition {
  documents.sort((a, b) => dateKey(a.meta.date).localeCompare(dateKey(b.meta.date)) || (a.slug < b.slug ? -1 : 1));
  return { documents, entries, works: cited.works, problems: problems.list };
}
