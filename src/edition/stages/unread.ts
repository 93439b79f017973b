/**
 * Files that exist but could not be read (each one already reported, once). What refers to
 * them is not reported again: a typo in a source's metadata is one error, not one "There is no
 * source" per note, and a typo in a register entry is not one "Unknown register entry" per note
 * naming it. The problems those references may hide appear once the file is fixed.
 */
export class Unread {
  /** Slugs of sources that exist but could not be read. */
  readonly sources = new Set<string>();
  /** References (`person:pat`) of register entries whose file exists but could not be read. */
  readonly entries = new Set<string>();
  /** Whether any source, note or register entry could not be read: then nothing is said about what seems unused. */
  any = false;
}
