/** Test helpers for the core's stages (src/edition/stages/): raw files, and documents to anchor in. */
import { Problems } from '../../src/edition/problems.ts';
import type { RawFile } from '../../src/edition/model.ts';
import { readSources, type Target } from '../../src/edition/stages/sources.ts';
import { readWorks, type WorksCited } from '../../src/edition/stages/works.ts';
import { SOURCE_META, WORKS } from './edition.ts';

/** One file of an edition, from its text (or bytes). */
export const raw = (path: string, content: string | Uint8Array): RawFile => ({
  path,
  bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content,
});

/** The test works list (key `w1`), read. */
export const worksCited = (text = WORKS): WorksCited => readWorks([raw('annotations/works.yml', text)], new Problems());

/** A document read from a source body (with the test metadata, blank-line passages), ready to anchor in. */
export function target(body: string, slug = 'doc', meta = SOURCE_META): Target {
  const problems = new Problems();
  const { bySlug } = readSources([{ file: raw(`sources/${slug}.txt`, meta + body), slug }], new Map(), new Map(), worksCited(), problems, false);
  const t = bySlug.get(slug);
  if (!t) throw new Error(`test source did not read: ${JSON.stringify(problems.list)}`);
  return t;
}

/** Problems as `file:line:col severity message` lines, for compact assertions. */
export const lines = (p: Problems): string[] => p.list.map((x) => `${x.file}:${x.line}:${x.col} ${x.severity} ${x.message}`);
