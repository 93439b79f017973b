/**
 * Generation step shared by the Astro integration and scripts: loads the edition, refuses
 * to continue on any error, and writes the passage-id locks (outside CI). The pages then
 * render from the returned model; nothing else is written.
 */
import { EditionError, loadEdition, locksRequired, writePassageLocks, type Edition } from '../edition/index.ts';

/** Loads and validates the edition at `root`. Throws EditionError on errors. */
export function generateEdition(root: string): Edition {
  const edition = loadEdition(root, { requireLocks: locksRequired() });
  if (edition.problems.some((p) => p.severity === 'error')) throw new EditionError(edition.problems);
  writePassageLocks(root, edition);
  return edition;
}
