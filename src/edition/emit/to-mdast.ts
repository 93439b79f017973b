/**
 * A document of the model as an mdast tree, ready to be written as MDX (to-mdx.ts).
 *
 * Every character of a source, a note or a structure label is a `text` node here: nothing is
 * concatenated into markup, so the serializer escapes it for MDX. The generator's own markup is
 * JSX elements with literal attribute values (never expressions):
 * - a passage is `<p|h2|h3 id="p<N>" data-passage="<N>">` holding its number, a link to itself,
 *   and `<span class="passage-text">` with the text (a heading's has `id="p<N>-words"` and names
 *   the heading and its comment through `aria-labelledby`, so the number is not part of the
 *   name); ids of deleted passages that now lead here are empty `<span id>` at its start;
 * - register mentions are `<a href data-entity="<kind>:<id>">`, other languages
 *   `<span lang dir>`;
 * - comments of a thread are `<article class="comment">`, verse `<div class="verse">`,
 *   boilerplate `<details class="boilerplate">` with a `<summary>`;
 * - every note is a GFM footnote: a `footnoteReference` right after the words it quotes (moved
 *   past a mention it would split), and a `footnoteDefinition` with the note's kind, the
 *   passage and words it explains (`<span class="note-anchor">`), its body and sources. remark-gfm and remark-rehype then number them in reading order and write the
 *   footnote section with back links.
 */
import type { Root, RootContent, PhrasingContent, BlockContent, Paragraph, FootnoteDefinition, Nodes } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Edition, EditionDocument, Note, Passage } from '../edition.js';
import { ENTITY_KINDS, type EntityKind } from '../edition.js';
import type { EntityHref } from '../markdown.js';

const REGISTER_LINK = /^(person|organization|place|event):[a-z0-9][a-z0-9-]*$/;
import { NOTE_KINDS } from '../schema.js';
import { sourceLabel } from '../works.js';
import { PAGE_BUDGET_KB, workHref } from '../paging.js';

/** Options for {@link documentToMdast}. */
export interface ToMdastOptions {
  /** The site's base path, with a trailing slash (`/` or `/edition/`). Default `/`. */
  base?: string;
  /** The page budget in bytes (src/edition/paging.ts), which decides the works-cited page a note's sources link to. */
  pageBudget?: number;
}

/** `person:kianouri` → `/people/kianouri/` under the base. */
export function entityHref(base = '/'): EntityHref {
  const b = base.endsWith('/') ? base : `${base}/`;
  return (ref) => {
    const [kind, id] = ref.split(':') as [EntityKind, string];
    return `${b}${ENTITY_KINDS[kind].folder}/${id}/`;
  };
}

type Attrs = Record<string, string | undefined>;

function attributes(attrs: Attrs): MdxJsxAttribute[] {
  return Object.entries(attrs)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([name, value]) => ({ type: 'mdxJsxAttribute', name, value }));
}

/** An element inside a line of text. */
export function jsxText(name: string, attrs: Attrs, children: PhrasingContent[] = []): MdxJsxTextElement {
  return { type: 'mdxJsxTextElement', name, attributes: attributes(attrs), children };
}

/** An element that holds blocks. */
export function jsxFlow(name: string, attrs: Attrs, children: (BlockContent | MdxJsxFlowElement | Paragraph)[]): MdxJsxFlowElement {
  return { type: 'mdxJsxFlowElement', name, attributes: attributes(attrs), children: children as MdxJsxFlowElement['children'] };
}

/**
 * A block that is one element written on one line (`<p …>…</p>`): MDX reads it as a paragraph
 * holding that element and unwraps it, so the element is not nested in a `<p>` of its own.
 */
const line = (el: MdxJsxTextElement): Paragraph => ({ type: 'paragraph', children: [el] });

const text = (value: string): PhrasingContent => ({ type: 'text', value });

interface Mark {
  start: number;
  end: number;
  element: (children: PhrasingContent[]) => PhrasingContent;
  link: boolean;
}

