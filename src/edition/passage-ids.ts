/**
 * Permanent passage ids. Once published, a passage keeps its id (`p12`) for good:
 * - a passage whose text is unchanged keeps its id wherever it moves;
 * - a corrected passage (similar text, same place between unchanged neighbours) keeps its id;
 * - an inserted passage takes a new id suffixed to the one before it (`p12a`, then `p12b`…),
 *   so no other passage's id changes;
 * - a deleted passage's id is never reused: it is kept as a tombstone that points at the
 *   nearest surviving passage, so old links still land somewhere sensible.
 * The record of ids is a lock file per source (`annotations/passages/<slug>.yml`), which
 * `npm run build` and `npm run check` create and update, and CI verifies is committed
 * (its text: lock-file.ts).
 */

/** One entry of a lock file. */
export interface LockedPassage {
  id: string;
  /** The passage's text when last seen (absent for tombstones). */
  text?: string | undefined;
  /** For a deleted passage: the id of the surviving passage its links now lead to. */
  deleted?: { successor: string } | undefined;
}

/** The result of assigning ids to a source's current passages. */
export interface IdAssignment {
  /** The id of each current passage, in order. */
  ids: string[];
  /** Deleted passages: id → surviving id that links to it should reach. */
  tombstones: Map<string, string>;
  /** The updated lock. */
  lock: LockedPassage[];
  /** What changed, for messages: ids kept after a correction, inserted, deleted. */
  corrected: string[];
  inserted: string[];
  deleted: string[];
}

/** Minimum similarity for a changed passage to count as a correction of the old one. */
export const CORRECTION_SIMILARITY = 0.5;

