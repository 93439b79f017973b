/**
 * The file formats of an edition, as zod schemas. Every object is strict: an unknown
 * field is an error (usually a typo), reported at its line.
 *
 * Files:
 * - `sources/<slug>.txt`            front matter {@link SourceMeta}, then the received text
 * - `annotations/notes/<slug>/<id>.md` front matter {@link NoteMeta}, body in Markdown
 * - `annotations/structure/<slug>.yml`  {@link Structure}
 * - `annotations/{people,organizations,places,events}/<id>.md` front matter {@link EntryMeta}
 * - `annotations/works.yml`         map of key → {@link Work}
 */
import { z } from 'zod';
import { endsBeforeStart, impossibleDate } from './dates.js';
import { CATEGORY_NAMES } from './source-standard.js';

/** A calendar date as precise as known: `1941`, `1941-12` or `1941-12-09` (a bare year may be a number). */
export const PartialDate = z
  .union([z.number().int().min(-9999).max(9999), z.string()])
  .transform((v) => String(v))
  .refine((v) => /^-?\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(v), {
    message: 'Write dates as YYYY, YYYY-MM or YYYY-MM-DD (for example 1941-12-09).',
  })
  .refine((v) => impossibleDate(v) === undefined, { error: (issue) => impossibleDate(String(issue.input)) ?? 'This day does not exist.' });

/**
 * A date with its uncertainty. Any of:
 * - a partial date: `1983-02`
 * - `{ value, approximate?, alternatives?, note? }`: `{ value: 1915, alternatives: [1912] }` (contested)
 * - `{ from, to, approximate?, note? }`: a range, `{ from: 2021-11-10, to: 2021-11-18 }`
 */
export const DateSpec = z.union([
  PartialDate.transform((value) => ({ value, approximate: false, alternatives: [] as string[], note: undefined as string | undefined })),
  z.strictObject({
    value: PartialDate,
    /** "about": the date is approximate. Default false. */
    approximate: z.boolean().default(false),
    /** Other dates given by other sources (the value is contested). */
    alternatives: z.array(PartialDate).default([]),
    /** How the date was established, or who gives which. */
    note: z.string().optional(),
  }),
  z
    .strictObject({
      from: PartialDate,
      to: PartialDate,
      approximate: z.boolean().default(false),
      note: z.string().optional(),
    })
    .refine((d) => !endsBeforeStart(d.from, d.to), { path: ['to'], error: (issue) => {
      const d = issue.input as { from: string; to: string };
      return `This range ends (${d.to}) before it begins (${d.from}). Swap "from" and "to".`;
    } }),
]);
export type DateSpec = z.output<typeof DateSpec>;

/**
 * A web address: http(s) only (a `javascript:`, `data:` or `vbscript:` address would run or
 * load code when a reader clicks it), with no space, quote or angle bracket (percent-encode
 * them: `%20`, `%22`, `%3C`).
 */
