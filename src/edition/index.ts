/**
 * The edition core: framework-free. Load → validate → segment → anchor → link → emit.
 * The Astro layer (src/pages, src/components, src/integration) only reads what this returns.
 */
export { buildEdition, dateKey, entryPath, ENTITY_KINDS } from './edition.js';
export type { BuildOptions, Comment, Edition, EditionDocument, Entry, EntityKind, LanguageSpan, Mention, Note, Passage, PassageRole, RawFile } from './edition.js';
export { loadEdition, locksRequired, readEditionFiles, UnsafeWriteError, writePassageLocks } from './load.js';
export { assignPassageIds, similarity, type IdAssignment, type LockedPassage } from './passage-ids.js';
export { formatLock } from './lock-file.js';
export { documentToMdast, entityHref, type ToMdastOptions } from './emit/to-mdast.js';
export { toMdx } from './emit/to-mdx.js';
export { documentMdx, documentFrontmatter } from './emit/document-mdx.js';
export { anchorQuote, prepareText, uniqueContext, type AnchorResult, type QuoteSelector, type Span } from './anchor.js';
export { fold, foldKey, foldChar, type Folded } from './fold.js';
export { segment, type PassageRule, type Segment } from './segment.js';
export { escapeAttr, escapeHtml } from './escape.js';
export { checkMarkdown, toSafeHtml } from './markdown.js';
export { EditionError, formatProblem, formatProblemForGitHub, sortProblems, type Problem, type Severity } from './problems.js';
export { NOTE_KINDS, type Correction, type DateSpec, type SourceMeta, type NoteKind, type Work, type EntryMeta } from './schema.js';
export { shortCitation, displayName, sourceLabel } from './works.js';
export { AUTHORITATIVE, CATEGORY_NAMES, isWikipedia, PRINTED_TYPES, WIKIPEDIA_SHARE, WORK_CATEGORIES, type WorkCategory } from './source-standard.js';
export { scaffoldNote, type ScaffoldResult } from './scaffold.js';
export {
  allPages,
  compareNames,
  dateLevels,
  initialLabel,
  initialOf,
  itemPages,
  letterLevels,
  nameRange,
  nameSortKey,
  CITED_BY_SHOWN,
  PAGE_BUDGET_KB,
  pageBudget,
  pageOfItems,
  paginate,
  sortedWorks,
  titleSortKey,
  workHref,
  worksPages,
  type Level,
  type ListPage,
  type WorksPages,
} from './paging.js';
export { eachSearchRecord, searchRecords, type DocumentSearchRecord, type EntrySearchRecord, type SearchRecord } from './search-records.js';
export { editionStyles } from './csl-styles.js';
export { WorkCache } from './cache.js';
export { noteFilesToRead, readNoteFilesInto } from './stages/notes.js';
export { readSourceFilesInto } from './stages/sources.js';
export { ACCESSED_PLACEHOLDER, CITATION_FORMS, PASSAGE_PLACEHOLDER, citationRenderings, citations, cslItem, keepRenderingsMadeAhead, releaseRenderingsMadeAhead, renderNow, renderingKey, renderingsMadeAhead, suggestedCitation, documentDescription, languageName, type Citations, type CitedEdition, type CslItem, type Rendering } from './cite.js';
export {
  citedEdition,
  CONFIG_FILE,
  EditionConfig,
  editionTitle,
  INTERFACE_LANGUAGES,
  MARKDOWN_PROCESSORS,
  parseEditionConfig,
  placeholderAddress,
  PREVIEW_URL,
  readEditionConfig,
  REQUIRED_FIELDS,
  siteAddress,
  type Editor,
  type EditionConfigResult,
  type MarkdownProcessorName,
} from './config.js';
