/**
 * The edition model: the types `buildEdition` returns (documents, passages, notes, register
 * entries, mentions) and the few facts every stage shares about them.
 */
import type { QuoteSelector, Span } from './anchor.js';
import type { SafeMarkdown } from './markdown.js';
import type { Problem } from './problems.js';
import type { Citation, EntryMeta, NoteKind, SourceMeta, Work } from './schema.js';

/** A file of the edition: its path relative to the edition root (forward slashes) and its bytes. */
export interface RawFile {
  path: string;
  bytes: Uint8Array;
  /**
   * Set by the reader (load.ts) for a path it found but did not read, its bytes left empty: a
   * symbolic link (never followed), or something that is neither a file nor a folder.
   */
  notRead?: 'symlink' | 'special' | undefined;
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
  /** Why no authoritative work covers this note (`authority_gap`), shown beside its sources. */
  authorityGap?: string;
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
  /** What changed in the ids since the lock, in words, for reviewers (`npm run check` prints it when it records the lock). */
  idChanges: string[];
  /**
   * With a work cache (BuildOptions.cache): the digest of everything this document's model is
   * made from (its files, the registers' and works' data, the code), which keys its cached work.
   */
  inputDigest?: string | undefined;
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

/** A sortable key for a date spec. */
export function dateKey(d: SourceMeta['date']): string {
  return 'value' in d ? d.value : d.from;
}

/** Where an entry's file should be, for messages. */
export function entryPath(ref: string): string {
  const [kind, id] = ref.split(':') as [EntityKind, string];
  return `annotations/${Object.hasOwn(ENTITY_KINDS, kind) ? ENTITY_KINDS[kind].folder : kind}/${id}.md`;
}
