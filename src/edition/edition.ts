/**
 * The edition model: reads every source and annotation file (given as bytes, so this
 * module never touches the disk), validates them, segments sources into passages,
 * resolves structure, anchors notes and finds register mentions. Everything a page
 * needs is computed here once.
 */
import { anchorQuote, prepareText, type AnchorResult, type AnchorText, type QuoteSelector, type Span } from './anchor.js';
import { decodeUtf8, parseFrontMatter, parseYamlFile, type DataPath, type ParsedFile } from './frontmatter.js';
import { arabicScriptRuns, detectLanguage, directionOf } from './language.js';
import { checkMarkdown, type SafeMarkdown } from './markdown.js';
import { compileNames, type NamePattern } from './mentions.js';
import { Problems, type Problem } from './problems.js';
import { EntryMeta, NoteMeta, SourceMeta, Structure, Works, type NoteKind, type Work, type Citation } from './schema.js';
import { segment } from './segment.js';
import { formatLock, keptAssignment, sameLock, sourceDigest } from './lock-file.js';
import { assignPassageIds, type LockedPassage } from './passage-ids.js';
import { reportZodError } from './zod-problems.js';

/** A file of the edition: its path relative to the edition root (forward slashes) and its bytes. */
export interface RawFile {
  path: string;
  bytes: Uint8Array;
}

/** What a passage is, from the document's stand-off structure. */
export type PassageRole = 'text' | 'heading' | 'comment-title' | 'byline' | 'verse' | 'boilerplate';

/** A run of words inside a passage in another language (offsets into the body). */
export interface LanguageSpan extends Span {
  lang: string;
  dir: 'ltr' | 'rtl';
}

/** One numbered passage of a document. */
export interface Passage {
  /** The passage's id in the page and in links: `p12`. */
  id: string;
  /** The number readers see and cite: `12`. */
  n: string;
  /** Position in reading order, 1-based. */
  ordinal: number;
  /** Offsets into the body. */
  start: number;
  end: number;
  /** Exact text. */
  text: string;
  role: PassageRole;
  lang: string;
  dir: 'ltr' | 'rtl';
  /** Index into the document's `comments`, if the passage belongs to a comment. */
  comment?: number | undefined;
  /** Index into the document's `boilerplate`, if the passage is boilerplate. */
  boilerplate?: number | undefined;
  /** Index of the verse run, if the passage is a verse line. */
  verse?: number | undefined;
  /** Words in another language than the passage's own. */
  spans: LanguageSpan[];
}

/** A comment of a thread. */
export interface Comment {
  /** Passage id of its title, if any. */
  title?: string | undefined;
  byline?: string | undefined;
  speaker?: string | undefined;
  /** Passage ids, in order. */
  passages: string[];
}

/** A note, anchored. */
export interface Note {
  /** The file name without `.md`: also the footnote label, so links to it stay stable. */
  id: string;
  file: string;
  document: string;
  kind: NoteKind;
  quote: QuoteSelector;
  /** The passage whose words the note quotes. */
  passage: string;
  /** Offsets of the quoted words in the body. */
  span: Span;
  entities: string[];
  cites: Citation[];
  body: SafeMarkdown;
  /** 1-based line on which the body starts in the file. */
  bodyLine: number;
}

/** A mention of a register entry in a passage. */
export interface Mention {
  ref: string;
  document: string;
  passage: string;
  /** Offsets into the body. */
  start: number;
  end: number;
  /** Whether the name was found in the text (false: tied to the passage by a note's `entities`). */
  inText: boolean;
}

/** One document of the edition. */
export interface EditionDocument {
  slug: string;
  file: string;
  meta: SourceMeta;
  /** The received text, exactly. */
  body: string;
  passages: Passage[];
  comments: Comment[];
  boilerplate: { label: string }[];
  notes: Note[];
  mentions: Mention[];
  /** Ids of deleted passages → the surviving passage their links now reach. */
  tombstones: Map<string, string>;
  /** The passage-id lock file's path and up-to-date text; `lockChanged` if the file must be (re)written. */
  lockFile: string;
  lockText: string;
  lockChanged: boolean;
}

