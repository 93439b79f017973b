/**
 * The search page's own script, small because it runs before the reader does anything: it
 * keeps the query, the filters and the order in the URL (so a search can be shared, and Back
 * restores the one before), searches as the reader types (debounced) and on Enter, and moves
 * through the results with the arrow keys. Everything else (Pagefind, the result lines) is in
 * search-run.ts, loaded on the first search.
 */
import type { Engine, State } from './search-run.ts';

/** Milliseconds of quiet after a keystroke before searching. */
const DEBOUNCE = 300;
/** Characters typed before searching as the reader types (Enter searches anything). */
const MIN_TYPED = 2;

export function initSearch(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = root.querySelector<HTMLInputElement>('#q')!;
  const sort = root.querySelector<HTMLSelectElement>('#sort')!;
  const filterBox = root.querySelector<HTMLDetailsElement>('.search-filters')!;
  let engine: Promise<Engine> | undefined;
  /** Filters from the URL, until the filter menus exist. */
  let pending: Record<string, string> = {};
  /** Whether the current history entry was made by typing (the next keystrokes replace it). */
  let typing = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRun = '';

  const get = () => (engine ??= import('./search-run.ts').then((m) => m.createEngine(root, { change: () => void search('commit') })));

  const fromUrl = (): State => {
    const params = new URLSearchParams(location.search);
    const filters: Record<string, string> = {};
    for (const [k, v] of params) if (k !== 'q' && k !== 'sort' && v) filters[k] = v;
    const s = params.get('sort');
    return { q: params.get('q') ?? '', sort: s === 'asc' || s === 'desc' ? s : '', filters };
  };
  const hrefOf = (s: State) => {
    const u = new URL(location.href);
    u.search = '';
    if (s.q) u.searchParams.set('q', s.q);
    for (const [k, v] of Object.entries(s.filters)) u.searchParams.set(k, v);
    if (s.sort) u.searchParams.set('sort', s.sort);
    return u.href;
  };

  /** Runs the search the page shows. `typing`: as the reader types; `commit`: Enter, a filter, the order; `none`: from the URL. */
  async function search(mode: 'typing' | 'commit' | 'none'): Promise<void> {
    clearTimeout(timer);
    const e = await get();
    const state: State = { q: input.value.trim(), sort: sort.value as State['sort'], filters: e.facetValues() ?? pending };
    const href = hrefOf(state);
    if (mode !== 'none') {
      if (href !== location.href) {
        if (typing) history.replaceState(null, '', href);
        else history.pushState(null, '', href);
      }
      typing = mode === 'typing';
    }
    if (href === lastRun) return;
    lastRun = href;
    await e.run(state);
  }

  /** Shows the search the URL holds. */
  function restore(): void {
    const s = fromUrl();
    input.value = s.q;
    sort.value = s.sort;
    pending = s.filters;
    typing = false;
    if (Object.keys(pending).length) {
      filterBox.open = true;
      void get().then((e) => e.loadFacets(pending));
    }
    if (s.q || engine) void search('none');
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void search('commit');
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q && q.length < MIN_TYPED) return;
    timer = setTimeout(() => void search('typing'), DEBOUNCE);
  });
  sort.addEventListener('change', () => void search('commit'));
  filterBox.addEventListener('toggle', () => {
    if (filterBox.open) void get().then((e) => e.loadFacets(pending));
  });
  window.addEventListener('popstate', restore);

  // Arrow keys: from the box to the first result, from result to result; Escape back to the box.
  const links = () => [...root.querySelectorAll<HTMLAnchorElement>('.search-results a.result-title')];
  input.addEventListener('keydown', (ev) => {
    if (ev.key !== 'ArrowDown') return;
    const first = links()[0];
    if (first) {
      ev.preventDefault();
      first.focus();
    }
  });
  root.addEventListener('keydown', (ev) => {
    const at = links().indexOf(ev.target as HTMLAnchorElement);
    if (at < 0) return;
    if (ev.key === 'Escape') input.focus();
    else if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      const all = links();
      const next = all[at + (ev.key === 'ArrowDown' ? 1 : -1)];
      if (next) next.focus();
      else if (ev.key === 'ArrowUp') input.focus();
    } else return;
    ev.preventDefault();
  });
  // Offers ("written Kianouri, Kianoury…") search in place.
  root.addEventListener('click', (ev) => {
    const a = (ev.target as Element).closest<HTMLAnchorElement>('a.search-offer');
    if (!a?.dataset.q || ev.metaKey || ev.ctrlKey || ev.shiftKey) return;
    ev.preventDefault();
    input.value = a.dataset.q;
    void search('commit');
    input.focus();
  });

  restore();
}