/** The phrasing content of one passage: text with mentions, language spans and note references. */
function passageContent(p: Passage, doc: EditionDocument, edition: Edition, href: EntityHref, referenced: Set<string>): PhrasingContent[] {
  const marks: Mark[] = [];
  for (const s of p.spans) marks.push({ start: s.start, end: s.end, link: false, element: (c) => jsxText('span', { lang: s.lang, dir: s.dir }, c) });
  for (const m of doc.mentions) {
    if (m.passage !== p.id || !m.inText || !edition.entries.has(m.ref)) continue;
    marks.push({ start: m.start, end: m.end, link: true, element: (c) => jsxText('a', { href: href(m.ref), 'data-entity': m.ref }, c) });
  }
  // Keep only properly nested marks (outer first); a mark that crosses another, or a second
  // link over the same words, is dropped.
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mark[] = [];
  for (const m of marks) {
    const crosses = kept.some((k) => m.start < k.end && m.end > k.end && m.start > k.start);
    const duplicate = m.link && kept.some((k) => k.link && k.start === m.start && k.end === m.end);
    if (!crosses && !duplicate) kept.push(m);
  }
  // A note's reference goes at the end of its quote, moved past any mark it would split.
  const refs = doc.notes
    .filter((n) => n.passage === p.id)
    .map((n) => {
      let at = Math.min(n.span.end, p.end);
      for (const k of kept) if (k.start < at && at < k.end) at = k.end;
      return { at, id: n.id };
    })
    .sort((a, b) => a.at - b.at);

  const placed = new Set<string>();
  /**
   * The content of [from, to) holding `inside` (properly nested marks, outer first). Note
   * references at the edges are placed only at the top level, so that a reference at the end of
   * a mention follows the link instead of entering it.
   */
  const build = (from: number, to: number, inside: Mark[], top: boolean): PhrasingContent[] => {
    const out: PhrasingContent[] = [];
    const plain = (a: number, b: number) => {
      for (const r of refs) {
        if (placed.has(r.id) || r.at < a || r.at > b || (!top && (r.at === from || r.at === to))) continue;
        if (r.at > a) out.push(text(doc.body.slice(a, r.at)));
        a = r.at;
        placed.add(r.id);
        out.push({ type: 'footnoteReference', identifier: r.id, label: r.id });
      }
      if (b > a) out.push(text(doc.body.slice(a, b)));
    };
    let at = from;
    let i = 0;
    while (i < inside.length) {
      const m = inside[i]!;
      let j = i + 1;
      while (j < inside.length && inside[j]!.start < m.end) j++;
      plain(at, m.start);
      out.push(m.element(build(m.start, m.end, inside.slice(i + 1, j), false)));
      at = m.end;
      i = j;
    }
    plain(at, to);
    return out;
  };
  const content = build(p.start, p.end, kept, true);
  for (const r of refs) if (placed.has(r.id)) referenced.add(r.id);
  return content;
}

/** One passage, on one line. */
function passageBlock(p: Passage, doc: EditionDocument, edition: Edition, href: EntityHref, referenced: Set<string>): Paragraph {
  const tag = p.role === 'heading' ? 'h2' : p.role === 'comment-title' ? 'h3' : 'p';
  const other = p.lang !== (doc.meta.languages[0] ?? 'en') || p.dir === 'rtl';
  // Ids of deleted passages that now lead here: old links still land on the nearest surviving passage.
  const former = [...doc.tombstones].filter(([, to]) => to === p.id).map(([id]) => jsxText('span', { class: 'passage-former-id', id }));
  // A heading is named by its words alone, not by the number link before them.
  const heading = tag !== 'p';
  return line(
    jsxText('' + tag, { class: p.role === 'text' ? undefined : `passage--${p.role}`, id: p.id, 'data-passage': p.n, 'aria-labelledby': heading ? `${p.id}-words` : undefined }, [
      ...former,
      jsxText('a', { class: 'passage-number', href: `#${p.id}`, 'aria-label': `Passage ${p.n}` }, [text(p.n)]),
      text(' '),
      jsxText('span', { class: 'passage-text', id: heading ? `${p.id}-words` : undefined, lang: other ? p.lang : undefined, dir: other ? p.dir : undefined }, passageContent(p, doc, edition, href, referenced)),
    ]),
  );
}

