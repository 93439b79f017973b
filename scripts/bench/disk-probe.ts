/**
 * How long this machine's disk takes to create one page file in a new folder, as a static
 * build does for every page (Astro: `mkdir` then `writeFile`, four at a time here; Pagefind:
 * one file per fragment and index chunk). On the machine of docs/performance.md this costs
 * about a millisecond whatever the file's size, so the number of files a build writes weighs
 * as much as their content.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Milliseconds per file: `count` files of `bytes` bytes, each in its own new folder under `dir` (removed after). */
export async function probeFileCreation(dir: string, count = 1000, bytes = 20_000, concurrency = 4): Promise<number> {
  await rm(dir, { recursive: true, force: true });
  const content = 'x'.repeat(bytes);
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let k = next++; k < count; k = next++) {
      const folder = join(dir, `page-${k}`);
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, 'index.html'), content);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const msPerFile = (performance.now() - started) / count;
  await rm(dir, { recursive: true, force: true });
  return Math.round(msPerFile * 1000) / 1000;
}
