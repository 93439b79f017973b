/**
 * The search page's script: folds the query exactly as the index was folded, loads Pagefind
 * only when the reader first searches, and shows passage-level results with filters
 * (document, type, language, person, event) and sorting by date.
 */
import { foldKey } from '../edition/fold.ts';

type Filters = Record<string, Record<string, number>>;
type Loaded = { url: string; excerpt: string; meta: Record<string, string>; filters: Record<string, string[]> };
interface PagefindResult { data(): Promise<Loaded> }
interface Pagefind {
  search(q: string, opts?: { filters?: Record<string, string[]>; sort?: Record<string, 'asc' | 'desc'> }): Promise<{ results: PagefindResult[]; filters: Filters }>;
  filters(): Promise<Filters>;
  options(o: Record<string, unknown>): Promise<void>;
}

/** Results shown at first, and added by each "Show more". */
const PAGE = 20;

const FACETS: [string, string][] = [['document', 'Document'], ['type', 'Type'], ['language', 'Language'], ['person', 'Person'], ['event', 'Event']];

export function initSearch(root: HTMLElement): void {
  const bundle = root.dataset.bundle!;
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = root.querySelector<HTMLInputElement>('input[type=search]')!;
  const status = root.querySelector<HTMLElement>('[role=status]')!;
  const list = root.querySelector<HTMLOListElement>('ol')!;
  const facets = root.querySelector<HTMLElement>('.search-facets')!;
  const sort = root.querySelector<HTMLSelectElement>('select[name=sort]')!;
  const more = Object.assign(document.createElement('button'), { type: 'button', className: 'search-more', textContent: `Show ${PAGE} more results`, hidden: true });
  list.after(more);
  let pagefind: Pagefind | undefined;

  async function load(): Promise<Pagefind> {
    if (!pagefind) {
      pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
      await pagefind.options({ excerptLength: 30 });
      const all = await pagefind.filters();
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
    }
    return pagefind;
  }

  function resultItem(r: Loaded): HTMLLIElement {
    const li = document.createElement('li');
    const doc = r.filters.document?.[0];
    const a = Object.assign(document.createElement('a'), { href: r.url, textContent: doc ? `${doc}, ${r.meta.title}` : (r.meta.title ?? r.url) });
    const kind = document.createElement('span');
    kind.className = 'result-kind';
    kind.textContent = r.meta.kind ? ` (${r.meta.kind})` : '';
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
    // Results come in pages of PAGE: each shown result costs a fragment download (≈ 1–2 KB), so
    // a first search stays light however many passages match.
    const key = foldKey(q, { caseFold: true });
    const named = (r: Loaded) => Boolean(r.meta.kind) && (r.meta.names ?? '').toLowerCase().split(' · ').some((n) => n.includes(key) || key.includes(n));
    let shown = 0;
    const showMore = async () => {
      const loaded = await Promise.all(search.results.slice(shown, shown + PAGE).map((r) => r.data()));
      // A register entry whose name or spelling matches the query comes first.
      const ordered = shown === 0 ? [...loaded.filter(named), ...loaded.filter((r) => !named(r))] : loaded;
      list.append(...ordered.map(resultItem));
      shown += loaded.length;
      more.hidden = shown >= search.results.length;
    };
    list.replaceChildren();
    more.onclick = () => {
      // Keyboard users stay in place: focus the first of the new results.
      const first = shown;
      void showMore().then(() => list.children[first]?.querySelector('a')?.focus());
    };
    await showMore();
    const n = search.results.length;
    status.textContent = `${n} result${n === 1 ? '' : 's'} for “${q}”${Object.keys(filters).length ? ' (filtered)' : ''}.`;
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
