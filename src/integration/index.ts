/**
 * The Astro integration: validates and generates the edition before Astro reads its
 * content, stops the build on any error (nothing is published with a note missing),
 * and in `astro dev` regenerates when a source or annotation file is saved.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import { realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { citedEdition, escapeHtml, formatProblem, EditionError, CONFIG_FILE, releaseRenderingsMadeAhead, siteAddress, sortProblems, UnsafeWriteError, type Problem } from '../edition/index.ts';
import { editionConfig, generateEdition } from './generate.ts';
import { editionRoot, generatedDir } from './paths.ts';
import { documentsToMake, mdxOptions, writeDocumentsMdx } from './write-mdx.ts';
import { CORE_WORKER_MAX_DOCUMENTS, documentTexts, shareNoteReading, startCoreWorker, usesCoreWorker, type CoreWorker } from './core-worker.ts';
import { astroConfigFile, COMPILE_AHEAD_MIN_PAGES, CompileAhead, compileSettings } from './compile-ahead.ts';
import { sharedWork, type SharedWork } from './work-cache.ts';
import { mdxCompileCache, mdxCompileStats } from './mdx-compile-cache.ts';
import { editionVirtualModules, invalidateEditionModules } from './virtual-modules.ts';
import { startSearchIndex, type SearchIndexJob } from './search-index.ts';
import { keepCitations, keptCitations, makeCitationsAhead, type CitationsAhead } from './citations-ahead.ts';
import { currentShard, describeShard, rendersDocument, ShardError, writesSearchIndex, type Shard } from './shard.ts';

/**
 * Editions up to this many documents have Pagefind write its index while Astro renders the
 * pages (at 1,000 documents: nothing left to do after the pages instead of 3.5 s, the build
 * 1.6 s shorter, since rendering and Pagefind then share the two cores). Writing needs about
 * 0.6 GB per 1,000 documents on top of the Astro process holding the model: larger editions
 * write after the pages, once the model is freed, to stay within 8 GB (docs/performance.md).
 */
const EARLY_SEARCH_WRITE_MAX_DOCUMENTS = 3000;

/** The files the register and works collections (loaders.ts) are read from: a register folder, or a works list. */
const REGISTER_OR_WORKS = /^annotations\/(people|organizations|places|events|works)(\/|$)|^annotations\/works\.yml$|^annotations\/?$/;

/** Prints an edition's problems with the integration's logger, errors as errors and warnings as warnings. */
function logProblems(logger: AstroIntegrationLogger, problems: readonly Problem[]): void {
  for (const p of sortProblems([...problems])) {
    if (p.severity === 'error') logger.error(formatProblem(p));
    else logger.warn(formatProblem(p));
  }
}

/**
 * What `astro dev` sends the browser when a save leaves the edition with errors: Vite's error
 * overlay (as Astro draws it) names the first problem's file, line and column and lists every
 * error with its fix. The overlay reads the message and hint as HTML, and an editor's words
 * (a quote, a name) are in them: they are escaped.
 */
function errorPayload(e: EditionError | UnsafeWriteError, root: string) {
  const errors = e instanceof EditionError ? sortProblems(e.problems.filter((p) => p.severity === 'error')) : [];
  const first = errors[0];
  return {
    type: 'error' as const,
    err: {
      name: 'The edition has an error',
      title: e instanceof EditionError ? `The edition has ${errors.length} error${errors.length === 1 ? '' : 's'}; the page shows it as it was before this save.` : 'A file could not be written.',
      message: escapeHtml(e instanceof EditionError ? errors.map(formatProblem).join('\n') : e.message),
      hint: escapeHtml('Fix the file and save it again: the page reloads by itself. (npm run check lists the same problems.)'),
      stack: '',
      plugin: 'annotated-edition',
      ...(first ? { id: join(root, first.file), loc: { file: join(root, first.file), line: first.line, column: first.col } } : {}),
    },
  };
}

/** The processor edition.config.yml asks for is not the one compiling the pages (astro.config.mjs reads the field when Astro starts). */
const processorMismatch = (wanted: string, running: string) =>
  `${CONFIG_FILE} asks for the ${wanted} processor (markdown.processor) but the pages are compiled by the ${running} processor: astro.config.mjs reads the field when Astro starts; restart it (npm run dev) after changing the field.`;

