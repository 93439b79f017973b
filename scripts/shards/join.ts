/**
 * Joining the outputs of a sharded build (src/integration/shard.ts) into one site, then
 * writing its one Pagefind index from the edition model's records (the same records, through
 * the same code, as an unsharded build: src/integration/search-index.ts).
 *
 * Every file of every output is copied once. A file that two jobs both wrote (Astro's hashed
 * assets in `_astro/`, the files of `public/`) must be byte-identical in both; otherwise the
 * join stops and names both files. It also stops on an output that already holds a search index
 * (an unsharded build), and when a document of the edition has no page in the joined site (a
 * shard missing, or shards of different N joined).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, createReadStream, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import type { Edition, SearchRecord } from '../../src/edition/index.ts';
import { startSearchIndexFrom } from '../../src/integration/search-index.ts';

/** The join cannot be made: the message says what and how to fix it. */
export class JoinError extends Error {}

/** Every regular file under `dir`, as paths relative to it with `/`, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const visit = (sub: string) => {
    for (const name of readdirSync(join(dir, sub))) {
      const rel = sub ? `${sub}/${name}` : name;
      const st = lstatSync(join(dir, rel));
      if (st.isDirectory()) visit(rel);
      else if (st.isFile()) out.push(rel);
      else throw new JoinError(`${join(dir, rel)} is neither a file nor a folder (a link?): a build output holds only files and folders.`);
    }
  };
  visit('');
  return out.sort();
}

/** Whether two files hold the same bytes. */
export function sameBytes(a: string, b: string): boolean {
  if (lstatSync(a).size !== lstatSync(b).size) return false;
  return readFileSync(a).equals(readFileSync(b));
}

export interface JoinSitesResult {
  /** Files in the joined site. */
  files: number;
  /** Files written by more than one job, identical in all. */
  shared: number;
  /** Files each input contributed (shared ones counted for the first input that had them). */
  perInput: number[];
}

/**
 * Copies the files of every folder of `inputs` into `out` (absent or empty). Throws
 * {@link JoinError}, naming both files, when two inputs hold different bytes at one path.
 */
export function joinSites(inputs: readonly string[], out: string): JoinSitesResult {
  if (inputs.length === 0) throw new JoinError('Nothing to join: give the output folder of every shard job and of the aggregate job.');
  for (const dir of inputs) {
    if (!existsSync(dir) || !lstatSync(dir).isDirectory()) throw new JoinError(`${dir} is not a folder: give the output folder (dist) of each job.`);
    if (existsSync(join(dir, 'pagefind'))) {
      throw new JoinError(`${dir} holds a search index (pagefind/): it is the output of an unsharded build, not of a shard. Build each job with EDITION_SHARD set (k/N or aggregate).`);
    }
  }
  if (existsSync(out) && readdirSync(out).length > 0) throw new JoinError(`${out} is not empty: join into a new or empty folder.`);
  const owner = new Map<string, number>();
  const conflicts: string[] = [];
  const perInput = inputs.map(() => 0);
  let shared = 0;
  inputs.forEach((dir, k) => {
    for (const rel of listFiles(dir)) {
      const first = owner.get(rel);
      if (first !== undefined) {
        if (sameBytes(join(inputs[first]!, rel), join(dir, rel))) shared++;
        else conflicts.push(`${join(inputs[first]!, rel)} and ${join(dir, rel)}`);
        continue;
      }
      owner.set(rel, k);
      perInput[k]!++;
      const to = join(out, rel);
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(join(dir, rel), to);
    }
  });
  if (conflicts.length > 0) {
    rmSync(out, { recursive: true, force: true });
    const shown = conflicts.slice(0, 20);
    throw new JoinError(
      `${conflicts.length} file${conflicts.length === 1 ? ' was' : 's were'} written differently by two jobs (every job must build the same commit with the same settings):\n` +
        shown.map((c) => `  ${c} differ`).join('\n') +
        (conflicts.length > shown.length ? `\n  … and ${conflicts.length - shown.length} more` : ''),
    );
  }
  return { files: owner.size, shared, perInput };
}

/**
 * The pages every document must have in a complete site, relative to the output folder: a
 * missing one means a shard's output was not joined.
 */
export function missingDocumentPages(edition: Edition, site: string): string[] {
  const missing: string[] = [];
  for (const doc of edition.documents) {
    const page = `documents/${doc.slug}/index.html`;
    if (!existsSync(join(site, page))) missing.push(page);
  }
  if (!existsSync(join(site, 'index.html'))) missing.push('index.html');
  return missing;
}

export interface JoinResult extends JoinSitesResult {
  /** Pagefind records written. */
  records: number;
}

/**
 * Joins the outputs `inputs` into `out` (see {@link joinSites}) and writes the joined site's one
 * Pagefind index from the records of the edition at `root` (whose pages live under `base`, with
 * trailing slash). The model is loaded in a process of its own (scripts/shards/records.ts),
 * which checks it, checks that every document has its page, writes the records to a file and
 * exits; this process then gives them to Pagefind. The model and Pagefind's writing, the step
 * that needs the most memory, are never in memory at once.
 */
export async function joinShards(inputs: readonly string[], out: string, root: string, base: string): Promise<JoinResult> {
  const joined = joinSites(inputs, out);
  const temp = mkdtempSync(join(tmpdir(), 'edition-join-'));
  try {
    const file = join(temp, 'records.jsonl');
    const tsx = join(import.meta.dirname, '../../node_modules/tsx/dist/cli.mjs');
    const child = spawnSync(process.execPath, [tsx, join(import.meta.dirname, 'records.ts'), root, out, base, file], { encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    if (child.status !== 0) {
      rmSync(out, { recursive: true, force: true });
      throw new JoinError(child.stderr.trim() || `The search records could not be made (exit ${child.status ?? child.signal}).`);
    }
    const search = startSearchIndexFrom(readRecords(file));
    const records = await search.write(out);
    return { ...joined, records };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** The records of a file that scripts/shards/records.ts wrote, one a line, in its order. */
async function* readRecords(file: string): AsyncGenerator<SearchRecord> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield JSON.parse(line) as SearchRecord;
}

/** A path for messages: relative to the working directory when inside it. */
export const shown = (path: string): string => {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
};