export const WebUrl = z
  .url({ protocol: /^https?$/, error: 'Write a full web address starting with https:// (or http://). Other kinds of address (javascript:, data:, file:…) are not allowed.' })
  .refine((v) => !/[\s"<>\\^`{|}]/.test(v), { message: 'This address contains a space, quote, angle bracket or brace. Percent-encode it (a space is %20, " is %22).' });

/** A reference to a register entry: `person:kianouri`, `organization:tudeh`, `place:kuybyshev`, `event:…`. */
export const EntityRef = z
  .string()
  .regex(/^(person|organization|place|event):[a-z0-9][a-z0-9-]*$/, {
    message: 'Write a register reference as kind:id, kind one of person, organization, place, event (for example person:kianouri).',
  });

/** A quote selector (W3C TextQuoteSelector). A bare string means `{ exact: string }`. */
export const Quote = z.union([
  z.string().min(1, 'The quote is empty: copy the exact words from the source.').transform((exact) => ({ exact } as { exact: string; prefix?: string; suffix?: string })),
  z.strictObject({
    /** The exact words of the source that the note is about. */
    exact: z.string().min(1, 'The quote is empty: copy the exact words from the source.'),
    /** Words just before the quote, to tell apart two places with the same words. */
    prefix: z.string().optional(),
    /** Words just after the quote. */
    suffix: z.string().optional(),
  }),
]);
export type Quote = z.output<typeof Quote>;

/** A citation of a work: its key in works.yml, optionally with a locator (`{ work, at: "p. 208" }`). */
export const Citation = z.union([
  z.string().transform((work) => ({ work } as { work: string; at?: string })),
  z.strictObject({ work: z.string(), at: z.string().optional() }),
]);
export type Citation = z.output<typeof Citation>;

/** Where a source was received from: an archive record or a publisher. */
const Archive = z.strictObject({
  name: z.string(),
  url: WebUrl.optional(),
  record_id: z.string().optional(),
  /** Archival reference in the holding archive (fond, opis, delo…), if known. */
  reference: z.string().optional(),
  /** The original archive, when the source is a copy of another archive's holding. */
  original_archive: z.string().optional(),
});

const Publisher = z.strictObject({
  name: z.string(),
  url: WebUrl.optional(),
  /** The publisher's political alignment, when the publisher is partisan. */
  alignment: z.string().optional(),
});

/**
 * One dated correction of a published document, recorded by the editors in its source's front
 * matter (`corrections:`), oldest first, and shown on the document's page:
 * `- { date: 2026-12-10, what: "Note kuybyshev: the date of the evacuation", why: "…", version: 0.2.1 }`.
 */
export const Correction = z.strictObject({
  /** The day the correction was made, YYYY-MM-DD. */
  date: z
    .union([z.string(), z.date()])
    .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
    .refine((v) => /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(v), { message: 'Write the date of a correction as YYYY-MM-DD (for example 2026-12-10).' }),
  /** What changed, in a sentence a reader understands: the passage, note or field, and the change. */
  what: z.string().min(1, 'Say what changed (the passage, note or field, and how).'),
  /** Why: the error found and the evidence for the new reading (a work cited, a better copy of the source). */
  why: z.string().min(1, 'Say why it changed (the error and the evidence).'),
  /** The first release of the edition (edition.config.yml `version`) that carries the correction, if already known. */
  version: z
    .union([z.string(), z.number()])
    .transform((v) => String(v))
    .refine((v) => /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(v), { message: 'Write the version as MAJOR.MINOR.PATCH, in quotes (for example "0.2.1").' })
    .optional(),
});
export type Correction = z.output<typeof Correction>;

/** Front matter of `sources/<slug>.txt`. */
export const SourceMeta = z.strictObject({
  title: z.string().min(1),
  /** When the document was written or published; as precise as the evidence allows. */
  date: DateSpec,
  /** A document type: cable, article, blog-thread, letter… */
  type: z.string().regex(/^[a-z][a-z-]*$/, 'Write the type in lower case, e.g. cable, article, blog-thread.'),
  /** BCP 47 tags of the languages in the text (en, fa, fa-Latn…). */
  languages: z.array(z.string()).min(1),
  /** Language the text was translated from, if it is a translation. */
  translated_from: z.string().optional(),
  /** Authors: register references (`person:dimitrov`) or plain names. */
  authors: z.array(z.string()).default([]),
  recipients: z.array(z.string()).default([]),
  archive: Archive.optional(),
  publisher: Publisher.optional(),
  /** The URL the text was taken from. */
  url: WebUrl.optional(),
  /** When the text was taken from the URL. */
  accessed: PartialDate.optional(),
  /** Security classification of the original, if any. */
  classification: z.string().optional(),
  /** Rights statement for the text. */
  rights: z.string(),
  /** The editor's summary: what the document is and why it matters. */
  summary: z.string().min(1),
  /** Warning shown before the text where it describes torture, killing etc. null if none. */
  content_note: z.string().nullable().default(null),
  /** Note on the source's reliability or partisanship. null if none. */
  source_note: z.string().nullable().default(null),
  /** How the text divides into passages: `line` (one per line) or `blank-line` (default). */
  passages: z.enum(['line', 'blank-line']).default('blank-line'),
  /** Works cited in the metadata (summary, notes on date and provenance). */
  cites: z.array(Citation).default([]),
  /**
   * Corrections made since the document was first published, oldest first: each
   * {@link Correction} gives its date, what changed, why, and optionally the release carrying it.
   * Shown under "Corrections" on the document's page and in the open data. Empty by default.
   */
  corrections: z.array(Correction).default([]),
});
export type SourceMeta = z.output<typeof SourceMeta>;

/** The kinds of note, each shown with its own label. */
export const NOTE_KINDS = {
  context: 'Context',
  identification: 'Identification',
  translation: 'Translation',
  gloss: 'Gloss',
  sic: 'Correction',
  contested: 'Contested',
  unverified: 'Unverified claim',
  later: 'Later events',
  structure: 'Structure',
  source: 'About the source',
} as const;
export type NoteKind = keyof typeof NOTE_KINDS;

/** Front matter of a note, `annotations/notes/<slug>/<note-id>.md`. */
export const NoteMeta = z.strictObject({
  /** The passage words the note comments on. */
  quote: Quote,
  /** What kind of note this is. */
  kind: z.enum(Object.keys(NOTE_KINDS) as [NoteKind, ...NoteKind[]]),
  /** Register entries the passage concerns (in addition to the names found in it). */
  entities: z.array(EntityRef).default([]),
  /** Works the note relies on: keys of annotations/works.yml. Required for factual notes. */
  cites: z.array(Citation).default([]),
  /**
   * Where no authoritative work covers what this says (a living journalist known only from his
   * employer's page, an event reported only in newspapers): why, in one sentence for readers. It
   * is shown beside the sources, and it stands in for the source standard's authoritative work;
   * the About page counts these, and `npm run check` reports one that is no longer true.
   */
  authority_gap: z.string().trim().min(1).optional(),
});
export type NoteMeta = z.output<typeof NoteMeta>;

/** Stand-off structure of a document, `annotations/structure/<slug>.yml`. */
export const Structure = z.strictObject({
  /** Passages that are headings (the title of a web page, a section heading). */
  headings: z.array(Quote).default([]),
  /** Comments of a thread, in order; each runs until the next comment (or boilerplate) starts. */
  comments: z
    .array(
      z.strictObject({
        /** The passage that is the comment's title, if it has one. */
        title: Quote.optional(),
        /** The passage that is the comment's byline ("by … on"), if the text keeps one. */
        byline: Quote.optional(),
        /** The first passage, for a comment without a title. */
        start: Quote.optional(),
        /** The commenter's name or pseudonym, as a speaker in the document (never a register person). */
        speaker: z.string().optional(),
      }),
    )
    .default([]),
  /** Runs of passages that are not the document's text: breadcrumbs, captions, archive page furniture. */
  boilerplate: z
    .array(
      z.strictObject({
        from: Quote,
        /** Last passage of the run; the run is one passage if omitted. */
        to: Quote.optional(),
        /** What the run is, shown to readers: "Archive page furniture", "Video caption". */
        label: z.string(),
      }),
    )
    .default([]),
  /** Runs of passages that are verse, one line per passage. */
  verse: z.array(z.strictObject({ from: Quote, to: Quote.optional() })).default([]),
  /** Language of a passage or of words inside one (e.g. Persian in Latin letters: fa-Latn). */
  languages: z.array(z.strictObject({ quote: Quote, lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/) })).default([]),
});
export type Structure = z.output<typeof Structure>;