/** Resolves once everything written to `stream` so far has been handed to the system. */
const flushed = (stream: NodeJS.WriteStream) =>
  new Promise<void>((resolve) => {
    stream.write('', () => resolve());
  });

/**
 * Ends `astro build` (or the start of `astro dev`) on an edition that must not be published,
 * saying only what the editor must fix. An error thrown from a hook would be printed by Astro as
 * "An unhandled error occurred while running the astro:config:setup hook" with a stack trace
 * into our code; so the edition's messages are printed with the logger and the process exits
 * with status 1, before any page or generated file is written. Any other error is a bug: it is
 * thrown, with its stack.
 */
async function stopBuild(e: unknown, logger: AstroIntegrationLogger): Promise<never> {
  if (e instanceof EditionError) {
    logProblems(logger, e.problems);
    const errors = e.problems.filter((p) => p.severity === 'error').length;
    logger.error(`The edition has ${errors} error${errors === 1 ? '' : 's'}; nothing was published. Fix ${errors === 1 ? 'it' : 'them'} and build again (npm run check lists them too).`);
  } else if (e instanceof UnsafeWriteError || e instanceof ShardError) {
    logger.error(e.message);
  } else throw e;
  await flushed(process.stdout);
  await flushed(process.stderr);
  process.exit(1);
}

