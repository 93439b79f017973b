/**
 * The CSL styles citations are written with, taken from registry packages (none is written
 * here), and the few documented changes this edition makes to them.
 *
 * - Chicago Manual of Style 17th edition (full note), notes and bibliography: the CSL project's
 *   `chicago-fullnote-bibliography.csl`, from `@citation/csl-style-chicago-fullnote-bibliography`.
 * - MLA Handbook 9th edition: the CSL project's `modern-language-association.csl`, as shipped
 *   in `rehype-citation` (`dist/node/styles/mla.js`; that package's exports hide the file, so
 *   its text is read from disk and checked).
 * - APA 7th edition: the CSL project's `apa.csl`, as bundled by `@citation-js/plugin-csl`.
 *
 * The changes, each applied by exact text replacement and refused loudly if the style's text no
 * longer matches (a new package version must be looked at, not patched blindly):
 * 1. **The date of access is always given** (all three). The styles give it only for undated
 *    items; an edition's pages change between releases (corrections), and the three manuals
 *    allow it for such content (CMOS 14.12, MLA 9 §5.111, APA 9.16).
 * 2. **Chicago names the edition's version** after its title ("…: An Annotated Edition,
 *    version 0.2.0"), as it does for books; its style prints `version` for books only.
 * 3. **MLA gives the document's description** (its genre: "Cable, translated from Russian")
 *    after the title, as an optional element (MLA 9 §2.106–2.107); its style prints `genre`
 *    for reports only.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';

/** The names the edition's styles are registered under with citation-js. */
export const STYLES = { chicago: 'edition-chicago', mla: 'edition-mla', apa: 'edition-apa' } as const;

/** Resolves packages from this module, else from the working directory (a bundled copy may live elsewhere). */
function resolvePackage(specifier: string): string {
  for (const from of [import.meta.url, join(process.cwd(), 'package.json')]) {
    try {
      return createRequire(from).resolve(specifier);
    } catch {
      /* try the next */
    }
  }
  throw new Error(`Cannot find the package file ${specifier}: run npm install.`);
}

/** Replaces `find` by `replace` in a style, `count` times exactly (or at least once when undefined). */
function patch(style: string, name: string, find: string, replace: string, count?: number): string {
  const found = style.split(find).length - 1;
  if (found === 0 || (count !== undefined && found !== count)) {
    throw new Error(`The ${name} CSL style no longer reads as expected (${found} × "${find.slice(0, 80)}…"): look at the new version before changing src/edition/csl-styles.ts.`);
  }
  return style.split(find).join(replace);
}

/** The body of `<macro name="…">`, wrapped by `wrap`. */
function wrapMacro(style: string, name: string, macro: string, wrap: (body: string) => string): string {
  const open = `<macro name="${macro}">`;
  const start = style.indexOf(open);
  if (start < 0) throw new Error(`The ${name} CSL style has no macro "${macro}": look at the new version before changing src/edition/csl-styles.ts.`);
  const end = style.indexOf('</macro>', start);
  return style.slice(0, start) + open + wrap(style.slice(start + open.length, end)) + style.slice(end);
}

/** Chicago 17th edition, full notes and bibliography, from its registry package. */
export function chicagoStyle(): string {
  const info = JSON.parse(readFileSync(resolvePackage('@citation/csl-style-chicago-fullnote-bibliography/info.json'), 'utf8')) as { id: string; content: string };
  if (info.id !== 'http://www.zotero.org/styles/chicago-fullnote-bibliography') throw new Error(`Unexpected Chicago style ${info.id}.`);
  let style = info.content.replace(/>\s+</g, '><');
  // 1. The date of access, also for dated items (notes: "accessed …"; bibliography: "Accessed …").
  style = patch(style, 'Chicago', '<if variable="issued" match="none"><group delimiter=" "><text term="accessed"', '<if variable="accessed"><group delimiter=" "><text term="accessed"');
  // 2. The container's version after its title, in notes and bibliography.
  const version = '<group delimiter=" "><text term="version"/><text variable="version"/></group>';
  for (const macro of ['container-title-note', 'container-title']) style = wrapMacro(style, 'Chicago', macro, (body) => `<group delimiter=", ">${body}${version}</group>`);
  return style;
}

/** MLA 9th edition, from the copy shipped in rehype-citation. */
export function mlaStyle(): string {
  const file = join(dirname(resolvePackage('rehype-citation')), 'styles', 'mla.js');
  const source = readFileSync(file, 'utf8');
  const m = /^export default `([^`\\$]*)`;\s*$/.exec(source);
  if (!m || !m[1]!.includes('<id>http://www.zotero.org/styles/modern-language-association</id>') || !m[1]!.includes('<title>Modern Language Association 9th edition</title>')) {
    throw new Error(`${file} is not the MLA 9th edition CSL style as expected: look at the new version before changing src/edition/csl-styles.ts.`);
  }
  let style = m[1]!;
  // 1. The date of access, also for dated items.
  style = patch(style, 'MLA', '<macro name="accessed"><choose><if variable="issued" match="none">', '<macro name="accessed"><choose><if variable="accessed">', 1);
  // 3. The document's description after its title.
  style = patch(style, 'MLA', '<text macro="title"/><date variable="original-date"', '<text macro="title"/><text variable="genre" text-case="capitalize-first"/><date variable="original-date"', 1);
  return style;
}

/** APA 7th edition, as bundled with @citation-js/plugin-csl. */
export function apaStyle(): string {
  const config = plugins.config.get('@csl') as { styles: { get(name: string): string } };
  let style = config.styles.get('apa');
  if (!style.includes('<title>APA Style 7th edition</title>')) throw new Error('The bundled APA style is not APA 7th edition: look at the new version before changing src/edition/csl-styles.ts.');
  style = style.replace(/>\s+</g, '><');
  // 1. "Retrieved <date>, from <URL>", also for dated items.
  style = patch(style, 'APA', '<if match="none" variable="issued status"><text term="retrieved"', '<if variable="accessed"><text term="retrieved"', 1);
  return style;
}

let registered = false;

/** The three styles as registered: `[name, CSL XML]` (also handed to the worker that makes citations ahead, src/integration/citations-ahead.ts). */
export function editionStyles(): [string, string][] {
  return [
    [STYLES.chicago, chicagoStyle()],
    [STYLES.mla, mlaStyle()],
    [STYLES.apa, apaStyle()],
  ];
}

/** Registers the three styles with citation-js (once). */
export function registerStyles(): void {
  if (registered) return;
  const config = plugins.config.get('@csl') as { styles: { add(name: string, xml: string): void } };
  for (const [name, xml] of editionStyles()) config.styles.add(name, xml);
  registered = true;
}
