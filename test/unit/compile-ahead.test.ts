/**
 * MDX pages compiled ahead on the other core (src/integration/compile-ahead.ts): each page is
 * compiled once, by whichever thread takes it first; the worker's module is used only for the
 * very text Vite read, and only once the first of them matched this thread's own; a page the
 * worker failed on is compiled here. The real worker compiles with @astrojs/mdx's own transform
 * and gives the module this thread's transform gives.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { documentMdx, loadEdition } from '../../src/edition/index.ts';
import { astroConfigFile, CompileAhead, compileSettings, FREE, HERE, type CompiledModule } from '../../src/integration/compile-ahead.ts';
import { startCoreWorker, type CompiledInWorker, type CompileSettings, type CoreWorker } from '../../src/integration/core-worker.ts';
import { mdxTransform } from '../../src/integration/mdx-transform.mjs';
import { mdxOptions } from '../../src/integration/write-mdx.ts';
import { ROOT } from '../helpers/build.ts';

const WORKER = 2;
const digest = (text: string) => createHash('sha256').update(text).digest('hex');
const module = (code: string): CompiledModule => ({ code: `compiled ${code}`, map: null, meta: { astro: { propagation: 'none' } } });
const settings: CompileSettings = { markdown: { gfm: true, smartypants: false }, srcDir: pathToFileURL(join(ROOT, 'src/')).href, root: pathToFileURL(`${ROOT}/`).href, sourcemap: false };

/**
 * A worker that takes the files `takes` (indexes), and answers each with `answer` (the module of
 * the text, by default) once `release()` is called; `fail` makes it stop instead.
 */
function fakeWorker(takes: number[], answer: (i: number, text: string) => CompiledInWorker = (i, text) => ({ compiled: i, digest: digest(text), result: module(text) })) {
  let release!: () => void;
  let fail!: (e: Error) => void;
  const gate = new Promise<void>((resolve, reject) => {
    release = resolve;
    fail = reject;
  });
  const worker: Pick<CoreWorker, 'compile'> = {
    async compile(files, claims, _settings, onCompiled) {
      const mine = takes.filter((i) => Atomics.compareExchange(claims, i, FREE, WORKER) === FREE);
      await gate;
      for (const i of mine) onCompiled(answer(i, `text of ${files[i]}`));
      return mine.length;
    },
  };
  return { worker, release: () => release(), fail: (e: Error) => fail(e) };
}

/** This thread's compile, counted. */
function counted() {
  const asked: string[] = [];
  return { asked, here: (text: string) => async () => (asked.push(text), module(text)) };
}

const files = ['/e/a.mdx', '/e/b.mdx', '/e/c.mdx'];
const text = (file: string) => `text of ${file}`;

