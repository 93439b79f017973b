/**
 * The search itself, loaded by search-client.ts on the reader's first search: Pagefind, the
 * result lines and the messages. Documents and the register are searched apart (the `register`
 * filter of src/edition/search-records.ts), so register entries never take the place of
 * passages: an entry whose name answers the query heads the list, once; entries and works found
 * in their accounts follow the passages under their own heading.
 *
 * Each line quotes its passage, note or account in its own words and script, cut from the text
 * as written and marked where the query matched (src/site/search-match.ts); a passage found only
 * through one of an entry's spellings is marked where the text names that entry.
 */
import { foldKey } from '../edition/fold.ts';
import { analyse, excerptWindow, fallbackWords, hitRank, nameCloseness, nameMatches, normalise, parseFragment, parseQuery, similarity, spellingsOf, termFound, Words, type Fragment, type Hit, type Parsed, type Query } from './search-match.ts';

/** What a search is: the query, the order and the filters, as the URL carries them. */
export interface State {
  q: string;
  sort: '' | 'asc' | 'desc';
  filters: Record<string, string>;
}

/** The facets the reader can filter by (Pagefind filters of document records). */
export const FACETS: [string, string][] = [
  ['document', 'Document'],
  ['type', 'Type'],
  ['language', 'Language'],
  ['person', 'Person'],
  ['event', 'Event'],
];

/** Values of the `register` filter (search-records.ts REGISTER_VALUES). */
const REGISTER = ['Person', 'Organisation', 'Place', 'Event', 'Work'];
const REGISTER_NOUNS: Record<string, [string, string]> = {
  Person: ['person', 'people'],
  Organisation: ['organisation', 'organisations'],
  Place: ['place', 'places'],
  Event: ['event', 'events'],
  Work: ['work cited', 'works cited'],
};

type Filters = Record<string, Record<string, number>>;
interface PagefindResult {
  id: string;
  data(): Promise<Fragment & { raw_url?: string }>;
}
interface Response {
  results: PagefindResult[];
  filters: Filters;
}
interface Pagefind {
  search(q: string, opts?: { filters?: Record<string, unknown>; sort?: Record<string, 'asc' | 'desc'> }): Promise<Response>;
  filters(): Promise<Filters>;
  options(o: Record<string, unknown>): Promise<void>;
}

/** Passages and notes shown at first, and about as many added by each "Show more"… */
const PAGE = 12;
/**
 * …from at most this many documents. Each document costs a fragment (the text of its passages
 * and notes, 9–10 KB compressed for the benchmark's documents), fetched BATCH at a time: the
 * first search at 10,000 documents is held to 250 KB, of which Pagefind's own files take about
 * 165 KB, this script 7.5 KB and an index chunk 25–35 KB (docs/performance.md).
 */
const PAGE_DOCS = 3;
const BATCH = 2;
/** Register entries and works loaded at a time (small fragments). */
const PAGE_REGISTER = 4;
/** Tokens in an excerpt. */
const EXCERPT = 32;

