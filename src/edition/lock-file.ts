/**
 * The passage-id lock file (`annotations/passages/<slug>.yml`): its text, and a fast reader
 * for the text this module writes.
 *
 * Every build reads every lock, and a lock holds the whole text of its source, so at 1,000
 * documents `yaml` spends about 0.8 s reading locks and 0.5 s writing them again only to find
 * them unchanged. `readLock` reads the exact layout `formatLock` writes, line by line, and
 * returns null for anything else (then the caller parses the file with `yaml`, as any edited
 * or damaged lock must be). It accepts a value only where YAML's reading of it is certain: a
 * plain scalar that cannot be a number, boolean, null, comment or mapping; a single-quoted
 * scalar on one line; a literal block (`|-`) indented by six spaces; a double-quoted scalar
 * whose escapes are JSON's (JSON strings are YAML double-quoted scalars with the same meaning).
 * test/unit/lock-file.test.ts holds it equal to `yaml` on every lock in the project and on
 * generated hostile texts.
 */
import { stringify } from 'yaml';
import type { LockedPassage } from './passage-ids.js';

/** The text of a lock file. */
export function formatLock(slug: string, lock: LockedPassage[]): string {
  return (
    header(slug) +
    stringify({ passages: lock.map((p) => (p.deleted ? { id: p.id, deleted: p.deleted } : { id: p.id, text: p.text })) }, { lineWidth: 0 })
  );
}

const header = (slug: string) =>
  `# Permanent passage ids of sources/${slug}.txt, kept by \`npm run build\` and \`npm run check\`.\n` +
  `# Commit this file with the source. Do not edit it: ids once published never change or get reused.\n`;

const ID = /^ {2}- id: (p\d+[a-z]*)$/;
const TEXT = /^ {4}text: (.+)$/;
const SUCCESSOR = /^ {6}successor: (p\d+[a-z]*)$/;
/** Characters YAML does not allow raw, or reads as line breaks or marks; a line with one goes to `yaml`. */
const UNSAFE = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udfff]/;
/**
 * Plain scalars that could be anything but a one-line string: indicators first, `: ` or ` #`
 * inside, spaces or tabs at an end (YAML's only whitespace: a no-break space is text).
 */
const PLAIN_UNSAFE = /^[-?:,[\]{}#&*!|>'"%@` \t]|:(?:[ \t]|$)|[ \t]#|[ \t]$/;
/** Plain scalars that the core schema reads as null, a boolean, or a number (and anything close). */
const PLAIN_NOT_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$|^[-+.0-9][-+.0-9a-zA-Z_]*$/;
const SINGLE_QUOTED = /^'((?:[^']|'')*)'$/;

/** One scalar value as YAML reads it, or undefined where this reader is not certain. */
function scalar(raw: string): string | undefined {
  if (UNSAFE.test(raw)) return undefined;
  if (raw.startsWith('"')) {
    if (!raw.endsWith('"') || raw.includes('\t')) return undefined;
    try {
      const v: unknown = JSON.parse(raw);
      return typeof v === 'string' ? v : undefined;
    } catch {
      return undefined;
    }
  }
  if (raw.startsWith("'")) {
    const m = SINGLE_QUOTED.exec(raw);
    return m ? m[1]!.replace(/''/g, "'") : undefined;
  }
  return PLAIN_UNSAFE.test(raw) || PLAIN_NOT_STRING.test(raw) ? undefined : raw;
}

/**
 * Reads a lock written by `formatLock` for `slug` (the header must name it). Returns null if
 * the text is laid out any other way; the caller then reads it with `yaml`.
 */
export function readLock(slug: string, text: string): LockedPassage[] | null {
  const top = header(slug);
  if (!text.startsWith(top) || !text.endsWith('\n') || text.includes('\r')) return null;
  const lines = text.slice(top.length, -1).split('\n');
  if (lines.length === 1 && lines[0] === 'passages: []') return [];
  if (lines[0] !== 'passages:') return null;
  const lock: LockedPassage[] = [];
  for (let i = 1; i < lines.length; i++) {
    const id = ID.exec(lines[i]!)?.[1];
    if (id === undefined) return null;
    const next = lines[++i];
    if (next === undefined) return null;
    if (next === '    deleted:') {
      const successor = SUCCESSOR.exec(lines[++i] ?? '')?.[1];
      if (successor === undefined) return null;
      lock.push({ id, deleted: { successor } });
      continue;
    }
    const raw = TEXT.exec(next)?.[1];
    let value: string | undefined;
    if (raw === '|-') {
      // A literal block (a passage with line breaks): lines indented by six spaces, or empty.
      const block: string[] = [];
      while (i + 1 < lines.length && !lines[i + 1]!.startsWith('  - ')) {
        const line = lines[++i]!;
        if (line === '') block.push('');
        else if (line.startsWith('      ') && !UNSAFE.test(line)) block.push(line.slice(6));
        else return null;
      }
      // The first line sets the indentation, and `|-` drops trailing empty lines: leave those to `yaml`.
      if (!block.length || block[0]!.startsWith(' ') || block[0] === '' || block.at(-1) === '') return null;
      value = block.join('\n');
    } else value = raw === undefined ? undefined : scalar(raw);
    if (value === undefined) return null;
    lock.push({ id, text: value });
  }
  return lock;
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
