/**
 * The edition's settings (edition.config.yml) for Astro pages, from the virtual module the
 * integration provides (src/integration/virtual-modules.ts): read and checked once, by the
 * integration, before any page is rendered.
 */
import config from 'virtual:edition/config';
import { siteAddress, type EditionConfig } from '../edition/index.ts';

/** The checked edition config. */
export function getEditionConfig(): EditionConfig {
  return config;
}

/**
 * The site's address and whether it is public: SITE (as astro.config.mjs reads it), else the
 * config's `url`, else the local preview address (`isPublic` false: every page is marked as a
 * preview).
 */
export function getSiteStatus(): { site: string; isPublic: boolean } {
  return siteAddress(config, process.env.SITE || undefined);
}