/** Dice similarity of character bigrams, 0..1. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const g = a.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    const n = grams.get(g) ?? 0;
    if (n > 0) {
      grams.set(g, n - 1);
      shared++;
    }
  }
  return (2 * shared) / (a.length + b.length - 2);
}

/** Longest common subsequence of equal texts: pairs of (old index, new index). */
function lcs(a: string[], b: string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const dp: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** The next id after `prev` for an inserted passage, never one that was ever used. */
function insertedId(prev: string | undefined, used: Set<string>): string {
  const base = prev ?? 'p0';
  const m = /^(p\d+)([a-z]*)$/.exec(base)!;
  let candidate: string;
  if (m[2]) {
    // p12a → p12b … p12z → p12za
    const last = m[2].charCodeAt(m[2].length - 1);
    candidate = last < 122 ? `${m[1]}${m[2].slice(0, -1)}${String.fromCharCode(last + 1)}` : `${base}a`;
  } else candidate = `${base}a`;
  while (used.has(candidate)) candidate = /z$/.test(candidate) ? `${candidate}a` : candidate.slice(0, -1) + String.fromCharCode(candidate.charCodeAt(candidate.length - 1) + 1);
  return candidate;
}

/** Assigns ids to `texts` (the current passages, in order) given the previous lock (or none). */
export function assignPassageIds(texts: string[], previous: LockedPassage[] | undefined): IdAssignment {
  if (!previous || previous.length === 0) {
    const ids = texts.map((_, i) => `p${i + 1}`);
    return { ids, tombstones: new Map(), lock: ids.map((id, i) => ({ id, text: texts[i] })), corrected: [], inserted: [], deleted: [] };
  }
  const used = new Set(previous.map((p) => p.id));
  const alive = previous.filter((p) => !p.deleted);
  const oldTexts = alive.map((p) => p.text ?? '');
  const ids: (string | undefined)[] = new Array(texts.length).fill(undefined);
  const matchedOld = new Set<number>();
  // Ids given so far. A lock merged by hand from two branches (keeping both sides' entries) may
  // hold one id twice: it goes to one passage only, and the other takes a new id.
  const given = new Set<string>();
  const give = (j: number, i: number) => {
    ids[j] = alive[i]!.id;
    given.add(alive[i]!.id);
    matchedOld.add(i);
  };
  const pairs = lcs(oldTexts, texts);
  for (const [i, j] of pairs) if (!given.has(alive[i]!.id)) give(j, i);
  // Within each gap between unchanged passages, pair changed passages in order (corrections).
  const corrected: string[] = [];
  const anchors: [number, number][] = [[-1, -1], ...pairs, [alive.length, texts.length]];
  for (let k = 0; k < anchors.length - 1; k++) {
    const [oi, nj] = anchors[k]!;
    const [oi2, nj2] = anchors[k + 1]!;
    let next = nj + 1;
    for (let i = oi + 1; i < oi2; i++) {
      let best = -1;
      let bestScore = CORRECTION_SIMILARITY;
      if (given.has(alive[i]!.id)) continue;
      for (let j = next; j < nj2; j++) {
        if (ids[j]) continue;
        const s = similarity(oldTexts[i]!, texts[j]!);
        if (s >= bestScore) {
          best = j;
          bestScore = s;
        }
      }
      if (best >= 0) {
        give(best, i);
        corrected.push(alive[i]!.id);
        next = best + 1;
      }
    }
  }
  // A passage moved elsewhere with its text unchanged keeps its id.
  for (let j = 0; j < texts.length; j++) {
    if (ids[j]) continue;
    const i = oldTexts.findIndex((t, k) => !matchedOld.has(k) && t === texts[j] && !given.has(alive[k]!.id));
    if (i >= 0) give(j, i);
  }
  // New passages take suffixed ids after their predecessor.
  const inserted: string[] = [];
  for (let j = 0; j < texts.length; j++) {
    if (ids[j]) continue;
    const id = insertedId(j > 0 ? ids[j - 1] : undefined, used);
    used.add(id);
    ids[j] = id;
    inserted.push(id);
  }
  const finalIds = ids as string[];
  // Old passages that matched nothing are deleted: their links lead to the nearest survivor.
  const deleted: string[] = [];
  const gone = new Set<string>();
  const tombstones = new Map<string, string>();
  const lock: LockedPassage[] = [];
  const position = new Map(finalIds.map((id, j) => [id, j]));
  let lastSurvivor: string | undefined;
  const pending: string[] = [];
  const order: LockedPassage[] = [];
  // Rebuild the lock in reading order: survivors in their new order, tombstones where they were.
  for (const p of previous) {
    if (p.deleted) {
      order.push(p);
      continue;
    }
    if (!position.has(p.id) && !gone.has(p.id)) {
      gone.add(p.id);
      deleted.push(p.id);
      order.push({ id: p.id, deleted: { successor: '' } });
    }
  }
  for (const o of order) if (o.deleted && o.deleted.successor === '') pending.push(o.id);
  // Successor: the surviving passage that followed the deleted one in the old lock, else the one before.
  for (const id of pending) {
    const at = previous.findIndex((p) => p.id === id);
    let successor: string | undefined;
    for (let k = at + 1; k < previous.length && !successor; k++) if (position.has(previous[k]!.id)) successor = previous[k]!.id;
    for (let k = at - 1; k >= 0 && !successor; k--) if (position.has(previous[k]!.id)) successor = previous[k]!.id;
    tombstones.set(id, successor ?? finalIds[0] ?? 'p1');
  }
  // (A tombstone for an id that lives again, from a merged lock, gives way to the passage.)
  for (const p of previous) if (p.deleted && !position.has(p.id)) tombstones.set(p.id, position.has(p.deleted.successor) ? p.deleted.successor : (tombstones.get(p.deleted.successor) ?? finalIds[0] ?? 'p1'));
  // Lock: every current passage with its text, then every tombstone.
  for (let j = 0; j < texts.length; j++) {
    lock.push({ id: finalIds[j]!, text: texts[j] });
    lastSurvivor = finalIds[j];
  }
  void lastSurvivor;
  for (const [id, successor] of [...tombstones].sort((a, b) => (a[0] < b[0] ? -1 : 1))) lock.push({ id, deleted: { successor } });
  return { ids: finalIds, tombstones, lock, corrected, inserted, deleted };
}
