/**
 * Reads a contributor file: UTF-8 text, YAML front matter (split as gray-matter splits it,
 * parsed strictly by `yaml`), then a body. YAML is data only: tags that would
 * construct code or objects (`!!js/function`, `!!python/object`, any custom `!tag`)
 * are refused, and every value can be traced back to its line and column.
 */
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { LineIndex } from './position.js';
import type { Problems } from './problems.js';

/** A path into the front matter data, e.g. `['quote', 'exact']`. */
export type DataPath = readonly (string | number)[];

/** A parsed contributor file. */
export interface ParsedFile {
  /** The front matter as plain data (`{}` when the file has none). */
  data: Record<string, unknown>;
  /** Whether the file had a front matter block at all. */
  hasFrontMatter: boolean;
  /** The text after the front matter, exactly as in the file. */
  body: string;
  /** Offset of the body in the file text. */
  bodyOffset: number;
  /** 1-based line on which the body starts. */
  bodyLine: number;
  /**
   * 1-based line and column of the value at `path` (or of its nearest existing parent);
   * with `key: true`, of the key itself (for unknown fields).
   */
  locate(path: DataPath, key?: boolean): { line: number; col: number };
}

const BOM = '\uFEFF';

/**
 * Decodes file bytes as UTF-8. Reports invalid UTF-8 as an error (returns null) and
 * a byte-order mark as a warning (and drops it, except in sources where it is refused).
 */
export function decodeUtf8(bytes: Uint8Array, file: string, problems: Problems, opts: { bomIsError?: boolean } = {}): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // Find the first bad byte to point at it.
    let line = 1;
    let col = 1;
    const good = new TextDecoder('utf-8').decode(bytes);
    const bad = good.indexOf('\uFFFD');
    if (bad >= 0) ({ line, col } = new LineIndex(good).at(bad));
    problems.error(file, line, col, 'This file is not valid UTF-8. Open it in your editor and save it with the encoding "UTF-8".');
    return null;
  }
  if (text.startsWith(BOM)) {
    const message = 'This file starts with a byte-order mark (BOM). Save it as "UTF-8" without BOM.';
    if (opts.bomIsError) {
      problems.error(file, 1, 1, message);
      return null;
    }
    problems.warn(file, 1, 1, message);
    text = text.slice(1);
  }
  return text;
}

/** Parses a file with optional YAML front matter. Returns null (with problems reported) if the YAML is unusable. */
export function parseFrontMatter(text: string, file: string, problems: Problems): ParsedFile | null {
  const lines = new LineIndex(text);
  if (!/^---[ \t]*\r?\n/.test(text)) {
    return {
      data: {},
      hasFrontMatter: false,
      body: text,
      bodyOffset: 0,
      bodyLine: 1,
      locate: () => ({ line: 1, col: 1 }),
    };
  }
  // Split as gray-matter splits; we parse the YAML ourselves to keep positions and refuse tags.
  const split = splitFrontMatter(text);
  const yamlText: string = split.matter.replace(/^\r?\n/, '');
  const yamlOffset = text.indexOf(yamlText);
  const bodyOffset = text.length - split.content.length;
  if (!text.endsWith(split.content) || yamlOffset < 0) {
    problems.error(file, 1, 1, 'The front matter block is not closed. Add a line containing only `---` after the metadata.');
    return null;
  }
  const closed = /\n---[ \t]*(\r?\n|$)/.test(text.slice(0, bodyOffset) + (split.content.length ? '' : '\n'));
  if (!closed) {
    problems.error(file, 1, 1, 'The front matter block is not closed. Add a line containing only `---` after the metadata.');
    return null;
  }
  const parsed = parseYaml(blankCarriageReturns(yamlText), file, problems, (pos) => lines.at(yamlOffset + pos));
  if (!parsed) return null;
  return {
    data: parsed.data,
    hasFrontMatter: true,
    body: split.content,
    bodyOffset,
    bodyLine: lines.at(bodyOffset).line,
    locate: parsed.locate,
  };
}

/**
 * The front matter block and the body of a text that starts with `---` and a line break, exactly
 * as gray-matter splits it (the block runs to the next `\n---`; the body starts after that line's
 * `---` and one line break). gray-matter itself also copies every file into a Buffer and checks
 * types, about a tenth of an edition's load; test/unit/frontmatter.test.ts holds the two equal.
 */
export function splitFrontMatter(text: string): { matter: string; content: string } {
  const str = text.slice(3);
  const close = str.indexOf('\n---');
  if (close === -1) return { matter: str, content: '' };
  let content = str.slice(close + 4);
  if (content[0] === '\r') content = content.slice(1);
  if (content[0] === '\n') content = content.slice(1);
  return { matter: str.slice(0, close), content };
}