/** A query in quotes, unless it has its own. */
const quoted = (text: string) => (/["“”]/.test(text) ? text : `“${text}”`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: { [key: string]: string | boolean } = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
};

/** A loaded document or register record. */
interface Loaded {
  f: Fragment & { raw_url?: string };
  p: Parsed;
  w: Words;
  rank: number;
}
/** One line of the results: a passage or a note of a document. */
interface Line {
  doc: Loaded;
  hit: Hit;
  order: number;
}

/** Loads Pagefind results' fragments in order, a page at a time. */
class Pages {
  next = 0;
  readonly loaded: Loaded[] = [];
  constructor(readonly results: PagefindResult[]) {}
  get done(): boolean {
    return this.next >= this.results.length;
  }
  async take(n: number): Promise<Loaded[]> {
    const slice = this.results.slice(this.next, this.next + n);
    const start = this.next;
    this.next += slice.length;
    const fs = await Promise.all(slice.map((r) => r.data()));
    const out = fs.map((f, i) => ({ f, p: parseFragment(f), w: new Words([]), rank: start + i }));
    for (const l of out) l.w = new Words(l.p.tokens);
    this.loaded.push(...out);
    return out;
  }
}

const SCRIPT_RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const SCRIPT_LTR = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/;

/**
 * An excerpt as DOM: tokens [from, to) with the marked ones in <mark>, runs of the other
 * direction's script isolated so punctuation stays on its side.
 */
function excerptNodes(tokens: string[], from: number, to: number, marks: Set<number>, dir: 'ltr' | 'rtl' | 'auto', more: { before: boolean; after: boolean }): Node[] {
  const out: Node[] = [];
  if (more.before) out.push('… ' as unknown as Node);
  const base = dir === 'rtl' ? 'rtl' : 'ltr';
  let run: { dir: string; nodes: (Node | string)[] } | undefined;
  /** The last <mark>, while the words after it are marked too (one mark for "Noureddin Kianouri"). */
  let open: HTMLElement | undefined;
  const flush = () => {
    if (!run) return;
    if (run.dir === base || dir === 'auto') out.push(...(run.nodes as Node[]));
    else out.push(el('span', { dir: run.dir as 'rtl' | 'ltr' }, ...run.nodes));
    run = undefined;
  };
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    const d = SCRIPT_RTL.test(t) && !SCRIPT_LTR.test(t) ? 'rtl' : SCRIPT_LTR.test(t) ? 'ltr' : run?.dir ?? base;
    if (run && run.dir !== d) {
      // A space between two runs belongs to neither.
      flush();
      out.push(' ' as unknown as Node);
      open = undefined;
    } else if (run && !(open && marks.has(i))) run.nodes.push(' ');
    run ??= { dir: d, nodes: [] };
    if (marks.has(i)) {
      // The word marked, its punctuation not.
      const [, pre = '', core = '', post = ''] = /^([\p{P}\p{S}]*)(.*?)([\p{P}\p{S}]*)$/su.exec(t) ?? [];
      if (open && core && !pre) open.append(' ', core);
      else {
        if (open) run.nodes.push(' ');
        open = el('mark', {}, core || t);
        run.nodes.push(...(core ? [pre, open].filter((x) => x !== '') : [open]));
      }
      if (core && post) {
        run.nodes.push(post);
        open = undefined;
      }
    } else {
      open = undefined;
      run.nodes.push(t);
    }
  }
  flush();
  if (more.after) out.push(' …' as unknown as Node);
  return out;
}

export interface Engine {
  run(state: State): Promise<void>;
  /** Builds the filter menus (their indexes load only now), with `selected` chosen. */
  loadFacets(selected: Record<string, string>): Promise<void>;
  /** The filter menus' values, once built. */
  facetValues(): Record<string, string> | undefined;
}

