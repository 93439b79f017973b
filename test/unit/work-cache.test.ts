/**
 * The work cache (src/edition/cache.ts): only the work whose inputs changed is done again, the
 * model and the MDX are byte-identical to an uncached build, a damaged pack is ignored, and
 * nothing document-level is kept from an edition with errors.
 */
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { buildEdition, documentMdx, readEditionFiles, sortProblems, writePassageLocks, type Edition } from '../../src/edition/index.ts';
import { PACK_FILE, sha256, WorkCache } from '../../src/edition/cache.ts';
import { readEditionFilesAgain } from '../../src/edition/load.ts';
import { writeDocumentsMdx } from '../../src/integration/write-mdx.ts';
import { generateCorpus } from '../../scripts/bench/corpus.ts';
import { ROOT } from '../helpers/build.ts';

const work = () => {
  mkdirSync(join(ROOT, '.builds'), { recursive: true });
  return mkdtempSync(join(ROOT, '.builds', 'work-cache-'));
};

/** A generated edition of `docs` documents (the benchmark's generator), on disk. */
function corpus(docs = 4): { root: string; dir: string; noteToEdit: string } {
  const dir = work();
  const root = join(dir, 'edition');
  const c = generateCorpus(root, { docs, entries: 24, seed: 3 });
  return { root, dir, noteToEdit: c.noteToEdit };
}

/** The model as text (Maps as entry lists), without the digests only a cached build sets. */
const modelText = (e: Edition) => JSON.stringify(e, (k, v: unknown) => (k === 'inputDigest' ? undefined : v instanceof Map ? [...v] : v));
/** The model with its problems in the order they are shown (a document taken whole brings its warnings after the others'). */
const sortedProblems = (e: Edition): Edition => ({ ...e, problems: sortProblems([...e.problems]) });
const mdxOf = (e: Edition) => e.documents.map((d) => documentMdx(d, e, { base: '/' })).join('\n\0\n');