/** Parses a whole-YAML file (e.g. works cited, structure) with the same rules. */
export function parseYamlFile(text: string, file: string, problems: Problems): Pick<ParsedFile, 'data' | 'locate'> | null {
  const lines = new LineIndex(text);
  return parseYaml(blankCarriageReturns(text), file, problems, (pos) => lines.at(pos));
}

/** CRLF files: a carriage return becomes a space, so offsets (and positions) stay the same. */
const blankCarriageReturns = (s: string) => s.replace(/\r(?=\n|$)/g, ' ');

/** Strict YAML: no tags, no duplicate keys; a mapping at the top; positions kept. */
function parseYaml(
  yamlText: string,
  file: string,
  problems: Problems,
  at: (pos: number) => { line: number; col: number },
): Pick<ParsedFile, 'data' | 'locate'> | null {
  const simple = simpleYaml(yamlText);
  if (simple) {
    // Positions are only wanted for an error message: parse fully then, not before.
    let full: Pick<ParsedFile, 'locate'> | null | undefined;
    return {
      data: simple,
      locate: (path, key) => (full === undefined ? (full = parseYamlFully(yamlText, file, problems, at)) : full)?.locate(path, key) ?? at(0),
    };
  }
  return parseYamlFully(yamlText, file, problems, at);
}

