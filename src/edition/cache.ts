/**
 * A cache of the edition's expensive per-file work, keyed by content digests, so that a rebuild
 * (and the dev server after a save) redoes only the work whose inputs changed.
 *
 * What is cached, and what its key holds (every key also holds {@link codeVersion}: the core's
 * own source files, the locked versions of its libraries and Node's V8):
 * - `read`: one contributor file read and checked (YAML, front matter, zod, Markdown body) and
 *   the problems found in it — the file's path and the SHA-256 of its bytes, how it was read;
 * - `mentions`: one document's mentions — its {@link EditionDocument.inputDigest} (its source,
 *   lock, structure and notes, the register entries' data, the works' data);
 * - `mdx`: the SHA-256 of one document's generated MDX — its input digest and the site's base;
 * - in memory only, the documents of the last model built without errors
 *   ({@link WorkCache.keptDocument}): an unchanged document is taken whole.
 *
 * Values are stored serialized (node:v8), so every read is a fresh copy that the stages may
 * change freely. The store lives in memory (the dev server keeps one for its whole life) and,
 * with a folder, in one pack file there (`edition-cache.bin`), read once when the cache is opened
 * and written by {@link WorkCache.save} after a build without errors. A pack that cannot be read,
 * or whose checksum does not match, is ignored (the cache starts empty); so is an entry that
 * does not deserialize. Nothing here is ever an error for the editor: at worst the work is
 * done again.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { EditionDocument } from './model.js';
import type { Problem } from './problems.js';

/** The pack's format; a pack of another format is ignored. */
const PACK_FORMAT = 'annotated-edition work cache 1';
export const PACK_FILE = 'edition-cache.bin';

/** SHA-256 of bytes or text, hex. */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * SHA-256 of a file's bytes, remembered for the bytes' life: the dev server keeps the same
 * bytes for every file that was not saved, so each is hashed once, not after every save.
 */
const digests = new WeakMap<Uint8Array, string>();
export function bytesDigest(bytes: Uint8Array): string {
  let d = digests.get(bytes);
  if (d === undefined) {
    d = sha256(bytes);
    digests.set(bytes, d);
  }
  return d;
}

/** A key from parts: the SHA-256 of the parts, each preceded by its length (no two lists of parts give one key). */
export function keyOf(...parts: (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    const bytes = typeof p === 'string' ? Buffer.from(p, 'utf8') : p;
    h.update(`${bytes.length}:`).update(bytes);
  }
  return h.digest('hex');
}

let version: string | undefined;

/**
 * A digest of the code that produces the cached work: every file of the core (src/edition/,
 * this module's folder), the nearest package-lock.json above it (the exact versions of
 * gray-matter, yaml, zod, micromark, mdast-util-to-markdown…) and Node's V8 version (its
 * serialization format). Any change to them makes every key new.
 */
export function codeVersion(): string {
  if (version) return version;
  const h = createHash('sha256');
  h.update(`${PACK_FORMAT}\0${process.versions.v8}\0`);
  try {
    const here = dirname(fileURLToPath(import.meta.url));
    const walk = (dir: string, rel: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        if (e.isDirectory()) walk(join(dir, e.name), `${rel}${e.name}/`);
        else if (e.isFile()) h.update(`${rel}${e.name}\0`).update(readFileSync(join(dir, e.name))).update('\0');
      }
    };
    walk(here, '');
    for (let dir = here; ; dir = dirname(dir)) {
      const lock = join(dir, 'package-lock.json');
      if (existsSync(lock)) {
        h.update(readFileSync(lock));
        break;
      }
      if (dirname(dir) === dir) break;
    }
  } catch {
    // The code cannot be read (bundled elsewhere?): a version no other process shares, so the
    // disk cache is never trusted, and the memory cache still serves this process.
    h.update(`${process.pid}\0${Date.now()}\0${Math.random()}`);
  }
  version = h.digest('hex').slice(0, 32);
  return version;
}

/**
 * A document of the last model built without errors with this cache, taken whole by the next
 * build when its {@link EditionDocument.inputDigest} is the same: with the warnings found in its
 * own files, and the works it cites (marked used again).
 */
export interface KeptDocument {
  doc: EditionDocument;
  problems: Problem[];
  cites: string[];
}

/** Hits and misses by kind of work. */
export type CacheStats = Record<string, { hits: number; misses: number }>;

/** The cache the stages use: values stored serialized, under a kind and a key. */
export class WorkCache {
  /** The code's version ({@link codeVersion}), part of every key. */
  readonly version = codeVersion();
  private readonly entries = new Map<string, Uint8Array>();
  /** Entries read or written since the cache was opened or last saved: what a save keeps. */
  private readonly used = new Set<string>();
  private dirty = false;
  readonly stats: CacheStats = {};
  /**
   * The documents of the last model built without errors, by input digest (in memory only, never
   * in the pack): the dev server's next build takes each unchanged document whole instead of
   * reading, segmenting and anchoring it again (`documents` in {@link stats}). Documents are
   * never changed after their build, so the two models may share them.
   */
  private kept = new Map<string, KeptDocument>();
  /**
   * Whether {@link keepDocuments} keeps anything: on in `astro dev` (the integration sets it),
   * off by default, since a build makes one model and keeping its documents past the pages
   * would keep the whole model in memory while the search index is written.
   */
  keepsDocuments = false;
  /** A document was taken whole since the last save: its files' entries were not used, and are not pruned. */
  private keptTaken = false;
  /** Why the pack was not used, if it was there but ignored. */
  ignored: string | undefined;

