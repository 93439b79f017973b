/**
 * `npm run bench -- --docs N`: the build benchmark (issue 10). See docs/performance.md.
 *
 * 1. Generates an edition of N documents shaped like the seeds (scripts/bench/corpus.ts;
 *    deterministic for a given --seed) in a work folder, .bench/run-XXXXXX/ (ignored by git).
 * 2. Builds it with the real pipeline: the steps of the project's `npm run build` script (see
 *    `buildSteps`), each a child process measured from outside (scripts/bench/measure.ts):
 *    `astro build` with EDITION_ROOT/EDITION_CACHE into an outDir in the work
 *    folder, from a snapshot of the project (see `site` below), and, if the script lists it,
 *    `tsx scripts/index-search.ts <outDir>` (Pagefind). The load phase (read + validate +
 *    segment + anchor + mentions, then MDX emission and search records) is timed separately,
 *    inside its own process (scripts/bench/load.ts): the same work happens inside the Astro
 *    build, so it is not added to the total.
 * 3. Builds the "floor" (scripts/bench/floor.ts): the same generated `.mdx` files (written by the
 *    core's `documentMdx` in the first load step, and checked byte for byte against the ones the
 *    edition's build wrote into its generated folder, EDITION_GENERATED) built by a bare Astro
 *    project with @astrojs/mdx, the same `unified()` processor and plugins and the same build
 *    settings, through one route; then indexes the floor's pages with `pagefind --site` (the
 *    floor followed by search), and times file creation on this disk.
 *    Then (unless --no-satteri) the same full build with Astro's Sätteri processor (the editor's
 *    choice `markdown: { processor: satteri }`, written into the generated edition.config.yml
 *    for that build only; its own caches and outDir) and its floor (the same MDX through
 *    `satteri()` with the same features, scripts/bench/floor.ts), followed by `pagefind --site`.
 * 4. Edits one note's body and rebuilds (Astro + Pagefind, same caches and outDir): the warm
 *    rebuild, against the cold full build of step 2 (the default processor, unified()).
 * 5. Prints JSON (only JSON with --json) and a table.
 *
 * Options: --docs N (100) --entries N (200) --seed N (1) --json --keep (keep the work folder)
 * --dir <folder> (work there instead; must not exist) --profile <folder> (CPU-profile the full
 * Astro build with node --cpu-prof; its timings are then not comparable) --no-warmup
 * --no-load-phase --no-rebuild --no-satteri (for very large runs) --sample-ms N (100: /proc sampling period
 * for peak memory).
 * Child processes run without CI in their environment (generated editions get their passage-id
 * locks written before the measured runs, as a committed edition has them).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { generateCorpus, type Corpus } from './bench/corpus.ts';
import { probeFileCreation } from './bench/disk-probe.ts';
import { mdxDifferences, writeFloorProject } from './bench/floor.ts';
import { probeSearch, type SearchProbe } from './bench/search-probe.ts';
import { hasGnuTime, htmlStats, run, walk, type HtmlStats, type RunResult } from './bench/measure.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');

interface Options {
  docs: number;
  entries: number;
  seed: number;
  json: boolean;
  keep: boolean;
  dir?: string;
  profile?: string;
  warmup: boolean;
  sampleMs: number;
  /** Skip the standalone load phase / the rebuild (for very large runs). */
  loadPhase: boolean;
  rebuild: boolean;
  /** Measure a first search in Chromium on the built site (scripts/bench/search-probe.ts). */
  searchProbe: boolean;
  /** Also build the edition and the floor with Astro's Sätteri processor (markdown.processor: satteri). */
  satteri: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { docs: 100, entries: 200, seed: 1, json: false, keep: false, warmup: true, sampleMs: 100, loadPhase: true, rebuild: true, searchProbe: true, satteri: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`bench: ${a} needs a value`);
      return v;
    };
    const count = (min: number) => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < min) throw new Error(`bench: ${a} needs a whole number ≥ ${min}`);
      return n;
    };
    if (a === '--docs') o.docs = count(1);
    else if (a === '--entries') o.entries = count(4);
    else if (a === '--seed') o.seed = count(0);
    else if (a === '--sample-ms') o.sampleMs = count(10);
    else if (a === '--json') o.json = true;
    else if (a === '--keep') o.keep = true;
    else if (a === '--no-warmup') o.warmup = false;
    else if (a === '--no-load-phase') o.loadPhase = false;
    else if (a === '--no-rebuild') o.rebuild = false;
    else if (a === '--no-search-probe') o.searchProbe = false;
    else if (a === '--no-satteri') o.satteri = false;
    else if (a === '--dir') o.dir = resolve(value());
    else if (a === '--profile') o.profile = resolve(value());
    else if (a === '--help' || a === '-h') {
      console.log('npm run bench -- [--docs N] [--entries N] [--seed N] [--json] [--keep] [--dir <folder>] [--profile <folder>] [--no-warmup] [--no-load-phase] [--no-rebuild] [--no-search-probe] [--no-satteri] [--sample-ms N]');
      process.exit(0);
    } else throw new Error(`bench: unknown option ${a} (try --help)`);
  }
  return o;
}

const opts = parseArgs(process.argv.slice(2));
const log = (s: string) => {
  if (!opts.json) process.stderr.write(`bench: ${s}\n`);
};
const ms = (x: number) => Math.round(x);
const mb = (bytes: number | undefined) => (bytes === undefined ? null : Math.round(bytes / 2 ** 20));

