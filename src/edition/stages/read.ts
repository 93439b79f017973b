/**
 * Stage read/validate: one contributor file from bytes to checked data. UTF-8 is decoded,
 * the YAML (a whole-YAML file, or front matter before a body) is read by `frontmatter.ts`,
 * the data is validated by a zod schema, and a Markdown body is checked by `markdown.ts`.
 * Every failure is reported at its file, line and column; the file is then skipped (null).
 */
import type { z } from 'zod';
import { decodeUtf8, parseFrontMatter, parseYamlFile, type DataPath } from '../frontmatter.js';
import { checkMarkdown, type SafeMarkdown } from '../markdown.js';
import type { RawFile } from '../model.js';
import { LineIndex } from '../position.js';
import { Problems } from '../problems.js';
import { reportZodError } from '../zod-problems.js';
import { bytesDigest, keyOf, type WorkCache } from '../cache.js';

/** The cache of the build in progress (buildEdition sets it for its synchronous run). */
let activeCache: WorkCache | undefined;

/** Runs `fn` with `cache` serving {@link readContributorFile}. */
export function withReadCache<T>(cache: WorkCache | undefined, fn: () => T): T {
  const before = activeCache;
  activeCache = cache;
  try {
    return fn();
  } finally {
    activeCache = before;
  }
}

/**
 * `compute(problems)` for one file, taken from the build's work cache when the same file (path
 * and bytes) was worked on the same way (`how`) before: its value and its problems (replayed).
 * Without a cache, just `compute`. The value must survive node:v8 serialization.
 */
export function cachedFileWork<T>(kind: string, file: RawFile, how: string, problems: Problems, compute: (problems: Problems) => T): T {
  const cache = activeCache;
  if (!cache || file.notRead) return compute(problems);
  const key = keyOf(cache.version, file.path, bytesDigest(file.bytes), how);
  const hit = cache.get<{ problems: Problems['list']; value: T }>(kind, key);
  const replay = (list: Problems['list']) => {
    for (const p of list) problems[p.severity === 'error' ? 'error' : 'warn'](p.file, p.line, p.col, p.message);
  };
  if (hit) {
    replay(hit.problems);
    return hit.value;
  }
  const local = new Problems();
  const value = compute(local);
  replay(local.list);
  cache.set(kind, key, { problems: local.list, value });
  return value;
}

/** What the cache keeps of one read: its problems, and the file as read (null: not usable). */
interface CachedRead {
  problems: { severity: 'error' | 'warning'; line: number; col: number; message: string }[];
  read: Omit<ContributorFile<unknown>, 'locate'> | null;
}

/** How a contributor file is read. */
export interface ReadOptions {
  /** `yaml`: the whole file is YAML (works, structure); `front-matter`: metadata, then a body. */
  format: 'yaml' | 'front-matter';
  /** A byte-order mark is an error, not a warning (sources). */
  bomIsError?: boolean;
  /** The message when a front-matter file has no metadata block; without it, none is required. */
  requireFrontMatter?: string;
  /** Check the body as contributor Markdown, reporting its issues at their lines in the file. */
  markdown?: boolean;
  /** The body is received text, reproduced as it is (a source's): only the metadata is the contributor's own. */
  receivedBody?: boolean;
}

/** A contributor file that was read and validated. */
export interface ContributorFile<T> {
  /** The validated metadata. */
  data: T;
  /** The metadata as written, before validation. */
  raw: Record<string, unknown>;
  /** Line and column of a value (or, with `key`, of its key) in the file. */
  locate(path: DataPath, key?: boolean): { line: number; col: number };
  /** The text after the front matter, exactly ('' for a whole-YAML file). */
  body: string;
  /** 1-based line on which the body starts. */
  bodyLine: number;
  /** The checked Markdown body, when `markdown` was asked for. */
  markdown?: SafeMarkdown;
}

/** Invisible characters that change the order in which the words after them are shown. */
const BIDI_CONTROLS: Record<number, string> = {
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
};
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * A contributor's text with bidirectional control characters is shown in another order than it
 * is written (a reviewer reading the file, or a reader, may not see what it says): a warning at
 * the first one, never silently. `end`: where the contributor's own text ends (a source's body is
 * received text and is left as received).
 */
function warnBidiControls(text: string, end: number, file: string, problems: Problems): void {
  const mine = end < text.length ? text.slice(0, end) : text;
  const found = [...mine.matchAll(BIDI_CONTROL)];
  if (found.length === 0) return;
  const first = found[0]!;
  const code = first[0].charCodeAt(0);
  const { line, col } = new LineIndex(mine).at(first.index);
  problems.warn(
    file,
    line,
    col,
    `Here is the invisible character U+${code.toString(16).toUpperCase()} (${BIDI_CONTROLS[code]})${found.length > 1 ? `, one of ${found.length} such characters in this file,` : ''} which changes the order in which the words after it are shown: readers and reviewers may not see what the text says. Remove it; the site gives Persian and other right-to-left words their direction itself.`,
  );
}

/** The path of the first key named `__proto__` in `data`, which zod would drop silently. */
function reservedKey(data: unknown, path: (string | number)[] = []): (string | number)[] | undefined {
  if (!data || typeof data !== 'object') return undefined;
  if (!Array.isArray(data) && Object.hasOwn(data, '__proto__')) return [...path, '__proto__'];
  for (const [k, v] of Object.entries(data)) {
    const found = reservedKey(v, [...path, Array.isArray(data) ? Number(k) : k]);
    if (found) return found;
  }
  return undefined;
}