  /** A cache in memory only, or backed by the pack in `dir` (read now; written by save()). */
  constructor(readonly dir?: string) {
    if (dir) this.load(join(dir, PACK_FILE));
  }

  private count(kind: string, hit: boolean) {
    const s = (this.stats[kind] ??= { hits: 0, misses: 0 });
    if (hit) s.hits++;
    else s.misses++;
  }

  /** A fresh copy of what is stored under (kind, key); undefined if nothing (or nothing readable) is. */
  get<T>(kind: string, key: string): T | undefined {
    const id = `${kind}:${key}`;
    const bytes = this.entries.get(id);
    if (bytes) {
      try {
        const value = deserialize(bytes) as T;
        this.used.add(id);
        this.count(kind, true);
        return value;
      } catch {
        this.entries.delete(id);
        this.dirty = true;
      }
    }
    this.count(kind, false);
    return undefined;
  }

  set(kind: string, key: string, value: unknown): void {
    const id = `${kind}:${key}`;
    this.entries.set(id, serialize(value));
    this.used.add(id);
    this.dirty = true;
  }

  /** Whether something is stored under (kind, key), without reading it (not counted). */
  has(kind: string, key: string): boolean {
    return this.entries.has(`${kind}:${key}`);
  }

  /** The entries of one kind, as stored (`[id, bytes]`): to hand to another thread's cache ({@link adopt}). */
  stored(kind: string): [string, Uint8Array][] {
    return [...this.entries].filter(([id]) => id.startsWith(`${kind}:`));
  }

  /** Takes entries another cache {@link stored} (a worker thread's, for this build): kept and saved like this cache's own. */
  adopt(entries: Iterable<readonly [string, Uint8Array]>): void {
    for (const [id, bytes] of entries) {
      this.entries.set(id, bytes);
      this.used.add(id);
      this.dirty = true;
    }
  }

  /** The document kept under this input digest, if any (counted under `documents`). */
  keptDocument(digest: string): KeptDocument | undefined {
    const k = this.kept.get(digest);
    this.count('documents', k !== undefined);
    if (k) this.keptTaken = true;
    return k;
  }

  /** Replaces the kept documents with these (those of a model built without errors). */
  keepDocuments(documents: Iterable<KeptDocument>): void {
    if (!this.keepsDocuments) return;
    this.kept = new Map([...documents].flatMap((k) => (k.doc.inputDigest ? [[k.doc.inputDigest, k] as const] : [])));
  }

  /**
   * Lets go of everything held in memory (the pack on disk stays as it is): a build calls it
   * once its pack is written, since its pages render from the model already built; what is
   * asked afterwards is a miss, and done again.
   */
  release(): void {
    this.entries.clear();
    this.used.clear();
    this.kept.clear();
    this.dirty = false;
  }

  /** Forgets the counts (each build reports its own). */
  resetStats(): void {
    for (const k of Object.keys(this.stats)) delete this.stats[k];
  }

  /** Number of entries held. */
  get size(): number {
    return this.entries.size;
  }

  private load(path: string): void {
    let pack: Buffer;
    try {
      pack = readFileSync(path);
    } catch {
      return; // No pack yet.
    }
    try {
      // Layout: 64 hex digits of the payload's SHA-256, then the payload (v8-serialized).
      const sum = pack.subarray(0, 64).toString('latin1');
      const payload = pack.subarray(64);
      if (sha256(payload) !== sum) throw new Error('checksum');
      const data = deserialize(payload) as { format?: unknown; version?: unknown; entries?: unknown };
      if (data.format !== PACK_FORMAT) throw new Error('format');
      if (data.version !== codeVersion()) {
        this.ignored = 'made by another version of the code';
        return;
      }
      if (!(data.entries instanceof Map)) throw new Error('entries');
      for (const [k, v] of data.entries) if (typeof k === 'string' && v instanceof Uint8Array) this.entries.set(k, v);
    } catch {
      this.entries.clear();
      this.ignored = 'unreadable';
    }
  }

  /**
   * Writes the pack (when a folder was given and something changed), keeping only the entries
   * used since the cache was opened or last saved, so that it does not grow with old versions
   * of the files. The caller creates `dir` (inside the folder it may write in) and calls this
   * only after a build without errors. Written to a new file beside the pack, then renamed
   * over it: a pack is never half written.
   */
  save(): boolean {
    if (!this.dir) return false;
    // After a build that took documents whole, their files' entries were not used but are current.
    const prune = !this.keptTaken;
    const stale = prune && [...this.entries.keys()].some((k) => !this.used.has(k));
    if (!this.dirty && !stale) return false;
    if (prune) for (const k of [...this.entries.keys()]) if (!this.used.has(k)) this.entries.delete(k);
    const payload = serialize({ format: PACK_FORMAT, version: codeVersion(), entries: this.entries });
    const path = join(this.dir, PACK_FILE);
    const temporary = join(this.dir, `.${PACK_FILE}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
    try {
      const fd = openSync(temporary, 'wx');
      try {
        writeSync(fd, sha256(payload), null, 'latin1');
        writeSync(fd, payload);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, path);
    } catch (e) {
      rmSync(temporary, { force: true });
      throw e;
    }
    this.used.clear();
    this.dirty = false;
    this.keptTaken = false;
    return true;
  }
}