export const ENTITY_KINDS = {
  person: { folder: 'people', label: 'Person', plural: 'People' },
  organization: { folder: 'organizations', label: 'Organisation', plural: 'Organisations' },
  place: { folder: 'places', label: 'Place', plural: 'Places' },
  event: { folder: 'events', label: 'Event', plural: 'Events' },
} as const;
export type EntityKind = keyof typeof ENTITY_KINDS;

/** A register entry. */
export interface Entry {
  /** `person:kianouri` */
  ref: string;
  kind: EntityKind;
  id: string;
  file: string;
  meta: EntryMeta;
  body: SafeMarkdown;
  /** Every passage that mentions it, in document order. */
  mentions: Mention[];
}

/** The whole edition. */
export interface Edition {
  documents: EditionDocument[];
  entries: Map<string, Entry>;
  works: Record<string, Work>;
  problems: Problem[];
}

const SLUG = /^[a-z0-9][a-z0-9-]*$/;
/** Size limits: a note or entry is short; a source may be long but not unbounded. */
export const MAX_ANNOTATION_BYTES = 256 * 1024;
export const MAX_SOURCE_BYTES = 8 * 1024 * 1024;
const FACTUAL_KINDS: NoteKind[] = ['context', 'identification', 'sic', 'contested', 'unverified', 'later', 'source'];

/** Options for {@link buildEdition}. */
export interface BuildOptions {
  /**
   * Treat a missing or out-of-date passage-id lock as an error (CI), instead of a change for
   * the caller to write (local builds and checks). Default false.
   */
  requireLocks?: boolean;
}

