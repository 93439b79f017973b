/**
 * `npm run check [-- --strict] [-- --require-url] [-- --format github]`: validates the edition's settings
 * (edition.config.yml) and every source, note, structure and register file and prints `file:line:col  severity: message` for each problem.
 * Exits 1 on errors (and, with --strict, on warnings). Outside CI it records new and changed
 * passage-id locks, only when there is no error.
 */
import { resolve } from 'node:path';
import { CONFIG_FILE, formatProblem, formatProblemForGitHub, loadEdition, locksRequired, placeholderAddress, readEditionConfig, siteAddress, sortProblems, writePassageLocks, type Problem } from '../src/edition/index.ts';
import { sharedWork } from '../src/integration/work-cache.ts';

const args = process.argv.slice(2);
const strict = args.includes('--strict');
// --require-url (the deploy workflow): the site must have a public address, SITE or the config's
// url, and not a local or example one; without it a build is a preview and check only says so.
const requireUrl = args.includes('--require-url');
const github = args.includes('--format=github') || (args.includes('--format') && args[args.indexOf('--format') + 1] === 'github');
const rootArg = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--format');
const root = resolve(rootArg ?? process.cwd());

// Files unchanged since the last check or build are not read and checked again (the work cache, src/edition/cache.ts).
const work = sharedWork(root);
const edition = loadEdition(root, { requireLocks: locksRequired(), cache: work.cache }, work.files());
const configRead = readEditionConfig(root);
// The public address: a build without one is a preview (every page marked, citations local).
const addressProblems: Problem[] = [];
if (configRead.config) {
  const address = siteAddress(configRead.config, process.env.SITE || undefined);
  const placeholder = address.isPublic ? placeholderAddress(address.site) : undefined;
  const fix = `set "url" in ${CONFIG_FILE} or the SITE variable to the address the site is published at`;
  if (!address.isPublic && requireUrl) addressProblems.push({ file: CONFIG_FILE, line: 1, col: 1, severity: 'error', message: `No public URL: the site would be built for ${address.site} and every page marked as a preview. Before publishing, ${fix}.` });
  else if (placeholder) addressProblems.push({ file: CONFIG_FILE, line: 1, col: 1, severity: requireUrl ? 'error' : 'warning', message: `The public URL ${placeholder}: ${fix}.` });
  else if (!address.isPublic) console.log(`note: no public URL; a build is a preview for ${address.site} (publishing runs npm run check -- --strict --require-url).`);
}
const problems = sortProblems([...configRead.problems, ...addressProblems, ...edition.problems]);
for (const p of problems) console.log(github ? formatProblemForGitHub(p) : formatProblem(p));
const errors = problems.filter((p) => p.severity === 'error').length;
const warnings = problems.length - errors;
// Nothing is written while anything is wrong: a lock written beside an error could renumber published passages.
// Each lock written is followed by what changed in its ids, in words, for the editor and reviewers.
if (!locksRequired() && errors === 0) {
  for (const f of writePassageLocks(root, edition)) {
    const changes = edition.documents.find((d) => d.lockFile === f)?.idChanges ?? [];
    console.log(`${f}: passage ids recorded (commit this file with the source)${changes.length ? ':' : '.'}`);
    for (const c of changes) console.log(`  ${c}`);
  }
}
const notes = edition.documents.reduce((n, d) => n + d.notes.length, 0);
console.log(
  `${edition.documents.length} sources, ${notes} notes, ${edition.entries.size} register entries, ${Object.keys(edition.works).length} works: ` +
    `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${strict ? ' (strict: warnings fail)' : ''}.`,
);
const failed = errors > 0 || (strict && warnings > 0);
// The work cache is written only by a check that passed; failing to write it costs only time.
if (!failed) {
  try {
    work.save();
  } catch {
    // Not written (the folder is a link, the disk is full…): the next check reads every file.
  }
}
process.exit(failed ? 1 : 0);