describe('the work cache', () => {
  it('gives the same model and MDX as an uncached build, cold, from memory and from its pack', () => {
    const { root, dir } = corpus();
    const files = readEditionFiles(root);
    const plain = buildEdition(files);
    expect(plain.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const cache = new WorkCache(join(dir, 'cache'));
    const cold = buildEdition(files, { cache });
    const warm = buildEdition(files, { cache });
    mkdirSync(join(dir, 'cache'));
    expect(cache.save()).toBe(true);
    const fromDisk = new WorkCache(join(dir, 'cache'));
    const again = buildEdition(files, { cache: fromDisk });
    expect(fromDisk.stats.read!.misses).toBe(0);
    expect(fromDisk.stats.mentions).toEqual({ hits: plain.documents.length, misses: 0 });
    for (const e of [cold, warm, again]) {
      expect(modelText(e)).toBe(modelText(plain));
      expect(mdxOf(e)).toBe(mdxOf(plain));
    }
  });

  it('after one note is edited, reads that note again and redoes only its document’s mentions and MDX', () => {
    const { root, dir, noteToEdit } = corpus();
    const cache = new WorkCache();
    const mdx = join(dir, 'mdx');
    const first = buildEdition(readEditionFiles(root), { cache });
    writeDocumentsMdx(first, mdx, '/', dir, () => true, cache);
    appendFileSync(join(root, noteToEdit), '\nA sentence added by the test.\n');
    cache.resetStats();
    const second = buildEdition(readEditionFiles(root), { cache });
    const written = writeDocumentsMdx(second, mdx, '/', dir, () => true, cache);
    expect(cache.stats.read!.misses).toBe(1);
    expect(cache.stats.mentions).toEqual({ hits: second.documents.length - 1, misses: 1 });
    expect(cache.stats.mdx).toEqual({ hits: second.documents.length - 1, misses: 1 });
    const slug = noteToEdit.split('/')[2]!;
    expect(written.written).toEqual([`${slug}.mdx`]);
    expect(readFileSync(join(mdx, `${slug}.mdx`), 'utf8')).toContain('A sentence added by the test.');
    // The same as a build without the cache.
    const plain = buildEdition(readEditionFiles(root));
    expect(modelText(second)).toBe(modelText(plain));
    expect(readFileSync(join(mdx, `${slug}.mdx`), 'utf8')).toBe(documentMdx(plain.documents.find((d) => d.slug === slug)!, plain, { base: '/' }));
  });

  it('writes a generated page again when it was changed on disk, even when this process checked it before', () => {
    const { root, dir } = corpus(2);
    const cache = new WorkCache();
    const mdx = join(dir, 'mdx');
    const model = buildEdition(readEditionFiles(root), { cache });
    writeDocumentsMdx(model, mdx, '/', dir, () => true, cache);
    expect(writeDocumentsMdx(model, mdx, '/', dir, () => true, cache)).toEqual({ written: [], unchanged: 2, removed: [] });
    const page = join(mdx, `${model.documents[0]!.slug}.mdx`);
    const good = readFileSync(page, 'utf8');
    writeFileSync(page, good.replace(/.$/s, 'X'));
    expect(writeDocumentsMdx(model, mdx, '/', dir, () => true, cache).written).toEqual([`${model.documents[0]!.slug}.mdx`]);
    expect(readFileSync(page, 'utf8')).toBe(good);
  });

  it('after a register alias is edited, finds every document’s mentions again (and the new spelling is found)', () => {
    const { root } = corpus();
    const cache = new WorkCache();
    buildEdition(readEditionFiles(root), { cache });
    // A spelling that the sources use, given to another entry of the same kind… is an error; so
    // the test renames one entry's alias to a word of a passage, which that entry then claims.
    const before = buildEdition(readEditionFiles(root));
    const doc = before.documents[0]!;
    const word = doc.passages.find((p) => p.role === 'text')!.text.match(/No \d+-\d+/)![0];
    const entryDir = join(root, 'annotations/people');
    const entryFile = join(entryDir, readdirSync(entryDir).sort()[0]!);
    const text = readFileSync(entryFile, 'utf8');
    writeFileSync(entryFile, text.replace(/^aliases: \[/m, `aliases: ["${word}", `));
    cache.resetStats();
    const after = buildEdition(readEditionFiles(root), { cache });
    expect(after.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(cache.stats.read!.misses).toBe(1);
    expect(cache.stats.mentions).toEqual({ hits: 0, misses: after.documents.length });
    const plain = buildEdition(readEditionFiles(root));
    expect(modelText(after)).toBe(modelText(plain));
    const ref = `person:${readdirSync(entryDir).sort()[0]!.replace(/\.md$/, '')}`;
    expect(after.documents.find((d) => d.slug === doc.slug)!.mentions.some((m) => m.ref === ref && doc.body.slice(m.start, m.end) === word)).toBe(true);
  });

  it('takes every unchanged document whole after one note is edited: the same model, problems and MDX as an uncached build', () => {
    const { root, dir, noteToEdit } = corpus(4);
    // Locks written, as the integration writes them after its first build (a document whose lock is still to be written is not kept).
    writePassageLocks(root, buildEdition(readEditionFiles(root)));
    const slug = noteToEdit.split('/')[2]!;
    mkdirSync(join(dir, 'cache'));
    const cache = new WorkCache(join(dir, 'cache'));
    cache.keepsDocuments = true;
    const first = buildEdition(readEditionFiles(root), { cache });
    expect(first.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(cache.stats.documents).toEqual({ hits: 0, misses: 4 });
    expect(cache.save()).toBe(true);
    appendFileSync(join(root, noteToEdit), '\nA sentence added by the test.\n');
    cache.resetStats();
    const second = buildEdition(readEditionFiles(root), { cache });
    expect(cache.stats.documents).toEqual({ hits: 3, misses: 1 });
    // Only the edited document's files were looked at again (its source, lock and notes); its mentions found again.
    expect(cache.stats.read!.misses).toBe(1);
    expect(cache.stats.mentions).toEqual({ hits: 0, misses: 1 });
    const plain = buildEdition(readEditionFiles(root));
    expect(modelText(sortedProblems(second))).toBe(modelText(sortedProblems(plain)));
    expect(mdxOf(second)).toBe(mdxOf(plain));
    // The warnings in the files of the documents taken whole are reported again (the generated notes cite printed works without a page).
    const other = plain.problems.find((p) => p.severity === 'warning' && p.file.startsWith('annotations/notes/') && p.file.split('/')[2] !== slug);
    expect(other).toBeDefined();
    expect(second.problems).toContainEqual(other);
    expect(second.documents.find((d) => d.slug === slug)!.notes.some((n) => JSON.stringify(n.body).includes('A sentence added by the test.'))).toBe(true);
    // Nothing changed: every document whole, the same model again.
    cache.resetStats();
    const third = buildEdition(readEditionFiles(root), { cache });
    expect(cache.stats.documents).toEqual({ hits: 4, misses: 0 });
    expect(modelText(sortedProblems(third))).toBe(modelText(sortedProblems(plain)));
    // The pack written after builds that took documents whole still holds their files' work (it is in memory only).
    expect(cache.save()).toBe(true);
    const next = new WorkCache(join(dir, 'cache'));
    buildEdition(readEditionFiles(root), { cache: next });
    expect(next.stats.read!.misses).toBe(0);
    expect(next.stats.documents).toEqual({ hits: 0, misses: 4 });
  });

  it('takes no document whole after an alias changes, nor from an edition with errors, and keeps documents past a build of the registers alone', () => {
    const { root, noteToEdit } = corpus(3);
    writePassageLocks(root, buildEdition(readEditionFiles(root)));
    const cache = new WorkCache();
    cache.keepsDocuments = true;
    buildEdition(readEditionFiles(root), { cache });
    // The content loaders build the registers alone with the same cache.
    buildEdition(readEditionFiles(root).filter((f) => !f.path.startsWith('sources/') && !f.path.startsWith('annotations/notes/') && !f.path.startsWith('annotations/passages/')), { cache });
    cache.resetStats();
    buildEdition(readEditionFiles(root), { cache });
    expect(cache.stats.documents).toEqual({ hits: 3, misses: 0 });
    // An alias changes what every document mentions.
    const entryDir = join(root, 'annotations/people');
    const entryFile = join(entryDir, readdirSync(entryDir).sort()[0]!);
    writeFileSync(entryFile, readFileSync(entryFile, 'utf8').replace(/^aliases: \[/m, 'aliases: ["Zyxwv", '));
    cache.resetStats();
    buildEdition(readEditionFiles(root), { cache });
    expect(cache.stats.documents).toEqual({ hits: 0, misses: 3 });
    // A note with an error: that build keeps nothing; the documents kept before are still taken once it is fixed.
    const good = readFileSync(join(root, noteToEdit), 'utf8');
    writeFileSync(join(root, noteToEdit), '---\nquote: "words no source has"\nkind: comment\n---\nA note.\n');
    cache.resetStats();
    const broken = buildEdition(readEditionFiles(root), { cache });
    expect(broken.problems.some((p) => p.severity === 'error')).toBe(true);
    expect(cache.stats.documents).toEqual({ hits: 2, misses: 1 });
    writeFileSync(join(root, noteToEdit), good);
    cache.resetStats();
    const fixed = buildEdition(readEditionFiles(root), { cache });
    expect(cache.stats.documents).toEqual({ hits: 3, misses: 0 });
    expect(modelText(sortedProblems(fixed))).toBe(modelText(sortedProblems(buildEdition(readEditionFiles(root)))));
  });

  it('lets go of what it holds in memory after a build, leaving its pack as written', () => {
    const { root, dir } = corpus(2);
    mkdirSync(join(dir, 'cache'));
    const cache = new WorkCache(join(dir, 'cache'));
    const files = readEditionFiles(root);
    const built = buildEdition(files, { cache });
    expect(cache.save()).toBe(true);
    const pack = readFileSync(join(dir, 'cache', PACK_FILE));
    expect(cache.size).toBeGreaterThan(0);
    cache.release();
    expect(cache.size).toBe(0);
    expect(readFileSync(join(dir, 'cache', PACK_FILE)).equals(pack)).toBe(true);
    // Asked again: done again, the same model.
    cache.resetStats();
    expect(modelText(buildEdition(files, { cache }))).toBe(modelText(built));
    expect(cache.stats.read!.hits).toBe(0);
  });

  it('keeps no document whole unless asked to (a build makes one model, and does not hold it past its pages)', () => {
    const { root } = corpus(2);
    writePassageLocks(root, buildEdition(readEditionFiles(root)));
    const cache = new WorkCache();
    buildEdition(readEditionFiles(root), { cache });
    cache.resetStats();
    buildEdition(readEditionFiles(root), { cache });
    expect(cache.stats.documents).toEqual({ hits: 0, misses: 2 });
  });

  it('reports a problem found after a cached read at the same line and column as without the cache', () => {
    const { root, noteToEdit } = corpus(2);
    const cache = new WorkCache();
    // Read once (cached), then an entry the note names disappears: the note's entities line is located again.
    const path = join(root, noteToEdit);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^kind: /m, 'entities: [person:person-1]\nkind: '));
    buildEdition(readEditionFiles(root), { cache });
    rmSync(join(root, 'annotations/people/person-1.md'));
    const cached = buildEdition(readEditionFiles(root), { cache }).problems.filter((p) => p.file === noteToEdit);
    const plain = buildEdition(readEditionFiles(root)).problems.filter((p) => p.file === noteToEdit);
    expect(plain.length).toBeGreaterThan(0);
    expect(cached).toEqual(plain);
  });

  it('keeps no document-level work from an edition with errors', () => {
    const { root, noteToEdit } = corpus(2);
    writeFileSync(join(root, noteToEdit), '---\nquote: "words no source has"\nkind: comment\n---\nA note.\n');
    const cache = new WorkCache();
    const e = buildEdition(readEditionFiles(root), { cache });
    expect(e.problems.some((p) => p.severity === 'error')).toBe(true);
    buildEdition(readEditionFiles(root), { cache });
    expect(cache.stats.mentions!.hits).toBe(0);
  });

  it('ignores a damaged pack, one of another format or of another version of the code', () => {
    const { root, dir } = corpus(2);
    const files = readEditionFiles(root);
    const plain = modelText(buildEdition(files));
    const folder = join(dir, 'cache');
    mkdirSync(folder);
    const cache = new WorkCache(folder);
    buildEdition(files, { cache });
    cache.save();
    const pack = readFileSync(join(folder, PACK_FILE));
    const payload = (data: unknown) => {
      const p = serialize(data);
      return Buffer.concat([Buffer.from(sha256(p), 'latin1'), p]);
    };
    const damaged: [string, Uint8Array][] = [
      ['a flipped byte', Buffer.concat([pack.subarray(0, 200), Buffer.from([pack[200]! ^ 0xff]), pack.subarray(201)])],
      ['a truncated pack', pack.subarray(0, Math.floor(pack.length / 2))],
      ['garbage', Buffer.from('not a cache at all')],
      ['another format', payload({ format: 'something else', version: cache.version, entries: new Map() })],
      ['another version', payload({ format: 'annotated-edition work cache 1', version: 'older', entries: new Map([['read:x', new Uint8Array([1, 2, 3])]]) })],
      ['entries that do not deserialize', payload({ format: 'annotated-edition work cache 1', version: cache.version, entries: new Map([[`read:${'0'.repeat(64)}`, new Uint8Array([255, 1, 2])]]) })],
    ];
    for (const [what, bytes] of damaged) {
      writeFileSync(join(folder, PACK_FILE), bytes);
      const reopened = new WorkCache(folder);
      expect(reopened.size, what).toBe(what === 'entries that do not deserialize' ? 1 : 0);
      expect(modelText(buildEdition(files, { cache: reopened })), what).toBe(plain);
      expect(reopened.stats.read!.hits, what).toBe(0);
    }
  });

  it('reads again only the changed paths, and then lists the same files as a full read', () => {
    const { root, noteToEdit } = corpus(3);
    const before = readEditionFiles(root);
    appendFileSync(join(root, noteToEdit), '\nMore.\n');
    writeFileSync(join(root, 'annotations/notes/bench-1/new-note.md'), '---\nquote: x\nkind: comment\n---\nNew.\n');
    rmSync(join(root, 'annotations/notes/bench-2'), { recursive: true });
    const again = readEditionFilesAgain(root, before, [noteToEdit, 'annotations/notes/bench-1/new-note.md', 'annotations/notes/bench-2', '../outside', 'edition.config.yml']);
    const byPath = (list: { path: string; bytes: Uint8Array }[]) => new Map(list.map((f) => [f.path, Buffer.from(f.bytes).toString('base64')]));
    expect(byPath(again)).toEqual(byPath(readEditionFiles(root)));
  });

  it('reads again a folder and files inside it, new locks and a replaced folder, given together in any order', () => {
    const { root } = corpus(3);
    const before = readEditionFiles(root);
    // As after the integration wrote new passage-id locks, and a save that replaced a notes folder.
    const locks = writePassageLocks(root, buildEdition(before));
    expect(locks.length).toBe(3);
    const notes = readdirSync(join(root, 'annotations/notes/bench-3')).sort();
    rmSync(join(root, 'annotations/notes/bench-3'), { recursive: true });
    mkdirSync(join(root, 'annotations/notes/bench-3'));
    writeFileSync(join(root, 'annotations/notes/bench-3', notes[0]!), '---\nquote: x\nkind: gloss\n---\nReplaced.\n');
    const byPath = (list: { path: string; bytes: Uint8Array }[]) => new Map([...list].sort((a, b) => (a.path < b.path ? -1 : 1)).map((f) => [f.path, Buffer.from(f.bytes).toString('base64')]));
    const full = byPath(readEditionFiles(root));
    for (const changed of [
      [...locks, 'annotations/notes/bench-3', `annotations/notes/bench-3/${notes[0]}`],
      [`annotations/notes/bench-3/${notes[1]}`, 'annotations/notes/bench-3', ...locks.reverse()],
      ['annotations', ...locks],
    ]) {
      expect(byPath(readEditionFilesAgain(root, before, changed)), changed.join(', ')).toEqual(full);
    }
  });
});