/** Builds the edition model from its files. Never throws on bad input: problems are collected. */
export function buildEdition(files: RawFile[], options: BuildOptions = {}): Edition {
  const problems = new Problems();
  const byPath = [...files].sort((a, b) => (a.path < b.path ? -1 : 1));
  const sources: RawFile[] = [];
  const notes: { file: RawFile; slug: string; id: string }[] = [];
  const structures = new Map<string, RawFile>();
  const entryFiles: { file: RawFile; kind: EntityKind; id: string }[] = [];
  const lockFiles = new Map<string, RawFile>();
  const worksFiles: RawFile[] = [];
  const folderKind = Object.fromEntries(Object.entries(ENTITY_KINDS).map(([k, v]) => [v.folder, k as EntityKind]));

  for (const f of byPath) {
    const parts = f.path.split('/');
    const limit = parts[0] === 'sources' ? MAX_SOURCE_BYTES : MAX_ANNOTATION_BYTES;
    if (f.bytes.length > limit) {
      problems.error(f.path, 1, 1, `This file is ${Math.round(f.bytes.length / 1024)} KB, over the limit of ${limit / 1024} KB for ${parts[0] === 'sources' ? 'a source' : 'an annotation file'}. Split it into smaller files.`);
      continue;
    }
    const base = parts[parts.length - 1]!;
    if (base.startsWith('.') || base === 'README.md') continue;
    let m: RegExpExecArray | null;
    if (parts[0] === 'sources' && parts.length === 2 && (m = /^(.+)\.txt$/.exec(base))) {
      if (!SLUG.test(m[1]!)) problems.error(f.path, 1, 1, `A source's file name must be lower-case words joined by hyphens (like noury-trial-2021.txt). Rename this file.`);
      else sources.push(f);
    } else if (f.path === 'annotations/works.yml' || (parts[0] === 'annotations' && parts[1] === 'works' && parts.length === 3 && /\.ya?ml$/.test(base))) worksFiles.push(f);
    else if (parts[0] === 'annotations' && parts[1] === 'notes' && parts.length === 4 && (m = /^(.+)\.md$/.exec(base))) {
      if (!SLUG.test(m[1]!)) problems.error(f.path, 1, 1, `A note's file name is its id and must be lower-case words joined by hyphens (like kuybyshev.md). Rename this file.`);
      else notes.push({ file: f, slug: parts[2]!, id: m[1]! });
    } else if (parts[0] === 'annotations' && parts[1] === 'passages' && parts.length === 3 && (m = /^(.+)\.yml$/.exec(base))) {
      lockFiles.set(m[1]!, f);
    } else if (parts[0] === 'annotations' && parts[1] === 'structure' && parts.length === 3 && (m = /^(.+)\.ya?ml$/.exec(base))) {
      structures.set(m[1]!, f);
    } else if (parts[0] === 'annotations' && parts.length === 3 && folderKind[parts[1]!] && (m = /^(.+)\.md$/.exec(base))) {
      if (!SLUG.test(m[1]!)) problems.error(f.path, 1, 1, `A register entry's file name is its id and must be lower-case words joined by hyphens (like kianouri.md). Rename this file.`);
      else entryFiles.push({ file: f, kind: folderKind[parts[1]!]!, id: m[1]! });
    } else if (parts[0] === 'sources' || parts[0] === 'annotations') {
      problems.error(
        f.path,
        1,
        1,
        'This file is not in a place the edition reads. Sources go in sources/<slug>.txt; notes in annotations/notes/<slug>/<note-id>.md; structure in annotations/structure/<slug>.yml; register entries in annotations/people|organizations|places|events/<id>.md; works cited in annotations/works.yml.',
      );
    }
  }

  // Works cited: annotations/works.yml and annotations/works/*.yml, one key space.
  const works: Record<string, Work> = {};
  const workWhere = new Map<string, { file: string; locate: (p: DataPath, key?: boolean) => { line: number; col: number } }>();
  for (const wf of worksFiles) {
    const text = decodeUtf8(wf.bytes, wf.path, problems);
    const parsed = text === null ? null : parseYamlFile(text, wf.path, problems);
    if (!parsed) continue;
    const r = Works.safeParse(parsed.data);
    if (!r.success) {
      reportZodError(r.error, parsed.data, wf.path, parsed.locate, problems, 'works list');
      continue;
    }
    for (const [key, work] of Object.entries(r.data)) {
      const other = workWhere.get(key);
      if (other) {
        const { line, col } = parsed.locate([key], true);
        problems.error(wf.path, line, col, `The work key "${key}" is already used in ${other.file}. Give this work another key, or cite the existing one.`);
        continue;
      }
      works[key] = work;
      workWhere.set(key, { file: wf.path, locate: parsed.locate });
    }
  }
  const usedWorks = new Set<string>();
  const checkCites = (cites: Citation[], file: string, locate: (p: DataPath) => { line: number; col: number }, field = 'cites') => {
    cites.forEach((c, i) => {
      usedWorks.add(c.work);
      if (!works[c.work]) {
        const { line, col } = locate([field, i]);
        problems.error(file, line, col, `No work "${c.work}" in annotations/works.yml or annotations/works/. Add it there, or fix the key.`);
      }
    });
  };

  // Register entries.
  const entries = new Map<string, Entry>();
  const entryLocate = new Map<string, ParsedFile>();
  for (const { file, kind, id } of entryFiles) {
    const text = decodeUtf8(file.bytes, file.path, problems);
    const parsed = text === null ? null : parseFrontMatter(text, file.path, problems);
    if (!parsed) continue;
    const r = EntryMeta.safeParse(parsed.data);
    if (!r.success) {
      reportZodError(r.error, parsed.data, file.path, parsed.locate, problems, 'register entry');
      continue;
    }
    const md = checkMarkdown(parsed.body);
    for (const i of md.issues) problems.error(file.path, parsed.bodyLine + i.line - 1, i.col, i.message);
    const ref = `${kind}:${id}`;
    checkCites(r.data.cites, file.path, parsed.locate);
    entries.set(ref, { ref, kind, id, file: file.path, meta: r.data, body: md.result, mentions: [] });
    entryLocate.set(ref, parsed);
  }

  // Names: every spelling claimed by one entry only.
  const names: NamePattern[] = [];
  const blocked: string[] = [];
  const claimed = new Map<string, string>();
  for (const e of entries.values()) {
    const p = entryLocate.get(e.ref)!;
    if (e.meta.match === 'manual') continue;
    const all: { name: string; documents?: string[] | undefined; caseSensitive?: boolean | undefined; path: DataPath }[] = [
      { name: e.meta.name, path: ['name'] },
      ...Object.entries(e.meta.names).map(([k, name]) => ({ name, path: ['names', k] as DataPath })),
      ...e.meta.aliases.map((a, i) => (typeof a === 'string' ? { name: a, path: ['aliases', i] as DataPath } : { name: a.name, documents: a.documents, caseSensitive: a.case_sensitive, path: ['aliases', i] as DataPath })),
    ];
    const seen = new Set<string>();
    for (const n of all) {
      const key = n.name.normalize('NFC').toLowerCase() + (n.documents ? `@${n.documents.join(',')}` : '');
      if (seen.has(key)) continue;
      seen.add(key);
      const other = claimed.get(key);
      if (other && other !== e.ref) {
        const { line, col } = p.locate(n.path);
        problems.error(e.file, line, col, `The name "${n.name}" is also claimed by ${other}. A spelling can lead to one entry only: remove it here or there, or limit it with documents: [...].`);
        continue;
      }
      claimed.set(key, e.ref);
      names.push({ ref: e.ref, name: n.name, caseSensitive: n.caseSensitive ?? e.meta.case_sensitive, documents: n.documents });
    }
    blocked.push(...e.meta.not);
  }
  const matcher = compileNames(names, blocked);

  // Relations.
  for (const e of entries.values()) {
    const p = entryLocate.get(e.ref)!;
    e.meta.related.forEach((r, i) => {
      const { line, col } = p.locate(['related', i]);
      if (r === e.ref) problems.error(e.file, line, col, `An entry cannot be related to itself. Remove "${r}".`);
      else if (!entries.has(r)) problems.error(e.file, line, col, `Unknown register entry "${r}". Create ${entryPath(r)} or fix the id.`);
    });
  }

  // Sources.
  const documents: EditionDocument[] = [];
  const docBySlug = new Map<string, { doc: EditionDocument; anchorText: AnchorText }>();
  for (const f of sources) {
    const slug = f.path.slice('sources/'.length, -'.txt'.length);
    const text = decodeUtf8(f.bytes, f.path, problems, { bomIsError: true });
    if (text === null) continue;
    const parsed = parseFrontMatter(text, f.path, problems);
    if (!parsed) continue;
    if (!parsed.hasFrontMatter) {
      problems.error(f.path, 1, 1, 'A source must start with its metadata between two `---` lines (title, date, type, languages, rights, summary…). See docs/editing.md.');
      continue;
    }
    const r = SourceMeta.safeParse(parsed.data);
    if (!r.success) {
      reportZodError(r.error, parsed.data, f.path, parsed.locate, problems, 'source');
      continue;
    }
    checkCites(r.data.cites, f.path, parsed.locate);
    for (const field of ['authors', 'recipients'] as const) {
      r.data[field].forEach((name, i) => {
        if (/^(person|organization|place|event):/.test(name) && !entries.has(name)) {
          const { line, col } = parsed.locate([field, i]);
          problems.error(f.path, line, col, `Unknown register entry "${name}". Create ${entryPath(name)} or write the name as plain text.`);
        }
      });
    }
    const segments = segment(parsed.body, r.data.passages);
    if (segments.length === 0) {
      problems.error(f.path, parsed.bodyLine, 1, 'This source has no text after its metadata.');
      continue;
    }
    const mainLang = r.data.languages[0]!;
    // Permanent ids from the lock file (annotations/passages/<slug>.yml).
    const lockPath = `annotations/passages/${slug}.yml`;
    const lockRaw = lockFiles.get(slug);
    const texts = segments.map((x) => x.text);
    const digest = sourceDigest(parsed.body);
    let previous: LockedPassage[] | undefined;
    let lockOld: string | undefined;
    let lockDigest: unknown;
    if (lockRaw) {
      lockOld = decodeUtf8(lockRaw.bytes, lockPath, problems) ?? undefined;
      const parsedLock = lockOld === undefined ? null : parseYamlFile(lockOld, lockPath, problems);
      const list = parsedLock?.data.passages;
      if (Array.isArray(list) && list.every((p) => p && typeof p === 'object' && typeof (p as LockedPassage).id === 'string' && /^p\d+[a-z]*$/.test((p as LockedPassage).id))) {
        previous = list as LockedPassage[];
        lockDigest = parsedLock!.data.source_sha256;
      } else if (parsedLock) problems.error(lockPath, 1, 1, 'This passage-id lock is damaged. Restore it from git (git checkout -- this file); never edit it by hand.');
    }
    // A lock written for this very body, whose passages are still the body's, stands as it is.
    const kept = previous && lockOld !== undefined && lockDigest === digest ? keptAssignment(previous, texts) : null;
    const assigned = kept ?? assignPassageIds(texts, previous);
    const lockText = kept ? lockOld! : formatLock(slug, assigned.lock, digest);
    const lockChanged = lockText !== lockOld;
    // A lock that holds these very passages and ids, with only its digest out of date, is not stale for CI.
    if (lockChanged && options.requireLocks && !(previous && sameLock(previous, assigned.lock))) {
      problems.error(lockPath, 1, 1, `The passage-id lock for sources/${slug}.txt is ${lockOld === undefined ? 'missing' : 'out of date'}. Run npm run check (or npm run build) locally and commit ${lockPath}.`);
    }
    for (const id of assigned.deleted) problems.warn(lockPath, 1, 1, `Passage ${id} of sources/${slug}.txt was deleted; links to #${id} now lead to #${assigned.tombstones.get(id)}. Its id will never be reused.`);
    const passages: Passage[] = segments.map((s, i) => {
      const lang = detectLanguage(s.text, mainLang);
      const id = assigned.ids[i]!;
      return {
        id,
        n: id.slice(1),
        ordinal: s.ordinal,
        start: s.start,
        end: s.end,
        text: s.text,
        role: 'text',
        lang,
        dir: directionOf(lang),
        spans: [],
      };
    });
    const doc: EditionDocument = {
      slug, file: f.path, meta: r.data, body: parsed.body, passages, comments: [], boilerplate: [], notes: [], mentions: [],
      tombstones: assigned.tombstones, lockFile: lockPath, lockText, lockChanged,
    };
    const anchorText = prepareText(parsed.body);
    documents.push(doc);
    docBySlug.set(slug, { doc, anchorText });
    for (const p of passages) {
      if (p.dir === 'ltr') {
        for (const run of arabicScriptRuns(p.text)) p.spans.push({ start: p.start + run.start, end: p.start + run.end, lang: 'fa', dir: 'rtl' });
      }
    }
  }

  for (const [slug] of lockFiles) {
    if (!docBySlug.has(slug)) problems.error(`annotations/passages/${slug}.yml`, 1, 1, `There is no source sources/${slug}.txt for this passage-id lock. If the source was renamed, rename the lock with it; if it was removed, remove the lock.`);
  }

  // Structure.
  for (const [slug, f] of structures) {
    const target = docBySlug.get(slug);
    if (!target) {
      problems.error(f.path, 1, 1, `There is no source sources/${slug}.txt for this structure file. Rename the file to match a source.`);
      continue;
    }
    const text = decodeUtf8(f.bytes, f.path, problems);
    const parsed = text === null ? null : parseYamlFile(text, f.path, problems);
    if (!parsed) continue;
    const r = Structure.safeParse(parsed.data);
    if (!r.success) {
      reportZodError(r.error, parsed.data, f.path, parsed.locate, problems, 'structure file');
      continue;
    }
    applyStructure(target.doc, target.anchorText, r.data, f.path, parsed.locate, problems);
  }

  // Notes.
  const noteIds = new Set<string>();
  for (const { file, slug, id } of notes) {
    const target = docBySlug.get(slug);
    if (!target) {
      problems.error(file.path, 1, 1, `There is no source sources/${slug}.txt. A note goes in the folder named after its document (annotations/notes/<slug>/).`);
      continue;
    }
    const text = decodeUtf8(file.bytes, file.path, problems);
    const parsed = text === null ? null : parseFrontMatter(text, file.path, problems);
    if (!parsed) continue;
    if (!parsed.hasFrontMatter) {
      problems.error(file.path, 1, 1, 'A note must start with its metadata between two `---` lines: at least quote and kind. See docs/editing.md.');
      continue;
    }
    const r = NoteMeta.safeParse(parsed.data);
    if (!r.success) {
      reportZodError(r.error, parsed.data, file.path, parsed.locate, problems, 'note');
      continue;
    }
    const meta = r.data;
    const md = checkMarkdown(parsed.body);
    for (const i of md.issues) problems.error(file.path, parsed.bodyLine + i.line - 1, i.col, i.message);
    for (const l of md.result.entityLinks) {
      if (!entries.has(l.ref)) problems.error(file.path, parsed.bodyLine + l.line - 1, l.col, `Unknown register entry "${l.ref}". Create ${entryPath(l.ref)} or fix the id.`);
    }
    checkCites(meta.cites, file.path, parsed.locate);
    if (meta.cites.length === 0 && FACTUAL_KINDS.includes(meta.kind)) {
      const { line, col } = parsed.locate(['kind']);
      problems.error(file.path, line, col, `A ${meta.kind} note states facts and must cite a source: add cites: [work-key] with a key from annotations/works.yml.`);
    }
    meta.entities.forEach((ref, i) => {
      if (!entries.has(ref)) {
        const { line, col } = parsed.locate(['entities', i]);
        problems.error(file.path, line, col, `Unknown register entry "${ref}". Create ${entryPath(ref)} or fix the id.`);
      }
    });
    const quotePath: DataPath = typeof parsed.data.quote === 'string' ? ['quote'] : ['quote', 'exact'];
    const located = locateQuote(target.doc, target.anchorText, meta.quote, file.path, () => parsed.locate(quotePath), problems, 'note');
    if (!located) continue;
    const key = `${slug}/${id}`;
    if (noteIds.has(key)) continue;
    noteIds.add(key);
    target.doc.notes.push({
      id,
      file: file.path,
      document: slug,
      kind: meta.kind,
      quote: meta.quote,
      passage: located.passage.id,
      span: located.span,
      entities: meta.entities,
      cites: meta.cites,
      body: md.result,
      bodyLine: parsed.bodyLine,
    });
  }

  // Mentions: names in the text, then entities tied to passages by notes.
  for (const doc of documents) {
    for (const p of doc.passages) {
      if (p.role === 'boilerplate' || p.role === 'byline') continue;
      for (const m of matcher.find(p.text, doc.slug)) {
        doc.mentions.push({ ref: m.ref, document: doc.slug, passage: p.id, start: p.start + m.start, end: p.start + m.end, inText: true });
      }
    }
    for (const n of doc.notes) {
      for (const ref of n.entities) {
        if (entries.has(ref) && !doc.mentions.some((m) => m.passage === n.passage && m.ref === ref)) {
          doc.mentions.push({ ref, document: doc.slug, passage: n.passage, start: n.span.start, end: n.span.end, inText: false });
        }
      }
    }
    doc.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
    doc.notes.sort((a, b) => a.span.end - b.span.end || a.span.start - b.span.start || (a.id < b.id ? -1 : 1));
    for (const m of doc.mentions) entries.get(m.ref)?.mentions.push(m);
  }
  for (const e of entries.values()) {
    if (e.mentions.length === 0) {
      problems.warn(e.file, 1, 1, `Nothing in the sources mentions "${e.meta.name}". Add the spelling the source uses to aliases, or tie a passage to it with a note's entities.`);
    }
  }
  for (const [key, where] of workWhere) {
    if (!usedWorks.has(key)) {
      const { line, col } = where.locate([key], true);
      problems.warn(where.file, line, col, `The work "${key}" is not cited anywhere. Cite it from a note or entry, or remove it.`);
    }
  }

  documents.sort((a, b) => dateKey(a.meta.date) .localeCompare(dateKey(b.meta.date)) || (a.slug < b.slug ? -1 : 1));
  return { documents, entries, works, problems: problems.list };
}

