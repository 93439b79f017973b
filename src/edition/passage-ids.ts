/**
 * Permanent passage ids. Once published, a passage keeps its id (`p12`) for good:
 * - a passage whose text is unchanged keeps its id wherever it moves;
 * - a corrected passage (similar text, same place between unchanged neighbours) keeps its id;
 * - an inserted passage takes a new id suffixed to the one before it (`p12a`, then `p12b`…),
 *   so no other passage's id changes;
 * - passages merged into one: the merged passage keeps the first one's id, and the others'
 *   ids lead to it;
 * - a passage split in two or more: the part that holds its opening words keeps its id, the
 *   others take new suffixed ids after it (`p16a`);
 * - a deleted passage's id is never reused: it is kept as a tombstone that points at the
 *   nearest surviving passage, so old links still land somewhere sensible; the tombstone keeps
 *   the passage's text, so that a passage restored (a revert) takes its id again.
 * Merges, splits and restores are found from the texts when their words are kept (even lightly
 * edited); when they are not, the editor declares them in the lock (`succession:`, read by
 * stages/sources.ts). What changed is said in words (`describeIdChanges`).
 * The record of ids is a lock file per source (`annotations/passages/<slug>.yml`), which
 * `npm run build` and `npm run check` create and update, and CI verifies is committed
 * (its text: lock-file.ts).
 */

/** One entry of a lock file. */
export interface LockedPassage {
  id: string;
  /**
   * The passage's text when last seen; for a tombstone, its text when it was deleted (kept
   * within {@link TOMBSTONE_TEXT_BUDGET}; absent in locks written before), so that it can be restored.
   */
  text?: string | undefined;
  /** For a deleted passage: the id of the surviving passage its links now lead to. */
  deleted?: { successor: string } | undefined;
}

/**
 * What an editor declares under `succession:` in a lock, for changes the texts cannot tell:
 * passages now one (`merge`, in reading order), a passage now two or more (`split`), a deleted
 * passage back (`restore`, with some of its words when the lock does not keep its text).
 */
export type Succession = { merge: string[] } | { split: string } | { restore: string; words?: string | undefined };

/** The result of assigning ids to a source's current passages. */
export interface IdAssignment {
  /** The id of each current passage, in order. */
  ids: string[];
  /** Deleted passages: id → surviving id that links to it should reach. */
  tombstones: Map<string, string>;
  /** The updated lock. */
  lock: LockedPassage[];
  /** What changed, for messages: ids kept after a correction, inserted, deleted (not merged). */
  corrected: string[];
  inserted: string[];
  deleted: string[];
  /** Passages merged: the id the merged passage keeps, and the ids that now lead to it. */
  merged: { into: string; ids: string[] }[];
  /** Passages split: the id its opening words keep, and the new ids of the other parts. */
  split: { id: string; parts: string[] }[];
  /** Ids of deleted passages that are back. */
  restored: string[];
  /** Ids given since to a passage now restored under its old id: they lead to it. */
  renumbered: { from: string; to: string }[];
  /** Declarations that do not fit the texts: their index in the lock's `succession:`, and why. */
  refused: { index: number; message: string }[];
}

/** Minimum similarity for a declared merge or split, when more than one passage could be the one: the editor said what happened. */
const DECLARED_SIMILARITY = 0.2;

/**
 * Bytes (UTF-8) of deleted passages' texts a lock keeps; beyond them, tombstones keep only their
 * ids. Written into the lock they take at most four times as much (YAML escapes), 64 KB, which
 * leaves most of a lock's allowance beyond its source's passages (classify.ts `maxLockBytes`)
 * to the ids of deleted passages.
 */
export const TOMBSTONE_TEXT_BUDGET = 16 * 1024;

