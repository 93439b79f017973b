/**
 * remark plugin: a source's words stay words. GFM turns bare addresses in text (`www.…`,
 * `https://…`, `name@host.org`) into links while it parses, whatever the escaping (the MDX
 * serializer escapes every other construct). Inside the generator's passage text
 * (`<span class="passage-text">`), and in the words a note quotes from it
 * (`<span class="note-quote">`), where every character is the source's, those links are
 * undone: their words go back into the text. Links in notes, and the generator's own `<a>`
 * elements (mentions, passage numbers), are left alone.
 */
import type { Nodes, Root } from 'mdast';
import type { MdxJsxTextElement } from 'mdast-util-mdx-jsx';

/**
 * Options: the class (or classes) that mark source text: default `passage-text` (a passage)
 * and `note-quote` (the words a note explains, quoted in the note).
 */
export interface Options {
  className?: string | string[];
}

const hasClass = (node: MdxJsxTextElement, names: string[]) =>
  node.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === 'class' && typeof a.value === 'string' && a.value.split(/\s+/).some((c) => names.includes(c)));

/** Replaces every Markdown link below `node` by its content. */
function unlink(node: Nodes): void {
  if (!('children' in node)) return;
  const out: Nodes[] = [];
  for (const child of node.children as Nodes[]) {
    if (child.type === 'link') {
      for (const c of child.children) unlink(c);
      out.push(...child.children);
    } else {
      unlink(child);
      out.push(child);
    }
  }
  (node as { children: Nodes[] }).children = out;
}

export default function remarkLiteralPassages(options: Options = {}) {
  const names = [options.className ?? ['passage-text', 'note-quote']].flat();
  const visit = (node: Nodes): void => {
    if (node.type === 'mdxJsxTextElement' && hasClass(node, names)) return unlink(node);
    if ('children' in node) for (const c of node.children as Nodes[]) visit(c);
  };
  return (tree: Root) => visit(tree);
}