/** A sortable key for a date spec. */
export function dateKey(d: SourceMeta['date']): string {
  return 'value' in d ? d.value : d.from;
}

/** Where an entry's file should be, for messages. */
export function entryPath(ref: string): string {
  const [kind, id] = ref.split(':') as [EntityKind, string];
  return `annotations/${ENTITY_KINDS[kind]?.folder ?? kind}/${id}.md`;
}

const preview = (s: string, n = 60) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

/** Anchors a quote and reports every way it can fail. Returns the passage and span, or null. */
function locateQuote(
  doc: EditionDocument,
  t: AnchorText,
  quote: QuoteSelector,
  file: string,
  /** Where the quote is written (computed only for a problem: it may need a full YAML parse). */
  at: () => { line: number; col: number },
  problems: Problems,
  what: string,
): { passage: Passage; span: Span } | null {
  const result: AnchorResult = anchorQuote(t, quote);
  const passageAt = (offset: number) => doc.passages.find((p) => offset >= p.start && offset < p.end);
  const q = `"${preview(quote.exact)}"`;
  switch (result.status) {
    case 'exact':
    case 'approximate': {
      const first = passageAt(result.span.start);
      const last = passageAt(result.span.end - 1);
      if (!first || first !== last) {
        problems.error(file, at().line, at().col, `The quote ${q} runs across passages ¶${first?.n}–¶${last?.n} of ${doc.file}. Quote words from one passage only.`);
        return null;
      }
      if (result.status === 'approximate') {
        problems.warn(
          file,
          at().line,
          at().col,
          `The quote ${q} no longer matches ${doc.file} exactly. It was re-anchored to ¶${first.n}, where the text now reads "${result.found}" (${Math.round(result.similarity * 100)}% similar). Check that this is the right place and update the ${what}'s quote to those words.`,
        );
      }
      return { passage: first, span: result.span };
    }
    case 'ambiguous': {
      const where = result.spans.map((s) => `¶${passageAt(s.start)?.n}`).join(', ');
      problems.error(
        file,
        at().line,
        at().col,
        `The quote ${q} occurs ${result.spans.length} times in ${doc.file} (${where}). Quote more words, or add a prefix with the words just before it${result.uniquePrefix ? ` (for the first: prefix: "${result.uniquePrefix}")` : ''}.`,
      );
      return null;
    }
    case 'not-found': {
      const near = result.candidates
        .map((c) => `¶${passageAt(c.span.start)?.n} "${preview(c.found)}" (${Math.round(c.similarity * 100)}% similar)`)
        .join('; ');
      problems.error(
        file,
        at().line,
        at().col,
        `The quote ${q} is not in ${doc.file}. ${near ? `Nearest candidates: ${near}. ` : ''}Copy the exact words from the source${near ? '; no candidate was used because none is both close and unique' : ''}.`,
      );
      return null;
    }
  }
}

