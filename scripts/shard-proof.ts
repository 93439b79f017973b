/**
 * `npm run shard-proof -- [--docs 1000] [--shards 4] [--entries 200] [--seed 1] [--no-whole]
 * [--committed] [--keep] [--dir <new folder>] [--sample-ms 200] [--json]`: builds a generated edition whole and
 * as N shards + the aggregate pages, one job after another, joins them (npm run join-shards),
 * and checks that the joined site is byte-identical to the whole one and that both Pagefind
 * indexes answer the same queries (scripts/shards/proof.ts). Exits 1 if not. With
 * `--no-whole`, builds and joins the shards only and reports the time and the peak memory of
 * the sequence (an edition too large to build whole on this machine). `--committed` builds the
 * last commit (git archive HEAD) instead of the working tree.
 * The work happens in `.bench/shards-*` (ignored by git), deleted at the end unless the proof
 * fails or `--keep` is given.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeProof, shardProof, type ProofReport } from './shards/proof.ts';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const value = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  if (i === -1) return fallback;
  const n = Number(args[i + 1]);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`${name} takes a whole number ≥ 1, not ${JSON.stringify(args[i + 1])}`);
    process.exit(2);
  }
  return n;
};
const docs = value('--docs', 1000);
const shards = value('--shards', 4);
const json = args.includes('--json');
const keep = args.includes('--keep');
const dirAt = args.indexOf('--dir');
let work: string;
if (dirAt !== -1) {
  work = resolve(args[dirAt + 1] ?? '');
  if (existsSync(work)) {
    console.error(`${work} exists: give a new folder`);
    process.exit(2);
  }
} else {
  mkdirSync(join(ROOT, '.bench'), { recursive: true });
  work = mkdtempSync(join(ROOT, '.bench', 'shards-'));
}
let report: ProofReport | undefined;
let ok = false;
try {
  report = await shardProof({
    docs,
    shards,
    entries: args.includes('--entries') ? value('--entries', 200) : undefined,
    seed: value('--seed', 1),
    whole: !args.includes('--no-whole'),
    committed: args.includes('--committed'),
    sampleMs: value('--sample-ms', 200),
    work,
    log: json ? undefined : (s) => process.stderr.write(`shard-proof: ${s}\n`),
  });
  ok = report.sequence.completed && (report.comparison?.identical ?? true) && (report.search?.same ?? true);
} catch (e) {
  report = (e as { report?: ProofReport }).report;
  if (!report) throw e;
  process.stderr.write(`shard-proof: ${(e as Error).message}\n`);
}
if (json) console.log(JSON.stringify(report, null, 2));
else console.log(describeProof(report));
if (ok && !keep) rmSync(work, { recursive: true, force: true });
else if (!json) console.log(`work folder kept: ${work}`);
process.exit(ok ? 0 : 1);