export default function editionIntegration(): AstroIntegration {
  let root = process.cwd();
  let base = '/';
  let cacheDir = '';
  /** Where the Astro config is (its package-lock.json versions the caches kept there). */
  let projectRoot = '';
  let early = false;
  /** The processor compiling the MDX pages (Astro's markdown.processor, set by astro.config.mjs from edition.config.yml). */
  let processor = '';
  let model: import('../edition/index.ts').Edition | undefined;
  let current: import('../edition/index.ts').EditionConfig | undefined;
  let search: SearchIndexJob | undefined;
  let shard: Shard = { kind: 'all' };
  let work: SharedWork;
  let citationsAhead: CitationsAhead | undefined;
  let compileAhead: CompileAhead | undefined;
  return {
    name: 'annotated-edition',
    hooks: {
      'astro:config:setup': async ({ config, command, logger, updateConfig, addMiddleware }) => {
        // EDITION_ROOT builds another edition (a test fixture) with this generator.
        root = process.env.EDITION_ROOT ? editionRoot() : fileURLToPath(config.root);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        cacheDir = fileURLToPath(config.cacheDir);
        projectRoot = fileURLToPath(config.root);
        work = sharedWork(root);
        // The dev server takes unchanged documents whole after a save (src/edition/cache.ts); a build makes one model.
        if (work.cache) work.cache.keepsDocuments = command === 'dev';
        // The edition's settings (title, editors, licence, version, address) and the edition itself,
        // read and checked before anything is written; on an error the build ends with its messages only.
        let settings: ReturnType<typeof editionConfig>;
        let edition: import('../edition/index.ts').Edition;
        let mdx: ReturnType<typeof writeDocumentsMdx>;
        const times = { model: 0, mdx: 0 };
        let worker: CoreWorker | undefined;
        try {
          // EDITION_SHARD (src/integration/shard.ts): a sharded build renders part of the pages.
          shard = command === 'build' ? currentShard() : { kind: 'all' };
          settings = editionConfig(root);
          const started = performance.now();
          const renders = (slug: string) => rendersDocument(shard, slug);
          // A build of many documents reads its notes and writes its MDX on both cores (core-worker.ts); the worker loads the core meanwhile.
          const files = work.files();
          const sources = files.filter((f) => /^sources\/[^/]+\.txt$/.test(f.path)).length;
          // EDITION_CORE_WORKER=always: whatever the size (tests and measurements).
          const always = process.env.EDITION_CORE_WORKER === 'always';
          if (command === 'build' && process.env.EDITION_CORE_WORKER !== 'off' && (always || usesCoreWorker(sources))) worker = startCoreWorker(fileURLToPath(config.root), astroConfigFile(fileURLToPath(config.root)));
          const onWorkerError = (e: Error) => logger.warn(`the worker thread failed (${e.message}); this thread did its share too`);
          if (work.cache) await shareNoteReading(files, work.cache, worker, onWorkerError);
          // Unchanged files' work is taken from the work cache (work-cache.ts), kept only after a build without errors.
          edition = generateEdition(root, work);
          times.model = performance.now() - started;
          // One .mdx page per document, rewritten only when its bytes change (src/content.config.ts reads them);
          // in a sharded build, only the shard's documents (none in the aggregate job).
          const writing = performance.now();
          const texts = await documentTexts(edition, documentsToMake(edition, base, renders, work.cache), mdxOptions(base), worker, onWorkerError);
          mdx = writeDocumentsMdx(edition, generatedDir(), base, editionRoot(), renders, work.cache, texts);
          times.mdx = performance.now() - writing;
          // The pages this build wrote, compiled by the worker while Vite compiles them too, each once
          // (compile-ahead.ts); with the unified() processor, and the compile wrapper (mdx-compile-cache.ts) to take them.
          const settingsForWorker = worker && compileSettings(config);
          if (
            worker &&
            settingsForWorker &&
            process.env.EDITION_COMPILE_AHEAD !== 'off' &&
            process.env.EDITION_MDX_CACHE !== 'off' &&
            config.markdown.processor?.name === 'unified' &&
            (always || mdx.written.length >= COMPILE_AHEAD_MIN_PAGES)
          ) {
            const dir = realpathSync(generatedDir());
            const compiling = worker;
            compileAhead = new CompileAhead(compiling, mdx.written.map((name) => join(dir, name)), settingsForWorker, () => compiling.close());
            void compileAhead.done.then(() => compiling.close());
          } else worker?.close();
          worker = undefined;
          // A build's citation forms, made on the other core while Vite bundles (citations-ahead.ts); not
          // above 3,000 documents, where a shard job's memory is near its budget (core-worker.ts).
          if (command === 'build' && process.env.EDITION_CITATIONS_AHEAD !== 'off' && edition.documents.length <= CORE_WORKER_MAX_DOCUMENTS) {
            const site = siteAddress(settings.config, config.site).site;
            // The last build's outputs are kept in Astro's cache folder: only changed renderings are made again.
            citationsAhead = makeCitationsAhead(edition, citedEdition(settings.config), site, base, renders, keptCitations(cacheDir, projectRoot));
          }
          // The pages render from this model (virtual-modules.ts) rather than building it again.
          work.model = edition;
        } catch (e) {
          worker?.close();
          return stopBuild(e, logger);
        }
        try {
          work.save();
        } catch (e) {
          // Only time is lost: the next build does this work again.
          logger.warn(`the work cache was not written (${e instanceof Error ? e.message : String(e)}); the next build reads every file again.`);
        }
        // A build's pages render from this model: the cache's copies need not stay in memory while Vite bundles (about 0.5 GB at 10,000 documents).
        if (command === 'build') work.cache?.release();
        if (shard.kind !== 'all') {
          addMiddleware({ entrypoint: new URL('./shard-middleware.ts', import.meta.url), order: 'pre' });
          logger.info(`${describeShard(shard)} (EDITION_SHARD=${process.env.EDITION_SHARD}): the other pages and the search index are left to the other jobs and the join (npm run join-shards)`);
        }
        for (const p of settings.warnings) logger.warn(formatProblem(p));
        current = settings.config;
        // Pages read the config and the model from virtual modules (virtual:edition/config, virtual:edition/model).
        updateConfig({ vite: { plugins: [editionVirtualModules({ root, config: () => current! })] } });
        // @astrojs/mdx's compilation kept by content digest between builds (mdx-compile-cache.ts).
        updateConfig({ vite: { plugins: [mdxCompileCache({ cacheDir, projectRoot: fileURLToPath(config.root), markdown: config.markdown, ahead: () => compileAhead })] } });
        // The site's address: SITE (astro.config.mjs), else the config's url, else the local preview address.
        const address = siteAddress(settings.config, config.site);
        if (!config.site) updateConfig({ site: address.site });
        if (!address.isPublic && command === 'build') {
          logger.warn(`no public URL: this build is a preview (every page marked as one); canonical links, citations and open data use ${address.site}. Set "url" in ${CONFIG_FILE} (or SITE) before publishing.`);
        }
        logger.info(`mdx: ${mdx.written.length} written, ${mdx.unchanged} unchanged, ${mdx.removed.length} removed (${generatedDir()}) in ${(times.mdx / 1000).toFixed(1)} s`);
        // Which processor compiles them (edition.config.yml's markdown.processor, applied by astro.config.mjs).
        processor = config.markdown.processor?.name ?? 'default';
        if (processor === settings.config.markdown.processor) logger.info(`mdx: compiled by the ${processor} processor (${CONFIG_FILE}: markdown.processor)`);
        else logger.warn(processorMismatch(settings.config.markdown.processor, processor));
        // Kept for the search index too (a shard writes none).
        model = writesSearchIndex(shard) ? edition : undefined;
        for (const p of edition.problems) logger.warn(formatProblem(p));
        logger.info(`edition: ${edition.documents.length} documents, ${edition.documents.reduce((n, d) => n + d.notes.length, 0)} notes, ${edition.entries.size} register entries (read and checked in ${(times.model / 1000).toFixed(1)} s)`);
      },
      'astro:build:start': () => {
        // The search index, from the same model the pages are built from (never a stale copy),
        // indexed while Astro bundles and renders.
        if (model && process.env.EDITION_SEARCH !== 'off' && writesSearchIndex(shard)) {
          early = model.documents.length <= EARLY_SEARCH_WRITE_MAX_DOCUMENTS;
          search = startSearchIndex(model, base, { stageIn: early ? join(cacheDir, 'pagefind-staging') : undefined });
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        const compiled = mdxCompileStats;
        if (compiled.hits + compiled.misses > 0) logger.info(`mdx compile cache: ${compiled.hits} modules unchanged, ${compiled.misses} compiled${compiled.unreadable ? ` (${compiled.unreadable} unreadable entries ignored)` : ''}`);
        if (compileAhead) {
          const { stats, stopped } = compileAhead;
          const worked = await compileAhead.done;
          compileAhead = undefined;
          if (stopped) logger.warn(`mdx: the pages compiled ahead were not used (${stopped}); Vite compiled every page`);
          else if (worked instanceof Error) logger.warn(`mdx: the worker thread stopped compiling pages ahead (${worked.message}); Vite compiled the rest`);
          else logger.info(`mdx: ${stats.ahead} pages compiled ahead in the worker thread, ${stats.here} by Vite on this thread${stats.ahead > 0 ? " (the first of the worker's checked against this thread's)" : ''}`);
        }
        // The pages are written: the integration's hold on the model is let go (the search index keeps its own records).
        work.model = undefined;
        logger.info(work.taken > 0 ? 'model: built once, the pages rendered from it' : 'model: the pages built their own (EDITION_SHARED_MODEL=off, or another process)');
        const used = releaseRenderingsMadeAhead();
        if (citationsAhead) {
          const ahead = await citationsAhead.done;
          citationsAhead = undefined;
          if (ahead instanceof Error) logger.warn(`citations: none made ahead (${ahead.message}); the pages made their own`);
          else {
            logger.info(`citations: ${ahead.made} forms made ahead in a worker thread (${(ahead.ms / 1000).toFixed(1)} s)${ahead.kept > 0 ? `, ${ahead.kept} kept from the last build` : ''}; the pages took ${used.used} of them and made ${used.missed} themselves`);
            keepCitations(cacheDir, projectRoot, ahead.outputs);
          }
        }
        if (!search) return;
        const started = performance.now();
        model = undefined;
        const records = await search.write(fileURLToPath(dir), async () => {});
        const { times } = search;
        const since = (t: number | undefined) => (t === undefined ? '–' : `${((t - times.started) / 1000).toFixed(1)} s`);
        logger.info(
          `pagefind: ${records} records (documents, with their passages and notes as sub-results, register entries and works cited) indexed; ${Math.round(performance.now() - started)} ms after the pages were written ` +
            `(from the start of indexing: records in ${since(times.added)}, index written ${since(times.staged)}, pages done ${since(started)})`,
        );
      },
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        // The edition's folders and its config are watched with Vite's own watcher (chokidar),
        // added for them wherever they are (an edition may lie outside the project): it sees a
        // file saved in place, and one saved as vim, JetBrains editors and `sed -i` save it (a
        // temporary file renamed over the old one), which a watcher of the file itself loses.
        // Bursts of saves are one regeneration, and regenerations never overlap.
        const changed = new Set<string>();
        let timer: ReturnType<typeof setTimeout> | undefined;
        let running = false;
        // The register and works collections wait for a regeneration without errors to be loaded again.
        let collectionsStale = false;
        // The edition's errors while they stand: shown in every browser that connects.
        let standing: ReturnType<typeof errorPayload> | undefined;
        const regenerate = async () => {
          if (running) return;
          running = true;
          const files = [...changed];
          changed.clear();
          if (files.some((f) => REGISTER_OR_WORKS.test(f))) collectionsStale = true;
          const started = performance.now();
          let steps = '';
          try {
            // Only the saved files are read again; only their work is done again (work-cache.ts).
            work.changed(files);
            const edition = generateEdition(root, work);
            const generated = performance.now();
            writeDocumentsMdx(edition, generatedDir(), base, editionRoot(), () => true, work.cache);
            // The open page renders from this model after the reload (one model per save).
            work.model = edition;
            const written = performance.now();
            invalidateEditionModules(server);
            // The register and works collections are read by our own loaders, not from watched
            // files: load them again (the documents collection follows its MDX files itself).
            // Only after one of their files was saved (now or in a save that had an error): a note or a source changes neither.
            if (collectionsStale) await refreshContent?.({ loaders: ['edition-register', 'edition-works'] });
            collectionsStale = false;
            const refreshed = performance.now();
            const ms = (a: number, b: number) => Math.round(b - a);
            steps = `model ${ms(started, generated)} ms, MDX ${ms(generated, written)} ms, register and works collections ${ms(written, refreshed)} ms`;
            standing = undefined;
            logger.info(`edition regenerated in ${Math.round(performance.now() - started)} ms (${steps}) after a change to ${files.join(', ')}`);
            // Astro keeps getStaticPaths results per route in dev; this is the signal its own
            // content layer sends to clear them, so new or renamed documents and entries appear.
            for (const env of Object.values(server.environments)) if (env.name !== 'client') env.hot.send('astro:content-changed', {});
            server.ws.send({ type: 'full-reload' });
          } catch (e) {
            // A bug, not the edition's: said in the terminal, and the preview keeps running.
            if (!(e instanceof EditionError || e instanceof UnsafeWriteError)) logger.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
            else {
              // The page keeps the last good edition; the browser shows what is wrong.
              if (e instanceof EditionError) logProblems(logger, e.problems);
              else logger.error(e.message);
              standing = errorPayload(e, root);
              showError(standing);
            }
          } finally {
            running = false;
            if (changed.size > 0) schedule();
          }
        };
        const schedule = () => {
          clearTimeout(timer);
          timer = setTimeout(() => void regenerate(), 100);
        };
        // Sent to each browser as it is: through server.ws.send, Astro would render the message as
        // Markdown again (escaping it twice, and making links of an editor's words).
        const showError = (payload: ReturnType<typeof errorPayload>) => {
          for (const client of server.ws.clients) client.send(payload);
        };
        server.ws.on('vite:client:connect', (_data: unknown, client: { send: (payload: unknown) => void }) => {
          if (standing) client.send(standing);
        });
        // edition.config.yml: pages show the new settings after a reload (a new url or markdown.processor needs a restart).
        let configTimer: ReturnType<typeof setTimeout> | undefined;
        const reread = () => {
          try {
            current = editionConfig(root).config;
            invalidateEditionModules(server);
            logger.info(`${CONFIG_FILE} read again`);
            if (current && current.markdown.processor !== processor) logger.warn(processorMismatch(current.markdown.processor, processor));
            server.ws.send({ type: 'full-reload' });
          } catch (e) {
            if (!(e instanceof EditionError)) logger.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
            else {
              logProblems(logger, e.problems);
              showError(errorPayload(e, root));
            }
          }
        };
        const config = join(root, CONFIG_FILE);
        server.watcher.add([join(root, 'sources'), join(root, 'annotations'), config]);
        server.watcher.on('all', (_event, path) => {
          if (path === config) {
            clearTimeout(configTimer);
            configTimer = setTimeout(reread, 100);
            return;
          }
          const rel = relative(root, path).split(sep).join('/');
          if (!/^(sources|annotations)(\/|$)/.test(rel)) return;
          changed.add(rel);
          schedule();
        });
      },
    },
  };
}
