/**
 * Contributor Markdown (note bodies, register accounts) as data, never as code.
 *
 * The text is parsed as GFM (unified with remark-parse and remark-gfm) and checked:
 * - raw HTML (`<script>`, `<b>`, comments, CDATA) is kept as literal text, never as markup;
 * - links must be http(s), mailto, a site path (`/…`, `#…`) or a register reference
 *   (`person:kianouri`, rewritten to the entry's page); `javascript:`, `data:` and every
 *   other scheme are refused;
 * - images, headings, tables and footnotes have no place in a note and are refused; MDX braces
 *   and `import`/`export` lines are just text to this parser, and are escaped like any text.
 * The checked tree is then written out as HTML (mdast-util-to-hast, hast-util-to-html), or
 * handed on as mdast with its register links resolved (`resolveEntityLinks`).
 */
import type { Root, RootContent, Nodes, Link } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';

/** A problem in a Markdown body, at a 1-based line/column of the body. */
export interface MarkdownIssue {
  line: number;
  col: number;
  message: string;
}

/** A checked Markdown body. */
export interface SafeMarkdown {
  tree: Root;
  /** Register references used as link targets (`person:kianouri`). */
  entityLinks: { ref: string; line: number; col: number }[];
}

const REGISTER_LINK = /^(person|organization|place|event):([a-z0-9][a-z0-9-]*)$/;
const SAFE_URL = /^(https?:\/\/|mailto:|\/(?!\/)|#)/i;

// Built once and frozen: remark-gfm only adds syntax extensions to the parser (no transforms),
// so `parse` alone gives the full GFM tree.
const processor = unified().use(remarkParse).use(remarkGfm).freeze();

/** Parses a body as GFM. */
export function parseGfm(body: string): Root {
  return processor.parse(body);
}

/** Parses and checks a Markdown body. Issues are returned, never thrown. */
export function checkMarkdown(body: string): { result: SafeMarkdown; issues: MarkdownIssue[] } {
  const tree = parseGfm(body);
  const issues: MarkdownIssue[] = [];
  const entityLinks: SafeMarkdown['entityLinks'] = [];
  const at = (node: Nodes) => ({ line: node.position?.start.line ?? 1, col: node.position?.start.column ?? 1 });
  const refuse = (node: Nodes, message: string) => issues.push({ ...at(node), message });

  const walk = (parent: { children: RootContent[] }) => {
    parent.children = parent.children.map((node): RootContent => {
      switch (node.type) {
        case 'html':
          // Raw HTML is shown as the characters the contributor typed.
          return { type: 'text', value: node.value, ...(node.position ? { position: node.position } : {}) };
        case 'image':
        case 'imageReference':
          refuse(node, 'Images are not allowed in notes. Link to the image instead: [description](https://…).');
          return node;
        case 'heading':
          refuse(node, 'Headings are not allowed in notes or register accounts. Use a plain paragraph, with **bold** if needed.');
          return node;
        case 'table':
          refuse(node, 'Tables are not allowed in notes. Use a list instead.');
          return node;
        case 'footnoteDefinition':
        case 'footnoteReference':
          refuse(node, 'A note cannot contain footnotes. Write a second note instead.');
          return node;
        case 'definition':
        case 'linkReference':
          refuse(node, 'Write links inline, as [text](https://…), not as references.');
          return node;
        case 'link':
          checkLink(node);
          break;
        case 'code':
          break;
        default:
          break;
      }
      if ('children' in node) walk(node as { children: RootContent[] });
      return node;
    });
  };
  const checkLink = (node: Link) => {
    const url = node.url.trim();
    const reg = REGISTER_LINK.exec(url);
    if (reg) {
      entityLinks.push({ ref: url, ...at(node) });
      return;
    }
    if (!SAFE_URL.test(url)) {
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
      refuse(
        node,
        scheme
          ? `Links with "${scheme}:" are not allowed. Use an https:// address, a page of this site (/people/…) or a register reference like person:kianouri.`
          : `The link "${url}" is not a full address. Use https://…, a page of this site starting with /, or a register reference like person:kianouri.`,
      );
    }
  };
  walk(tree);
  // Positions served the checks above; the model keeps thousands of these trees without them.
  const strip = (node: Nodes) => {
    delete node.position;
    if ('children' in node) for (const c of node.children) strip(c as Nodes);
  };
  strip(tree);
  if (tree.children.length === 0) issues.push({ line: 1, col: 1, message: 'The text is empty. Write the note below the closing `---`.' });
  return { result: { tree, entityLinks }, issues };
}

/** Where register references point: `person:kianouri` → `/people/kianouri/` (with the site's base). */
export type EntityHref = (ref: string) => string;

/**
 * The checked tree with every register link (`[…](person:kianouri)`) leading to the entry's
 * page (`href`) and carrying its reference as `data-entity` (`link.data.hProperties`): a copy
 * when there is such a link, else the model's tree itself, which the caller must not change.
 * The model's tree, shared by every page that shows it, is left as it is.
 */
export function resolveEntityLinks(md: SafeMarkdown, href: EntityHref): Readonly<Root> {
  if (md.entityLinks.length === 0) return md.tree;
  const copy = structuredClone(md.tree);
  const visit = (node: Nodes) => {
    if (node.type === 'link' && REGISTER_LINK.test(node.url.trim())) {
      const ref = node.url.trim();
      node.url = href(ref);
      node.data = { ...(node.data ?? {}), hProperties: { ...(node.data?.hProperties ?? {}), 'data-entity': ref } };
    }
    if ('children' in node) for (const c of node.children) visit(c as Nodes);
  };
  visit(copy);
  return copy;
}

/** Writes a checked body as HTML (raw HTML was already turned into text). */
export function toSafeHtml(md: SafeMarkdown, href: EntityHref): string {
  return toHtml(toHast(resolveEntityLinks(md, href), { allowDangerousHtml: false }));
}