// Work folder.
let work: string;
if (opts.dir) {
  if (existsSync(opts.dir)) throw new Error(`bench: ${opts.dir} exists; give a new folder`);
  mkdirSync(opts.dir, { recursive: true });
  work = opts.dir;
} else {
  // In the project's .bench/ (ignored by git), easy to find and to clean up.
  mkdirSync(join(ROOT, '.bench'), { recursive: true });
  work = mkdtempSync(join(ROOT, '.bench', 'run-'));
}
const edition = join(work, 'edition');
const dist = join(work, 'dist');
/** The edition build's generated MDX folder (EDITION_GENERATED), and the core's own copy for the floor. */
const generated = join(work, 'generated');
const floorMdx = join(work, 'mdx');

/**
 * The site is built from a snapshot of the project (src/, scripts/, public/, astro.config.mjs,
 * package.json, tsconfig.json; node_modules linked), not from the project itself: Astro writes
 * `.astro/content-modules.mjs` (the map from content entries to their compiled modules) into
 * the project root, so a build running at the same time from the same root (a test, a
 * colleague's build or dev server) overwrites it and this build's pages fail with
 * "UnknownContentCollectionError: Unexpected error while rendering". The snapshot also keeps
 * the measured code fixed for the whole run while others edit src/.
 */
