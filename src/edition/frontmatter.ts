/**
 * Reads a contributor file: UTF-8 text, YAML front matter (split by gray-matter, parsed
 * strictly by `yaml` as gray-matter's only engine), then a body. YAML is data only: tags that would
 * construct code or objects (`!!js/function`, `!!python/object`, any custom `!tag`)
 * are refused, and every value can be traced back to its line and column.
 */
import matter from 'gray-matter';
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { LineIndex } from './position.js';
import { Problems } from './problems.js';

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

/** The front matter's languages gray-matter knows; a contributor may name only YAML (`---yaml`). */
const YAML_NAMES = new Set(['', 'yaml', 'yml']);

/** gray-matter's other engines (JSON, and JavaScript, which it would `eval`) never run. */
const refuseEngine = (): never => {
  throw new Error('Only YAML front matter is read.');
};

/**
 * Parses a file with optional YAML front matter. gray-matter splits the file; its YAML engine is
 * `yaml` (below), with tags refused and positions kept. Returns null (with problems reported)
 * if the front matter is unusable.
 */
export function parseFrontMatter(text: string, file: string, problems: Problems): ParsedFile | null {
  const lines = new LineIndex(text);
  // gray-matter drops a byte-order mark before it looks for `---`; offsets below count it.
  const bom = text.startsWith(BOM) ? 1 : 0;
  const unmarked = text.slice(bom);
  // gray-matter reads a word after the opening `---` as the front matter's language, and would
  // hand the block to that language's engine (`---js` to `eval`). Only YAML is accepted.
  let language = { raw: '', name: '' };
  if (matter.test(unmarked) && unmarked[3] !== '-') {
    language = matter.language(unmarked);
    if (!YAML_NAMES.has(language.name.toLowerCase())) {
      problems.error(
        file,
        1,
        bom + 4,
        `The front matter is marked as "${language.name}", but edition files hold YAML metadata only. Make the first line just \`---\`.`,
      );
      return null;
    }
  }
  // Where gray-matter's block (`matter`) starts: after `---` and a language name, if any.
  const matterOffset = bom + 3 + (language.name ? language.raw.length : 0);
  // YAML problems wait until the block is known to be closed (an unclosed block is the one problem then).
  const yamlProblems = new Problems();
  // What the engine read: undefined until it runs, null if the YAML is unusable.
  const read: { parsed?: Pick<ParsedFile, 'data' | 'locate'> | null } = {};
  const yamlEngine = (block: string): object => {
    // The block starts with the line break after `---`: positions count from the line after.
    const lead = /^\r?\n/.exec(block)?.[0].length ?? 0;
    const yamlOffset = matterOffset + lead;
    read.parsed = parseYaml(blankCarriageReturns(block.slice(lead)), file, yamlProblems, (pos) => lines.at(yamlOffset + pos));
    return read.parsed?.data ?? {};
  };
  let split: { content: string; matter: string };
  try {
    split = matter(text, {
      language: 'yaml',
      excerpt: false,
      engines: { yaml: yamlEngine, yml: yamlEngine, json: refuseEngine, javascript: refuseEngine, js: refuseEngine },
    });
  } catch (e) {
    problems.error(file, 1, 1, `The front matter cannot be read: ${(e as Error).message}`);
    return null;
  }
  if (split.content.length === unmarked.length) {
    return {
      data: {},
      hasFrontMatter: false,
      body: text,
      bodyOffset: 0,
      bodyLine: 1,
      locate: () => ({ line: 1, col: 1 }),
    };
  }
  // gray-matter ends the block at the next line starting with `---`, or else at the end of the file.
  if (!text.startsWith('\n---', matterOffset + split.matter.length)) {
    problems.error(file, 1, 1, 'The front matter block is not closed. Add a line containing only `---` after the metadata.');
    return null;
  }
  problems.list.push(...yamlProblems.list);
  if (read.parsed === null) return null;
  const bodyOffset = text.length - split.content.length;
  // A block of only blank lines and comments is not given to the engine: it holds no data, and
  // anything missing from it is reported at the file's start.
  const located = read.parsed ?? { data: {}, locate: () => ({ line: 1, col: 1 }) };
  return {
    data: located.data,
    hasFrontMatter: true,
    body: split.content,
    bodyOffset,
    bodyLine: lines.at(bodyOffset).line,
    locate: located.locate,
  };
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
