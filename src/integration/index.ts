/**
 * The Astro integration: validates and generates the edition before Astro reads its
 * content, stops the build on any error (nothing is published with a note missing),
 * and in `astro dev` regenerates when a source or annotation file is saved.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { formatProblem, EditionError } from '../edition/index.ts';
import { generateEdition, generatedDir } from './generate.ts';
import { bumpEditionVersion } from '../site/edition.ts';

export default function editionIntegration(): AstroIntegration {
  let root = process.cwd();
  let base = '/';
  return {
    name: 'annotated-edition',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        // EDITION_ROOT builds another edition (a test fixture) with this generator.
        root = process.env.EDITION_ROOT ? resolve(process.env.EDITION_ROOT) : fileURLToPath(config.root);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        const edition = generateEdition(root, base, generatedDir());
        for (const p of edition.problems) logger.warn(formatProblem(p));
        logger.info(`edition: ${edition.documents.length} documents, ${edition.documents.reduce((n, d) => n + d.notes.length, 0)} notes, ${edition.entries.size} register entries`);
      },
      'astro:server:setup': ({ server, logger }) => {
        const watched = [`${root}/sources`, `${root}/annotations`];
        server.watcher.add(watched);
        const regenerate = (path: string) => {
          if (!watched.some((w) => path.startsWith(w))) return;
          try {
            generateEdition(root, base, generatedDir());
            bumpEditionVersion();
            logger.info(`edition regenerated after a change to ${path.slice(root.length + 1)}`);
            server.ws.send({ type: 'full-reload' });
          } catch (e) {
            if (e instanceof EditionError) for (const p of e.problems) logger.error(formatProblem(p));
            else throw e;
          }
        };
        server.watcher.on('change', regenerate);
        server.watcher.on('add', regenerate);
        server.watcher.on('unlink', regenerate);
      },
    },
  };
}