const site = join(work, 'site');
mkdirSync(site, { recursive: true });
for (const name of ['src', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
  if (existsSync(join(ROOT, name))) cpSync(join(ROOT, name), join(site, name), { recursive: true });
}
symlinkSync(join(ROOT, 'node_modules'), join(site, 'node_modules'), 'dir');
/** A fingerprint of the measured code (src/ of the snapshot), so that runs can be compared. */
const srcSha256 = (() => {
  const h = createHash('sha256');
  for (const f of walk(join(site, 'src')).sort((a, b) => (a.path < b.path ? -1 : 1))) h.update(f.path).update(readFileSync(join(site, 'src', f.path)));
  return h.digest('hex').slice(0, 16);
})();

/** The child environment: the project's Node first on PATH; no CI, test-runner or NODE_ENV settings. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const k of Object.keys(env)) if (k === 'CI' || k === 'NODE_ENV' || k.startsWith('VITEST') || k === 'EDITION_ROOT' || k === 'EDITION_CACHE' || k === 'EDITION_GENERATED' || k === 'BASE') if (!(k in extra)) delete env[k];
  env.PATH = `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`;
  env.ASTRO_TELEMETRY_DISABLED = '1';
  return env;
}
const env = childEnv({ EDITION_ROOT: edition, EDITION_CACHE: join(work, 'cache'), EDITION_GENERATED: generated });
/** The floor imports the snapshot's plugin: the code measured in the edition's build. */
const floorSource = {
  mdxFrom: floorMdx,
  nodeModules: join(ROOT, 'node_modules'),
  remarkLiteralPassages: join(site, 'src/integration/remark-literal-passages.ts'),
  satteriLiteralPassages: join(site, 'src/integration/satteri-literal-passages.ts'),
};

const fail = (what: string, r: RunResult): never => {
  process.stderr.write(`${r.stdout}\n${r.stderr}\n`);
  // What it cost before failing (an out-of-memory build, say), since no report follows.
  throw new Error(`bench: ${what} failed (exit ${r.status}) after ${(r.wallMs / 1000).toFixed(1)} s, peak RSS of its process tree ${mb(r.peakTreeRss)} MB (largest process ${mb(r.maxProcessRss) ?? '–'} MB); work folder kept at ${work}`);
};

/**
 * Astro's own account of its build steps: from its log ("Collecting build info … ✓ Completed in"
 * counts from before the integrations' config hooks, so it includes the edition's load and
 * validation and the content-layer sync; "generating static routes … ✓ Completed in" is page
 * rendering; "[vite] ✓ built in" the bundling) and from its timer file (ASTRO_TIMER_PATH).
 */
function astroSteps(output: string, timerFile: string) {
  // eslint-disable-next-line no-control-regex
  const text = output.replace(/\u001b\[[0-9;]*m/g, '');
  const DURATION = '(\\d+m \\d+s|[\\d.]+ms|[\\d.]+s)';
  const dur = (s: string) => {
    const m = /^(\d+)m (\d+)s$/.exec(s);
    if (m) return Number(m[1]) * 60_000 + Number(m[2]) * 1000;
    return s.endsWith('ms') ? Number(s.slice(0, -2)) : Number(s.slice(0, -1)) * 1000;
  };
  const after = (marker: string, re: RegExp) => {
    const at = text.indexOf(marker);
    if (at === -1) return null;
    const m = re.exec(text.slice(at));
    return m ? ms(dur(m[1]!)) : null;
  };
  const vite = [...text.matchAll(new RegExp(`\\[vite\\] ✓ built in ${DURATION}`, 'g'))].map((m) => dur(m[1]!));
  const built = new RegExp(`(\\d+) page\\(s\\) built in ${DURATION}`).exec(text);
  let timer: Record<string, { elapsedTime: number; heapUsedTotal: number }> = {};
  try {
    timer = JSON.parse(readFileSync(timerFile, 'utf8')) as typeof timer;
  } catch {
    // no timer file (the build failed early)
  }
  const t = (name: string) => (timer[name] ? ms(timer[name].elapsedTime) : null);
  // Render time of each page, by route shape (documents/*/, documents/*/handout/, people/*/…):
  // the generated slugs and entry ids (bench-0012, person-3, org-5…) become `*`.
  const routes: Record<string, { pages: number; totalMs: number; maxMs: number }> = {};
  for (const m of text.matchAll(new RegExp(`[├└]─ (\\S+) \\(\\+${DURATION}\\)`, 'g'))) {
    const shape = m[1]!
      .slice(1)
      .split('/')
      .map((seg) => (/^(bench|person|org|place|event)-\d+$/.test(seg) ? '*' : seg))
      .join('/');
    const r = (routes[shape] ??= { pages: 0, totalMs: 0, maxMs: 0 });
    const d = dur(m[2]!);
    r.pages++;
    r.totalMs += d;
    r.maxMs = Math.max(r.maxMs, d);
  }
  const collect = after('Collecting build info', new RegExp(`✓ Completed in ${DURATION}`));
  const generate = after('generating static routes', new RegExp(`✓ Completed in ${DURATION}`));
  const renderSum = Object.values(routes).reduce((n, r) => n + r.totalMs, 0);
  const sync = t('Sync content layer');
  return {
    collectBuildInfoMs: collect,
    syncContentLayerMs: sync,
    /** Config hooks (the edition integration: load, validate, anchor) and route setup: "Collecting build info" minus the content sync. */
    configHooksMs: collect !== null && sync !== null ? collect - sync : null,
    viteMs: vite.length ? ms(vite.reduce((a, b) => a + b, 0)) : null,
    prerenderBuildMs: t('Prerender build'),
    clientBuildMs: t('Client build'),
    generateRoutesMs: generate,
    /** Sum of the per-page render times Astro logs; the rest of generateRoutesMs is getStaticPaths and writing. */
    renderPagesMs: ms(renderSum),
    generateOutsidePagesMs: generate !== null ? ms(generate - renderSum) : null,
    renderByRoute: Object.fromEntries(Object.entries(routes).sort((x, y) => y[1].totalMs - x[1].totalMs).map(([k, v]) => [k, { ...v, totalMs: ms(v.totalMs) }])),
    reportedTotalMs: built ? ms(dur(built[2]!)) : null,
    /** Astro's total minus the steps above: route collection and the astro:build:done hooks (where this edition's integration writes the Pagefind index). */
    otherMs: built && collect !== null && generate !== null ? ms(dur(built[2]!) - collect - (vite.reduce((x, y) => x + y, 0)) - generate) : null,
    reportedPages: built ? Number(built[1]) : null,
    heapAtEndMB: timer['Total build'] ? mb(timer['Total build'].heapUsedTotal) : null,
  };
}

let timers = 0;
async function astroBuild(cwd: string, outDir: string, childEnvironment: NodeJS.ProcessEnv, profileDir?: string): Promise<RunResult & { steps: ReturnType<typeof astroSteps> }> {
  const nodeArgs = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const timerFile = join(work, `astro-timer-${++timers}.json`);
  const r = await run(process.execPath, [...nodeArgs, ASTRO, 'build', '--outDir', outDir], { cwd, env: { ...childEnvironment, ASTRO_TIMER_PATH: timerFile }, sampleMs: opts.sampleMs });
  // The log stays in the work folder (kept with --keep, or when a run fails).
  writeFileSync(join(work, `astro-${timers}.log`), `${r.stdout}${r.stderr}`);
  return { ...r, steps: astroSteps(`${r.stdout}${r.stderr}`, timerFile) };
}
async function indexStep(outDir: string): Promise<RunResult> {
  return run(process.execPath, [TSX, join(site, 'scripts/index-search.ts'), outDir], { cwd: site, env, sampleMs: opts.sampleMs });
}

/**
 * The steps of `npm run build`, read from the snapshot's package.json so that the benchmark
 * follows the build as it is defined: `astro build` (whose integration may index the site with
 * Pagefind in astro:build:done) and, if listed, `tsx scripts/index-search.ts` as its own step.
 */
const buildSteps = (() => {
  const script = (JSON.parse(readFileSync(join(site, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts?.build ?? 'astro build';
  return script.split('&&').map((cmd) => {
    const c = cmd.trim();
    if (/^astro build\b/.test(c)) return 'astro' as const;
    if (/^tsx scripts\/index-search\.ts\b/.test(c)) return 'index' as const;
    throw new Error(`bench: the build script "${script}" has a step the benchmark does not know how to run: ${c}`);
  });
})();

interface FullBuild {
  astro: RunResult & { steps: ReturnType<typeof astroSteps> };
  index: RunResult | null;
  wallMs: number;
  /** Pagefind: its own step's wall time, or the time the integration logs for it inside astro build. */
  pagefindMs: number | null;
  pagefindInAstro: boolean;
  records: number | null;
  peakTreeRss: number;
  maxProcessRss: number | undefined;
}
async function fullBuild(profileDir?: string, target: { env: NodeJS.ProcessEnv; dist: string } = { env, dist }): Promise<FullBuild> {
  let astro: FullBuild['astro'] | undefined;
  let index: RunResult | null = null;
  for (const step of buildSteps) {
    if (step === 'astro') {
      astro = await astroBuild(site, target.dist, target.env, profileDir);
      if (astro.status !== 0) fail('astro build', astro);
    } else {
      index = await indexStep(target.dist);
      if (index.status !== 0) fail('the Pagefind step (scripts/index-search.ts)', index);
    }
  }
  if (!astro) throw new Error('bench: the build script has no astro build step');
  // eslint-disable-next-line no-control-regex
  const astroLog = `${astro.stdout}${astro.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
  const inAstro = /pagefind: (\d+) records[^\n]*?(?: in|;) (\d+) ms/.exec(astroLog);
  const separate = index ? /pagefind: (\d+) records/.exec(index.stdout) : null;
  return {
    astro,
    index,
    wallMs: astro.wallMs + (index?.wallMs ?? 0),
    pagefindMs: index ? index.wallMs : inAstro ? Number(inAstro[2]) : null,
    pagefindInAstro: !index && inAstro !== null,
    records: separate ? Number(separate[1]) : inAstro ? Number(inAstro[1]) : null,
    peakTreeRss: Math.max(astro.peakTreeRss, index?.peakTreeRss ?? 0),
    maxProcessRss: Math.max(astro.maxProcessRss ?? 0, index?.maxProcessRss ?? 0) || undefined,
  };
}
async function loadStep(extra: string[] = []): Promise<{ r: RunResult; out: Record<string, unknown> }> {
  const r = await run(process.execPath, [TSX, join(site, 'scripts/bench/load.ts'), edition, ...extra], { cwd: site, env, sampleMs: opts.sampleMs });
  if (r.status !== 0) fail('the load step', r);
  const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
  if (out.errors !== 0) throw new Error(`bench: the generated edition has errors: ${JSON.stringify(out.firstErrors)}; work folder kept at ${work}`);
  return { r, out };
}
const mem = (r: RunResult) => ({ peakTreeRssMB: mb(r.peakTreeRss), maxProcessRssMB: mb(r.maxProcessRss), cpuS: r.userS !== undefined && r.sysS !== undefined ? Math.round((r.userS + r.sysS) * 10) / 10 : null });
const pageStats = (s: HtmlStats) => ({ pages: s.pages, totalBytes: s.totalBytes, avgBytes: s.avgBytes, maxBytes: s.maxBytes, maxPage: s.maxPage });

let finished = false;
const loadBefore = loadavg()[0]!;
try {
  // 1. Corpus.
  log(`generating ${opts.docs} documents in ${work}`);
  const g0 = performance.now();
  const corpus: Corpus = generateCorpus(edition, { docs: opts.docs, entries: opts.entries, seed: opts.seed });
  const generateMs = performance.now() - g0;
  log('writing passage-id locks and the MDX of every document (documentMdx), checking the generated edition');
  await loadStep(['--write-locks', '--mdx-out', floorMdx]);

  // Warm-up: a floor build of two pages, so that neither measured build pays for a cold disk cache.
  if (opts.warmup) {
    log('warm-up build');
    const w = join(work, 'warmup');
    writeFloorProject(w, { ...floorSource, limit: 2 });
    const r = await astroBuild(w, join(w, 'dist'), childEnv({}));
    if (r.status !== 0) fail('the warm-up build', r);
  }

  // 2. The full build, phase by phase.
  if (opts.loadPhase) log('load phase (read, validate, segment, anchor, mentions; emit MDX; search records)');
  const load = opts.loadPhase ? await loadStep() : null;
  log(`full build: ${buildSteps.map((x) => (x === 'astro' ? 'astro build' : 'tsx scripts/index-search.ts')).join(', then ')}`);
  if (opts.profile) mkdirSync(opts.profile, { recursive: true });
  const full = await fullBuild(opts.profile);
  const { astro } = full;
  log(`full build: ${(full.wallMs / 1000).toFixed(1)} s`);
  // The floor must build the very files the edition built.
  const differ = mdxDifferences(floorMdx, generated);
  if (differ.length) throw new Error(`bench: the core's MDX and the edition build's generated MDX differ (${differ.length} files, first ${differ.slice(0, 3).join(', ')}); work folder kept at ${work}`);
  const files = walk(dist);
  const html = htmlStats(files);
  const docPages = htmlStats(files.filter((f) => /^documents\/[^/]+\/index\.html$/.test(f.path)));
  const pagefindFiles = files.filter((f) => f.path.startsWith('pagefind/'));
  const documentPagesBuilt = corpus.documents.filter((d) => existsSync(join(dist, 'documents', d.slug, 'index.html'))).length;
  const entryFolders: Record<string, string> = { person: 'people', organization: 'organizations', place: 'places', event: 'events' };
  const entryPagesBuilt = corpus.entries.filter((e) => existsSync(join(dist, entryFolders[e.kind]!, e.id, 'index.html'))).length;

  // What a reader's first search transfers, in Chromium: a word found in many passages, and a
  // register entry's name in another spelling.
  let search: SearchProbe[] | null = null;
  if (opts.searchProbe) {
    log('first search in Chromium');
    search = await probeSearch(dist, corpus.searchQueries);
  }

  // 3. The floor.
  log('floor build (the same generated MDX, bare Astro + @astrojs/mdx, same processor and plugins, one route)');
  const floorDir = join(work, 'floor');
  const floorInput = writeFloorProject(floorDir, floorSource);
  const floor = await astroBuild(floorDir, join(floorDir, 'dist'), childEnv({}));
  // A floor that fails (out of memory, at 10,000 documents, say) is reported, not fatal: the
  // edition's figures stand, and the ratios to the floor are null.
  const floorFailed = floor.status === 0 ? null : { status: floor.status, error: `${floor.stdout}\n${floor.stderr}`.trim().split('\n').filter((l) => l.trim()).slice(-6).join('\n') };
  if (floorFailed) log(`the floor build FAILED (exit ${floor.status}) after ${(floor.wallMs / 1000).toFixed(1)} s:\n${floorFailed.error}`);
  const floorFiles = walk(join(floorDir, 'dist')).length;
  const floorHtml = htmlStats(walk(join(floorDir, 'dist')));
  // The floor followed by a search index: Pagefind's own CLI over the floor's pages, as a plain
  // Astro site would add search.
  let floorSearch: RunResult | null = null;
  if (!floorFailed) {
    log('Pagefind over the floor pages (npx pagefind --site)');
    floorSearch = await run(process.execPath, [join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', join(floorDir, 'dist')], { cwd: floorDir, env: childEnv({}), sampleMs: opts.sampleMs });
    if (floorSearch.status !== 0) fail('Pagefind over the floor', floorSearch);
  }
  // Each file costs about the same to create here whatever its size: count them too.
  const diskMsPerFile = await probeFileCreation(join(work, 'disk-probe'));

  // 3b. The same edition, and its floor, with Astro's Sätteri processor: the editor's choice
  // `markdown: { processor: satteri }` in edition.config.yml (read by astro.config.mjs). Cold:
  // its own Astro cache, generated folder and outDir; the config is restored before the rebuild.
  let satteriRun: { full: FullBuild; docPages: HtmlStats; floor: Awaited<ReturnType<typeof astroBuild>>; floorFailed: { status: number; error: string } | null; floorHtml: HtmlStats; floorSearch: RunResult | null } | null = null;
  if (opts.satteri) {
    log('full build with markdown.processor: satteri (edition.config.yml; its own caches and outDir)');
    const configFile = join(edition, 'edition.config.yml');
    const configText = readFileSync(configFile, 'utf8');
    const sDist = join(work, 'dist-satteri');
    const sGenerated = join(work, 'generated-satteri');
    writeFileSync(configFile, `${configText.trimEnd()}\nmarkdown:\n  processor: satteri\n`);
    let sFull: FullBuild;
    try {
      sFull = await fullBuild(undefined, { env: { ...env, EDITION_CACHE: join(work, 'cache-satteri'), EDITION_GENERATED: sGenerated }, dist: sDist });
    } finally {
      writeFileSync(configFile, configText);
    }
    if (!`${sFull.astro.stdout}${sFull.astro.stderr}`.includes('mdx: compiled by the satteri processor')) throw new Error(`bench: the Sätteri build did not say it compiled the pages with Sätteri (see astro-${timers}.log); work folder kept at ${work}`);
    const sDiffer = mdxDifferences(floorMdx, sGenerated);
    if (sDiffer.length) throw new Error(`bench: the Sätteri build's generated MDX differs from the core's (${sDiffer.length} files, first ${sDiffer.slice(0, 3).join(', ')}); work folder kept at ${work}`);
    log(`full build with Sätteri: ${(sFull.wallMs / 1000).toFixed(1)} s`);
    const docPagesS = htmlStats(walk(sDist).filter((f) => /^documents\/[^/]+\/index\.html$/.test(f.path)));
    log('floor build with Sätteri (the same MDX, bare Astro + @astrojs/mdx, satteri() with the same features)');
    const sFloorDir = join(work, 'floor-satteri');
    writeFloorProject(sFloorDir, { ...floorSource, processor: 'satteri' });
    const sFloor = await astroBuild(sFloorDir, join(sFloorDir, 'dist'), childEnv({}));
    const sFloorFailed = sFloor.status === 0 ? null : { status: sFloor.status, error: `${sFloor.stdout}\n${sFloor.stderr}`.trim().split('\n').filter((l) => l.trim()).slice(-6).join('\n') };
    if (sFloorFailed) log(`the Sätteri floor build FAILED (exit ${sFloor.status}) after ${(sFloor.wallMs / 1000).toFixed(1)} s:\n${sFloorFailed.error}`);
    let sFloorSearch: RunResult | null = null;
    if (!sFloorFailed) {
      log('Pagefind over the Sätteri floor pages (npx pagefind --site)');
      sFloorSearch = await run(process.execPath, [join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', join(sFloorDir, 'dist')], { cwd: sFloorDir, env: childEnv({}), sampleMs: opts.sampleMs });
      if (sFloorSearch.status !== 0) fail('Pagefind over the Sätteri floor', sFloorSearch);
    }
    satteriRun = { full: sFull, docPages: docPagesS, floor: sFloor, floorFailed: sFloorFailed, floorHtml: htmlStats(walk(join(sFloorDir, 'dist'))), floorSearch: sFloorSearch };
    // The Sätteri outputs are not needed any more (the rebuild uses the unified build's).
    if (!opts.keep && !opts.dir) for (const d of [sDist, sGenerated, join(work, 'cache-satteri'), join(sFloorDir, 'dist')]) rmSync(d, { recursive: true, force: true });
  }

  // 4. Rebuild after editing one note's body.
  let rebuild: { editedNote: string; totalMs: number; astroMs: number; pagefindMs: number | null; astroSteps: ReturnType<typeof astroSteps>; peakTreeRssMB: number | null; editShown: boolean } | null = null;
  if (opts.rebuild) {
    log(`rebuild after editing ${corpus.noteToEdit}`);
    appendFileSync(join(edition, corpus.noteToEdit), '\nA sentence added by the benchmark before the rebuild.\n');
    const re = await fullBuild();
    const editShown = readFileSync(join(dist, 'documents', corpus.noteToEdit.split('/')[2]!, 'index.html'), 'utf8').includes('A sentence added by the benchmark');
    rebuild = {
      editedNote: corpus.noteToEdit,
      totalMs: ms(re.wallMs),
      astroMs: ms(re.astro.wallMs),
      pagefindMs: re.pagefindMs === null ? null : ms(re.pagefindMs),
      astroSteps: re.astro.steps,
      peakTreeRssMB: mb(re.peakTreeRss),
      editShown,
    };
  }

  const totalMs = full.wallMs;
  const floorOk = !floorFailed;
  /** a ÷ b to two decimals; null without a b (a failed floor). */
  const ratioOf = (a: number, b: number | false | null): number | null => (b ? Math.round((a / b) * 100) / 100 : null);
  const peakTree = full.peakTreeRss;
  const cpuOf = (r: RunResult) => (r.userS !== undefined && r.sysS !== undefined ? r.userS + r.sysS : null);
  const cpuRatio = (a: RunResult, b: RunResult) => {
    const ca = cpuOf(a);
    const cb = cpuOf(b);
    return ca === null || cb === null ? null : ratioOf(ca, cb);
  };
  const peakProcess = full.maxProcessRss;
  const lo = load?.out;
  const num = (k: string) => (lo ? ms(lo[k] as number) : null);
  const version = (pkg: string) => {
    try {
      return (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return null;
    }
  };
  const result = {
    benchmark: 'edition build',
    date: new Date().toISOString(),
    code: { srcSha256, buildScript: buildSteps.map((x) => (x === 'astro' ? 'astro build' : 'tsx scripts/index-search.ts')).join(' && ') },
    options: { docs: opts.docs, entries: opts.entries, seed: opts.seed, profiled: Boolean(opts.profile), warmup: opts.warmup, loadPhase: opts.loadPhase, rebuild: opts.rebuild, satteri: opts.satteri },
    machine: {
      nproc: Number(execFileSync('nproc', { encoding: 'utf8' }).trim()),
      cpu: cpus()[0]?.model ?? null,
      memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
      node: process.version,
      astro: version('astro'),
      pagefind: version('pagefind'),
      /** 1-minute load average before and after the run: other work on the machine skews timings. */
      loadAverage: { before: Math.round(loadBefore * 100) / 100, after: Math.round(loadavg()[0]! * 100) / 100 },
      /** Creating one 20 KB file in a new folder, 1,000 of them four at a time, after the builds (scripts/bench/disk-probe.ts). */
      diskMsPerFile,
    },
    method: {
      wall: 'monotonic clock around each child process, from spawn to exit (Node start-up included)',
      peakTreeRss: `sum of VmRSS over the child process and all descendants, sampled from /proc every ${opts.sampleMs} ms`,
      maxProcessRss: hasGnuTime() ? 'GNU /usr/bin/time -v "Maximum resident set size" (the largest single process of the tree)' : 'unavailable: /usr/bin/time not installed',
      load: 'scripts/bench/load.ts in its own process, timed inside it (excludes tsx start-up); the same work also runs inside astro build (the integration loads the model), so it is NOT added to the total',
      total: `the steps of the project's npm run build script, each timed as a child process: ${buildSteps.join(' + ')}`,
      pagefind: 'the wall time of scripts/index-search.ts when the build script runs it as its own step; otherwise the time the integration waits for the index in astro:build:done after the pages are written (indexing itself starts at astro:build:start and overlaps bundling and rendering); part of the astro build time',
      floor: 'the same generated .mdx files (the core\'s documentMdx, checked byte for byte against the edition build\'s generated folder), built by a bare Astro project: integrations [mdx()], the same unified() processor and plugins (remark-gfm, remark-literal-passages, rehype-slug; gfm and smartypants off; clobberPrefix \'\'), format directory, concurrency 4, a glob() content collection and one route [slug].astro rendering <Content /> in a bare HTML shell (scripts/bench/floor.ts)',
      rebuild: 'after the cold full build (empty Astro and Vite caches), one note body edited, then the same build steps with the same caches and outDir',
      satteri: 'the same full build with markdown.processor: satteri in the edition\'s edition.config.yml (Astro\'s Sätteri processor; its own empty caches, generated folder and outDir), run after the unified floor and before the rebuild; its floor is the same MDX through satteri({ features: { gfm: { footnotes: { clobberPrefix: \'\' } }, smartPunctuation: false }, mdastPlugins: [satteri-literal-passages] }), followed by pagefind --site',
      isolation: 'the site is built from a snapshot of src/, public/ and the config taken at the start of the run, in its own project root (see scripts/bench.ts)',
    },
    corpus: { ...corpus.counts, generateMs: ms(generateMs) },
    full: {
      load: load && lo
        ? {
            processWallMs: ms(load.r.wallMs),
            readMs: num('readMs'),
            buildEditionMs: num('buildEditionMs'),
            emitMdxMs: num('emitMdxMs'),
            searchRecordsMs: num('searchRecordsMs'),
            modelMs: ms((lo.readMs as number) + (lo.buildEditionMs as number)),
            mdxBytes: lo.mdxBytes,
            passages: lo.passages,
            notes: lo.notes,
            mentions: lo.mentions,
            warnings: lo.warnings,
            heapUsedMB: lo.heapUsedMB,
            ...mem(load.r),
          }
        : null,
      astro: { wallMs: ms(astro.wallMs), ...mem(astro), steps: astro.steps },
      pagefind: { ms: full.pagefindMs === null ? null : ms(full.pagefindMs), inAstroBuild: full.pagefindInAstro, records: full.records, ...(full.index ? mem(full.index) : {}) },
      totalMs: ms(totalMs),
      peakTreeRssMB: mb(peakTree),
      maxProcessRssMB: mb(peakProcess),
      pages: html.pages,
      documentPages: documentPagesBuilt,
      entryPages: entryPagesBuilt,
      html: pageStats(html),
      documentHtml: pageStats(docPages),
      pagefindBytes: pagefindFiles.reduce((n, f) => n + f.bytes, 0),
      pagefindFiles: pagefindFiles.length,
      /** Every file written into the output folder (pages, Pagefind's files, assets). */
      files: files.length,
      /** A first search from a cold browser: bytes transferred (gzip for text, as static hosts send). */
      firstSearch: search,
    },
    floor: {
      /** Null, or how the floor build failed (then the ratios to the floor are null). */
      failed: floorFailed,
      wallMs: ms(floor.wallMs),
      ...mem(floor),
      steps: floor.steps,
      /** The MDX files it built: the edition's generated files, byte for byte. */
      mdx: { ...floorInput, sameAsEdition: true },
      html: pageStats(floorHtml),
      files: floorFiles,
      /** `pagefind --site` over the floor's pages afterwards (its own process): search on its own. */
      search: floorSearch ? { wallMs: ms(floorSearch.wallMs), ...mem(floorSearch) } : null,
    },
    rebuild,
    /**
     * The same edition and floor built with Astro's Sätteri processor (edition.config.yml
     * `markdown: { processor: satteri }`), cold, after the unified builds; null with --no-satteri.
     */
    satteri: satteriRun
      ? {
          full: {
            astro: { wallMs: ms(satteriRun.full.astro.wallMs), ...mem(satteriRun.full.astro), steps: satteriRun.full.astro.steps },
            pagefind: { ms: satteriRun.full.pagefindMs === null ? null : ms(satteriRun.full.pagefindMs), inAstroBuild: satteriRun.full.pagefindInAstro, records: satteriRun.full.records },
            totalMs: ms(satteriRun.full.wallMs),
            peakTreeRssMB: mb(satteriRun.full.peakTreeRss),
            maxProcessRssMB: mb(satteriRun.full.maxProcessRss),
            documentHtml: pageStats(satteriRun.docPages),
          },
          floor: {
            failed: satteriRun.floorFailed,
            wallMs: ms(satteriRun.floor.wallMs),
            ...mem(satteriRun.floor),
            steps: satteriRun.floor.steps,
            html: pageStats(satteriRun.floorHtml),
            search: satteriRun.floorSearch ? { wallMs: ms(satteriRun.floorSearch.wallMs), ...mem(satteriRun.floorSearch) } : null,
          },
        }
      : null,
    ratio: {
      /** Full build (Astro + Pagefind) over the floor's Astro build. */
      total: ratioOf(totalMs, floorOk && floor.wallMs),
      astro: ratioOf(astro.wallMs, floorOk && floor.wallMs),
      /** Full build over the floor followed by `pagefind --site` over its pages. */
      totalVsFloorWithSearch: ratioOf(totalMs, floorSearch && floor.wallMs + floorSearch.wallMs),
      /** Warm rebuild after one note edit over the cold full build (same caches and outDir). */
      rebuildVsCold: rebuild ? ratioOf(rebuild.totalMs, totalMs) : null,
      /** The same rebuild over the floor (this figure was `ratio.rebuild` before December 2026). */
      rebuildVsFloor: rebuild ? ratioOf(rebuild.totalMs, floorOk && floor.wallMs) : null,
      peakTreeRss: ratioOf(peakTree, floorOk && floor.peakTreeRss),
      htmlBytesPerDocumentPage: ratioOf(docPages.avgBytes, floorOk && floorHtml.avgBytes),
      /** Under Sätteri: the full build over the Sätteri floor, and over that floor followed by `pagefind --site`. */
      satteriTotal: satteriRun ? ratioOf(satteriRun.full.wallMs, !satteriRun.floorFailed && satteriRun.floor.wallMs) : null,
      satteriTotalVsFloorWithSearch: satteriRun ? ratioOf(satteriRun.full.wallMs, satteriRun.floorSearch && satteriRun.floor.wallMs + satteriRun.floorSearch.wallMs) : null,
      /** Sätteri ÷ unified(): the full build, and the floor (below 1: Sätteri is faster). */
      satteriVsUnifiedTotal: satteriRun ? ratioOf(satteriRun.full.wallMs, totalMs) : null,
      satteriVsUnifiedFloor: satteriRun ? ratioOf(satteriRun.floor.wallMs, !satteriRun.floorFailed && floorOk && floor.wallMs) : null,
      satteriVsUnifiedPeakTreeRss: satteriRun ? ratioOf(satteriRun.full.peakTreeRss, peakTree) : null,
      /** The same in CPU time (user + sys of the astro build's process tree, GNU time): steadier than wall time on a shared machine. */
      satteriVsUnifiedCpuTotal: satteriRun ? cpuRatio(satteriRun.full.astro, astro) : null,
      satteriVsUnifiedCpuFloor: satteriRun ? cpuRatio(satteriRun.floor, floor) : null,
    },
    work: opts.keep || opts.dir ? work : null,
  };
  finished = true;

  if (opts.json) console.log(JSON.stringify(result, null, 2));
  else {
    const s = (x: number) => `${(x / 1000).toFixed(1)} s`;
    const kb = (x: number) => `${(x / 1024).toFixed(1)} KB`;
    const m = (x: number | null) => (x === null ? '–' : `${x} MB`);
    const x = (r: number | null) => (r === null ? '–' : `${r}×`);
    const fl = (text: string) => (floorFailed ? `failed (exit ${floorFailed.status}, ${s(floor.wallMs)})` : text);
    const rows: [string, string, string, string][] = [
      ['load + validate + anchor (model), in-process', result.full.load ? s(result.full.load.modelMs) : 'skipped', '–', ''],
      ['  write MDX / search records, in-process', result.full.load ? `${s(result.full.load.emitMdxMs ?? 0)} / ${s(result.full.load.searchRecordsMs ?? 0)}` : 'skipped', '–', ''],
      ['astro build (wall)', s(astro.wallMs), fl(s(floor.wallMs)), x(result.ratio.astro)],
      [full.pagefindInAstro ? '  of which Pagefind after the pages (astro:build:done)' : 'Pagefind step (wall)', full.pagefindMs === null ? '–' : s(full.pagefindMs), '–', ''],
      ['total build (npm run build)', s(totalMs), fl(s(floor.wallMs)), x(result.ratio.total)],
      ['  against the floor followed by pagefind --site', s(totalMs), floorSearch ? `${s(floor.wallMs + floorSearch.wallMs)} (Pagefind ${s(floorSearch.wallMs)})` : '–', x(result.ratio.totalVsFloorWithSearch)],
      ['rebuild after editing one note (warm) ÷ floor', rebuild ? s(rebuild.totalMs) : 'skipped', fl(s(floor.wallMs)), rebuild ? x(result.ratio.rebuildVsFloor) : ''],
      ['  ÷ the cold full build', rebuild ? s(rebuild.totalMs) : 'skipped', `(cold: ${s(totalMs)})`, rebuild ? x(result.ratio.rebuildVsCold) : ''],
      ['peak RSS, process tree (sampled)', m(result.full.peakTreeRssMB), `${m(result.floor.peakTreeRssMB)}${floorFailed ? ' (failed build)' : ''}`, x(result.ratio.peakTreeRss)],
      ['peak RSS, largest process (GNU time)', m(result.full.maxProcessRssMB), m(result.floor.maxProcessRssMB), ''],
      ['MDX files built (the same files)', `${floorInput.files} (${(floorInput.bytes / 2 ** 20).toFixed(1)} MB)`, `${floorInput.files} (${(floorInput.bytes / 2 ** 20).toFixed(1)} MB)`, ''],
      ['HTML pages', String(html.pages), String(floorHtml.pages), ''],
      ['HTML bytes per page, average (all pages)', kb(html.avgBytes), kb(floorHtml.avgBytes), ''],
      ['HTML bytes per document page, average', kb(docPages.avgBytes), kb(floorHtml.avgBytes), x(result.ratio.htmlBytesPerDocumentPage)],
      ['HTML bytes per page, max', `${kb(html.maxBytes)} (${html.maxPage})`, kb(floorHtml.maxBytes), ''],
      ['files written (pages, Pagefind, assets)', String(result.full.files), String(result.floor.files), x(ratioOf(result.full.files, result.floor.files))],
      ['  creating one file in a new folder on this disk', `${result.machine.diskMsPerFile} ms`, '', ''],
      ['Pagefind index', `${(result.full.pagefindBytes / 2 ** 20).toFixed(1)} MB in ${result.full.pagefindFiles} files, ${result.full.pagefind.records} records`, '–', ''],
      ...(search ?? []).map((q): [string, string, string, string] => [`first search "${q.query}" (Chromium)`, `${kb(q.bytes)} in ${q.requests} requests, ${q.results} results shown`, '–', '']),
      ...((): [string, string, string, string][] => {
        const sr = satteriRun;
        if (!sr) return [['Sätteri processor (markdown.processor: satteri)', 'skipped (--no-satteri)', '', '']];
        const sfl = (text: string) => (sr.floorFailed ? `failed (exit ${sr.floorFailed.status}, ${s(sr.floor.wallMs)})` : text);
        return [
          ['**Sätteri**: total build (npm run build) ÷ Sätteri floor', s(sr.full.wallMs), sfl(s(sr.floor.wallMs)), x(result.ratio.satteriTotal)],
          ['  against the Sätteri floor followed by pagefind --site', s(sr.full.wallMs), sr.floorSearch ? `${s(sr.floor.wallMs + sr.floorSearch.wallMs)} (Pagefind ${s(sr.floorSearch.wallMs)})` : '–', x(result.ratio.satteriTotalVsFloorWithSearch)],
          ['  Sätteri ÷ unified(): full build / floor', `${s(sr.full.wallMs)} / ${s(totalMs)}: ${x(result.ratio.satteriVsUnifiedTotal)}`, sfl(`${s(sr.floor.wallMs)} / ${fl(s(floor.wallMs))}: ${x(result.ratio.satteriVsUnifiedFloor)}`), ''],
          ['  peak RSS, process tree (sampled)', m(result.satteri!.full.peakTreeRssMB), m(result.satteri!.floor.peakTreeRssMB), x(ratioOf(sr.full.peakTreeRss, !sr.floorFailed && sr.floor.peakTreeRss))],
          [
            '  CPU time of astro build, user + sys (GNU time): Sätteri / unified()',
            `${result.satteri!.full.astro.cpuS ?? '–'} s / ${result.full.astro.cpuS ?? '–'} s: ${x(result.ratio.satteriVsUnifiedCpuTotal)}`,
            `${result.satteri!.floor.cpuS ?? '–'} s / ${result.floor.cpuS ?? '–'} s: ${x(result.ratio.satteriVsUnifiedCpuFloor)}`,
            '',
          ],
          ['  bundling (Vite) / rendering (Astro log)', `${s(sr.full.astro.steps.viteMs ?? 0)} / ${s(sr.full.astro.steps.generateRoutesMs ?? 0)}`, `${s(sr.floor.steps.viteMs ?? 0)} / ${s(sr.floor.steps.generateRoutesMs ?? 0)}`, ''],
        ];
      })(),
    ];
    console.log(JSON.stringify(result, null, 2));
    console.log(`\n${opts.docs} documents (${corpus.counts.passages} passages, ${corpus.counts.notes} notes, ${corpus.counts.entries} register entries, ${corpus.counts.mentions} mentions); ${result.machine.nproc} cores, ${result.machine.memoryGB} GB, Node ${process.version}, Astro ${result.machine.astro}`);
    console.log('\n| | full edition | floor | full / floor |\n|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  }
} finally {
  // A failed run keeps its folder for inspection.
  if (finished && !opts.keep && !opts.dir) rmSync(work, { recursive: true, force: true });
  else log(`work folder kept: ${work}`);
}
