/**
 * Generation step shared by the Astro integration and scripts: loads the edition,
 * refuses to continue on any error, and writes one MDX page per document into
 * `.edition/mdx/` (not committed), rewriting only files whose content changed.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EditionError, emitDocumentMdx, loadEdition, locksRequired, writePassageLocks, type Edition } from '../edition/index.ts';

/** Where generated MDX pages go: EDITION_GENERATED, or `.edition/mdx` in the project. */
export function generatedDir(): string {
  return resolve(process.env.EDITION_GENERATED ?? '.edition/mdx');
}

/** Loads and validates the edition at `root` and writes its MDX pages. Throws EditionError on errors. */
export function generateEdition(root: string, base: string, dir: string): Edition {
  const edition = loadEdition(root, { requireLocks: locksRequired() });
  if (edition.problems.some((p) => p.severity === 'error')) throw new EditionError(edition.problems);
  writePassageLocks(root, edition);
  mkdirSync(dir, { recursive: true });
  const wanted = new Set<string>();
  for (const doc of edition.documents) {
    const file = `${doc.slug}.mdx`;
    wanted.add(file);
    const mdx = emitDocumentMdx(doc, edition, { base });
    const path = join(dir, file);
    let old: string | undefined;
    try {
      old = readFileSync(path, 'utf8');
    } catch {
      old = undefined;
    }
    if (old !== mdx) writeFileSync(path, mdx);
  }
  for (const f of readdirSync(dir)) if (!wanted.has(f)) rmSync(join(dir, f));
  return edition;
}
