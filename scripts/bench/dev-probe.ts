/**
 * How long `npm run dev` takes to show a saved note (issue 17: ≤ 1 s at 1,000 documents).
 * Starts `astro dev` on a generated edition (the benchmark's corpus), opens the edited note's
 * document page in Chromium (playwright-core, Debian's chromium, as the tests drive it), then
 * saves the note several times, each time with new words, and measures from the save until the
 * open page shows the new words. Prints one line of JSON and a short table; asserts nothing
 * about speed (test/e2e/dev.test.ts checks that a save shows at all).
 *
 * Usage: tsx scripts/bench/dev-probe.ts [--docs N (1000)] [--saves N (5)] [--edition <folder>
 * with an edition to use instead of a generated one] [--keep] [--json]
 *
 * Like the benchmark, the server runs from a snapshot of the project in the work folder (in the
 * system's temporary folder, not .bench/, which the project's dev server does not watch), so that
 * it never shares `.astro/` with another build; it is removed afterwards unless --keep.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { buildEdition, readEditionFiles, writePassageLocks } from '../../src/edition/index.ts';
import { generateCorpus } from './corpus.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const docs = Number(opt('--docs') ?? 1000);
const saves = Number(opt('--saves') ?? 5);
const json = args.includes('--json');
const log = (s: string) => {
  if (!json) process.stderr.write(`dev-probe: ${s}\n`);
};

// In the system's temporary folder: the project's Vite config has its watcher ignore .bench/, and
// the edition's files must be watched.
const work = mkdtempSync(join(tmpdir(), 'edition-dev-probe-'));
const edition = opt('--edition') ? resolve(opt('--edition')!) : join(work, 'edition');
let note: string;
if (opt('--edition')) {
  const notes = readEditionFiles(edition).filter((f) => /^annotations\/notes\/[^/]+\/[^/]+\.md$/.test(f.path));
  note = notes[Math.floor(notes.length / 2)]!.path;
} else {
  log(`generating ${docs} documents in ${edition}`);
  note = generateCorpus(edition, { docs, entries: 200, seed: 1 }).noteToEdit;
  const model = buildEdition(readEditionFiles(edition));
  writePassageLocks(edition, model);
}
const slug = note.split('/')[2]!;

// The snapshot the server runs from.
const site = join(work, 'site');
mkdirSync(site);
for (const name of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) if (existsSync(join(ROOT, name))) cpSync(join(ROOT, name), join(site, name), { recursive: true });
symlinkSync(join(ROOT, 'node_modules'), join(site, 'node_modules'), 'dir');

const port = 4800 + Math.floor(Math.random() * 800);
const base = `http://127.0.0.1:${port}`;
const env: NodeJS.ProcessEnv = { ...process.env, EDITION_ROOT: edition, EDITION_CACHE: join(work, 'cache'), EDITION_GENERATED: join(work, 'generated'), ASTRO_TELEMETRY_DISABLED: '1' };
for (const k of Object.keys(env)) if (k === 'CI' || k === 'NODE_ENV' || k.startsWith('VITEST') || k === 'BASE') delete env[k];
env.PATH = `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`;
const logFile = join(work, 'dev.log');
const loadBefore = loadavg()[0]!;
const started = performance.now();
log(`starting astro dev on port ${port} (log: ${logFile})`);
const server = spawn(join(ROOT, 'node_modules/.bin/astro'), ['dev', '--port', String(port), '--host', '127.0.0.1', '--ignore-lock'], {
  cwd: site,
  env,
  stdio: ['ignore', openSync(logFile, 'w'), openSync(logFile, 'a')],
  detached: true,
});
const stop = () => {
  if (server.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // Gone already.
    }
  }
};
process.on('exit', stop);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const page = `${base}/documents/${slug}/`;
let result: Record<string, unknown> | undefined;
try {
  // Up when the page answers (the first request compiles it).
  for (;;) {
    if (server.exitCode !== null) throw new Error(`astro dev ended (exit ${server.exitCode}); see ${logFile}`);
    try {
      const r = await fetch(page);
      if (r.ok) break;
    } catch {
      // Not up yet.
    }
    await sleep(500);
  }
  const readyMs = performance.now() - started;
  log(`page up after ${(readyMs / 1000).toFixed(1)} s; opening it in Chromium`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
  try {
    const tab = await browser.newPage();
    await tab.goto(page, { waitUntil: 'load', timeout: 300_000 });
    const file = join(edition, note);
    const original = readFileSync(file, 'utf8');
    const times: number[] = [];
    for (let i = 0; i < saves; i++) {
      const words = `Probe save ${i + 1} ${Math.random().toString(36).slice(2, 8)}.`;
      // Let the previous reload settle, then save.
      await sleep(1500);
      const t0 = performance.now();
      appendFileSync(file, `\n${words}\n`);
      for (;;) {
        let shown = false;
        try {
          shown = await tab.evaluate((w) => document.body?.innerText.includes(w) ?? false, words);
        } catch {
          // The page is reloading.
        }
        if (shown) break;
        if (performance.now() - t0 > 120_000) throw new Error(`save ${i + 1} never showed on ${page}; see ${logFile}`);
        await sleep(20);
      }
      times.push(Math.round(performance.now() - t0));
      log(`save ${i + 1}: shown after ${times[i]} ms`);
    }
    // Put the note back as it was.
    writeFileSync(file, original);
    const sorted = [...times].sort((a, b) => a - b);
    const regenerations = [...readFileSync(logFile, 'utf8').matchAll(/edition regenerated in (\d+) ms/g)].map((m) => Number(m[1]));
    result = {
      docs: documentCount(),
      note,
      page,
      serverReadyMs: Math.round(readyMs),
      saveToShownMs: times,
      medianMs: sorted[Math.floor(sorted.length / 2)],
      regenerationMs: regenerations,
      loadAverage: { before: loadBefore, after: loadavg()[0] },
      work,
    };
  } finally {
    await browser.close();
  }
} finally {
  stop();
}
function documentCount() {
  return opt('--edition') ? readEditionFiles(edition).filter((f) => /^sources\//.test(f.path)).length : docs;
}
console.log(JSON.stringify(result));
if (!json && result) {
  console.log(`\n${result.docs} documents: a saved note shown on the open page after ${(result.saveToShownMs as number[]).join(', ')} ms (median ${result.medianMs} ms); regeneration in the server ${(result.regenerationMs as number[]).join(', ')} ms; server ready after ${((result.serverReadyMs as number) / 1000).toFixed(1)} s; load average ${loadBefore.toFixed(2)} -> ${loadavg()[0]!.toFixed(2)}`);
}
if (!args.includes('--keep')) rmSync(work, { recursive: true, force: true });
