/**
 * The search page's script: folds the query exactly as the index was folded, loads Pagefind
 * only when the reader first searches, and shows passage-level results (the sub-results of each
 * matching document, see src/edition/search-records.ts) with sorting by date, and filters
 * (document, type, language, person, event) loaded only when the reader opens them: their
 * indexes grow with the edition and would weigh on every first search.
 */
import { foldKey } from '../edition/fold.ts';

type Filters = Record<string, Record<string, number>>;
type SubResult = { title: string; url: string; excerpt: string };
type Loaded = { url: string; excerpt: string; meta: Record<string, string>; filters: Record<string, string[]>; sub_results?: SubResult[] };
/** One line of the results list: a passage of a document, or a register entry. */
type Item = { url: string; title: string; kind?: string; excerpt: string };
interface PagefindResult { data(): Promise<Loaded> }
interface Pagefind {
  search(q: string, opts?: { filters?: Record<string, string[]>; sort?: Record<string, 'asc' | 'desc'> }): Promise<{ results: PagefindResult[]; filters: Filters }>;
  filters(): Promise<Filters>;
  options(o: Record<string, unknown>): Promise<void>;
}

/** Passages shown at first, and about as many added by each "Show more"… */
const PAGE = 12;
/**
 * …from at most this many documents and entries. Each document costs a fragment (the text of
 * all its passages, 3–8 KB compressed), fetched in batches of BATCH: the first search at 10,000
 * documents is held to 250 KB, of which Pagefind's own files take about 185 KB.
 */
const PAGE_RESULTS = 5;
const BATCH = 3;

const FACETS: [string, string][] = [['document', 'Document'], ['type', 'Type'], ['language', 'Language'], ['person', 'Person'], ['event', 'Event']];

export function initSearch(root: HTMLElement): void {
  const bundle = root.dataset.bundle!;
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = root.querySelector<HTMLInputElement>('input[type=search]')!;
  const status = root.querySelector<HTMLElement>('[role=status]')!;
  const list = root.querySelector<HTMLOListElement>('ol')!;
  const facets = root.querySelector<HTMLElement>('.search-facets')!;
  const filterBox = root.querySelector<HTMLDetailsElement>('.search-filters')!;
  const sort = root.querySelector<HTMLSelectElement>('select[name=sort]')!;
  const more = Object.assign(document.createElement('button'), { type: 'button', className: 'search-more', textContent: 'Show more results', hidden: true });
  list.after(more);
  let pagefind: Pagefind | undefined;

  async function load(): Promise<Pagefind> {
    if (!pagefind) {
      pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
      await pagefind.options({ excerptLength: 30 });
    }
    return pagefind;
  }

  let facetsLoaded: Promise<void> | undefined;
  const loadFacets = () =>
    (facetsLoaded ??= (async () => {
      const all = await (await load()).filters();
      for (const [key, label] of FACETS) {
        const values = Object.keys(all[key] ?? {}).sort();
        if (!values.length) continue;
        const id = `facet-${key}`;
        const wrap = document.createElement('div');
        const lab = Object.assign(document.createElement('label'), { htmlFor: id, textContent: label });
        const select = Object.assign(document.createElement('select'), { id, name: key });
        select.append(new Option('All', ''), ...values.map((v) => new Option(v, v)));
        select.addEventListener('change', () => run());
        wrap.append(lab, select);
        facets.append(wrap);
      }
      facets.hidden = false;
    })());
  filterBox.addEventListener('toggle', () => {
    if (filterBox.open) void loadFacets();
  });

  /** The lines a loaded result gives: its matching passages, or the entry itself. */
  function itemsOf(r: Loaded): Item[] {
    if (r.meta.kind) return [{ url: r.url, title: r.meta.title ?? r.url, kind: r.meta.kind, excerpt: r.excerpt }];
    const doc = r.filters.document?.[0] ?? r.url;
    return (r.sub_results ?? []).filter((s) => s.url.includes('#')).map((s) => ({ url: s.url, title: `${doc}, ${s.title}`, excerpt: s.excerpt }));
  }

  function resultItem(r: Item): HTMLLIElement {
    const li = document.createElement('li');
    const a = Object.assign(document.createElement('a'), { href: r.url, textContent: r.title });
    const kind = document.createElement('span');
    kind.className = 'result-kind';
    kind.textContent = r.kind ? ` (${r.kind})` : '';
    const p = document.createElement('p');
    p.innerHTML = r.excerpt; // Pagefind escapes the text; only its <mark> elements are markup
    li.append(a, kind, p);
    return li;
  }

  async function run(): Promise<void> {
    const q = input.value.trim();
    const url = new URL(location.href);
    url.searchParams.set('q', q);
    history.replaceState(null, '', url);
    if (!q) return;
    status.textContent = 'Searching…';
    const pf = await load();
    const filters: Record<string, string[]> = {};
    for (const select of facets.querySelectorAll('select')) if (select.value) filters[select.name] = [select.value];
    const order = sort.value as '' | 'asc' | 'desc';
    const search = await pf.search(foldKey(q), { filters, ...(order ? { sort: { date: order } } : {}) });
    // Results come in pages of about PAGE passages: each document shown costs one fragment
    // download (its passages' text), so a first search stays light however much matches.
    const key = foldKey(q, { caseFold: true });
    const named = (r: Loaded) => Boolean(r.meta.kind) && (r.meta.names ?? '').toLowerCase().split(' · ').some((n) => n.includes(key) || key.includes(n));
    let next = 0;
    let listed = 0;
    const showMore = async () => {
      const loaded: { r: Loaded; items: Item[] }[] = [];
      let items = 0;
      const end = next + PAGE_RESULTS;
      while (items < PAGE && next < end && next < search.results.length) {
        const batch = await Promise.all(search.results.slice(next, Math.min(next + BATCH, end)).map((r) => r.data()));
        next += batch.length;
        for (const r of batch) {
          const its = itemsOf(r);
          items += its.length;
          loaded.push({ r, items: its });
        }
      }
      // A register entry whose name or spelling matches the query comes first.
      const ordered = listed === 0 ? [...loaded.filter((x) => named(x.r)), ...loaded.filter((x) => !named(x.r))] : loaded;
      const lines = ordered.flatMap((x) => x.items);
      list.append(...lines.map(resultItem));
      listed += lines.length;
      more.hidden = next >= search.results.length;
    };
    list.replaceChildren();
    more.onclick = () => {
      // Keyboard users stay in place: focus the first of the new results.
      const first = listed;
      void showMore().then(() => list.children[first]?.querySelector('a')?.focus());
    };
    await showMore();
    const n = search.results.length;
    status.textContent = `${n} result${n === 1 ? '' : 's'} (documents and register entries) for “${q}”${Object.keys(filters).length ? ' (filtered)' : ''}.`;
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  sort.addEventListener('change', () => void run());
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    void run();
  }
}
