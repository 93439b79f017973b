/**
 * `npm run build:sharded -- [--shards 4] [--out dist]`: the sharded build on one machine, for an
 * edition whose whole build does not fit in this machine's memory. Runs `astro build` once per
 * shard (`EDITION_SHARD=1/N` … `N/N`) and once for the aggregate pages, one after another, each
 * into its own folder under `.edition/shards/`, then joins them into `--out` with one Pagefind
 * index (scripts/join-shards.ts). The site is the one `npm run build` would make; it takes
 * longer (every job loads the whole edition), but each job compiles only its shard's MDX, so
 * the peak memory is that of the largest job (docs/performance.md, "Sharded builds").
 * EDITION_ROOT, BASE and SITE apply as to `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JoinError, joinShards, shown } from './shards/join.ts';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const at = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const shards = Number(at('--shards') ?? 4);
if (!Number.isInteger(shards) || shards < 1) {
  console.error(`--shards takes a whole number ≥ 1, not ${JSON.stringify(at('--shards'))}`);
  process.exit(2);
}
const out = resolve(at('--out') ?? 'dist');
const root = resolve(process.env.EDITION_ROOT ?? process.cwd());
const base = (process.env.BASE ?? '/').replace(/\/?$/, '/');
const work = join(root, '.edition', 'shards');
if (root.startsWith(`${out}/`) || root === out || ROOT.startsWith(`${out}/`) || ROOT === out) {
  console.error(`--out ${out} holds the edition or the project: give the folder the site goes to (default dist).`);
  process.exit(2);
}
rmSync(work, { recursive: true, force: true });

const jobs = [...Array.from({ length: shards }, (_, i) => `${i + 1}/${shards}`), 'aggregate'];
const outputs: string[] = [];
for (const shard of jobs) {
  const dir = join(work, shard.replace('/', '-of-'));
  console.log(`\nbuild:sharded: EDITION_SHARD=${shard} astro build --outDir ${shown(dir)}`);
  const r = spawnSync(join(ROOT, 'node_modules/.bin/astro'), ['build', '--outDir', dir], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, EDITION_SHARD: shard } });
  if (r.status !== 0) {
    console.error(`build:sharded: the job EDITION_SHARD=${shard} failed (exit ${r.status ?? r.signal}); nothing was joined.`);
    process.exit(1);
  }
  outputs.push(dir);
}
if (existsSync(out)) rmSync(out, { recursive: true, force: true });
try {
  const r = await joinShards(outputs, out, root, base);
  console.log(`build:sharded: ${jobs.length} jobs joined into ${shown(out)}: ${r.files} files; pagefind: ${r.records} records indexed`);
} catch (e) {
  if (!(e instanceof JoinError)) throw e;
  console.error(e.message);
  process.exit(1);
}
rmSync(work, { recursive: true, force: true });