const SIMPLE_KEY = /^(?!(?:true|false|null):)([a-z_][a-z0-9_]*): +(.*?) *$/;
/** A double-quoted string without escapes, or control, line-break or byte-order characters. */
const SIMPLE_QUOTED = /"([^"\\\x00-\x1f\x7f\x85\u2028\u2029\ufeff]*)"/y;
/** A plain scalar that YAML reads as a string: a lower-case word, hyphens and colons inside. */
const SIMPLE_WORD = /[a-z][a-z0-9-]*(?::[a-z0-9][a-z0-9-]*)?/y;
/** A plain scalar that the core schema reads as an integer (no sign, no leading zero, safe size). */
const SIMPLE_INT = /(?:0|[1-9][0-9]{0,14})/y;
/** A year-month(-day) date, which YAML 1.2's core schema reads as a string. */
const SIMPLE_DATE = /[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?/y;
const SIMPLE_FLOW_KEY = /([a-z_][a-z0-9_]*): +/y;
const SPACES = / */y;

/**
 * The front matter most notes and entries have (`quote: "…"`, `kind: context`,
 * `cites: [work-key, { work: other, at: "p. 7" }]`, `born: 1920`, `start: 1979-02-11`) read
 * without the YAML library, which spends about 50 µs on each such block (about two seconds of
 * a 1,000-document edition's load). Only top-level `key: value` lines, whose values are a
 * double-quoted string without escapes, a lower-case word, an integer, a year-month(-day)
 * date, true, false, null, or flow lists and maps of these; no comments, no repeated keys, no
 * trailing commas. Anything else returns null and goes to `yaml`. The result equals `yaml`'s
 * for every file this accepts (test/unit/frontmatter.test.ts).
 */
export function simpleYaml(text: string): Record<string, unknown> | null {
  const data: Record<string, unknown> = {};
  for (const line of text.split('\n')) {
    if (/^ *$/.test(line)) continue;
    const m = SIMPLE_KEY.exec(line);
    if (!m || Object.hasOwn(data, m[1]!) || m[1] === '__proto__') return null;
    const raw = m[2]!;
    const read = simpleValue(raw, 0);
    if (!read || read.end !== raw.length) return null;
    data[m[1]!] = read.value;
  }
  return data;
}

/** Reads one value at `at`; null if it is not one this reader knows. */
function simpleValue(raw: string, at: number): { value: unknown; end: number } | null {
  // A plain scalar that runs on (`a b`, `a#b`, `12ab`) is refused by the caller, which wants
  // the line's end, a comma or a closing bracket right after it.
  const sticky = (re: RegExp) => {
    re.lastIndex = at;
    return re.exec(raw);
  };
  const c = raw[at];
  if (c === '"') {
    SIMPLE_QUOTED.lastIndex = at;
    const m = SIMPLE_QUOTED.exec(raw);
    return m ? { value: m[1], end: SIMPLE_QUOTED.lastIndex } : null;
  }
  if (c === '[' || c === '{') {
    const list: unknown[] = [];
    const map: Record<string, unknown> = {};
    const close = c === '[' ? ']' : '}';
    let i = skip(raw, at + 1);
    if (raw[i] === close) return { value: c === '[' ? list : map, end: i + 1 };
    for (;;) {
      if (c === '{') {
        SIMPLE_FLOW_KEY.lastIndex = i;
        const k = SIMPLE_FLOW_KEY.exec(raw);
        if (!k || Object.hasOwn(map, k[1]!) || k[1] === '__proto__' || k[1] === 'true' || k[1] === 'false' || k[1] === 'null') return null;
        const v = simpleValue(raw, SIMPLE_FLOW_KEY.lastIndex);
        if (!v) return null;
        map[k[1]!] = v.value;
        i = v.end;
      } else {
        const v = simpleValue(raw, i);
        if (!v) return null;
        list.push(v.value);
        i = v.end;
      }
      i = skip(raw, i);
      if (raw[i] === close) return { value: c === '[' ? list : map, end: i + 1 };
      if (raw[i] !== ',') return null;
      i = skip(raw, i + 1);
      if (raw[i] === close) return null; // a trailing comma: left to `yaml`
    }
  }
  let m: RegExpExecArray | null;
  if ((m = sticky(SIMPLE_WORD))) {
    const word = m[0];
    return { value: word === 'null' ? null : word === 'true' ? true : word === 'false' ? false : word, end: at + word.length };
  }
  if ((m = sticky(SIMPLE_DATE))) return { value: m[0], end: at + m[0].length };
  if ((m = sticky(SIMPLE_INT))) return { value: Number(m[0]), end: at + m[0].length };
  return null;
}

function skip(raw: string, at: number): number {
  SPACES.lastIndex = at;
  SPACES.exec(raw);
  return SPACES.lastIndex;
}

function parseYamlFully(
  yamlText: string,
  file: string,
  problems: Problems,
  at: (pos: number) => { line: number; col: number },
): Pick<ParsedFile, 'data' | 'locate'> | null {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  let ok = true;
  for (const e of doc.errors) {
    const { line, col } = at(e.pos[0]);
    problems.error(file, line, col, `The metadata (YAML) cannot be read: ${yamlMessage(e.message)} Check indentation, colons and quotes on this line.`);
    ok = false;
  }
  for (const w of doc.warnings) {
    const { line, col } = at(w.pos[0]);
    if (w.code === 'TAG_RESOLVE_FAILED') {
      problems.error(file, line, col, `YAML tags are not allowed in edition files (${yamlMessage(w.message)}). Remove the \`!\` tag and write the value as plain text.`);
    } else {
      problems.error(file, line, col, `The metadata (YAML) is ambiguous: ${yamlMessage(w.message)}`);
    }
    ok = false;
  }
  if (!ok) return null;
  // Refuse explicit tags even where `yaml` resolves them (e.g. `!!binary`, `!!set`, `!!omap`): data stays plain.
  let tagged: { tag: string; pos: number } | undefined;
  const visit = (node: unknown): void => {
    if (tagged || !isNode(node)) return;
    const tag = (node as { tag?: string }).tag;
    const range = (node as { range?: [number, number, number] }).range;
    if (tag && !['tag:yaml.org,2002:str', 'tag:yaml.org,2002:int', 'tag:yaml.org,2002:float', 'tag:yaml.org,2002:bool', 'tag:yaml.org,2002:null', 'tag:yaml.org,2002:seq', 'tag:yaml.org,2002:map'].includes(tag) && range) {
      const from = Math.max(0, range[0] - 80);
      const m = /(![\w!/:.-]*)\s*$/.exec(yamlText.slice(from, range[0]));
      if (m) tagged = { tag, pos: from + m.index };
    }
    const items = (node as { items?: unknown[] }).items;
    if (items) for (const item of items) {
      if (isNode(item)) visit(item);
      else if (item && typeof item === 'object') {
        visit((item as { key?: unknown }).key);
        visit((item as { value?: unknown }).value);
      }
    }
  };
  visit(doc.contents);
  if (tagged) {
    const { line, col } = at(tagged.pos);
    problems.error(file, line, col, `YAML tags are not allowed in edition files (found ${tagged.tag}). Remove the tag and write the value as plain text.`);
    return null;
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    problems.error(file, at(0).line, 1, `The metadata (YAML) cannot be read: ${(e as Error).message}`);
    return null;
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.error(file, at(0).line, 1, 'The metadata must be a list of `key: value` lines, not a single value or a list.');
    return null;
  }
  return { data: data as Record<string, unknown>, locate: (path, key) => locateIn(doc, path, at, key) };
}
function locateIn(doc: Document, path: DataPath, at: (pos: number) => { line: number; col: number }, key = false): { line: number; col: number } {
  if (key && path.length > 0) {
    const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]);
      const range = isNode(pair?.key) ? pair.key.range : undefined;
      if (range) return at(range[0]);
    }
  }
  for (let n = path.length; n > 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    const range = isNode(node) ? node.range : undefined;
    if (range) return at(range[0]);
    // A key whose value is missing: point at the parent.
  }
  return at(0);
}

function yamlMessage(message: string): string {
  const first = message.split('\n')[0]!.trim();
  return first.endsWith('.') ? first : `${first}.`;
}