/** Words of a quote as a note names them: whitespace collapsed, a long quote shortened to its first and last words. */
export function quoteExcerpt(words: string, head = 6, tail = 4): string {
  const all = words.trim().split(/\s+/).filter(Boolean);
  return all.length > head + tail + 1 ? `${all.slice(0, head).join(' ')} … ${all.slice(-tail).join(' ')}` : all.join(' ');
}

/**
 * Which words a note explains: `on ¶14: “the quoted words”` (the passage's number and the
 * quote, shortened when long), so that a note read apart from its marker — in the list of
 * notes, opened on a phone, on paper — still says what it is about. The words are the source's
 * (in the passage's language), kept as text by remark-literal-passages (class `note-quote`).
 */
function noteAnchor(n: Note, doc: EditionDocument): PhrasingContent[] {
  const p = doc.passages.find((x) => x.id === n.passage);
  if (!p) return [];
  const other = p.lang !== (doc.meta.languages[0] ?? 'en') || p.dir === 'rtl';
  const words = quoteExcerpt(doc.body.slice(n.span.start, n.span.end));
  return [
    jsxText('span', { class: 'note-anchor' }, [
      text(`on ¶${p.n}: “`),
      jsxText('span', { class: 'note-quote', lang: other ? p.lang : undefined, dir: other ? p.dir : undefined }, [text(words)]),
      text('”'),
    ]),
  ];
}

/** A note as a footnote definition: its kind, which words it explains, its body, its sources. */
function footnoteDefinition(n: Note, doc: EditionDocument, edition: Edition, href: EntityHref, worksHref: (key: string) => string): FootnoteDefinition {
  // The model's tree is shared: work on a copy. Register references (`person:kianouri`) become
  // the generator's own <a href data-entity> element; other links stay Markdown links.
  const body = structuredClone(n.body.tree.children) as RootContent[];
  const entityLinks = (node: Nodes): void => {
    if (!('children' in node)) return;
    const children = node.children as Nodes[];
    children.forEach((c, i) => {
      if (c.type === 'link' && REGISTER_LINK.test(c.url.trim())) {
        const ref = c.url.trim();
        children[i] = jsxText('a', { href: href(ref), 'data-entity': ref }, c.children);
      }
      entityLinks(children[i]!);
    });
  };
  for (const b of body) entityLinks(b);
  const kind = jsxText('span', { class: 'note-kind', 'data-kind': n.kind }, [text(NOTE_KINDS[n.kind])]);
  const anchor = noteAnchor(n, doc);
  const lead: PhrasingContent[] = [kind, ...(anchor.length ? [text(' '), ...anchor] : [])];
  const first = body[0];
  const children: (BlockContent | Paragraph)[] = [];
  // The kind's label and the words explained open the first paragraph (or their own, before a list or a quotation).
  if (first?.type === 'paragraph') {
    first.children.unshift(...lead, text(' '));
    children.push(...(body as BlockContent[]));
  } else children.push({ type: 'paragraph', children: lead }, ...(body as BlockContent[]));
  const cites = n.cites.flatMap((c, i): PhrasingContent[] => {
    const w = edition.works[c.work];
    if (!w) return [];
    return [...(i > 0 ? [text('; ')] : []), jsxText('a', { href: worksHref(c.work) }, [text(sourceLabel(w, c.at))])];
  });
  // Short labels lead to the full reference on the works-cited page. The closing full stop stays
  // outside the element, so that this is a paragraph of its own and the back link joins its line.
  // A declared gap in the sources (authority_gap) is said where the sources are.
  const gap = n.authorityGap ? [text(' '), jsxText('span', { class: 'note-gap' }, [text(`No authoritative work covers this: ${n.authorityGap.replace(/\.?$/, '.')}`)])] : [];
  if (cites.length) children.push({ type: 'paragraph', children: [jsxText('span', { class: 'note-sources' }, [text('Sources: '), ...cites]), text('.'), ...gap] });
  return { type: 'footnoteDefinition', identifier: n.id, label: n.id, children: children as FootnoteDefinition['children'] };
}

