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
 */
import { Worker } from 'node:worker_threads';
import { citationRenderings, editionStyles, keepRenderingsMadeAhead, renderingKey, type CitedEdition, type Edition } from '../edition/index.ts';

/** What was handed to the worker. */
export interface CitationsAhead {
  /** Settles with the number of outputs made and the worker's time, or with the error that stopped it. */
  done: Promise<{ made: number; ms: number } | Error>;
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
 * address, as the page computes it). The pages of this process find the outputs once made.
 */
export function makeCitationsAhead(edition: Edition, cited: CitedEdition, site: string, base: string, include: (slug: string) => boolean): CitationsAhead {
  const started = performance.now();
  const renderings: [string, unknown][] = [];
  for (const doc of edition.documents) {
    if (!include(doc.slug)) continue;
    const pageUrl = new URL(`${base}documents/${doc.slug}/`, site).href;
    for (const r of citationRenderings(doc, edition, cited, pageUrl)) renderings.push([renderingKey(r), r]);
  }
  const outputs = renderings.length > 0 ? renderInWorker(renderings) : Promise.resolve([]);
  keepRenderingsMadeAhead(outputs);
  return {
    done: outputs.then(
      (made) => ({ made: made.length, ms: performance.now() - started }),
      (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
    ),
  };
}
