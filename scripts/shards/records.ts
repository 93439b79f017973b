/**
 * The join's first step, in a process of its own (scripts/shards/join.ts runs it): loads and
 * checks the edition at `<root>`, checks that the joined site at `<site>` has every document's
 * page, and writes the edition's search records to `<file>`, one JSON object a line, in the
 * order the build sends them to Pagefind. Then it exits, and the memory that held the model is
 * the system's again before Pagefind builds the index in the join's process (at 10,000
 * documents the model's 3.6 GB and Pagefind's 6.7 GB together passed the 8 GB budget).
 * Exit 1 with the message on stderr when the edition has errors or a page is missing.
 *
 * Usage: tsx scripts/shards/records.ts <root> <site> <base> <file>
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { eachSearchRecord, formatProblem, loadEdition, pageBudget, sortProblems } from '../../src/edition/index.ts';
import { missingDocumentPages } from './join.ts';

const [root, site, base, file] = process.argv.slice(2);
if (!root || !site || !base || !file) {
  console.error('usage: tsx scripts/shards/records.ts <root> <site> <base> <file>');
  process.exit(2);
}
// The jobs have validated the edition; the join reads the same files for the index's records.
const edition = loadEdition(root, { requireLocks: false });
const errors = sortProblems(edition.problems.filter((p) => p.severity === 'error'));
if (errors.length > 0) {
  console.error(`${errors.map(formatProblem).join('\n')}\nThe edition has ${errors.length} error${errors.length === 1 ? '' : 's'}: no search index was written (the jobs should have stopped on ${errors.length === 1 ? 'it' : 'them'} too).`);
  process.exit(1);
}
const missing = missingDocumentPages(edition, site);
if (missing.length > 0) {
  console.error(
    `${missing.length} page${missing.length === 1 ? ' is' : 's are'} missing from the joined site, e.g. ${missing.slice(0, 5).join(', ')}: ` +
      `join the output of every shard 1/N … N/N (all of the same N) and of the aggregate job, built from the same edition.`,
  );
  process.exit(1);
}
const fd = openSync(file, 'wx');
try {
  for (const r of eachSearchRecord(edition, base, pageBudget(process.env))) writeSync(fd, `${JSON.stringify(r)}\n`);
} finally {
  closeSync(fd);
}
