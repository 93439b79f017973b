/**
 * The edition's settings (edition.config.yml) for Astro pages: read once per build by the
 * integration and handed over here, like the model (see edition.ts), so no page re-reads the file.
 */
import { resolve } from 'node:path';
import { EditionError, readEditionConfig, type EditionConfig } from '../edition/index.ts';

const state = globalThis as unknown as { __editionConfig?: EditionConfig };

/** Hands the config the integration just read (and checked) to the pages. */
export function shareEditionConfig(config: EditionConfig): void {
  state.__editionConfig = config;
}

/** The config of the edition at EDITION_ROOT, or of the project root (process.cwd()). Throws EditionError if it is invalid. */
export function getEditionConfig(): EditionConfig {
  if (!state.__editionConfig) {
    const { config, problems } = readEditionConfig(resolve(process.env.EDITION_ROOT ?? process.cwd()));
    if (!config) throw new EditionError(problems);
    state.__editionConfig = config;
  }
  return state.__editionConfig;
}
