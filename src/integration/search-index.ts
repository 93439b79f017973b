/**
 * The Pagefind index of a built site, from the edition model (one record per document, whose
 * passages and notes are its sub-results, one per register entry and one per work cited; see
 * src/edition/search-records.ts).
 * Indexing starts as soon as the model exists and runs beside Astro's bundling and rendering
 * (the pagefind binary works on the other core). Records go to the binary in batches of
 * requests rather than one round trip at a time. Pagefind builds and compresses its index
 * when it writes its files: for an edition small enough, that also happens beside the
 * rendering, into a staging folder moved into the site at the end (`stageIn`); for a large
 * one, after the pages, once the model is freed, because the two together would not fit in
 * memory (see docs/performance.md).
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { constants, gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { eachSearchRecord, pageBudget, type Edition, type SearchRecord } from '../edition/index.ts';

/** Requests in flight to the pagefind binary at once. */
const BATCH = 64;

/**
 * The documents' order by date, written beside Pagefind's files: a JSON array of Pagefind page
 * ids, oldest first. The search page loads it only when a reader asks for that order; as a
 * Pagefind sort key it would be part of the metadata every first search loads.
 */
export const DATE_ORDER_FILE = 'date-order.json';

/** An index being built; `write` finishes it into `<site>/pagefind`. */
export interface SearchIndexJob {
  /**
   * Replaces `<site>/pagefind` with the index. Resolves to the number of records. `beforeWrite`
   * runs once every record is in Pagefind, before it writes its files (the step that needs the
   * most memory): the caller can let go of the model there.
   */
  write(site: string, beforeWrite?: () => void | Promise<void>): Promise<number>;
  /** When (performance.now()) every record was in Pagefind, and when a staged index was written. */
  readonly times: { started: number; added?: number; staged?: number };
}

/** Options for {@link startSearchIndex}. */
export interface SearchIndexOptions {
  /**
   * Write the index as soon as every record is in, into this folder (emptied first), and let
   * `write` move it into the site. Default: write in `write`, after the pages.
   */
  stageIn?: string | undefined;
}

/** Starts indexing `edition`, whose pages live under `base` (with trailing slash). */
export function startSearchIndex(edition: Edition, base: string, options: SearchIndexOptions = {}): SearchIndexJob {
  // Held only until every record is sent, so the model can be freed before Pagefind writes.
  let source: Edition | null = edition;
  // Records are made as they are sent: a large edition's records are never all in memory.
  function* records() {
    yield* eachSearchRecord(source!, base, pageBudget(process.env));
    source = null;
  }
  return startSearchIndexFrom(records(), options);
}

/**
 * Starts indexing these records (as {@link eachSearchRecord} makes them, in its order): for a
 * process that does not hold the model, such as the join of a sharded build, which reads them
 * from a file another process wrote.
 */
export function startSearchIndexFrom(records: Iterable<SearchRecord> | AsyncIterable<SearchRecord>, options: SearchIndexOptions = {}): SearchIndexJob {
  const { stageIn } = options;
  let count = 0;
  /** Each document's date by URL, for the date order. */
  const dates = new Map<string, string>();
  const times: SearchIndexJob['times'] = { started: performance.now() };
  const adding = (async () => {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const send = async (batch: SearchRecord[]) => {
      const results = await Promise.all(
        batch.map((r) => index.addHTMLFile({ url: r.url, content: r.content })),
      );
      results.forEach((added, k) => {
        if (added.errors.length) throw new Error(`Pagefind could not index ${batch[k]!.url}: ${added.errors.join('; ')}`);
      });
      count += batch.length;
    };
    let batch: SearchRecord[] = [];
    for await (const r of records) {
      if (r.kind === 'document') dates.set(r.url, r.date);
      batch.push(r);
      if (batch.length === BATCH) {
        await send(batch);
        batch = [];
      }
    }
    await send(batch);
    times.added = performance.now();
    if (stageIn) {
      rmSync(stageIn, { recursive: true, force: true });
      await writeIndex(index, stageIn, dates);
      times.staged = performance.now();
    }
    return index;
  })();
  // A failure is reported by write(); until then it must not surface as an unhandled rejection.
  adding.catch(() => undefined);
  return {
    times,
    async write(site, beforeWrite) {
      try {
        const index = await adding;
        await beforeWrite?.();
        const out = join(site, 'pagefind');
        rmSync(out, { recursive: true, force: true });
        if (stageIn) move(stageIn, out);
        else await writeIndex(index, out, dates);
        return count;
      } finally {
        await pagefind.close();
      }
    },
  };
}

async function writeIndex(index: pagefind.PagefindIndex, outputPath: string, dates: Map<string, string>): Promise<void> {
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  writeDateOrder(outputPath, dates);
}

/**
 * Writes {@link DATE_ORDER_FILE}: Pagefind names a page by its fragment's file (or its key in
 * a fragment group), so the fragments are read back for their URLs.
 */
export function writeDateOrder(outputPath: string, dates: Map<string, string>): void {
  const order: [string, string][] = [];
  const dir = join(outputPath, 'fragment');
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.pf_fragment')) continue;
    const bytes = readFileSync(join(dir, file));
    // A fragment's URL comes first: its first kilobytes are enough (Pagefind's files start with a
    // 12-byte signature, "pagefind_dcd"). A fragment group (a map of fragments) is read whole.
    const head = gunzipSync(bytes.subarray(0, 2048), { finishFlush: constants.Z_SYNC_FLUSH }).subarray(12).toString('utf8');
    const single = /^\{"url":("(?:[^"\\]|\\.)*")/.exec(head);
    if (single) {
      const date = dates.get(JSON.parse(single[1]!) as string);
      if (date) order.push([date, file.slice(0, -'.pf_fragment'.length)]);
      continue;
    }
    const group = JSON.parse(gunzipSync(bytes).subarray(12).toString('utf8')) as Record<string, { url?: string }>;
    for (const [id, f] of Object.entries(group)) {
      const date = f.url ? dates.get(f.url) : undefined;
      if (date) order.push([date, id]);
    }
  }
  order.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1));
  writeFileSync(join(outputPath, DATE_ORDER_FILE), JSON.stringify(order.map(([, id]) => id)));
}

/** Moves a folder, copying if it lies on another file system. */
function move(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/** Replaces `<site>/pagefind` with a fresh index of `edition`. Returns the number of records. */
export async function writeSearchIndex(edition: Edition, site: string, base: string): Promise<number> {
  return startSearchIndex(edition, base).write(site);
}
