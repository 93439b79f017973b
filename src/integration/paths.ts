/**
 * Where an edition lives and where its generated MDX goes. Shared by the integration (which
 * writes the files) and src/content.config.ts (whose `documents` collection reads them).
 *
 * - `EDITION_ROOT` builds another edition (a test fixture) with this generator; default: the
 *   working directory (the project).
 * - `EDITION_GENERATED` puts the generated MDX elsewhere (test builds running side by side);
 *   default: `.edition/mdx/` in the edition root, a git-ignored folder.
 */
import { join, resolve } from 'node:path';

/** The edition's root folder (holding sources/ and annotations/). */
export function editionRoot(): string {
  return resolve(process.env.EDITION_ROOT ?? process.cwd());
}

/** The folder of generated `.mdx` files, one per document. */
export function generatedDir(): string {
  return process.env.EDITION_GENERATED ? resolve(process.env.EDITION_GENERATED) : join(editionRoot(), '.edition', 'mdx');
}
