/**
 * @astrojs/mdx's transform of `.mdx` modules (its Vite plugin `@mdx-js/rolldown`), set up from a
 * project's Astro config by the integration's own hooks, as Astro sets it up for a build: for
 * compiling pages outside Vite (core-worker.mjs, compile-ahead.ts).
 *
 * Plain JavaScript: the worker thread imports it with Node alone.
 *
 * `userConfig`: the Astro config module's default export; `settings`: { markdown (Astro's
 * resolved markdown settings but the processor, which is the config's own), srcDir, root (file
 * URLs), sourcemap (Vite's build.sourcemap) }. Resolves with `(code, id) => { code, map, meta }`.
 */
export async function mdxTransform(userConfig, settings) {
  const mdx = [userConfig.integrations ?? []].flat(Infinity).find((i) => i?.name === '@astrojs/mdx');
  if (!mdx) throw new Error('no @astrojs/mdx integration in the Astro config');
  const config = {
    ...userConfig,
    root: new URL(settings.root),
    srcDir: new URL(settings.srcDir),
    markdown: { ...settings.markdown, processor: userConfig.markdown?.processor },
  };
  const silent = { info() {}, warn() {}, error() {}, debug() {} };
  const plugins = [];
  await mdx.hooks['astro:config:setup']({
    config,
    command: 'build',
    isRestart: false,
    logger: silent,
    updateConfig: (c) => plugins.push(...[c.vite?.plugins ?? []].flat(Infinity)),
    addPageExtension() {},
    addContentEntryType() {},
    addRenderer() {},
  });
  await mdx.hooks['astro:config:done']({ config, logger: silent, setAdapter() {}, injectTypes() {}, buildOutput: 'static' });
  const plugin = plugins.find((p) => p?.name === '@mdx-js/rolldown');
  if (!plugin || typeof plugin.transform?.handler !== 'function') throw new Error('@astrojs/mdx gave no transform');
  plugin.configResolved?.({ build: { sourcemap: settings.sourcemap }, plugins: [] });
  return async (code, id) => {
    const result = await plugin.transform.handler.call({}, code, id);
    return { code: result.code, map: result.map ?? null, meta: result.meta };
  };
}
