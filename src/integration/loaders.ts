/**
 * Content-layer loaders for the registers and the works cited. They read the contributor files
 * through the framework-free core (the same reading, validation and Markdown checks as
 * `npm run check`; the integration has already stopped the build if any file has an error), so
 * an entry's account is rendered from its checked Markdown tree — raw HTML stays text — and
 * never by Astro's Markdown pipeline, which would pass raw HTML through.
 */
import type { Loader } from 'astro/loaders';
import { buildEdition, entityHref, toSafeHtml, type Edition } from '../edition/index.ts';
import { sharedWork } from './work-cache.ts';
import { editionRoot } from './paths.ts';

/** The registers and works of the edition: only their files are read and validated. */
function readRegisters(): Edition {
  // The process's files and work cache (work-cache.ts): in a build, the files the integration read.
  const work = sharedWork(editionRoot());
  const files = work.files().filter((f) => /^annotations\/(people|organizations|places|events|works)\/|^annotations\/works\.yml$/.test(f.path));
  return buildEdition(files, { cache: work.cache });
}

/** Every register entry (people, organisations, places, events), keyed `<kind>:<id>`. */
export function registerLoader(): Loader {
  return {
    name: 'edition-register',
    load: async ({ store, parseData, generateDigest, config }) => {
      const href = entityHref(config.base.endsWith('/') ? config.base : `${config.base}/`);
      store.clear();
      for (const e of readRegisters().entries.values()) {
        const raw = { ...e.meta, kind: e.kind };
        const data = await parseData({ id: e.ref, data: raw });
        const html = toSafeHtml(e.body, href);
        store.set({ id: e.ref, data, filePath: e.file, digest: generateDigest({ raw, html }), rendered: { html } });
      }
    },
  };
}

/** Every work cited, keyed by its key in annotations/works.yml or annotations/works/*.yml. */
export function worksLoader(): Loader {
  return {
    name: 'edition-works',
    load: async ({ store, parseData, generateDigest }) => {
      store.clear();
      for (const [key, work] of Object.entries(readRegisters().works)) {
        const data = await parseData({ id: key, data: { ...work } });
        store.set({ id: key, data, digest: generateDigest(data) });
      }
    },
  };
}
