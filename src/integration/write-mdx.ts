/**
 * Writes one `.mdx` file per document into the generated folder, only when its bytes changed,
 * and removes the files of documents that no longer exist, so that Astro's content layer and
 * Vite see unchanged documents as unchanged. Called only with a model that has no errors.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentMdx, type Edition } from '../edition/index.ts';

export interface MdxWriteResult {
  written: string[];
  unchanged: number;
  removed: string[];
}

export function writeDocumentsMdx(edition: Edition, dir: string, base: string): MdxWriteResult {
  mkdirSync(dir, { recursive: true });
  if (lstatSync(dir).isSymbolicLink()) throw new Error(`${dir} is a symbolic link; the generated MDX folder must be a plain folder.`);
  const result: MdxWriteResult = { written: [], unchanged: 0, removed: [] };
  const wanted = new Set<string>();
  for (const doc of edition.documents) {
    const name = `${doc.slug}.mdx`;
    wanted.add(name);
    const path = join(dir, name);
    const text = documentMdx(doc, edition, { base });
    if (existsSync(path) && !lstatSync(path).isSymbolicLink() && readFileSync(path, 'utf8') === text) {
      result.unchanged++;
      continue;
    }
    rmSync(path, { force: true });
    writeFileSync(path, text);
    result.written.push(name);
  }
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.mdx') && !wanted.has(name)) {
      rmSync(join(dir, name), { force: true });
      result.removed.push(name);
    }
  }
  return result;
}
