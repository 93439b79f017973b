/**
 * The proof of the sharded build (issue 17): a generated edition (scripts/bench/corpus.ts)
 * built once whole (`npm run build`'s `astro build`, Pagefind included) and once in shards —
 * `EDITION_SHARD=1/N` … `N/N` and `aggregate`, one after another, each with its own output
 * and cache as a CI job would have — joined by scripts/join-shards.ts; then every file of the
 * two sites compared byte for byte and the same queries asked of both Pagefind indexes.
 *
 * Without the whole build (`whole: false`), it measures the sharded sequence alone: the time
 * and the peak memory of every job (a 10,000-document edition on one machine).
 *
 * Like the benchmark, it builds from a snapshot of the project (src/, scripts/, public/, the
 * config; node_modules linked) in its work folder, so nobody's concurrent build or edit of
 * src/ interferes (docs/performance.md, "Problems found", 3).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Corpus, generateCorpus as GenerateCorpus } from '../bench/corpus.ts';
import { run, type RunResult } from '../bench/measure.ts';
import { listFiles, sameBytes } from './join.ts';
import { searchSite, type QueryAnswer } from './search.ts';
import { shardOf } from '../../src/integration/shard.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');

export interface ProofOptions {
  docs: number;
  shards: number;
  /** Register entries of the generated edition (default 200). */
  entries?: number | undefined;
  seed?: number | undefined;
  /** A new or empty folder for everything (corpus, snapshot, outputs). */
  work: string;
  /** Build the edition whole too and compare (default true). */
  whole?: boolean;
  /**
   * Build the last commit (`git archive HEAD`) instead of the working tree (the default): a
   * proof of committed code while others edit the tree.
   */
  committed?: boolean;
  /** Memory sampling period, ms (default 200). */
  sampleMs?: number;
  log?: ((line: string) => void) | undefined;
}

/** One build step's cost. */
export interface JobCost {
  job: string;
  status: number;
  wallMs: number;
  /** Peak of the summed RSS of the job's process tree, MB. */
  peakTreeMB: number;
  /** Peak RSS of its largest process (GNU time), MB. */
  maxProcessMB: number | null;
  cpuS: number | null;
  /** Files the job wrote into its output. */
  files: number;
  /** Documents whose pages it rendered (a shard's). */
  documents?: number;
}

export interface ProofReport {
  docs: number;
  shards: number;
  corpus: Corpus['counts'];
  whole?: JobCost;
  jobs: JobCost[];
  join: JobCost;
  /** The sharded sequence: every job one after another, then the join. */
  sequence: { wallMs: number; peakTreeMB: number; completed: boolean };
  /** Whole against joined, file by file (whole build only). */
  comparison?: {
    wholeFiles: number;
    joinedFiles: number;
    identical: boolean;
    onlyInWhole: string[];
    onlyInJoined: string[];
    different: string[];
    /** The same, for the Pagefind index alone. */
    pagefindFiles: number;
    pagefindIdentical: boolean;
  };
  search?: { queries: string[]; same: boolean; differences: string[]; answers: { query: string; results: number }[]; filtersSame: boolean };
  loadAverage: { before: number; after: number };
  work: string;
}

const MB = 2 ** 20;