/** A text with its spacing normalised: passages merged or split compare whatever the line breaks. */
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The first words of a text, for messages. */
const preview = (s: string, n = 50) => {
  const one = norm(s);
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

/** "p2 and p3", "p2, p3 and p4". */
const list = (xs: readonly string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

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

/**
 * Assigns ids to `texts` (the current passages, in order) given the previous lock (or none), and
 * the declarations of the lock's `succession:` (applied first; one that does not fit the texts is
 * refused, with why).
 */
export function assignPassageIds(texts: string[], previous: LockedPassage[] | undefined, succession: readonly Succession[] = []): IdAssignment {
  if (!previous || previous.length === 0) {
    const ids = texts.map((_, i) => `p${i + 1}`);
    return { ids, tombstones: new Map(), lock: ids.map((id, i) => ({ id, text: texts[i] })), corrected: [], inserted: [], deleted: [], merged: [], split: [], restored: [], renumbered: [], refused: [] };
  }
  const used = new Set(previous.map((p) => p.id));
  const alive = previous.filter((p) => !p.deleted);
  const oldTexts = alive.map((p) => p.text ?? '');
  const n = alive.length;
  const m = texts.length;
  const ids: (string | undefined)[] = new Array(m).fill(undefined);
  // For each current passage, the old passage whose id it took (-1: none, or a restored tombstone).
  const owner = new Int32Array(m).fill(-1);
  const matchedOld = new Set<number>();
  // Ids given so far. A lock merged by hand from two branches (keeping both sides' entries) may
  // hold one id twice: it goes to one passage only, and the other takes a new id.
  const given = new Set<string>();
  const give = (j: number, i: number) => {
    ids[j] = alive[i]!.id;
    given.add(alive[i]!.id);
    matchedOld.add(i);
    owner[j] = i;
  };
  const take = (j: number) => {
    const i = owner[j]!;
    if (i >= 0) {
      given.delete(alive[i]!.id);
      matchedOld.delete(i);
    }
    ids[j] = undefined;
    owner[j] = -1;
  };
  /** Old passages merged into another: old index → the old index whose id the merged passage keeps. */
  const mergedInto = new Map<number, number>();
  /** Old passages split: old index → the current passages of its other parts. */
  const splitParts = new Map<number, number[]>();
  /** Current passages that are parts of a split: they take new ids after the part before them. */
  const parts = new Set<number>();
  const restored: string[] = [];
  const refused: { index: number; message: string }[] = [];
  /** Old passages whose id gives way to a restored one (declared after the check had numbered it anew): old index → the restored id. */
  const gaveWay = new Map<number, string>();
  /** Deleted ids declared merged after the check had recorded them as deleted: id → the id they were merged into. */
  const mergedLate = new Map<string, string>();
  const freeNew = (j: number) => ids[j] === undefined && !parts.has(j);
  const freeOld = (i: number) => !matchedOld.has(i) && !given.has(alive[i]!.id) && !mergedInto.has(i);

  const pairs = lcs(oldTexts, texts);
  for (const [i, j] of pairs) if (!given.has(alive[i]!.id)) give(j, i);
  // Gaps between unchanged passages: old (oi, oi2) against current (nj, nj2), exclusive.
  const anchors: [number, number][] = [[-1, -1], ...pairs, [n, m]];
  const gapOf = (i: number): [number, number] => {
    let k = 0;
    while (k + 1 < anchors.length && anchors[k + 1]![0] < i) k++;
    return [anchors[k]![1] + 1, anchors[k + 1]![1]];
  };

  // Tombstones that may come back: id → text when deleted.
  const tombTexts = new Map<string, string>();
  for (const p of previous) if (p.deleted && p.text !== undefined && !alive.some((a) => a.id === p.id)) tombTexts.set(p.id, p.text);
  const revive = (j: number, id: string) => {
    ids[j] = id;
    given.add(id);
    owner[j] = -1;
    restored.push(id);
    tombTexts.delete(id);
  };

  /** The current passage, free and in [from, to), most like `text`, if one is at least CORRECTION_SIMILARITY alike. */
  const mostLike = (text: string, from: number, to: number): number => {
    let best = -1;
    let bestScore = CORRECTION_SIMILARITY;
    for (let j = from; j < to; j++) {
      if (!freeNew(j)) continue;
      const s = similarity(norm(text), norm(texts[j]!));
      if (s >= bestScore) {
        best = j;
        bestScore = s;
      }
    }
    return best;
  };
  /**
   * For a declaration (the editor says what happened): the free current passage in [from, to)
   * most like `text`, or the only one there, however much it was rewritten; -1 if none is.
   */
  const declaredLike = (text: string, from: number, to: number): number => {
    const free = Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k).filter(freeNew);
    if (free.length === 1) return free[0]!;
    let best = -1;
    let bestScore = DECLARED_SIMILARITY;
    for (const j of free) {
      const s = similarity(norm(text), norm(texts[j]!));
      if (s >= bestScore) {
        best = j;
        bestScore = s;
      }
    }
    return best;
  };
  const oldIndex = new Map<string, number>();
  alive.forEach((p, i) => {
    if (!oldIndex.has(p.id)) oldIndex.set(p.id, i);
  });
  const isTombstone = (id: string) => previous.some((p) => p.deleted && p.id === id);
  /** Why `id` cannot be merged or split, if it cannot. */
  const notAlive = (what: string, id: string): string | undefined => {
    if (!oldIndex.has(id)) return isTombstone(id) ? `${what}: ${id} is a deleted passage; restore it first (restore: ${id}).` : `${what}: there is no passage ${id} in this lock.`;
    if (!freeOld(oldIndex.get(id)!)) return `${what}: ${id} is in the source as this lock records it. If the check has already recorded the change, restore the lock from git as it was before it, and declare the change there.`;
    return undefined;
  };

  // 1. What the editor declared.
  succession.forEach((d, index) => {
    const refuse = (message: string) => refused.push({ index, message });
    if ('restore' in d) {
      const what = `restore: ${d.restore}`;
      if (oldIndex.has(d.restore)) return refuse(`${what}: ${d.restore} is not a deleted passage; only a deleted passage can be restored.`);
      if (!isTombstone(d.restore)) return refuse(`${what}: there is no passage ${d.restore} in this lock.`);
      if (given.has(d.restore)) return refuse(`${what}: ${d.restore} is declared twice.`);
      // A passage the check has already numbered anew (the lock was recorded after the restore)
      // takes its old id back, and the new id leads to it.
      const backFrom = (j: number) => {
        const i = owner[j]!;
        take(j);
        matchedOld.add(i);
        gaveWay.set(i, d.restore);
        revive(j, d.restore);
      };
      if (d.words !== undefined) {
        const words = norm(d.words);
        const holding = (free: boolean) => texts.map((t, j) => ((free ? freeNew(j) : owner[j]! >= 0) && norm(t).includes(words) ? j : -1)).filter((j) => j >= 0);
        const free = holding(true);
        if (free.length === 1) return revive(free[0]!, d.restore);
        const numbered = free.length === 0 ? holding(false) : [];
        if (numbered.length === 1) return backFrom(numbered[0]!);
        const count = free.length || numbered.length;
        return refuse(`${what}: ${count === 0 ? 'no passage of the source holds' : `${count} passages of the source hold`} the words "${preview(d.words)}". Give words of the restored passage only.`);
      }
      const was = tombTexts.get(d.restore);
      if (was === undefined) return refuse(`${what}: this lock does not keep the text ${d.restore} had when it was deleted. Say which passage it is with some of its words: restore: { id: ${d.restore}, words: "…" }.`);
      const j = mostLike(was, 0, m);
      if (j >= 0) return revive(j, d.restore);
      // Among numbered passages, only one that reads almost as it did (its words say which passage it is).
      let numbered = -1;
      let closest = 0.8;
      texts.forEach((t, k) => {
        const s = owner[k]! >= 0 ? similarity(norm(was), norm(t)) : 0;
        if (s >= closest) {
          numbered = k;
          closest = s;
        }
      });
      if (numbered >= 0) return backFrom(numbered);
      return refuse(`${what}: no passage of the source reads like the text ${d.restore} had ("${preview(was)}"). Say which passage it is with some of its words: restore: { id: ${d.restore}, words: "…" }.`);
    }
    if ('merge' in d) {
      const what = `merge: [${d.merge.join(', ')}]`;
      if (d.merge.length < 2) return refuse(`${what}: name two passages or more, in order.`);
      // Declared after the check had recorded the later passages as deleted: their links now lead to the first.
      const [first, ...rest] = d.merge as [string, ...string[]];
      if (oldIndex.has(first) && rest.every((id) => !oldIndex.has(id) && isTombstone(id))) {
        for (const id of rest) mergedLate.set(id, first);
        return undefined;
      }
      for (const id of d.merge) if (!oldIndex.has(id)) return refuse(notAlive(what, id)!);
      const at = d.merge.map((id) => oldIndex.get(id)!);
      const lo = Math.min(...at);
      const hi = Math.max(...at);
      if (at.some((x, k) => x !== lo + k) || new Set(at).size !== at.length) {
        return refuse(`${what} names passages that do not follow one another (${alive.slice(lo, hi + 1).map((p) => p.id).join(', ')} do): a merge joins neighbours. Name them all, in order.`);
      }
      for (const id of d.merge) {
        const why = notAlive(what, id);
        if (why) return refuse(why);
      }
      const [from, to] = gapOf(lo);
      const j = declaredLike(at.map((i) => oldTexts[i]!).join(' '), from, to);
      if (j < 0) return refuse(`${what}: no passage of the source now reads like ${list(d.merge)} together.`);
      give(j, lo);
      for (const i of at.slice(1)) mergedInto.set(i, lo);
      return undefined;
    }
    const what = `split: ${d.split}`;
    const why = notAlive(what, d.split);
    if (why) return refuse(why);
    const i = oldIndex.get(d.split)!;
    const [from, to] = gapOf(i);
    let best: [number, number] | undefined;
    let bestScore = DECLARED_SIMILARITY;
    for (let j = from; j < to; j++) {
      let joined = '';
      for (let k = j; k < to && k < j + 20 && freeNew(k); k++) {
        joined = joined ? `${joined} ${norm(texts[k]!)}` : norm(texts[k]!);
        if (k === j) continue;
        const s = similarity(norm(oldTexts[i]!), joined);
        if (s >= bestScore) {
          best = [j, k];
          bestScore = s;
        }
      }
    }
    if (!best) return refuse(`${what}: no two or more passages in a row of the source read like ${d.split} ("${preview(oldTexts[i]!)}").`);
    give(best[0], i);
    const others = Array.from({ length: best[1] - best[0] }, (_, k) => best[0] + 1 + k);
    splitParts.set(i, others);
    for (const j of others) parts.add(j);
    return undefined;
  });

  // 2. What the texts tell for sure: a deleted passage back as it was; passages merged or split
  //    with their words kept (whatever the line breaks).
  if (tombTexts.size > 0) {
    const byText = new Map<string, string>();
    for (const [id, text] of tombTexts) if (!byText.has(norm(text))) byText.set(norm(text), id);
    for (let j = 0; j < m; j++) {
      const id = freeNew(j) ? byText.get(norm(texts[j]!)) : undefined;
      if (id !== undefined && !given.has(id)) revive(j, id);
    }
  }
  for (let k = 0; k < anchors.length - 1; k++) {
    const oFrom = anchors[k]![0] + 1;
    const oTo = anchors[k + 1]![0];
    const nFrom = anchors[k]![1] + 1;
    const nTo = anchors[k + 1]![1];
    if (oTo - oFrom < 1 || nTo - nFrom < 1) continue;
    // Merged: one current passage reads as two or more old ones in a row.
    for (let j = nFrom; j < nTo; j++) {
      if (!freeNew(j)) continue;
      const t = norm(texts[j]!);
      for (let i = oFrom; i < oTo; i++) {
        if (!freeOld(i) || !oldTexts[i] || !t.startsWith(norm(oldTexts[i]!))) continue;
        let joined = norm(oldTexts[i]!);
        let last = i;
        while (joined.length < t.length && last + 1 < oTo && freeOld(last + 1)) joined = `${joined} ${norm(oldTexts[++last]!)}`;
        if (last > i && joined === t) {
          give(j, i);
          for (let x = i + 1; x <= last; x++) mergedInto.set(x, i);
          break;
        }
      }
    }
    // Split: two or more current passages in a row read as one old one.
    for (let i = oFrom; i < oTo; i++) {
      if (!freeOld(i) || !oldTexts[i]) continue;
      const o = norm(oldTexts[i]!);
      for (let j = nFrom; j < nTo; j++) {
        if (!freeNew(j) || !texts[j] || !o.startsWith(norm(texts[j]!))) continue;
        let joined = norm(texts[j]!);
        let last = j;
        while (joined.length < o.length && last + 1 < nTo && freeNew(last + 1)) joined = `${joined} ${norm(texts[++last]!)}`;
        if (last > j && joined === o) {
          give(j, i);
          const others = Array.from({ length: last - j }, (_, x) => j + 1 + x);
          splitParts.set(i, others);
          for (const x of others) parts.add(x);
          break;
        }
      }
    }
  }

  // 3. Within each gap between unchanged passages, pair changed passages in order (corrections).
  const correctedPairs: [number, number][] = [];
  for (let k = 0; k < anchors.length - 1; k++) {
    const [oi, nj] = anchors[k]!;
    const [oi2, nj2] = anchors[k + 1]!;
    let next = nj + 1;
    for (let i = oi + 1; i < oi2; i++) {
      if (!freeOld(i)) continue;
      let best = -1;
      let bestScore = CORRECTION_SIMILARITY;
      for (let j = next; j < nj2; j++) {
        if (!freeNew(j)) continue;
        const s = similarity(oldTexts[i]!, texts[j]!);
        if (s >= bestScore) {
          best = j;
          bestScore = s;
        }
      }
      if (best >= 0) {
        give(best, i);
        correctedPairs.push([i, best]);
        next = best + 1;
      }
    }
  }

  // 4. A corrected passage may be a merge or a split whose words were edited too: it is one when
  //    taking in a free neighbour (an old one for a merge, a current one for a split) makes the
  //    two texts clearly more alike. The merged passage keeps the first id; the split passage's
  //    opening words keep its id.
  const MARGIN = 0.05;
  for (const [i0, j0] of correctedPairs) {
    if (owner[j0] !== i0) continue;
    let first = i0;
    let last = i0;
    const joinedOld = (a: number, b: number) => oldTexts.slice(a, b + 1).map(norm).join(' ');
    let score = similarity(norm(texts[j0]!), joinedOld(first, last));
    for (;;) {
      const after = last + 1 < n && freeOld(last + 1) ? similarity(norm(texts[j0]!), joinedOld(first, last + 1)) : -1;
      const before = first - 1 >= 0 && freeOld(first - 1) ? similarity(norm(texts[j0]!), joinedOld(first - 1, last)) : -1;
      if (Math.max(after, before) < score + MARGIN) break;
      if (after >= before) last++;
      else first--;
      score = Math.max(after, before);
    }
    if (first !== i0 || last !== i0) {
      take(j0);
      give(j0, first);
      for (let x = first + 1; x <= last; x++) mergedInto.set(x, first);
      continue;
    }
    let from = j0;
    let to = j0;
    const joinedNew = (a: number, b: number) => texts.slice(a, b + 1).map(norm).join(' ');
    score = similarity(norm(oldTexts[i0]!), joinedNew(from, to));
    for (;;) {
      const after = to + 1 < m && freeNew(to + 1) ? similarity(norm(oldTexts[i0]!), joinedNew(from, to + 1)) : -1;
      const before = from - 1 >= 0 && freeNew(from - 1) ? similarity(norm(oldTexts[i0]!), joinedNew(from - 1, to)) : -1;
      if (Math.max(after, before) < score + MARGIN) break;
      if (after >= before) to++;
      else from--;
      score = Math.max(after, before);
    }
    if (from !== j0 || to !== j0) {
      take(j0);
      give(from, i0);
      const others = Array.from({ length: to - from }, (_, x) => from + 1 + x);
      splitParts.set(i0, others);
      for (const x of others) parts.add(x);
    }
  }

  // 5. A passage moved elsewhere with its text unchanged keeps its id.
  for (let j = 0; j < m; j++) {
    if (!freeNew(j)) continue;
    const i = oldTexts.findIndex((t, k) => freeOld(k) && t === texts[j]);
    if (i >= 0) give(j, i);
  }
  // 6. New passages, and the other parts of a split passage, take suffixed ids after their predecessor.
  const inserted: string[] = [];
  for (let j = 0; j < m; j++) {
    if (ids[j]) continue;
    const id = insertedId(j > 0 ? ids[j - 1] : undefined, used);
    used.add(id);
    ids[j] = id;
    if (!parts.has(j)) inserted.push(id);
  }
  const finalIds = ids as string[];
  const position = new Map(finalIds.map((id, j) => [id, j]));

  // What changed, for messages.
  const corrected: string[] = [];
  for (let j = 0; j < m; j++) {
    const i = owner[j]!;
    if (i >= 0 && oldTexts[i] !== texts[j] && !splitParts.has(i) && ![...mergedInto.values()].includes(i)) corrected.push(finalIds[j]!);
  }
  const mergedGroups = new Map<string, string[]>();
  for (const [i, into] of [...mergedInto].sort((a, b) => a[0] - b[0])) {
    const key = alive[into]!.id;
    mergedGroups.set(key, [...(mergedGroups.get(key) ?? []), alive[i]!.id]);
  }
  for (const [id, into] of mergedLate) mergedGroups.set(into, [...(mergedGroups.get(into) ?? []), id]);
  const merged = [...mergedGroups].map(([into, merged]) => ({ into, ids: merged }));
  const renumbered = [...gaveWay].map(([i, to]) => ({ from: alive[i]!.id, to }));
  const split = [...splitParts].sort((a, b) => a[0] - b[0]).map(([i, others]) => ({ id: alive[i]!.id, parts: others.map((j) => finalIds[j]!) }));

  // Old passages that matched nothing are deleted: their links lead to the nearest survivor
  // (a merged one's, to the passage it was merged into).
  const deleted: string[] = [];
  const tombstones = new Map<string, string>();
  const tombText = new Map<string, string | undefined>();
  for (let i = 0; i < n; i++) {
    const id = alive[i]!.id;
    if (position.has(id) || tombstones.has(id)) continue;
    const into = mergedInto.get(i);
    let successor: string | undefined = into !== undefined ? alive[into]!.id : gaveWay.get(i);
    if (successor === undefined) {
      deleted.push(id);
      // The surviving passage that followed the deleted one in the old lock, else the one before.
      const at = previous.indexOf(alive[i]!);
      for (let k = at + 1; k < previous.length && !successor; k++) if (!previous[k]!.deleted && position.has(previous[k]!.id)) successor = previous[k]!.id;
      for (let k = at - 1; k >= 0 && !successor; k--) if (!previous[k]!.deleted && position.has(previous[k]!.id)) successor = previous[k]!.id;
    }
    tombstones.set(id, successor ?? finalIds[0] ?? 'p1');
    tombText.set(id, oldTexts[i]);
  }
  // Earlier tombstones stay, leading to where their successor's links now lead. (A tombstone for
  // an id that lives again, restored or from a merged lock, gives way to the passage.)
  for (const p of previous) {
    if (!p.deleted || position.has(p.id) || tombstones.has(p.id)) continue;
    const target = mergedLate.get(p.id) ?? p.deleted.successor;
    tombstones.set(p.id, position.has(target) ? target : (tombstones.get(target) ?? finalIds[0] ?? 'p1'));
    tombText.set(p.id, p.text);
  }
  // Lock: every current passage with its text, then every tombstone with the text it had (while
  // the budget lasts: a lock stays within its size limit however much is deleted).
  const lock: LockedPassage[] = finalIds.map((id, j) => ({ id, text: texts[j] }));
  let budget = TOMBSTONE_TEXT_BUDGET;
  const utf8 = new TextEncoder();
  for (const [id, successor] of [...tombstones].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const text = tombText.get(id);
    const bytes = text === undefined ? Infinity : utf8.encode(text).length;
    const keep = text !== undefined && bytes <= budget;
    if (keep) budget -= bytes;
    lock.push(keep ? { id, deleted: { successor }, text } : { id, deleted: { successor } });
  }
  return { ids: finalIds, tombstones, lock, corrected, inserted, deleted, merged, split, restored, renumbered, refused };
}

/**
 * What changed in a source's ids, in words, for reviewers (`npm run check` prints it under the
 * lock it records): merges, splits, restores, corrections, insertions, deletions.
 */
export function describeIdChanges(a: IdAssignment): string[] {
  const out: string[] = [];
  for (const g of a.merged) {
    out.push(`${list([g.into, ...g.ids])} were merged into one passage, which keeps ${g.into}: links to ${list(g.ids.map((id) => `#${id}`))} now lead to it.`);
  }
  for (const s of a.split) {
    out.push(`${s.id} was split: its opening words keep ${s.id}, and the rest is ${s.parts.length === 1 ? `the new passage ${s.parts[0]}` : `in the new passages ${list(s.parts)}`}.`);
  }
  for (const id of a.restored) out.push(`${id} is back: the passage deleted as ${id} has its id again.`);
  for (const r of a.renumbered) out.push(`${r.from} gives way to ${r.to}: the passage it numbered is the one deleted as ${r.to}, and links to #${r.from} now lead to it.`);
  for (const id of a.corrected) out.push(`${id} was corrected, and keeps its id.`);
  // Insertions in a row are one sentence: "p4a and p4b are new passages, after p4."
  const at = new Map(a.ids.map((id, j) => [id, j]));
  for (let k = 0; k < a.inserted.length; ) {
    let run = 1;
    while (k + run < a.inserted.length && at.get(a.inserted[k + run]!) === at.get(a.inserted[k]!)! + run) run++;
    const ids = a.inserted.slice(k, k + run);
    const before = a.ids[at.get(ids[0]!)! - 1];
    out.push(`${list(ids)} ${run === 1 ? 'is a new passage' : 'are new passages'}, ${before ? `after ${before}` : 'at the start'}.`);
    k += run;
  }
  for (const id of a.deleted) out.push(`${id} was deleted: links to #${id} now lead to #${a.tombstones.get(id)}.`);
  return out;
}
