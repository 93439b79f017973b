/**
 * Summarises V8 CPU profiles (`node --cpu-prof`, e.g. from `npm run bench -- --profile <dir>`):
 * self time by function and by where the code lives (a file of src/, a package of node_modules,
 * Node's internals, GC), and inclusive time of chosen functions.
 *
 * Usage: tsx scripts/bench/profile-summary.ts <file.cpuprofile | folder> [--top N] [--inclusive name,name] [--from S] [--to S]
 * `--from`/`--to` keep the samples taken between those seconds after the profile's start (a
 * build's phases: the config hooks, bundling, rendering).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const args = process.argv.slice(2);
const target = args[0];
if (!target) throw new Error('usage: tsx scripts/bench/profile-summary.ts <file.cpuprofile | folder> [--top N] [--inclusive name,name]');
const top = Number(args[args.indexOf('--top') + 1] ?? 25) || 25;
const seconds = (flag: string) => (args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : undefined);
const from = seconds('--from') ?? 0;
const to = seconds('--to') ?? Infinity;
const inclusiveNames = args.includes('--inclusive') ? (args[args.indexOf('--inclusive') + 1] ?? '').split(',').filter(Boolean) : [];
const files = statSync(target).isDirectory()
  ? readdirSync(target)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => join(target, f))
  : [target];

/** Where a function's code lives, for grouping. */
function place(url: string, name: string): string {
  if (name === '(garbage collector)' || name === '(program)' || name === '(idle)' || name === '(root)') return name;
  if (!url) return '(native/V8)';
  if (url.startsWith('node:')) return 'node: internals';
  const nm = url.lastIndexOf('node_modules/');
  if (nm !== -1) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return `pkg ${rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  const src = url.indexOf('/src/');
  if (src !== -1) return url.slice(src + 1).replace(/\?.*$/, '');
  const scripts = url.indexOf('/scripts/');
  if (scripts !== -1) return url.slice(scripts + 1);
  const dist = url.indexOf('/dist/');
  if (dist !== -1) return `built bundle ${url.slice(dist + 1, dist + 60)}`;
  return url.replace(/^file:\/\//, '').slice(-70);
}

for (const file of files) {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let at = 0;
  let kept = 0;
  for (let i = 0; i < p.samples.length; i++) {
    at += p.timeDeltas[i] ?? 0;
    if (at / 1e6 < from || at / 1e6 > to) continue;
    kept += p.timeDeltas[i] ?? 0;
    self.set(p.samples[i]!, (self.get(p.samples[i]!) ?? 0) + (p.timeDeltas[i] ?? 0));
  }
  const total = from > 0 || to < Infinity ? kept / 1000 : (p.endTime - p.startTime) / 1000;
  const byFn = new Map<string, number>();
  const byPlace = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'}  ${place(f.url, f.functionName)}:${f.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + us / 1000);
    const pl = place(f.url, f.functionName);
    byPlace.set(pl, (byPlace.get(pl) ?? 0) + us / 1000);
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  const pct = (x: number) => `${((x / total) * 100).toFixed(1)}%`;
  console.log(`\n== ${file}: ${(total / 1000).toFixed(1)} s profiled`);
  console.log('\nself time by place:');
  for (const [k, v] of sorted(byPlace)) console.log(`  ${(v / 1000).toFixed(2).padStart(8)} s  ${pct(v).padStart(6)}  ${k}`);
  console.log('\nself time by function:');
  for (const [k, v] of sorted(byFn)) console.log(`  ${(v / 1000).toFixed(2).padStart(8)} s  ${pct(v).padStart(6)}  ${k}`);
  if (inclusiveNames.length) {
    // Inclusive time: self time of a node and all its descendants, counted once per sample
    // even when the function recurses.
    const parent = new Map<number, number>();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const incl = new Map<string, number>();
    for (const [id, us] of self) {
      const seen = new Set<string>();
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const name = byId.get(cur)!.callFrame.functionName;
        if (inclusiveNames.includes(name) && !seen.has(name)) {
          seen.add(name);
          incl.set(name, (incl.get(name) ?? 0) + us / 1000);
        }
      }
    }
    console.log('\ninclusive time:');
    for (const name of inclusiveNames) console.log(`  ${((incl.get(name) ?? 0) / 1000).toFixed(2).padStart(8)} s  ${pct(incl.get(name) ?? 0).padStart(6)}  ${name}`);
  }
}