export function createEngine(root: HTMLElement, on: { change(): void }): Engine {
  const bundle = root.dataset.bundle!;
  const status = root.querySelector<HTMLElement>('.search-status')!;
  const list = root.querySelector<HTMLOListElement>('ol.search-results')!;
  const facets = root.querySelector<HTMLElement>('.search-facets')!;
  const more = root.querySelector<HTMLButtonElement>('.search-more')!;
  const also = root.querySelector<HTMLElement>('.search-also')!;
  const alsoList = also.querySelector<HTMLOListElement>('ol')!;
  const alsoMore = also.querySelector<HTMLButtonElement>('button')!;
  const offers = root.querySelector<HTMLElement>('.search-offers')!;
  let pagefind: Promise<Pagefind> | undefined;
  let generation = 0;
  let facetsBuilt = false;

  const load = () =>
    (pagefind ??= (async () => {
      const pf = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
      await pf.options({ excerptLength: 16 });
      return pf;
    })());

  /** Documents' positions in date order (search-index.ts DATE_ORDER_FILE), loaded when a reader asks for that order. */
  let dates: Promise<Map<string, number>> | undefined;
  const dateOrder = () =>
    (dates ??= fetch(`${bundle}date-order.json`)
      .then((r) => (r.ok ? (r.json() as Promise<string[]>) : []))
      .then((ids) => new Map(ids.map((id, i) => [id, i]))));

  let facetsLoading: Promise<void> | undefined;
  async function loadFacets(selected: Record<string, string>): Promise<void> {
    facetsLoading ??= (async () => {
      const all = await (await load()).filters();
      for (const [key, label] of FACETS) {
        const values = Object.keys(all[key] ?? {}).sort();
        if (!values.length) continue;
        const id = `facet-${key}`;
        const select = el('select', { id, name: key });
        select.append(new Option('All', ''), ...values.map((v) => new Option(v, v)));
        select.addEventListener('change', () => on.change());
        facets.append(el('div', {}, el('label', { htmlFor: id, textContent: label }), select));
      }
      facets.hidden = false;
      facetsBuilt = true;
    })();
    await facetsLoading;
    for (const select of facets.querySelectorAll('select')) select.value = selected[select.name] ?? '';
  }
  const facetValues = () => {
    if (!facetsBuilt) return undefined;
    const out: Record<string, string> = {};
    for (const select of facets.querySelectorAll('select')) if (select.value) out[select.name] = select.value;
    return out;
  };

  const urlOf = (l: Loaded) => l.f.raw_url ?? l.f.url;
  /** Notes, accounts and references are in the edition's language: its direction, other scripts isolated in it. */
  const pageDir = document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr';
  const json = <T>(l: Loaded, key: string): T | undefined => {
    try {
      return l.f.meta[key] ? (JSON.parse(l.f.meta[key]!) as T) : undefined;
    } catch {
      return undefined;
    }
  };

  /** The excerpt of a hit as a paragraph. */
  function excerpt(l: Loaded, hit: Hit | undefined, start: number, end: number, dir: 'ltr' | 'rtl' | 'auto', lang?: string, fromStart = false): HTMLElement {
    const marks = hit?.marks ?? [];
    const [from, to] = excerptWindow(start, end, fromStart ? [] : marks, EXCERPT, hit?.strong);
    const p = el('p', { className: 'result-excerpt', dir }, ...excerptNodes(l.p.tokens, from, to, new Set(marks), dir, { before: from > start, after: to < end }));
    if (lang) p.lang = lang;
    return p;
  }

  /** The name of the entry behind a spelling group. */
  const groupName = (l: Loaded, g: number) => {
    const s = l.p.sections.find((x) => x.groups[g]);
    const first = s ? l.p.tokens.slice(s.groups[g]!.start, s.groups[g]!.end) : [];
    const cut = first.findIndex((t) => t.startsWith('·'));
    return (cut < 0 ? first : first.slice(0, cut)).join(' ');
  };

  /** A passage's or a note's line. */
  function lineItem(line: Line): HTMLLIElement {
    const { doc, hit } = line;
    const id = hit.section.id;
    const url = urlOf(doc);
    const title = doc.f.meta.title ?? url;
    const date = doc.f.meta.date ?? '';
    const li = el('li', { className: 'result' });
    const context: (Node | string)[] = date ? [date] : [];
    if (id.startsWith('fn-')) {
      li.classList.add('result--note');
      const notes = doc.p.sections.filter((s) => s.id.startsWith('fn-'));
      const number = notes.findIndex((s) => s.id === id) + 1;
      const [passage = '', kind = ''] = json<[string, string][]>(doc, 'notes')?.[number - 1] ?? [];
      li.append(el('a', { className: 'result-title', href: `${url}#${id}` }, `Note ${number} on ¶${passage.slice(1)} — `, el('span', { dir: 'auto' }, title)));
      if (kind) context.unshift(kind);
      if (passage) context.push(el('a', { href: `${url}#${passage}` }, `Go to ¶${passage.slice(1)}`));
      li.append(el('p', { className: 'result-meta' }, ...context.flatMap((c, i) => (i ? [' · ', c] : [c]))));
      li.append(excerpt(doc, hit, hit.section.start, hit.section.end, pageDir));
    } else {
      li.classList.add('result--passage');
      li.append(el('a', { className: 'result-title', href: `${url}#${id}` }, el('span', { dir: 'auto' }, title), `, ¶${id.slice(1)}`));
      const comments = json<{ t?: string; b?: string; s?: string; p: string }[]>(doc, 'comments') ?? [];
      const c = comments.findIndex((x) => x.p.split(' ').includes(id));
      if (c >= 0) {
        const { t, b, s } = comments[c]!;
        context.push(`Comment ${c + 1}`);
        if (t) context.push(el('span', {}, '“', el('span', { dir: 'auto' }, t), '”'));
        if (b || s) context.push(el('span', { dir: 'auto' }, b ?? `by ${s}`));
      }
      li.append(el('p', { className: 'result-meta' }, ...context.flatMap((x, i) => (i ? [' · ', x] : [x]))));
      const [lang, dir] = (json<Record<string, string>>(doc, 'langs')?.[id] ?? '').split(' ');
      li.append(excerpt(doc, hit, hit.section.start, hit.section.end, dir === 'rtl' ? 'rtl' : 'ltr', lang || undefined));
    }
    if (!hit.marks.length && hit.via.length) li.append(el('p', { className: 'result-via' }, `Mentions ${hit.via.map((g) => groupName(doc, g)).join(', ')}`));
    return li;
  }

  /** A register entry's or a work's line. */
  function entryItem(l: Loaded, q: Query, named = false): HTMLLIElement {
    const s = l.p.sections[0]!;
    const hit = analyse(l.p, s, l.w, l.f.locations, q);
    const kind = l.f.meta.kind ?? '';
    const li = el('li', { className: `result result--entry` });
    li.append(el('a', { className: 'result-title', href: urlOf(l) }, el('span', { dir: 'auto' }, l.f.meta.title ?? '')), el('span', { className: 'result-kind' }, ` ${kind}${l.f.meta.dates ? `, ${l.f.meta.dates}` : ''}`));
    // An entry found by its name opens with its description; one found in its account, where the words are.
    li.append(excerpt(l, hit, s.start, s.end, pageDir, undefined, named));
    return li;
  }

  /** The lines of loaded documents, in the order they are shown. */
  function linesOf(docs: Loaded[], q: Query, byDate: boolean, strict: { value: boolean }): Line[] {
    const lines: Line[] = [];
    for (const doc of docs) {
      const located = doc.f.locations;
      doc.p.sections.forEach((s, order) => {
        if (!q.phrases.length || q.terms.length) {
          if (!located.some((l) => l >= s.from && l < s.to)) return;
        }
        const hit = analyse(doc.p, s, doc.w, located, q);
        if (hit) lines.push({ doc, hit, order });
      });
    }
    const note = (x: Line) => (x.hit.section.id.startsWith('fn-') ? 1 : 0);
    const key = (x: Line) => {
      const [found, level] = hitRank(x.hit);
      // Passages first, then notes, each the most direct first; by date, the documents' order and then the text's.
      return byDate ? [x.doc.rank, x.order] : [-found, note(x), level, x.doc.rank, x.order];
    };
    // A passage or note must hold every word of the query, unless none does.
    const all = q.terms.length;
    const full = lines.filter((x) => hitRank(x.hit)[0] === all);
    const shown = strict.value || full.length ? ((strict.value = true), full) : lines;
    return shown.sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
      return 0;
    });
  }

  /** Loads documents until about PAGE lines (at most PAGE_DOCS documents); their lines. */
  async function docPage(pages: Pages, q: Query, byDate: boolean, strict: { value: boolean }): Promise<Line[]> {
    const docs: Loaded[] = [];
    let lines = 0;
    while (!pages.done && docs.length < PAGE_DOCS && lines < PAGE) {
      const batch = await pages.take(Math.min(BATCH, PAGE_DOCS - docs.length));
      docs.push(...batch);
      lines += linesOf(batch, q, byDate, { ...strict }).length;
    }
    return linesOf(docs, q, byDate, strict);
  }

  /** Says there is nothing, and offers what exists. */
  async function nothing(q: Query, missing: string[], loaded: Loaded[], my: number): Promise<void> {
    const pf = await load();
    const what = missing.length ? missing.map(quoted).join(' or ') : quoted(q.text);
    status.textContent = `No passage, note, register entry or work contains ${what}.`;
    list.replaceChildren();
    more.hidden = true;
    also.hidden = true;
    const items: HTMLElement[] = [];
    const searchLink = (text: string, label = text) => {
      const a = el('a', { href: `?q=${encodeURIComponent(text)}`, className: 'search-offer' }, label);
      a.dataset.q = text;
      return a;
    };
    // Words Pagefind fell back to (a shorter word that the text has).
    const located = loaded.flatMap((l) => q.terms.flatMap((t) => fallbackWords(t, l.w, l.f.locations)));
    for (const w of new Set(located)) items.push(el('li', {}, 'Did you mean ', searchLink(w), '?'));
    // The nearest register entries: their names begin as the missing word begins.
    for (const term of missing.length ? missing.map(normalise) : q.terms) {
      for (let n = term.length - 1; n >= 3 && items.length < 4; n--) {
        const found = await pf.search(term.slice(0, n), { filters: { register: { any: REGISTER } } });
        if (my !== generation) return;
        if (!found.results.length) continue;
        const entries = await new Pages(found.results).take(3);
        const scored = entries
          .map((l) => {
            const s = l.p.sections[0]!;
            const names = s.groups.slice(1).flatMap((g) => spellingsOf(l.p.tokens, g).map((sp) => sp.join(' ')));
            const spelled = l.p.tokens.slice(s.groups[1]?.start ?? 0, s.groups[1]?.end ?? 0).join(' ').split(' · ');
            const best = Math.max(0, ...names.flatMap((nm) => nm.split(' ').map((x) => similarity(x, term))));
            return { l, best, spelled };
          })
          .filter((x) => x.best >= 0.5)
          .sort((a, b) => b.best - a.best);
        for (const { l, spelled } of scored.slice(0, 2)) {
          const links = spelled.filter(Boolean).slice(0, 8).flatMap((sp, i) => (i ? [', ', searchLink(sp)] : [searchLink(sp)]));
          items.push(el('li', {}, el('a', { href: urlOf(l) }, el('span', { dir: 'auto' }, l.f.meta.title ?? '')), ` (${(l.f.meta.kind ?? '').toLowerCase()}), written `, ...links));
        }
        break;
      }
    }
    const others = q.terms.filter((t) => !missing.map(normalise).includes(t));
    if (missing.length && (others.length || q.phrases.length)) {
      const rest = foldKey(q.text.replace(new RegExp(missing.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu'), ' ')).replace(/\s+/g, ' ').trim();
      if (rest) items.push(el('li', {}, `Without ${what}: `, searchLink(rest)));
    }
    offers.replaceChildren(...(items.length ? [el('h2', {}, 'What the edition has'), el('ul', {}, ...items)] : []));
    offers.hidden = !items.length;
    root.dataset.state = 'done';
  }

  async function run(state: State): Promise<void> {
    const my = ++generation;
    const q = parseQuery(state.q);
    // What is shown, for tests and styles: data-query, and data-state idle | searching | done.
    root.dataset.query = state.q.trim();
    offers.hidden = true;
    offers.replaceChildren();
    if (!q.terms.length && !q.phrases.length) {
      list.replaceChildren();
      alsoList.replaceChildren();
      also.hidden = true;
      more.hidden = true;
      status.textContent = '';
      root.dataset.state = 'idle';
      return;
    }
    root.dataset.state = 'searching';
    status.textContent = 'Searching…';
    const pf = await load();
    const user: Record<string, unknown> = { ...state.filters };
    const [docs, register, probes, order] = await Promise.all([
      pf.search(foldKey(q.pagefind), { filters: { ...user, register: { none: REGISTER } } }),
      pf.search(foldKey(q.pagefind), { filters: { ...user, register: { any: REGISTER } } }),
      // Is each word in the index as such? Pagefind otherwise falls back to a shorter word ("Ibn" for "Ibnx", "i" for "Ibn").
      Promise.all(q.terms.map((t) => pf.search(`"${t}"`).then((r) => r.results.length > 0))),
      state.sort ? dateOrder() : undefined,
    ]);
    if (my !== generation) return;
    if (order && state.sort) {
      // Oldest or newest first; a document without a date last.
      const sign = state.sort === 'asc' ? 1 : -1;
      const at = (r: PagefindResult) => order.get(r.id) ?? Number.NaN;
      docs.results.sort((a, b) => (Number.isNaN(at(a)) ? 1 : Number.isNaN(at(b)) ? -1 : sign * (at(a) - at(b))));
    }
    const docPages = new Pages(docs.results);
    const regPages = new Pages(register.results);
    const byDate = Boolean(state.sort);
    const strict = { value: q.terms.length <= 1 };
    const [firstLines, regs] = await Promise.all([docPage(docPages, q, byDate, strict), regPages.take(PAGE_REGISTER)]);
    if (my !== generation) return;
    const loaded = [...docPages.loaded, ...regs];
    const missing = q.terms.map((t, k) => (probes[k] || loaded.some((l) => termFound(t, l.w, l.f.locations)) ? '' : q.shownTerms[k]!)).filter(Boolean);
    if (missing.length || (!firstLines.length && !regs.length)) return nothing(q, missing, loaded, my);

    // Register entries (not works) whose name answers the query head the list, the one named exactly as typed first.
    const named = regs.filter((l) => l.f.meta.kind !== 'Work cited' && nameMatches(l.p, l.w, l.f.locations, q)).sort((a, b) => nameCloseness(a.p, q) - nameCloseness(b.p, q));
    const others = regs.filter((l) => !named.includes(l));
    // Lines wait in a queue and are shown PAGE at a time; documents load when it runs short.
    const queue: Line[] = [...firstLines];
    let lines = 0;
    let notes = 0;
    const docsWithLines = new Set<Loaded>();
    const count = (ls: Line[]) => {
      lines += ls.length;
      notes += ls.filter((l) => l.hit.section.id.startsWith('fn-')).length;
      for (const l of ls) docsWithLines.add(l.doc);
    };
    count(firstLines);
    list.replaceChildren(...named.map((l) => entryItem(l, q, true)), ...queue.splice(0, PAGE).map(lineItem));
    alsoList.replaceChildren(...others.map((l) => entryItem(l, q)));
    also.hidden = !others.length;
    alsoMore.hidden = regPages.done;

    const counts = register.filters.register ?? {};
    const describe = () => {
      const parts: string[] = [];
      const passages = lines - notes;
      const found = [passages ? plural(passages, 'passage') : '', notes ? plural(notes, 'note') : ''].filter(Boolean).join(' and ') || 'nothing';
      if (docPages.done) {
        if (lines) parts.push(`${found} in ${plural(docsWithLines.size, 'document')}`);
      } else parts.push(`${plural(docs.results.length, 'document')} (${found} in the first ${docPages.next})`);
      for (const v of REGISTER) if (counts[v]) parts.push(`${counts[v]} ${counts[v] === 1 ? REGISTER_NOUNS[v]![0] : REGISTER_NOUNS[v]![1]}`);
      const filtered = Object.keys(state.filters).length ? ' (filtered)' : '';
      const partial = !strict.value && lines ? ' No passage or note holds all the words: these hold some of them.' : '';
      // The query isolated, its quotation marks outside it, so they stay on their side of Persian.
      const own = /["“”]/.test(q.text);
      status.replaceChildren(`${parts.join(' · ') || 'Nothing'} for ${own ? '' : '“'}`, el('span', { dir: 'auto' }, q.text), `${own ? '' : '”'}${filtered}.${partial}`);
    };
    describe();
    more.hidden = !queue.length && docPages.done;
    more.onclick = async () => {
      const first = list.children.length;
      more.disabled = true;
      while (queue.length < PAGE && !docPages.done) {
        const next = await docPage(docPages, q, byDate, strict);
        if (my !== generation) return;
        count(next);
        queue.push(...next);
      }
      more.disabled = false;
      list.append(...queue.splice(0, PAGE).map(lineItem));
      more.hidden = !queue.length && docPages.done;
      describe();
      // Keyboard users stay in place: focus the first of the new results.
      list.children[first]?.querySelector('a')?.focus();
    };
    alsoMore.onclick = async () => {
      const first = alsoList.children.length;
      const next = await regPages.take(PAGE_REGISTER);
      if (my !== generation) return;
      alsoList.append(...next.map((l) => entryItem(l, q)));
      alsoMore.hidden = regPages.done;
      alsoList.children[first]?.querySelector('a')?.focus();
    };
    root.dataset.state = 'done';
  }

  return { run, loadFacets, facetValues };
}
