/**
 * `npm run check [-- --strict] [-- --format github]`: validates the edition's settings
 * (edition.config.yml) and every source, note, structure and register file and prints `file:line:col  severity: message` for each problem.
 * Exits 1 on errors (and, with --strict, on warnings). Outside CI it records new and changed
 * passage-id locks, only when there is no error.
 */
import { resolve } from 'node:path';
import { formatProblem, formatProblemForGitHub, loadEdition, locksRequired, readEditionConfig, sortProblems, writePassageLocks } from '../src/edition/index.ts';

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const github = args.includes('--format=github') || (args.includes('--format') && args[args.indexOf('--format') + 1] === 'github');
const rootArg = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--format');
const root = resolve(rootArg ?? process.cwd());

const edition = loadEdition(root, { requireLocks: locksRequired() });
const problems = sortProblems([...readEditionConfig(root).problems, ...edition.problems]);
for (const p of problems) console.log(github ? formatProblemForGitHub(p) : formatProblem(p));
const errors = problems.filter((p) => p.severity === 'error').length;
const warnings = problems.length - errors;
// Nothing is written while anything is wrong: a lock written beside an error could renumber published passages.
if (!locksRequired() && errors === 0) for (const f of writePassageLocks(root, edition)) console.log(`${f}: passage ids recorded (commit this file with the source).`);
const notes = edition.documents.reduce((n, d) => n + d.notes.length, 0);
console.log(
  `${edition.documents.length} sources, ${notes} notes, ${edition.entries.size} register entries, ${Object.keys(edition.works).length} works: ` +
    `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${strict ? ' (strict: warnings fail)' : ''}.`,
);
process.exit(errors > 0 || (strict && warnings > 0) ? 1 : 0);