describe('pages compiled ahead', () => {
  it('takes each page once: the worker\'s pages from it (the first checked against this thread\'s), the others compiled here', async () => {
    const { worker, release } = fakeWorker([2, 1]);
    const ahead = new CompileAhead(worker, files, settings);
    await Promise.resolve();
    const { asked, here } = counted();
    // Asked before the worker sent it: waits for it.
    const c = ahead.compile('/e/c.mdx', text('/e/c.mdx'), here(text('/e/c.mdx')));
    release();
    expect(await c).toEqual(module(text('/e/c.mdx')));
    expect(asked).toEqual([text('/e/c.mdx')]); // the check
    expect(await ahead.compile('/e/b.mdx', text('/e/b.mdx'), here(text('/e/b.mdx')))).toEqual(module(text('/e/b.mdx')));
    expect(asked).toEqual([text('/e/c.mdx')]); // taken from the worker
    expect(await ahead.compile('/e/a.mdx', text('/e/a.mdx'), here(text('/e/a.mdx')))).toEqual(module(text('/e/a.mdx')));
    expect(asked).toEqual([text('/e/c.mdx'), text('/e/a.mdx')]);
    // A module that is not one of the files handed over is compiled here.
    await ahead.compile('/e/other.mdx', 'other', here('other'));
    expect(asked.at(-1)).toBe('other');
    expect(ahead.stats).toEqual({ ahead: 1, here: 2 });
    expect(await ahead.done).toBe(2);
    expect(ahead.stopped).toBeUndefined();
  });

  it('a page this thread took first is not compiled by the worker', async () => {
    const claimsSeen: number[] = [];
    const worker: Pick<CoreWorker, 'compile'> = {
      async compile(_files, claims) {
        await new Promise((r) => setTimeout(r, 10));
        for (let i = 0; i < claims.length; i++) claimsSeen.push(Atomics.compareExchange(claims, i, FREE, WORKER));
        return 0;
      },
    };
    const ahead = new CompileAhead(worker, files, settings);
    const { here } = counted();
    await ahead.compile('/e/b.mdx', text('/e/b.mdx'), here(text('/e/b.mdx')));
    await ahead.done;
    expect(claimsSeen).toEqual([FREE, HERE, FREE]);
  });

  it('compiles here a page whose text is not the one the worker compiled, or that the worker could not compile', async () => {
    const { worker, release } = fakeWorker([2, 1, 0], (i, t) => (i === 1 ? { compiled: i, error: 'broken' } : { compiled: i, digest: digest(t), result: module(t) }));
    const ahead = new CompileAhead(worker, files, settings);
    release();
    await ahead.done;
    const { asked, here } = counted();
    // The first is the check; c then is the worker's.
    await ahead.compile('/e/c.mdx', text('/e/c.mdx'), here(text('/e/c.mdx')));
    expect(await ahead.compile('/e/b.mdx', text('/e/b.mdx'), here(text('/e/b.mdx')))).toEqual(module(text('/e/b.mdx')));
    expect(await ahead.compile('/e/a.mdx', 'changed since', here('changed since'))).toEqual(module('changed since'));
    expect(asked).toEqual([text('/e/c.mdx'), text('/e/b.mdx'), 'changed since']);
    expect(ahead.stats).toEqual({ ahead: 0, here: 3 });
  });

  it('uses none of the worker\'s pages, and stops it, when its first differs from this thread\'s', async () => {
    const { worker, release } = fakeWorker([2, 1], (i, t) => ({ compiled: i, digest: digest(t), result: { ...module(t), meta: { astro: { propagation: 'in-tree' } } } }));
    let stops = 0;
    const ahead = new CompileAhead(worker, files, settings, () => stops++);
    release();
    await ahead.done;
    const { asked, here } = counted();
    expect(await ahead.compile('/e/c.mdx', text('/e/c.mdx'), here(text('/e/c.mdx')))).toEqual(module(text('/e/c.mdx')));
    expect(ahead.stopped).toMatch(/differs/);
    expect(stops).toBe(1);
    expect(await ahead.compile('/e/b.mdx', text('/e/b.mdx'), here(text('/e/b.mdx')))).toEqual(module(text('/e/b.mdx')));
    expect(asked).toEqual([text('/e/c.mdx'), text('/e/b.mdx')]);
  });

  it('compiles here the pages a failed worker took and never sent', async () => {
    const { worker, fail } = fakeWorker([2, 1]);
    const ahead = new CompileAhead(worker, files, settings);
    await Promise.resolve();
    const { asked, here } = counted();
    const c = ahead.compile('/e/c.mdx', text('/e/c.mdx'), here(text('/e/c.mdx')));
    fail(new Error('the worker thread stopped'));
    expect(await c).toEqual(module(text('/e/c.mdx')));
    expect(await ahead.compile('/e/b.mdx', text('/e/b.mdx'), here(text('/e/b.mdx')))).toEqual(module(text('/e/b.mdx')));
    expect(asked).toEqual([text('/e/c.mdx'), text('/e/b.mdx')]);
    expect(await ahead.done).toBeInstanceOf(Error);
  });

  it('gives the worker only settings it can copy', () => {
    const config = { srcDir: new URL('file:///p/src/'), root: new URL('file:///p/'), vite: { build: { sourcemap: 'inline' } } };
    expect(compileSettings({ ...config, markdown: { gfm: true, processor: { name: 'unified', render: () => '' } } })).toEqual({ markdown: { gfm: true }, srcDir: 'file:///p/src/', root: 'file:///p/', sourcemap: true });
    expect(compileSettings({ ...config, markdown: { shikiConfig: { transformers: [() => {}] } } })).toBeUndefined();
  });
});

describe('the worker thread compiles with @astrojs/mdx', () => {
  const dir = mkdtempSync(join(tmpdir(), 'compile-ahead-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives, for each page it takes, the module @astrojs/mdx\'s transform gives in this thread', async () => {
    const edition = loadEdition(ROOT, { requireLocks: false });
    mkdirSync(dir, { recursive: true });
    const paths = edition.documents.map((doc) => {
      const path = join(dir, `${doc.slug}.mdx`);
      writeFileSync(path, documentMdx(doc, edition, mdxOptions('/')));
      return path;
    });
    const config = astroConfigFile(ROOT);
    expect(config).toBe(join(ROOT, 'astro.config.mjs'));
    const worker = startCoreWorker(ROOT, config);
    const pages: CompiledInWorker[] = [];
    const claims = new Int32Array(new SharedArrayBuffer(4 * paths.length));
    claims[0] = HERE; // taken by this thread: left alone
    try {
      expect(await worker.compile(paths, claims, settings, (p) => pages.push(p))).toBe(paths.length - 1);
    } finally {
      worker.close();
    }
    expect(pages.map((p) => p.compiled)).toEqual(paths.map((_, i) => i).slice(1).reverse());
    expect([...claims]).toEqual([HERE, ...paths.slice(1).map(() => WORKER)]);
    const { default: userConfig } = (await import('../../astro.config.mjs')) as { default: Parameters<typeof mdxTransform>[0] };
    const transform = await mdxTransform(userConfig, settings);
    for (const page of pages) {
      if ('error' in page) throw new Error(page.error);
      const source = readFileSync(paths[page.compiled]!, 'utf8');
      expect(page.digest).toBe(digest(source));
      expect(page.result).toEqual(await transform(source, paths[page.compiled]!));
      expect(page.result.code).toContain('MDXContent');
    }
  }, 60_000);
});
