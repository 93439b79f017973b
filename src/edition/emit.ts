/**
 * Emission: one MDX page per document. The text is escaped character by character
 * (escape.ts), passages are elements with `id="p<N>"` and `data-passage`, register
 * mentions are links with `data-entity`, and notes are GFM footnotes (`[^note-id]`)
 * placed at the end of the words they quote, their bodies written as MDX-safe
 * Markdown (markdown.ts). The structure (comments, headings, verse, boilerplate)
 * becomes nested elements.
 */
import type { Edition, EditionDocument, Passage, Note } from './edition.js';
import { ENTITY_KINDS, type EntityKind } from './edition.js';
import { escapeAttr, escapeMdxText } from './escape.js';
import { toSafeMdx, type EntityHref } from './markdown.js';
import { NOTE_KINDS } from './schema.js';
import { sourceLabel } from './works.js';

/** Options for emission. */
export interface EmitOptions {
  /** The site's base path, with a trailing slash (`/` or `/edition/`). Default `/`. */
  base?: string;
}

/** `person:kianouri` → `/people/kianouri/` under the base. */
export function entityHref(base = '/'): EntityHref {
  const b = base.endsWith('/') ? base : `${base}/`;
  return (ref) => {
    const [kind, id] = ref.split(':') as [EntityKind, string];
    return `${b}${ENTITY_KINDS[kind].folder}/${id}/`;
  };
}

interface Mark {
  start: number;
  end: number;
  open: string;
  close: string;
}

/** The inner MDX of one passage: escaped text with mentions, language spans and note references. */
function passageContent(p: Passage, doc: EditionDocument, notes: Note[], edition: Edition, href: EntityHref): string {
  const marks: Mark[] = [];
  for (const s of p.spans) {
    marks.push({ start: s.start, end: s.end, open: `<span lang="${escapeAttr(s.lang)}" dir="${s.dir}">`, close: '</span>' });
  }
  for (const m of doc.mentions) {
    if (m.passage !== p.id || !m.inText) continue;
    const entry = edition.entries.get(m.ref);
    if (!entry) continue;
    marks.push({
      start: m.start,
      end: m.end,
      open: `<a href="${escapeAttr(href(m.ref))}" data-entity="${escapeAttr(m.ref)}">`,
      close: '</a>',
    });
  }
  // Keep only properly nested marks (outer first); a mark that crosses another is dropped.
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mark[] = [];
  for (const m of marks) {
    const crosses = kept.some((k) => m.start < k.end && m.end > k.end && m.start > k.start);
    const duplicate = kept.some((k) => k.start === m.start && k.end === m.end && k.open.startsWith('<a') && m.open.startsWith('<a'));
    if (!crosses && !duplicate) kept.push(m);
  }
  // Note references go at the end of the quote, moved past any mention they would split.
  const refs = notes
    .filter((n) => n.passage === p.id)
    .map((n) => {
      let at = Math.min(n.span.end, p.end);
      for (const k of kept) if (k.start < at && at < k.end) at = k.end;
      return { at, label: n.id };
    });
  const points = new Set<number>([p.start, p.end]);
  for (const k of kept) {
    points.add(k.start);
    points.add(k.end);
  }
  for (const r of refs) points.add(r.at);
  const sorted = [...points].filter((x) => x >= p.start && x <= p.end).sort((a, b) => a - b);
  let out = '';
  const open: Mark[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const at = sorted[i]!;
    // close marks ending here (innermost first)
    for (let j = open.length - 1; j >= 0; j--) {
      if (open[j]!.end === at) {
        out += open[j]!.close;
        open.splice(j, 1);
      }
    }
    for (const r of refs) if (r.at === at) out += `[^${r.label}]`;
    for (const k of kept) {
      if (k.start === at && k.end > at) {
        out += k.open;
        open.push(k);
      }
    }
    const next = sorted[i + 1];
    if (next !== undefined) out += escapeMdxText(doc.body.slice(at, next));
  }
  for (let j = open.length - 1; j >= 0; j--) out += open[j]!.close;
  return out;
}

