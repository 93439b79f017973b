/**
 * Generation step shared by the Astro integration and scripts: reads the edition's config,
 * loads the edition, refuses to continue on any error, and writes the passage-id locks (outside
 * CI). The pages then render from the returned config and model; nothing else is written.
 */
import type { SharedWork } from './work-cache.ts';
import { EditionError, loadEdition, locksRequired, readEditionConfig, writePassageLocks, type Edition, type EditionConfig, type Problem } from '../edition/index.ts';

/** Reads and checks `edition.config.yml` at `root`. Throws EditionError on errors; returns the config and its warnings. */
export function editionConfig(root: string): { config: EditionConfig; warnings: Problem[] } {
  const { config, problems } = readEditionConfig(root);
  if (!config) throw new EditionError(problems);
  return { config, warnings: problems };
}

/**
 * Loads and validates the edition at `root`. Throws EditionError on errors. With `work` (the
 * process's shared work cache and files, work-cache.ts), unchanged files are not read or
 * checked again; the model is the same.
 */
export function generateEdition(root: string, work?: SharedWork): Edition {
  const edition = loadEdition(root, { requireLocks: locksRequired(), cache: work?.cache }, work?.files());
  if (edition.problems.some((p) => p.severity === 'error')) throw new EditionError(edition.problems);
  const written = writePassageLocks(root, edition);
  work?.changed(written);
  return edition;
}
