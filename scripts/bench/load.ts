/**
 * The benchmark's "load" phase, run as its own process: times, with a monotonic clock inside
 * the process, what the Astro integration does before Astro reads any page (read the files,
 * build the validated model: parse, segment, anchor, find mentions; then write the MDX of every
 * document), and what the Pagefind step computes before indexing (the search records).
 * Prints one line of JSON.
 *
 * Usage: tsx scripts/bench/load.ts <edition-root> [--write-locks] [--mdx-out <folder>]
 * With --write-locks it first writes the passage-id locks (annotations/passages/), as an
 * editor's `npm run build` would, so that the measured runs see a committed edition.
 * With --mdx-out it also writes every document's MDX (`documentMdx`, base `/`, as the
 * integration writes them) into <folder>, one `<slug>.mdx` each: the floor's input
 * (scripts/bench/floor.ts); emitMdxMs then includes writing them (the benchmark does this in
 * its unreported first run, the one that writes the locks).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildEdition, documentMdx, readEditionFiles, searchRecords, writePassageLocks } from '../../src/edition/index.ts';

const root = resolve(process.argv[2] ?? '.');
const t0 = performance.now();
const files = readEditionFiles(root);
const t1 = performance.now();
const edition = buildEdition(files);
const t2 = performance.now();
let mdxBytes = 0;
const mdxOut = process.argv.includes('--mdx-out') ? resolve(process.argv[process.argv.indexOf('--mdx-out') + 1] ?? '') : undefined;
if (mdxOut) mkdirSync(mdxOut, { recursive: true });
for (const doc of edition.documents) {
  const text = documentMdx(doc, edition, { base: '/' });
  mdxBytes += Buffer.byteLength(text);
  if (mdxOut) writeFileSync(join(mdxOut, `${doc.slug}.mdx`), text);
}
const t3 = performance.now();
const records = searchRecords(edition, '/');
const t4 = performance.now();
const locksWritten = process.argv.includes('--write-locks') ? writePassageLocks(root, edition).length : 0;
const errors = edition.problems.filter((p) => p.severity === 'error');
console.log(
  JSON.stringify({
    readMs: t1 - t0,
    buildEditionMs: t2 - t1,
    emitMdxMs: t3 - t2,
    searchRecordsMs: t4 - t3,
    files: files.length,
    documents: edition.documents.length,
    passages: edition.documents.reduce((n, d) => n + d.passages.length, 0),
    notes: edition.documents.reduce((n, d) => n + d.notes.length, 0),
    mentions: edition.documents.reduce((n, d) => n + d.mentions.length, 0),
    entries: edition.entries.size,
    mdxBytes,
    searchRecords: records.length,
    errors: errors.length,
    warnings: edition.problems.length - errors.length,
    firstErrors: errors.slice(0, 5).map((p) => `${p.file}:${p.line}:${p.col} ${p.message}`),
    locksWritten,
    heapUsedMB: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
  }),
);
