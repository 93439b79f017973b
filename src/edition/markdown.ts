/**
 * Contributor Markdown (note bodies, register accounts) as data, never as code.
 *
 * The text is parsed as GFM (micromark + mdast-util-gfm, the parsers behind
 * remark-gfm; plain paragraphs and links by markdown-plain.ts, to the same tree) and checked:
 * - raw HTML (`<script>`, `<b>`, comments, CDATA) is kept as literal text, never as markup;
 * - links must be http(s), mailto, a site path (`/…`, `#…`) or a register reference
 *   (`person:kianouri`, rewritten to the entry's page); `javascript:`, `data:` and every
 *   other scheme are refused;
 * - images, headings, tables and footnotes have no place in a note and are refused; MDX braces
 *   and `import`/`export` lines are just text to this parser, and are escaped like any text.
 * The checked tree is then written out as HTML (footnotes, register accounts).
 */
import type { Root, RootContent, Nodes, Link } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import { gfm } from 'micromark-extension-gfm';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { plainMarkdown } from './markdown-plain.js';

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

// The GFM extensions are built once: building them per note costs more than parsing a short note.
const PARSE_OPTIONS = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };
// GFM without its literal autolinks (bare `https://…`, `www.…`, e-mail addresses), which cost as
// much as the rest of the parse together. They cannot occur in a body without one of these
// strings, and such a body parses to the same tree either way (test/unit/markdown.test.ts).
const PARSE_OPTIONS_NO_AUTOLINK = {
  extensions: [gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()],
  mdastExtensions: [gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()],
};
const MAY_AUTOLINK = /https?:\/\/|www\.|@|mailto:|xmpp:/i;
// And the other GFM constructs (tables, strikethrough, footnotes, task-list items) need one of
// these: a body with none of them is CommonMark, which parses faster still.
const MAY_BE_GFM = /[|~]|\[\^|\[[^\]]{0,2}\]/;

/** Parses a body as GFM. */
export function parseGfm(body: string): Root {
  if (MAY_AUTOLINK.test(body)) return fromMarkdown(body, PARSE_OPTIONS);
  return MAY_BE_GFM.test(body) ? fromMarkdown(body, PARSE_OPTIONS_NO_AUTOLINK) : fromMarkdown(body);
}

/** Parses and checks a Markdown body. Issues are returned, never thrown. */
export function checkMarkdown(body: string): { result: SafeMarkdown; issues: MarkdownIssue[] } {
  // Plain paragraphs and links are read directly; micromark reads everything else (markdown-plain.ts).
  const tree = plainMarkdown(body) ?? parseGfm(body);
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

function resolveLinks(md: SafeMarkdown, href: EntityHref): Root {
  // The model's tree is shared by every page that shows it: rewrite a copy, and only if needed.
  if (md.entityLinks.length === 0) return md.tree;
  const copy = structuredClone(md.tree);
  const visit = (node: Nodes) => {
    if (node.type === 'link' && REGISTER_LINK.test(node.url.trim())) {
      const ref = node.url.trim();
      node.url = href(ref);
      node.data = { ...(node.data ?? {}), hProperties: { 'data-entity': ref } };
    }
    if ('children' in node) for (const c of node.children) visit(c as Nodes);
  };
  visit(copy);
  return copy;
}

/** Writes a checked body as HTML (raw HTML was already turned into text). */
export function toSafeHtml(md: SafeMarkdown, href: EntityHref): string {
  return plainHtml(md.tree, href) ?? toHtml(toHast(resolveLinks(md, href), { allowDangerousHtml: false }));
}

/** Characters that HTML text or a quoted attribute would need escaped: left to hast-util-to-html. */
const NEEDS_ESCAPE = /[&<>"]/;

/**
 * The HTML of a tree of paragraphs holding only text, links and emphasis of text (what
 * markdown-plain.ts reads), written directly, exactly as mdast-util-to-hast and
 * hast-util-to-html write it; null for any other tree, or any text or address that would need
 * escaping. Building the hast tree and serialising it costs about as much as the rest of a
 * document page's HTML together; test/unit/markdown-plain.test.ts holds the two equal.
 */
export function plainHtml(tree: Root, href: EntityHref): string | null {
  const blocks: string[] = [];
  for (const block of tree.children) {
    if (block.type !== 'paragraph') return null;
    let html = '<p>';
    for (const node of block.children) {
      if (node.type === 'text') {
        if (NEEDS_ESCAPE.test(node.value)) return null;
        html += node.value;
        continue;
      }
      const inner = node.type === 'link' || node.type === 'emphasis' ? node.children : null;
      if (!inner || inner.length !== 1 || inner[0]!.type !== 'text' || NEEDS_ESCAPE.test(inner[0]!.value) || node.data) return null;
      const text = inner[0]!.value;
      if (node.type === 'emphasis') {
        html += `<em>${text}</em>`;
        continue;
      }
      const link = node as Link;
      if (link.title !== null && link.title !== undefined) return null;
      const ref = link.url.trim();
      const entity = REGISTER_LINK.test(ref);
      const url = normalizeUri(entity ? href(ref) : link.url);
      if (NEEDS_ESCAPE.test(url)) return null;
      html += entity ? `<a href="${url}" data-entity="${ref}">${text}</a>` : `<a href="${url}">${text}</a>`;
    }
    blocks.push(`${html}</p>`);
  }
  return blocks.join('\n');
}
