/**
 * The work cache (src/edition/cache.ts) of one Astro process, and the edition's files as last
 * read, shared by everything in the process that builds the model: the integration, the pages'
 * `virtual:edition/model` and the register loaders. They run as separate module instances (the
 * integration under Node, the pages in Vite's module runner or a built chunk), so the one
 * instance is found through a registry on `globalThis`, by folder. What is shared is a cache,
 * and the model the integration last built without errors ({@link SharedWork.model}): the pages
 * take that one instead of building the same model a second time (one model per build, and per
 * save in `astro dev`). `EDITION_SHARED_MODEL=off` makes the pages build their own, from the
 * same files and cache (the same model: test/build/site.test.ts compares the two builds).
 *
 * On disk the cache lives in `EDITION_CACHE/edition/` when EDITION_CACHE is set (test builds,
 * the benchmark), else in `.edition/cache/` in the edition root (ignored by git); it is read
 * when the process opens it and written only after the edition was built without errors,
 * never through a symbolic link nor outside that folder. `EDITION_WORK_CACHE=off` turns it off.
 */
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { WorkCache } from '../edition/cache.ts';
import { plainFolderInside, readEditionFiles, readEditionFilesAgain } from '../edition/load.ts';
import type { Edition, RawFile } from '../edition/index.ts';
import { editionRoot } from './paths.ts';

/** The folder of the work cache's pack. */
export function workCacheDir(root: string = editionRoot()): string {
  return process.env.EDITION_CACHE ? join(resolve(process.env.EDITION_CACHE), 'edition') : join(root, '.edition', 'cache');
}

/** One process's cache and files for one edition. */
export interface SharedWork {
  cache: WorkCache | undefined;
  /** The edition's files as last read (read on first use). */
  files(): RawFile[];
  /** Reads these paths (relative to the root) again on next use; none: everything. */
  changed(paths?: readonly string[]): void;
  /** Writes the cache's pack (after a build without errors); false if there was nothing to write. */
  save(): boolean;
  /**
   * The model the integration built last without errors, from these files, for the pages
   * (`virtual:edition/model`). After a save with errors it stays the last good one, which is
   * what the open page keeps showing. The integration sets it; undefined until then, when
   * `EDITION_SHARED_MODEL=off`, and after the build's pages are written (freed for the search
   * index's writing).
   */
  model: Edition | undefined;
  /** {@link SharedWork.model} for the pages, counting the takes ({@link SharedWork.taken}). */
  takeModel(): Edition | undefined;
  /** How many times the pages took the integration's model (logged after a build). */
  readonly taken: number;
}

const REGISTRY = Symbol.for('annotated-edition.shared-work');
type Registry = Map<string, SharedWork>;

/** The process's shared cache and files for the edition at `root` (created on first call). */
export function sharedWork(root: string = editionRoot()): SharedWork {
  const g = globalThis as { [REGISTRY]?: Registry };
  const registry = (g[REGISTRY] ??= new Map());
  const dir = workCacheDir(root);
  const key = `${resolve(root)}\0${dir}`;
  let shared = registry.get(key);
  if (!shared) {
    shared = create(resolve(root), dir);
    registry.set(key, shared);
  }
  return shared;
}

function create(root: string, dir: string): SharedWork {
  const cache = process.env.EDITION_WORK_CACHE === 'off' ? undefined : new WorkCache(dir);
  let files: RawFile[] | undefined;
  let pending: string[] | undefined = [];
  let model: Edition | undefined;
  let taken = 0;
  return {
    get taken() {
      return taken;
    },
    takeModel() {
      if (model) taken++;
      return model;
    },
    cache,
    get model() {
      return model;
    },
    set model(edition) {
      model = process.env.EDITION_SHARED_MODEL === 'off' ? undefined : edition;
    },
    files() {
      if (!files || pending === undefined) files = readEditionFiles(root);
      else if (pending.length > 0) files = readEditionFilesAgain(root, files, pending);
      pending = [];
      return files;
    },
    changed(paths) {
      if (!paths || pending === undefined) pending = undefined;
      else pending.push(...paths);
    },
    save() {
      if (!cache) return false;
      ensureFolder(root, dir);
      return cache.save();
    },
  };
}

/** Makes `dir` exist as plain folders: inside the root, none of them a link; elsewhere, the folder itself no link. */
function ensureFolder(root: string, dir: string): void {
  const inRoot = relative(root, dir);
  if (inRoot !== '' && !inRoot.startsWith('..') && !isAbsolute(inRoot)) plainFolderInside(root, inRoot.split(/[\\/]/).join('/'));
  else {
    mkdirSync(dirname(dir), { recursive: true });
    plainFolderInside(dirname(dir), basename(dir));
  }
}
