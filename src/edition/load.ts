/** Reading an edition's files from disk: the only part of the core that touches the file system. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { buildEdition, type Edition, type RawFile } from './edition.js';

/** Lists every file under `sources/` and `annotations/` of an edition root. */
export function readEditionFiles(root: string): RawFile[] {
  const files: RawFile[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else if (st.isFile()) files.push({ path: relative(root, path).split(sep).join('/'), bytes: readFileSync(path) });
    }
  };
  walk(join(root, 'sources'));
  walk(join(root, 'annotations'));
  return files;
}

/** Reads and builds the edition at `root`. */
export function loadEdition(root: string): Edition {
  return buildEdition(readEditionFiles(root));
}