/**
 * Reads one contributor file: decode, parse, validate with `schema` (problems name the file as
 * a `what`: "note", "register entry"…), check the Markdown body. Returns null if the file cannot be
 * used; problems in a Markdown body are reported but do not stop it.
 */
export function readContributorFile<S extends z.ZodType>(
  file: RawFile,
  schema: S,
  what: string,
  problems: Problems,
  opts: ReadOptions & { markdown: true },
): (ContributorFile<z.output<S>> & { markdown: SafeMarkdown }) | null;
export function readContributorFile<S extends z.ZodType>(file: RawFile, schema: S, what: string, problems: Problems, opts: ReadOptions): ContributorFile<z.output<S>> | null;
export function readContributorFile<S extends z.ZodType>(file: RawFile, schema: S, what: string, problems: Problems, opts: ReadOptions): ContributorFile<z.output<S>> | null {
  const cache = activeCache;
  if (!cache || file.notRead) return readFresh(file, schema, what, problems, opts);
  const key = readKey(cache, file, what, opts);
  const hit = cache.get<CachedRead>('read', key);
  const replay = (list: CachedRead['problems']) => {
    for (const p of list) problems[p.severity === 'error' ? 'error' : 'warn'](file.path, p.line, p.col, p.message);
  };
  if (hit) {
    replay(hit.problems);
    if (!hit.read) return null;
    // Positions are wanted only for a problem found later (an unknown entry, a quote not found):
    // the file is parsed again then, and only then.
    let parsed: Pick<ContributorFile<unknown>, 'locate'> | null | undefined;
    const locate = (path: DataPath, key?: boolean) => {
      parsed ??= reparse(file, opts);
      return parsed ? parsed.locate(path, key) : { line: 1, col: 1 };
    };
    return { ...(hit.read as Omit<ContributorFile<z.output<S>>, 'locate'>), locate };
  }
  const local = new Problems();
  const read = readFresh(file, schema, what, local, opts);
  const found = local.list.map((p) => ({ severity: p.severity, line: p.line, col: p.col, message: p.message }));
  replay(found);
  // A problem naming another file would not be replayed right: such a read is not kept.
  if (local.list.every((p) => p.file === file.path)) {
    cache.set('read', key, { problems: found, read: read && { data: read.data, raw: read.raw, body: read.body, bodyLine: read.bodyLine, ...(read.markdown ? { markdown: read.markdown } : {}) } } satisfies CachedRead);
  }
  return read;
}

/**
 * The key of a read in the cache: everything the result depends on besides the code (whose
 * version every key holds): the path (problems name it), the bytes, what the file is and how it
 * is read.
 */
function readKey(cache: WorkCache, file: RawFile, what: string, opts: ReadOptions): string {
  return keyOf(cache.version, file.path, bytesDigest(file.bytes), what, JSON.stringify(opts));
}

/** Whether `cache` holds the read of `file` as a `what` read with `opts`. */
export function isReadCached(cache: WorkCache, file: RawFile, what: string, opts: ReadOptions): boolean {
  return !file.notRead && cache.has('read', readKey(cache, file, what, opts));
}

/** The positions of a file read before (from the cache): its YAML parsed again. */
function reparse(file: RawFile, opts: ReadOptions): Pick<ContributorFile<unknown>, 'locate'> | null {
  const scratch = new Problems();
  const text = decodeUtf8(file.bytes, file.path, scratch, opts.bomIsError ? { bomIsError: true } : {});
  if (text === null) return null;
  return opts.format === 'yaml' ? parseYamlFile(text, file.path, scratch) : parseFrontMatter(text, file.path, scratch);
}

function readFresh<S extends z.ZodType>(file: RawFile, schema: S, what: string, problems: Problems, opts: ReadOptions): ContributorFile<z.output<S>> | null {
  const text = decodeUtf8(file.bytes, file.path, problems, opts.bomIsError ? { bomIsError: true } : {});
  if (text === null) return null;
  let parsed: Pick<ContributorFile<unknown>, 'raw' | 'locate' | 'body' | 'bodyLine'>;
  if (opts.format === 'yaml') {
    const yaml = parseYamlFile(text, file.path, problems);
    if (!yaml) return null;
    parsed = { raw: yaml.data, locate: yaml.locate, body: '', bodyLine: 1 };
  } else {
    const front = parseFrontMatter(text, file.path, problems);
    if (!front) return null;
    if (!front.hasFrontMatter && opts.requireFrontMatter !== undefined) {
      problems.error(file.path, 1, 1, opts.requireFrontMatter);
      return null;
    }
    parsed = { raw: front.data, locate: front.locate, body: front.body, bodyLine: front.bodyLine };
  }
  warnBidiControls(text, opts.receivedBody ? text.length - parsed.body.length : text.length, file.path, problems);
  const reserved = reservedKey(parsed.raw);
  if (reserved) {
    const { line, col } = parsed.locate(reserved, true);
    problems.error(file.path, line, col, 'A key cannot be named "__proto__" (JavaScript reserves the name, and the value would be lost). Rename it or remove it.');
    return null;
  }
  const r = schema.safeParse(parsed.raw);
  if (!r.success) {
    reportZodError(r.error, parsed.raw, file.path, parsed.locate, problems, what);
    return null;
  }
  const read: ContributorFile<z.output<S>> = { ...parsed, data: r.data };
  if (opts.markdown) {
    const md = checkMarkdown(parsed.body);
    for (const i of md.issues) problems.error(file.path, parsed.bodyLine + i.line - 1, i.col, i.message);
    read.markdown = md.result;
  }
  return read;
}