function applyStructure(
  doc: EditionDocument,
  t: AnchorText,
  s: Structure,
  file: string,
  locate: (p: DataPath) => { line: number; col: number },
  problems: Problems,
): void {
  const find = (q: QuoteSelector, path: DataPath) => locateQuote(doc, t, q, file, () => locate(path), problems, 'structure entry')?.passage;
  const index = (p: Passage) => p.ordinal - 1;
  s.headings.forEach((q, i) => {
    const p = find(q, ['headings', i]);
    if (p) p.role = 'heading';
  });
  const range = (from: QuoteSelector, to: QuoteSelector | undefined, path: DataPath): Passage[] | null => {
    const a = find(from, [...path, 'from']);
    const b = to ? find(to, [...path, 'to']) : a;
    if (!a || !b) return null;
    if (b.ordinal < a.ordinal) {
      const { line, col } = locate([...path, 'to']);
      problems.error(file, line, col, `"to" (¶${b.n}) comes before "from" (¶${a.n}). Swap them.`);
      return null;
    }
    return doc.passages.slice(index(a), index(b) + 1);
  };
  s.boilerplate.forEach((b, i) => {
    const ps = range(b.from, b.to, ['boilerplate', i]);
    if (!ps) return;
    const k = doc.boilerplate.push({ label: b.label }) - 1;
    for (const p of ps) {
      p.role = 'boilerplate';
      p.boilerplate = k;
    }
  });
  s.verse.forEach((v, i) => {
    const ps = range(v.from, v.to, ['verse', i]);
    if (!ps) return;
    for (const p of ps) {
      p.role = 'verse';
      p.verse = i;
    }
  });
  let previous = 0;
  s.comments.forEach((c, i) => {
    const title = c.title ? find(c.title, ['comments', i, 'title']) : undefined;
    const byline = c.byline ? find(c.byline, ['comments', i, 'byline']) : undefined;
    const start = c.start ? find(c.start, ['comments', i, 'start']) : undefined;
    if (!c.title && !c.start) {
      const { line, col } = locate(['comments', i]);
      problems.error(file, line, col, 'A comment needs a title (its title passage) or a start (its first passage).');
      return;
    }
    const first = title ?? start;
    if (!first) return;
    if (first.ordinal <= previous) {
      const { line, col } = locate(['comments', i]);
      problems.error(file, line, col, `Comments must be listed in the order they appear; this one starts at ¶${first.n}, before or at the previous one's start. Move it.`);
      return;
    }
    previous = first.ordinal;
    if (title) title.role = 'comment-title';
    if (byline) byline.role = 'byline';
    doc.comments.push({ title: title?.id, byline: byline?.id, speaker: c.speaker, passages: [] });
    first.comment = doc.comments.length - 1;
  });
  // Each comment runs until the next one starts.
  let current: number | undefined;
  for (const p of doc.passages) {
    if (p.comment !== undefined) current = p.comment;
    if (current !== undefined) {
      p.comment = current;
      doc.comments[current]!.passages.push(p.id);
    }
  }
  s.languages.forEach((l, i) => {
    const located = locateQuote(doc, t, l.quote, file, () => locate(['languages', i, 'quote']), problems, 'structure entry');
    if (!located) return;
    const { passage, span } = located;
    const dir = directionOf(l.lang);
    if (span.start <= passage.start && span.end >= passage.end) {
      passage.lang = l.lang;
      passage.dir = dir;
      passage.spans = [];
    } else {
      passage.spans = passage.spans.filter((x) => x.end <= span.start || x.start >= span.end);
      passage.spans.push({ ...span, lang: l.lang, dir });
      passage.spans.sort((a, b) => a.start - b.start);
    }
  });
}
