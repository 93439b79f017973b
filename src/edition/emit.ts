/**
 * Emission: the HTML of one document's text and notes, ready to be placed in its page.
 * The source text is HTML-escaped (escape.ts), passages are elements with `id="p<N>"` and
 * `data-passage`, register mentions are links with `data-entity`, and notes are footnotes in
 * the GFM footnote markup (`<sup><a id="fnref-<id>" href="#fn-<id>" data-footnote-ref>`, a
 * `<section data-footnotes>` list numbered in reading order, `fn-<id>` ids and back links),
 * placed at the end of the words they quote, their bodies rendered from checked Markdown
 * (markdown.ts). The structure (comments, headings, verse, boilerplate) becomes nested elements.
 *
 * This replaced one generated MDX page per document (compiled by Astro's Markdown processor)
 * once the benchmark showed MDX compilation and rendering to be a third of the build at 1,000
 * documents, with nothing left for MDX to do: every element was already written here
 * (docs/performance.md has the figures).
 */
import type { Edition, EditionDocument, Passage, Note } from './edition.js';
import { ENTITY_KINDS, type EntityKind } from './edition.js';
import { escapeAttr, escapeHtml } from './escape.js';
import { toSafeHtml, type EntityHref } from './markdown.js';
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

/** Footnote numbers in reading order, assigned as the references are written. */
type Numbering = Map<string, number>;

/** A note reference, as GFM footnotes write it. */
function noteRef(id: string, numbers: Numbering): string {
  const n = numbers.size + 1;
  numbers.set(id, n);
  return `<sup><a href="#fn-${id}" id="fnref-${id}" data-footnote-ref aria-describedby="footnote-label">${n}</a></sup>`;
}

/** The inner HTML of one passage: escaped text with mentions, language spans and note references. */
function passageContent(p: Passage, doc: EditionDocument, notes: Note[], edition: Edition, href: EntityHref, numbers: Numbering): string {
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
    for (const r of refs) if (r.at === at) out += noteRef(r.label, numbers);
    for (const k of kept) {
      if (k.start === at && k.end > at) {
        out += k.open;
        open.push(k);
      }
    }
    const next = sorted[i + 1];
    if (next !== undefined) out += escapeHtml(doc.body.slice(at, next));
  }
  for (let j = open.length - 1; j >= 0; j--) out += open[j]!.close;
  return out;
}

/** The element for one passage, on one line. */
function passageElement(p: Passage, doc: EditionDocument, edition: Edition, href: EntityHref, numbers: Numbering): string {
  const tag = p.role === 'heading' ? 'h2' : p.role === 'comment-title' ? 'h3' : 'p';
  const lang = p.lang !== (doc.meta.languages[0] ?? 'en') || p.dir === 'rtl' ? ` lang="${escapeAttr(p.lang)}" dir="${p.dir}"` : '';
  const content = passageContent(p, doc, doc.notes, edition, href, numbers);
  // Ids of deleted passages that now lead here: old links still land on the nearest surviving passage.
  const former = [...doc.tombstones].filter(([, to]) => to === p.id).map(([id]) => `<span class="passage-former-id" id="${id}"></span>`).join('');
  return (
    // Plain passages need no class (styles select [data-passage]); other roles are marked.
    `<${tag}${p.role === 'text' ? '' : ` class="passage--${p.role}"`} id="${p.id}" data-passage="${escapeAttr(p.n)}">${former}` +
    `<a class="passage-number" href="#${p.id}" aria-label="Passage ${escapeAttr(p.n)}">${escapeHtml(p.n)}</a> ` +
    `<span class="passage-text"${lang}>${content}</span></${tag}>`
  );
}

/** One footnote: the kind's label, the body, the works cited, and a link back to the reference. */
function footnote(n: Note, number: number, edition: Edition, href: EntityHref, worksHref: string): string {
  const kind = `<span class="note-kind" data-kind="${n.kind}">${escapeHtml(NOTE_KINDS[n.kind])}</span> `;
  let body = toSafeHtml(n.body, href);
  // The kind's label opens the first paragraph (or its own, before a list or a quotation).
  body = body.startsWith('<p>') ? `<p>${kind}${body.slice(3)}` : `<p>${kind.trimEnd()}</p>${body}`;
  const cites = n.cites
    .map((c) => {
      const w = edition.works[c.work];
      if (!w) return '';
      return `<a href="${worksHref}#${escapeAttr(c.work)}">${escapeHtml(sourceLabel(w, c.at))}</a>`;
    })
    .filter(Boolean);
  const back = `<a href="#fnref-${n.id}" data-footnote-backref aria-label="Back to reference ${number}">↩</a>`;
  // Short labels that lead to the full reference on the works-cited page (with the work's own
  // link, archived copy and any caution): pages stay light however often a work is cited.
  const end = cites.length
    ? `${body}<span class="note-sources">Sources: ${cites.join('; ')}.</span>${back}`
    : body.endsWith('</p>')
      ? `${body.slice(0, -4)} ${back}</p>`
      : `${body}${back}`;
  return `<li id="fn-${n.id}">${end}</li>`;
}

/** The HTML of a document's text and notes. Deterministic for the same input. */
export function emitDocumentHtml(doc: EditionDocument, edition: Edition, options: EmitOptions = {}): string {
  const href = entityHref(options.base);
  const numbers: Numbering = new Map();
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
        lines.push(`<details class="boilerplate">`, `<summary>${escapeHtml(label)} <span class="boilerplate-hint">(not part of the document: ¶${escapeHtml(ps[k]!.n)}${end - k > 1 ? `–${escapeHtml(ps[end - 1]!.n)}` : ''})</span></summary>`);
        for (let m = k; m < end; m++) lines.push(passageElement(ps[m]!, doc, edition, href, numbers));
        lines.push(`</details>`);
        k = end;
      } else if (p.verse !== undefined) {
        const end = Math.min(to, groupEnd(k, (x) => x.verse));
        lines.push(`<div class="verse">`);
        for (let m = k; m < end; m++) lines.push(passageElement(ps[m]!, doc, edition, href, numbers));
        lines.push(`</div>`);
        k = end;
      } else {
        lines.push(passageElement(p, doc, edition, href, numbers));
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
    if (c.speaker) lines.push(`<p class="comment-speaker">Comment by <span class="speaker">${escapeHtml(c.speaker)}</span></p>`);
    emitRun(i, end);
    lines.push(`</article>`);
    i = end;
  }
  if (doc.notes.length) {
    const base = options.base ?? '/';
    const worksHref = `${base.endsWith('/') ? base : `${base}/`}works/`;
    const byId = new Map(doc.notes.map((n) => [n.id, n]));
    // Every note is anchored to a passage, so every note has a reference; never drop one silently.
    const lost = doc.notes.filter((n) => !numbers.has(n.id)).map((n) => n.id);
    if (lost.length) throw new Error(`${doc.slug}: notes without a place in the text: ${lost.join(', ')}`);
    lines.push('<section data-footnotes="true" class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes</h2>', '<ol>');
    // In reading order: the order their references appear in the text.
    for (const [id, number] of numbers) lines.push(footnote(byId.get(id)!, number, edition, href, worksHref));
    lines.push('</ol>', '</section>');
  }
  return lines.join('');
}
