/**
 * How the edition reaches pages: two Vite virtual modules, as Starlight hands its config to its
 * pages (the model itself crosses through the process's shared work, work-cache.ts):
 * - `virtual:edition/config`: the checked edition.config.yml, as JSON (read once by the
 *   integration);
 * - `virtual:edition/model`: the validated model the integration has just built (and checked),
 *   handed over in the process's shared work (work-cache.ts) rather than serialised into code
 *   (it holds Maps and whole texts); where there is none (another process,
 *   `EDITION_SHARED_MODEL=off`), built by the framework-free core inside the page renderer's
 *   own module graph from the same files and work cache: the same model.
 * In `astro dev` the integration invalidates both after a save (see {@link invalidateEditionModules}).
 */
import { fileURLToPath } from 'node:url';
import type { ViteDevServer, Plugin } from 'vite';
import type { EditionConfig } from '../edition/index.ts';

const CONFIG = 'virtual:edition/config';
const MODEL = 'virtual:edition/model';
const resolved = (id: string) => `\0${id}`;
const CORE = fileURLToPath(new URL('../edition/index.ts', import.meta.url));
const WORK = fileURLToPath(new URL('./work-cache.ts', import.meta.url));

export interface VirtualModuleOptions {
  /** The edition's root folder. */
  root: string;
  /** The current config (read again in dev after edition.config.yml is saved). */
  config: () => EditionConfig;
}

export function editionVirtualModules(options: VirtualModuleOptions): Plugin {
  return {
    name: 'annotated-edition:virtual-modules',
    resolveId(id) {
      if (id === CONFIG || id === MODEL) return resolved(id);
      return undefined;
    },
    load(id) {
      if (id === resolved(CONFIG)) return `export default ${JSON.stringify(options.config())};\n`;
      if (id === resolved(MODEL)) {
        return [
          `import { loadEdition } from ${JSON.stringify(CORE)};`,
          `import { sharedWork } from ${JSON.stringify(WORK)};`,
          `export const root = ${JSON.stringify(options.root)};`,
          // The files and the work cache the integration has just used (work-cache.ts): the same model, from unchanged work.
          `const work = sharedWork(root);`,
          // The integration's model, else the same one built again (locks are the integration's business: it has already checked and written them).
          `export const edition = work.takeModel() ?? loadEdition(root, { requireLocks: false, cache: work.cache }, work.files());`,
          '',
        ].join('\n');
      }
      return undefined;
    },
  };
}

/** Makes every server-side environment build the model (and read the config) again on next use. */
export function invalidateEditionModules(server: ViteDevServer): void {
  for (const env of Object.values(server.environments)) {
    if (env.name === 'client') continue;
    for (const id of [CONFIG, MODEL]) {
      const mod = env.moduleGraph.getModuleById(resolved(id));
      if (mod) env.moduleGraph.invalidateModule(mod);
    }
  }
}