/** The element for one passage, on one line. */
function passageElement(p: Passage, doc: EditionDocument, edition: Edition, href: EntityHref): string {
  const tag = p.role === 'heading' ? 'h2' : p.role === 'comment-title' ? 'h3' : 'p';
  const lang = p.lang !== (doc.meta.languages[0] ?? 'en') || p.dir === 'rtl' ? ` lang="${escapeAttr(p.lang)}" dir="${p.dir}"` : '';
  const content = passageContent(p, doc, doc.notes, edition, href);
  // Ids of deleted passages that now lead here: old links still land on the nearest surviving passage.
  const former = [...doc.tombstones].filter(([, to]) => to === p.id).map(([id]) => `<span class="passage-former-id" id="${id}"></span>`).join('');
  return (
    `<${tag} class="${p.role === 'text' ? 'passage' : `passage passage--${p.role}`}" id="${p.id}" data-passage="${escapeAttr(p.n)}">${former}` +
    `<a class="passage-number" href="#${p.id}" aria-label="Passage ${escapeAttr(p.n)}">${escapeMdxText(p.n)}</a> ` +
    `<span class="passage-text"${lang}>${content}</span></${tag}>`
  );
}

/** One footnote definition: the kind's label, the body, then the works cited. */
function footnote(n: Note, edition: Edition, href: EntityHref, worksHref: string): string {
  const label = NOTE_KINDS[n.kind];
  const body = toSafeMdx(n.body, href);
  const cites = n.cites
    .map((c) => {
      const w = edition.works[c.work];
      if (!w) return '';
      const label = sourceLabel(w, c.at);
      const target = w.url ?? `${worksHref}#${c.work}`;
      return `<a href="${escapeAttr(target)}">${escapeMdxText(label)}</a>`;
    })
    .filter(Boolean);
  // Short labels keep pages light; the full references are on the works-cited page.
  const sources = cites.length ? `\n\n<span class="note-sources">Sources: ${cites.join('; ')}.</span>` : '';
  const text = `<span class="note-kind" data-kind="${n.kind}">${escapeMdxText(label)}</span> ${body}${sources}`;
  // Continuation lines of a footnote definition are indented by four spaces.
  return `[^${n.id}]: ${text.split('\n').map((l, i) => (i === 0 || l === '' ? l : `    ${l}`)).join('\n')}`;
}

/** The MDX page body for a document. Deterministic for the same input. */
export function emitDocumentMdx(doc: EditionDocument, edition: Edition, options: EmitOptions = {}): string {
  const href = entityHref(options.base);
  const lines: string[] = [];
  let i = 0;
  const ps = doc.passages;
  const groupEnd = (from: number, key: (p: Passage) => number | undefined) => {
    let j = from;
    const k = key(ps[from]!);
    while (j < ps.length && key(ps[j]!) === k) j++;
    return j;
  };
  const emitRun = (from: number, to: number) => {
    let k = from;
    while (k < to) {
      const p = ps[k]!;
      if (p.boilerplate !== undefined) {
        const end = Math.min(to, groupEnd(k, (x) => x.boilerplate));
        const label = doc.boilerplate[p.boilerplate]!.label;
        lines.push(`<details class="boilerplate">`, `<summary>${escapeMdxText(label)} <span class="boilerplate-hint">(not part of the document: ¶${escapeMdxText(ps[k]!.n)}${end - k > 1 ? `–${escapeMdxText(ps[end - 1]!.n)}` : ''})</span></summary>`);
        for (let m = k; m < end; m++) lines.push(passageElement(ps[m]!, doc, edition, href));
        lines.push(`</details>`, '');
        k = end;
      } else if (p.verse !== undefined) {
        const end = Math.min(to, groupEnd(k, (x) => x.verse));
        lines.push(`<div class="verse">`);
        for (let m = k; m < end; m++) lines.push(passageElement(ps[m]!, doc, edition, href));
        lines.push(`</div>`, '');
        k = end;
      } else {
        lines.push(passageElement(p, doc, edition, href), '');
        k++;
      }
    }
  };
  while (i < ps.length) {
    const p = ps[i]!;
    if (p.comment === undefined) {
      const end = groupEnd(i, (x) => (x.comment === undefined ? -1 : x.comment));
      emitRun(i, end);
      i = end;
      continue;
    }
    const c = doc.comments[p.comment]!;
    const end = groupEnd(i, (x) => x.comment);
    const labelledBy = c.title ? ` aria-labelledby="${c.title}"` : ` aria-label="Comment ${p.comment + 1}"`;
    lines.push(`<article class="comment" data-comment="${p.comment + 1}"${labelledBy}>`);
    if (c.speaker) lines.push(`<p class="comment-speaker">Comment by <span class="speaker">${escapeMdxText(c.speaker)}</span></p>`);
    emitRun(i, end);
    lines.push(`</article>`, '');
    i = end;
  }
  const notes = doc.notes;
  if (notes.length) {
    lines.push('');
    const base = options.base ?? '/';
    const worksHref = `${base.endsWith('/') ? base : `${base}/`}works/`;
    for (const n of notes) lines.push(footnote(n, edition, href, worksHref), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
