/**
 * Which processor compiles the edition's generated MDX pages: the `markdown.processor` field of
 * edition.config.yml (`unified`, the default, or `satteri`), read by astro.config.mjs before
 * Astro starts. A config that cannot be read gives the default here: the integration reads it
 * again in its setup hook and stops the build with the editor's problems, file:line:col.
 */
import { readEditionConfig, type MarkdownProcessorName } from '../edition/index.ts';
import { editionRoot } from './paths.ts';

export function markdownProcessorName(root: string = editionRoot()): MarkdownProcessorName {
  return readEditionConfig(root).config?.markdown.processor ?? 'unified';
}