/**
 * The mdast of a document's text and notes. Throws if a note would have no reference in the
 * text: the build stops rather than publish a page with a note missing.
 */
export function documentToMdast(doc: EditionDocument, edition: Edition, options: ToMdastOptions = {}): Root {
  const base = options.base ?? '/';
  const href = entityHref(base);
  const referenced = new Set<string>();
  const ps = doc.passages;
  const out: RootContent[] = [];
  const groupEnd = (from: number, key: (p: Passage) => number | undefined) => {
    let j = from;
    const k = key(ps[from]!);
    while (j < ps.length && key(ps[j]!) === k) j++;
    return j;
  };
  const run = (from: number, to: number): (Paragraph | MdxJsxFlowElement)[] => {
    const blocks: (Paragraph | MdxJsxFlowElement)[] = [];
    let k = from;
    while (k < to) {
      const p = ps[k]!;
      if (p.boilerplate !== undefined) {
        const end = Math.min(to, groupEnd(k, (x) => x.boilerplate));
        const label = doc.boilerplate[p.boilerplate]!.label;
        const range = `¶${ps[k]!.n}${end - k > 1 ? `–${ps[end - 1]!.n}` : ''}`;
        blocks.push(
          jsxFlow('details', { class: 'boilerplate' }, [
            line(jsxText('summary', {}, [text(`${label} `), jsxText('span', { class: 'boilerplate-hint' }, [text(`(not part of the document: ${range})`)])])),
            ...ps.slice(k, end).map((x) => passageBlock(x, doc, edition, href, referenced)),
          ]),
        );
        k = end;
      } else if (p.verse !== undefined) {
        const end = Math.min(to, groupEnd(k, (x) => x.verse));
        blocks.push(jsxFlow('div', { class: 'verse' }, ps.slice(k, end).map((x) => passageBlock(x, doc, edition, href, referenced))));
        k = end;
      } else {
        blocks.push(passageBlock(p, doc, edition, href, referenced));
        k++;
      }
    }
    return blocks;
  };
  let i = 0;
  while (i < ps.length) {
    const p = ps[i]!;
    if (p.comment === undefined) {
      const end = groupEnd(i, (x) => (x.comment === undefined ? -1 : x.comment));
      out.push(...run(i, end));
      i = end;
      continue;
    }
    const c = doc.comments[p.comment]!;
    const end = groupEnd(i, (x) => x.comment);
    const speaker = c.speaker ? [line(jsxText('p', { class: 'comment-speaker' }, [text('Comment by '), jsxText('span', { class: 'speaker' }, [text(c.speaker)])]))] : [];
    out.push(
      jsxFlow(
        'article',
        { class: 'comment', 'data-comment': String(p.comment + 1), 'aria-labelledby': c.title ? `${c.title}-words` : undefined, 'aria-label': c.title ? undefined : `Comment ${p.comment + 1}` },
        [...speaker, ...run(i, end)],
      ),
    );
    i = end;
  }
  const lost = doc.notes.filter((n) => !referenced.has(n.id)).map((n) => n.id);
  if (lost.length) throw new Error(`${doc.slug}: notes without a place in the text: ${lost.join(', ')}`);
  const budget = options.pageBudget ?? PAGE_BUDGET_KB * 1024;
  const worksHref = (key: string) => workHref(edition, key, base, budget);
  for (const n of doc.notes) out.push(footnoteDefinition(n, doc, edition, href, worksHref));
  return { type: 'root', children: out };
}
