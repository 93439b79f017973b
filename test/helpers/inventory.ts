/**
 * What a document page promises its readers and the links already published to it: every
 * passage (id, visible number, exact text), every footnote (id, the passage it is referenced
 * from, its text without the back link and the "on ¶N: “words”" line), every register link
 * (`data-entity`, target, words), and every URL in the text. Used to hold a rebuilt page to the one published before.
 */
import { selectAll, select } from 'hast-util-select';
import type { Element, Root } from 'hast';
import { textOf } from './build.ts';

export interface PageInventory {
  passages: { id: string; n: string; text: string }[];
  footnotes: { id: string; from: string; text: string }[];
  entities: { entity: string; href: string; words: string; passage: string }[];
  urls: string[];
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The apparatus of a footnote, not the note's words: its back links, and the passage and words it explains. */
const apparatus = (c: Element) => c.properties?.dataFootnoteBackref !== undefined || (Array.isArray(c.properties?.className) && c.properties.className.includes('note-anchor'));

/** Text of a footnote item without its apparatus (back links; "on ¶N: “words”"). */
function noteText(li: Element): string {
  const copy = structuredClone(li);
  const strip = (el: Element) => {
    el.children = el.children.filter((c) => !(c.type === 'element' && apparatus(c)));
    for (const c of el.children) if (c.type === 'element') strip(c);
  };
  strip(copy);
  return squash(textOf(copy));
}

export function inventory(tree: Root): PageInventory {
  const text = select('section.text', tree) ?? tree;
  const passages = selectAll('[data-passage]', text).map((p) => ({
    id: String(p.properties.id),
    n: String(p.properties.dataPassage),
    text: textOf(select('.passage-text', p)!),
  }));
  const footnotes = selectAll('section[data-footnotes] li[id^="fn-"]', text).map((li) => {
    const id = String(li.properties.id);
    const ref = selectAll('[data-passage]', text).find((p) => selectAll('a[data-footnote-ref]', p).some((a) => String(a.properties.href) === `#${id}`));
    return { id, from: ref ? String(ref.properties.id) : '', text: noteText(li) };
  });
  const entities = selectAll('[data-passage]', text).flatMap((p) =>
    selectAll('a[data-entity]', p).map((a) => ({ entity: String(a.properties.dataEntity), href: String(a.properties.href), words: textOf(a), passage: String(p.properties.id) })),
  );
  const urls = [...new Set(selectAll('a[href]', text).map((a) => String(a.properties.href)))].sort();
  return { passages, footnotes, entities, urls };
}
