/**
 * The edition's settings (edition.config.yml) for Astro pages, from the virtual module the
 * integration provides (src/integration/virtual-modules.ts): read and checked once, by the
 * integration, before any page is rendered.
 */
import config from 'virtual:edition/config';
import type { EditionConfig } from '../edition/index.ts';

/** The checked edition config. */
export function getEditionConfig(): EditionConfig {
  return config;
}
