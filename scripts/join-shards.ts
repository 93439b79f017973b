/**
 * `npm run join-shards -- --out <site> <job output> …`: joins the outputs of a sharded build
 * (every shard `EDITION_SHARD=k/N` and the `EDITION_SHARD=aggregate` job, in any order) into one
 * site and writes its Pagefind index from the edition's model, read from the edition at
 * EDITION_ROOT (default: the working directory), for pages under BASE (default `/`), as the
 * build does. A file two jobs wrote differently, an unsharded output or a document without its
 * page stops the join with a message saying which. See docs/performance.md, "Sharded builds".
 */
import { resolve } from 'node:path';
import { JoinError, joinShards, shown } from './shards/join.ts';

const args = process.argv.slice(2);
const usage = 'usage: npm run join-shards -- --out <new folder> <output of shard 1/N> … <output of shard N/N> <output of the aggregate job>';
const at = args.indexOf('--out');
if (at === -1 || !args[at + 1] || args.length < 3) {
  console.error(usage);
  process.exit(2);
}
const out = resolve(args[at + 1]!);
const inputs = args.filter((_, i) => i !== at && i !== at + 1).map((a) => resolve(a));
const root = resolve(process.env.EDITION_ROOT ?? process.cwd());
const base = (process.env.BASE ?? '/').replace(/\/?$/, '/');

const started = performance.now();
try {
  const r = await joinShards(inputs, out, root, base);
  console.log(
    `joined ${inputs.length} outputs into ${shown(out)}: ${r.files} files (${r.perInput.join(' + ')}; ${r.shared} written identically by several jobs); ` +
      `pagefind: ${r.records} records indexed; ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
} catch (e) {
  if (!(e instanceof JoinError)) throw e;
  console.error(e.message);
  process.exit(1);
}
