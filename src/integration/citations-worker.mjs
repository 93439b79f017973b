/**
 * The worker thread of citations-ahead.ts: makes each rendering it is given with citation-js,
 * the same call as `renderNow` in src/edition/cite.ts (`new Cite(item).format(format, options)`,
 * trimmed), after registering the edition's styles it is given as CSL XML.
 *
 * Plain JavaScript because a worker thread runs its file with Node alone, without the
 * TypeScript loader Astro's config and the bundled pages go through.
 *
 * workerData: { styles: [name, xml][], renderings: [key, { item, format, options }][] }.
 * Posts one message: [key, output][], leaving out a rendering that throws (the page then makes
 * it itself, and reports the error there).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';

const { styles, renderings } = workerData;
const csl = plugins.config.get('@csl');
for (const [name, xml] of styles) csl.styles.add(name, xml);
const outputs = [];
for (const [key, r] of renderings) {
  try {
    outputs.push([key, String(new Cite(r.item).format(r.format, r.options)).trim()]);
  } catch {
    // Left to the page.
  }
}
parentPort.postMessage(outputs);
