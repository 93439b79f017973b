/**
 * Citation forms made ahead of the pages, on another core. Each document page shows its
 * citation forms (Chicago, MLA, APA, BibTeX, RIS; for the document and for its passages) and
 * its handout the suggested citation: about eight citation-js renderings per document, most of
 * a document page's rendering time (citeproc, about 2.5 ms a form). Their inputs are known as
 * soon as the model is built, so a build hands them to a worker thread
 * (citations-worker.mjs), which makes them while this thread writes the MDX and Vite bundles;
 * the document pages wait for its outputs before rendering (`renderingsMadeAhead`) and find
 * their forms made (src/edition/cite.ts keys each output by all of its inputs, so a form
 * found there is the one the page would have made; any other is made by the page itself).
 * The outputs are kept between builds (`keptCitations`, `keepCitations`): a rebuild hands the
 * worker only the renderings whose inputs changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { citationRenderings, editionStyles, keepRenderingsMadeAhead, renderingKey, type CitedEdition, type Edition } from '../edition/index.ts';

/** What was handed to the worker. */
export interface CitationsAhead {
  /**
   * Settles with the number of outputs made by the worker, the number taken from the last
   * build's (`kept`), every output of this build by the SHA-256 of its rendering's key (to keep
   * for the next), and the time; or with the error that stopped the worker.
   */
  done: Promise<{ made: number; kept: number; outputs: Map<string, string>; ms: number } | Error>;
}

/**
 * Citation outputs kept between builds (issue 17: a rebuild after a note edit made all 8,000
 * forms of a 1,000-document edition again, and its pages waited for them). One JSON file in
 * Astro's cache folder: the outputs of the last build, by the SHA-256 of their rendering's key
 * (which holds every input: the item, the style, the options), under the digest of what else
 * shapes an output (the project's package-lock.json, which pins citation-js and the styles'
 * packages; the styles' XML; the worker's file). Another digest, or a file that cannot be read,
 * is ignored.
 */
const KEPT_FILE = 'citations.json';

/** What shapes an output besides its rendering's key. */
function citationsVersion(projectRoot: string, styles: [string, string][]): string {
  const h = createHash('sha256');
  const lock = join(projectRoot, 'package-lock.json');
  if (existsSync(lock)) h.update(readFileSync(lock));
  h.update(JSON.stringify(styles));
  h.update(readFileSync(fileURLToPath(new URL('./citations-worker.mjs', import.meta.url))));
  return h.digest('hex');
}

const keyDigest = (key: string) => createHash('sha256').update(key).digest('hex');

/** The outputs the last build kept in `cacheDir` (empty when there are none, or they were made otherwise). */
export function keptCitations(cacheDir: string, projectRoot: string, styles: [string, string][] = editionStyles()): Map<string, string> {
  try {
    const kept = JSON.parse(readFileSync(join(cacheDir, KEPT_FILE), 'utf8')) as { version?: string; outputs?: Record<string, string> };
    if (kept.version !== citationsVersion(projectRoot, styles) || !kept.outputs || typeof kept.outputs !== 'object') return new Map();
    return new Map(Object.entries(kept.outputs).filter(([, v]) => typeof v === 'string'));
  } catch {
    return new Map();
  }
}

/** Keeps this build's outputs (by key digest) in `cacheDir` for the next build, replacing the last's. Only time is lost if it cannot. */
export function keepCitations(cacheDir: string, projectRoot: string, outputs: Map<string, string>, styles: [string, string][] = editionStyles()): void {
  const file = join(cacheDir, KEPT_FILE);
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: citationsVersion(projectRoot, styles), outputs: Object.fromEntries(outputs) }));
    renameSync(temporary, file);
  } catch {
    rmSync(`${file}.${process.pid}.tmp`, { force: true });
  }
}

/** Makes `renderings` (`[renderingKey, Rendering]`) in a worker thread; resolves with `[key, output]` for each one made. */
export function renderInWorker(renderings: [string, unknown][], styles: [string, string][] = editionStyles()): Promise<[string, string][]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./citations-worker.mjs', import.meta.url), { workerData: { styles, renderings } });
    let outputs: [string, string][] | undefined;
    worker.once('message', (m: [string, string][]) => (outputs = m));
    worker.once('error', reject);
    worker.once('exit', (code) => (outputs ? resolve(outputs) : reject(new Error(`the citation worker stopped (exit code ${code}) before it was done`))));
  });
}

/**
 * Starts making the citation forms of the documents `include` says this build renders (all but
 * a shard's others), in the edition `cited`, at `site` under `base` (the document page's
 * address, as the page computes it), but those in `kept` (the last build's outputs, by key
 * digest: `keptCitations`). The pages of this process find the outputs once made.
 */
export function makeCitationsAhead(edition: Edition, cited: CitedEdition, site: string, base: string, include: (slug: string) => boolean, kept: Map<string, string> = new Map()): CitationsAhead {
  const started = performance.now();
  const renderings: [string, unknown][] = [];
  const outputs = new Map<string, string>();
  const found: [string, string][] = [];
  for (const doc of edition.documents) {
    if (!include(doc.slug)) continue;
    const pageUrl = new URL(`${base}documents/${doc.slug}/`, site).href;
    for (const r of citationRenderings(doc, edition, cited, pageUrl)) {
      const key = renderingKey(r);
      const digest = keyDigest(key);
      const output = kept.get(digest);
      if (output !== undefined) {
        found.push([key, output]);
        outputs.set(digest, output);
      } else renderings.push([key, r]);
    }
  }
  const made = renderings.length > 0 ? renderInWorker(renderings) : Promise.resolve([]);
  // A failed worker leaves its renderings to the pages; the kept outputs are used all the same.
  keepRenderingsMadeAhead(made.then((list) => [...found, ...list], () => found));
  return {
    done: made.then(
      (list) => {
        for (const [key, output] of list) outputs.set(keyDigest(key), output);
        return { made: list.length, kept: found.length, outputs, ms: performance.now() - started };
      },
      (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
    ),
  };
}