/** A name in one script. */
const Names = z.record(z.string(), z.string());

/** Front matter of a register entry. */
export const EntryMeta = z.strictObject({
  /** The preferred name, as shown in headings and links. */
  name: z.string().min(1),
  /** The name in each script or language: `{ fa: نورالدین کیانوری, ru: … }`. */
  names: Names.default({}),
  /**
   * Every other spelling a source or the literature uses; each is matched in the texts.
   * An alias that is only safe in some documents ("Mirza" alone) names them:
   * `{ name: Mirza, documents: [dimitrov-cable-1941] }`.
   */
  aliases: z
    .array(
      z.union([
        z.string().min(1),
        z.strictObject({
          name: z.string().min(1),
          /** Only match in these documents. */
          documents: z.array(z.string()).min(1).optional(),
          /** Match this spelling case-sensitively (acronyms such as TP). */
          case_sensitive: z.boolean().optional(),
        }),
      ]),
    )
    .default([]),
  /** Spellings that look like this entry but are someone else (e.g. "Mehdi Kian"), never linked. */
  not: z.array(z.string()).default([]),
  /** Whether names are matched case-sensitively (for acronyms like TP). Default false. */
  case_sensitive: z.boolean().default(false),
  /** Names listed here are not matched automatically in these documents (link by note instead). */
  match: z.enum(['auto', 'manual']).default('auto'),
  /** A one-line description. */
  description: z.string().min(1),
  /** Person: birth and death. */
  born: DateSpec.optional(),
  died: DateSpec.optional(),
  /** Organisation, place or event: start and end. */
  start: DateSpec.optional(),
  end: DateSpec.optional(),
  /** Related entries. */
  related: z.array(EntityRef).default([]),
  /** Works the account relies on. */
  cites: z.array(Citation).default([]),
  /**
   * Where no authoritative work covers what this says (a living journalist known only from his
   * employer's page, an event reported only in newspapers): why, in one sentence for readers. It
   * is shown beside the sources, and it stands in for the source standard's authoritative work;
   * the About page counts these, and `npm run check` reports one that is no longer true.
   */
  authority_gap: z.string().trim().min(1).optional(),
});
export type EntryMeta = z.output<typeof EntryMeta>;

/** A person's name for citations: "Family, Given" or a literal organisation name. */
export const Work = z.strictObject({
  /** CSL type: book, chapter, article-journal, article-newspaper, webpage, report, manuscript, broadcast… */
  type: z.string().default('webpage'),
  /** Authors as "Family, Given" or an organisation's name. */
  author: z.array(z.string()).default([]),
  editor: z.array(z.string()).default([]),
  title: z.string(),
  /** Journal, newspaper, website or book the work appears in. */
  container: z.string().optional(),
  publisher: z.string().optional(),
  place: z.string().optional(),
  date: PartialDate.optional(),
  url: WebUrl.optional(),
  accessed: PartialDate.optional(),
  /** Pages, volume, archive reference… */
  locator: z.string().optional(),
  language: z.string().optional(),
  /** Why a reader should weigh this work with care (partisan publisher, Wikipedia mirror…). */
  caution: z.string().optional(),
  /**
   * What kind of source the work is, for the source standard (source-standard.ts): one of
   * scholarship, encyclopedia, archive, court, report, wire (authoritative), press, primary,
   * wikipedia, web. Required.
   */
  category: z.enum(CATEGORY_NAMES),
});
export type Work = z.output<typeof Work>;
export const Works = z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'Work keys are lower-case words joined by hyphens.'), Work);