/** The child environment: the project's Node first on PATH; none of the caller's edition, CI or test settings. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (k === 'CI' || k === 'NODE_ENV' || k.startsWith('VITEST') || k.startsWith('EDITION_') || k === 'BASE' || k === 'SITE') delete env[k];
  env.PATH = `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`;
  env.ASTRO_TELEMETRY_DISABLED = '1';
  return { ...env, ...extra };
}

// sources/: the seed texts, whose words the corpus generator uses.
const SNAPSHOT = ['src', 'scripts', 'public', 'sources', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/** Copies the project's code (its working tree, or its last commit) into `site` (see the module's comment). */
function snapshot(site: string, committed: boolean): void {
  mkdirSync(site, { recursive: true });
  if (committed) {
    const paths = SNAPSHOT.filter((name) => execFileSync('git', ['ls-tree', '--name-only', 'HEAD', name], { cwd: ROOT, encoding: 'utf8' }).trim() !== '');
    const tar = execFileSync('git', ['archive', '--format=tar', 'HEAD', ...paths], { cwd: ROOT, maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', site], { input: tar });
  } else {
    for (const name of SNAPSHOT) if (existsSync(join(ROOT, name))) cpSync(join(ROOT, name), join(site, name), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(site, 'node_modules'), 'dir');
}

/** Names of what differs between the two sites' answers (empty: the same). */
export function answerDifferences(a: QueryAnswer[], b: QueryAnswer[]): string[] {
  const out: string[] = [];
  a.forEach((x, i) => {
    const y = b[i];
    if (!y) return void out.push(`"${x.query}": no answer from the joined site`);
    if (x.results !== y.results) out.push(`"${x.query}": ${x.results} results whole, ${y.results} joined`);
    x.first.forEach((r, k) => {
      if (JSON.stringify(r) !== JSON.stringify(y.first[k])) out.push(`"${x.query}": result ${k + 1} differs (${r.url} whole, ${y.first[k]?.url ?? 'none'} joined)`);
    });
  });
  return out;
}

/** The queries asked of both indexes: the benchmark's, and words of documents spread over every shard. */
function queriesFor(corpus: Corpus): string[] {
  const qs = new Set(corpus.searchQueries);
  const n = corpus.documents.length;
  for (const i of [0, Math.floor(n / 3), Math.floor((2 * n) / 3), n - 1]) {
    const doc = corpus.documents[i]!;
    qs.add(doc.title.split(' ').slice(0, 2).join(' '));
    const passage = doc.passages.find((p) => p.lang === 'en');
    if (passage) qs.add(passage.text.split(/\s+/).slice(0, 3).join(' '));
    const fa = doc.passages.find((p) => p.lang === 'fa');
    if (fa) qs.add(fa.text.split(/\s+/)[0]!);
  }
  const entry = corpus.entries[Math.floor(corpus.entries.length / 2)];
  if (entry) qs.add(entry.id);
  return [...qs].filter((q) => q.trim() !== '');
}

export async function shardProof(o: ProofOptions): Promise<ProofReport> {
  const log = o.log ?? (() => undefined);
  const work = resolve(o.work);
  mkdirSync(work, { recursive: true });
  const edition = join(work, 'edition');
  const site = join(work, 'site');
  // One generated folder for every job, as each CI job has `.edition/mdx/` in its checkout.
  const generated = join(work, 'generated');
  const loadBefore = loadavg()[0]!;

  snapshot(site, o.committed ?? false);
  log(`generating ${o.docs} documents`);
  // With the snapshot's generator: the corpus its validation expects.
  const { generateCorpus } = (await import(pathToFileURL(join(site, 'scripts/bench/corpus.ts')).href)) as { generateCorpus: typeof GenerateCorpus };
  const corpus = generateCorpus(edition, { docs: o.docs, ...(o.entries !== undefined ? { entries: o.entries } : {}), ...(o.seed !== undefined ? { seed: o.seed } : {}) });
  const slugs = corpus.documents.map((d) => d.slug);

  const build = async (job: string, out: string, shard: string | undefined): Promise<JobCost> => {
    log(`${job}: astro build${shard ? ` (EDITION_SHARD=${shard})` : ''}`);
    const env = childEnv({ EDITION_ROOT: edition, EDITION_GENERATED: generated, EDITION_CACHE: join(work, `cache-${job}`), ...(shard ? { EDITION_SHARD: shard } : {}) });
    const r = await run(process.execPath, [ASTRO, 'build', '--outDir', out], { cwd: site, env, sampleMs: o.sampleMs ?? 200 });
    writeFileSync(join(work, `${job}.log`), `${r.stdout}${r.stderr}`);
    return cost(job, r, out);
  };
  const cost = (job: string, r: RunResult, out?: string): JobCost => {
    const c: JobCost = {
      job,
      status: r.status,
      wallMs: Math.round(r.wallMs),
      peakTreeMB: Math.round(r.peakTreeRss / MB),
      maxProcessMB: r.maxProcessRss === undefined ? null : Math.round(r.maxProcessRss / MB),
      cpuS: r.userS === undefined ? null : Math.round((r.userS + (r.sysS ?? 0)) * 10) / 10,
      files: out && existsSync(out) ? listFiles(out).length : 0,
    };
    log(`${job}: ${r.status === 0 ? 'done' : `FAILED (exit ${r.status}; log in ${join(work, `${job}.log`)})`} in ${(c.wallMs / 1000).toFixed(1)} s, peak ${c.peakTreeMB} MB, ${c.files} files`);
    return c;
  };

  const report: ProofReport = {
    docs: o.docs,
    shards: o.shards,
    corpus: corpus.counts,
    jobs: [],
    join: undefined as unknown as JobCost,
    sequence: { wallMs: 0, peakTreeMB: 0, completed: false },
    loadAverage: { before: loadBefore, after: 0 },
    work,
  };
  const wholeOut = join(work, 'whole');
  if (o.whole !== false) {
    report.whole = await build('whole', wholeOut, undefined);
    if (report.whole.status !== 0) throw new Error(`the whole build failed: see ${join(work, 'whole.log')}`);
  }

  // The sharded sequence, as N + 1 CI jobs would run it side by side.
  const outputs: string[] = [];
  // Without the whole build (a measurement of a large edition), the aggregate job first: its cost
  // is the least predictable (pages that list every document), the shards' are alike.
  const shardJobs = Array.from({ length: o.shards }, (_, i) => `${i + 1}/${o.shards}`);
  const jobs = o.whole === false ? ['aggregate', ...shardJobs] : [...shardJobs, 'aggregate'];
  for (const shard of jobs) {
    const name = shard === 'aggregate' ? 'aggregate' : `shard-${shard.split('/')[0]}`;
    const out = join(work, name);
    const c = await build(name, out, shard);
    if (shard !== 'aggregate') c.documents = slugs.filter((s) => shardOf(s, o.shards) === Number(shard.split('/')[0])).length;
    report.jobs.push(c);
    outputs.push(out);
    // So far, in case a later job fails or the run is stopped.
    writeFileSync(join(work, 'report.json'), JSON.stringify(report, null, 2));
    if (c.status !== 0) break;
  }
  const joined = join(work, 'joined');
  if (report.jobs.every((j) => j.status === 0)) {
    log('join: npm run join-shards');
    const r = await run(process.execPath, [TSX, join(site, 'scripts/join-shards.ts'), '--out', joined, ...outputs], { cwd: site, env: childEnv({ EDITION_ROOT: edition }), sampleMs: o.sampleMs ?? 200 });
    writeFileSync(join(work, 'join.log'), `${r.stdout}${r.stderr}`);
    report.join = cost('join', r, joined);
  } else report.join = { job: 'join', status: -1, wallMs: 0, peakTreeMB: 0, maxProcessMB: null, cpuS: null, files: 0 };
  const steps = [...report.jobs, report.join];
  report.sequence = {
    wallMs: steps.reduce((n, j) => n + j.wallMs, 0),
    peakTreeMB: Math.max(...steps.map((j) => j.peakTreeMB)),
    completed: steps.every((j) => j.status === 0),
  };
  report.loadAverage.after = loadavg()[0]!;
  if (!report.sequence.completed) throw Object.assign(new Error(`the sharded build did not complete: see the logs in ${work}`), { report });

  if (report.whole) {
    log('comparing the two sites file by file');
    const a = listFiles(wholeOut);
    const b = listFiles(joined);
    const inB = new Set(b);
    const inA = new Set(a);
    const different = a.filter((f) => inB.has(f) && !sameBytes(join(wholeOut, f), join(joined, f)));
    const onlyInWhole = a.filter((f) => !inB.has(f));
    const onlyInJoined = b.filter((f) => !inA.has(f));
    const pf = (xs: string[]) => xs.filter((f) => f.startsWith('pagefind/'));
    report.comparison = {
      wholeFiles: a.length,
      joinedFiles: b.length,
      identical: different.length + onlyInWhole.length + onlyInJoined.length === 0,
      onlyInWhole,
      onlyInJoined,
      different,
      pagefindFiles: pf(a).length,
      pagefindIdentical: pf(different).length + pf(onlyInWhole).length + pf(onlyInJoined).length === 0,
    };
    log('asking both indexes the same queries');
    const queries = queriesFor(corpus);
    const whole = await searchSite(wholeOut, queries);
    const sharded = await searchSite(joined, queries);
    const differences = answerDifferences(whole.answers, sharded.answers);
    const filtersSame = JSON.stringify(whole.filters) === JSON.stringify(sharded.filters);
    if (!filtersSame) differences.push('the filters and their counts differ');
    report.search = { queries, same: differences.length === 0, differences, answers: whole.answers.map((x) => ({ query: x.query, results: x.results })), filtersSame };
  }
  return report;
}

/** The report as lines of text. */
export function describeProof(r: ProofReport): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const lines = [
    `${r.docs} documents (${r.corpus.notes} notes, ${r.corpus.entries} register entries), ${r.shards} shards + aggregate, one after another`,
    ...(r.whole ? [`  whole build: ${s(r.whole.wallMs)}, peak ${r.whole.peakTreeMB} MB, ${r.whole.files} files`] : []),
    ...r.jobs.map((j) => `  ${j.job}${j.documents !== undefined ? ` (${j.documents} documents)` : ''}: ${s(j.wallMs)}, peak ${j.peakTreeMB} MB, ${j.files} files${j.status ? ` — FAILED (exit ${j.status})` : ''}`),
    `  join + Pagefind: ${s(r.join.wallMs)}, peak ${r.join.peakTreeMB} MB, ${r.join.files} files`,
    `  sharded sequence: ${s(r.sequence.wallMs)}, peak ${r.sequence.peakTreeMB} MB of the largest job's process tree; ${r.sequence.completed ? 'completed' : 'NOT completed'}`,
  ];
  if (r.comparison) {
    const c = r.comparison;
    lines.push(
      c.identical
        ? `  byte-identical: all ${c.wholeFiles} files (${c.pagefindFiles} of them Pagefind's)`
        : `  NOT identical: ${c.different.length} files differ, ${c.onlyInWhole.length} only in the whole build, ${c.onlyInJoined.length} only in the joined one (Pagefind's ${c.pagefindIdentical ? 'identical' : 'differ'})`,
      ...[...c.different.map((f) => `    differs: ${f}`), ...c.onlyInWhole.map((f) => `    only whole: ${f}`), ...c.onlyInJoined.map((f) => `    only joined: ${f}`)].slice(0, 50),
    );
  }
  if (r.search) {
    lines.push(`  search: ${r.search.queries.length} queries (${r.search.answers.map((a) => `"${a.query}" ${a.results}`).join(', ')}): ${r.search.same ? 'the same answers and filters from both indexes' : 'DIFFERENT answers'}`);
    for (const d of r.search.differences.slice(0, 20)) lines.push(`    ${d}`);
  }
  lines.push(`  1-minute load average ${r.loadAverage.before.toFixed(2)} → ${r.loadAverage.after.toFixed(2)}; work folder ${r.work}`);
  return lines.join('\n');
}
