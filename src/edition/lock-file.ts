/**
 * The passage-id lock file (`annotations/passages/<slug>.yml`): its text, and the ids it holds
 * for a source body it was written for.
 *
 * A lock records the SHA-256 of the source body it was written for (`source_sha256`). Locks
 * are always read with `yaml` (frontmatter.ts `parseYamlFile`); when the digest is the current
 * body's and the lock's passages are still the body's passages, its ids and tombstones stand
 * as recorded (`keptAssignment`): nothing is re-assigned, nothing rewritten.
 */
import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import type { IdAssignment, LockedPassage } from './passage-ids.js';

/** The digest a lock records of its source's body: SHA-256, in lower-case hex. */
export function sourceDigest(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

/** The text of a lock file, for the source body whose digest is `sourceSha256`. */
export function formatLock(slug: string, lock: LockedPassage[], sourceSha256: string): string {
  return (
    header(slug) +
    stringify(
      {
        source_sha256: sourceSha256,
        passages: lock.map((p) => (p.deleted ? { id: p.id, deleted: { successor: p.deleted.successor }, ...(p.text === undefined ? {} : { text: p.text }) } : { id: p.id, text: p.text })),
      },
      { lineWidth: 0 },
    )
  );
}

const header = (slug: string) =>
  `# Permanent passage ids of sources/${slug}.txt, kept by \`npm run build\` and \`npm run check\`.\n` +
  `# Commit this file with the source. Do not edit it (ids once published never change or get reused), except to\n` +
  `# declare under succession: that passages were merged, split or restored (docs/editing.md).\n`;

/**
 * The ids a lock holds, taken as they are: when its living passages are exactly `texts`, in
 * order, with distinct ids, and every tombstone leads to one of them. Null otherwise (then
 * the ids are assigned afresh from the lock, `assignPassageIds`). For such a lock this is
 * what `assignPassageIds` returns, without its work.
 */
export function keptAssignment(lock: readonly LockedPassage[], texts: readonly string[]): IdAssignment | null {
  const alive = lock.filter((p) => !p.deleted);
  if (alive.length !== texts.length || alive.some((p, i) => p.text !== texts[i])) return null;
  const ids = alive.map((p) => p.id);
  const living = new Set(ids);
  if (living.size !== ids.length) return null;
  const tombstones = new Map<string, string>();
  for (const p of lock) {
    if (!p.deleted) continue;
    const successor: unknown = p.deleted.successor;
    if (typeof successor !== 'string' || !living.has(successor) || living.has(p.id) || tombstones.has(p.id)) return null;
    tombstones.set(p.id, successor);
  }
  return { ids, tombstones, lock: [...lock], corrected: [], inserted: [], deleted: [], merged: [], split: [], restored: [], renumbered: [], refused: [] };
}

/** Whether two locks hold the same passages, texts and tombstones in the same order. */
export function sameLock(a: readonly LockedPassage[], b: readonly LockedPassage[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.id !== y.id || x.text !== y.text || x.deleted?.successor !== y.deleted?.successor || !x.deleted !== !y.deleted) return false;
  }
  return true;
}
