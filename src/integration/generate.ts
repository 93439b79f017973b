/**
 * Generation step shared by the Astro integration and scripts: reads the edition's config,
 * loads the edition, refuses to continue on any error, and writes the passage-id locks (outside
 * CI). The pages then render from the returned config and model; nothing else is written.
 */
import { EditionError, loadEdition, locksRequired, readEditionConfig, writePassageLocks, type Edition, type EditionConfig, type Problem } from '../edition/index.ts';

/** Reads and checks `edition.config.yml` at `root`. Throws EditionError on errors; returns the config and its warnings. */
export function editionConfig(root: string): { config: EditionConfig; warnings: Problem[] } {
  const { config, problems } = readEditionConfig(root);
  if (!config) throw new EditionError(problems);
  return { config, warnings: problems };
}

/** Loads and validates the edition at `root`. Throws EditionError on errors. */
export function generateEdition(root: string): Edition {
  const edition = loadEdition(root, { requireLocks: locksRequired() });
  if (edition.problems.some((p) => p.severity === 'error')) throw new EditionError(edition.problems);
  writePassageLocks(root, edition);
  return edition;
}
