/**
 * remark-literal-passages (./remark-literal-passages.ts) for Astro's Sätteri processor: a
 * source's words stay words. Sätteri's GFM, like remark-gfm, turns bare addresses (`www.…`,
 * `https://…`, `name@host.org`) into links while it parses, whatever the generator's escaping,
 * and it has no option to leave them as text (its GFM options name footnotes only). Sätteri does
 * not run remark plugins; this is the same rule written as a Sätteri mdast plugin: a Markdown
 * link inside the generator's passage text (`<span class="passage-text">`) or inside the words a
 * note quotes from it (`<span class="note-quote">`) is replaced by its content. Links in notes,
 * and the generator's own `<a>` elements (mentions, passage numbers: JSX, not Markdown links),
 * are left alone.
 */
import type { SatteriProcessorOptions } from '@astrojs/markdown-satteri';
import type { Link, Nodes } from 'mdast';

/** Sätteri's plugin types, as @astrojs/markdown-satteri passes them on. */
type MdastPluginDefinition = Exclude<NonNullable<SatteriProcessorOptions['mdastPlugins']>[number], ((...args: never[]) => unknown) | readonly unknown[] | null | undefined | false>;
type MdastVisitorContext = Parameters<NonNullable<MdastPluginDefinition['link']>>[1];

/** The classes that mark source text (as remark-literal-passages' default). */
const SOURCE_TEXT = ['passage-text', 'note-quote'];

type Parent = Readonly<Nodes> | undefined;

const isSourceText = (node: Parent): boolean =>
  node?.type === 'mdxJsxTextElement' &&
  node.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === 'class' && typeof a.value === 'string' && a.value.split(/\s+/).some((c) => SOURCE_TEXT.includes(c)));

function insideSourceText(node: Readonly<Link>, ctx: MdastVisitorContext): boolean {
  for (let p: Parent = ctx.parent(node); p; p = p.type === 'root' ? undefined : ctx.parent(p)) if (isSourceText(p)) return true;
  return false;
}

const satteriLiteralPassages: MdastPluginDefinition = {
  name: 'literal-passages',
  link(node, ctx) {
    if (insideSourceText(node, ctx)) ctx.replaceNode(node, [...node.children]);
  },
};

export default satteriLiteralPassages;
