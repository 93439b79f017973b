/**
 * The handout's range: `?from=3&to=8` keeps passages ¶3–¶8 (in reading order, suffixed ids
 * such as ¶12a included), the structure around them, and only the endnotes they reference.
 */
export function applyHandoutRange(): void {
  const params = new URLSearchParams(location.search);
  const passages = [...document.querySelectorAll<HTMLElement>('[data-passage]')];
  const index = (n: string | null) => (n ? passages.findIndex((p) => p.dataset.passage === n.replace(/^[¶p]/, '')) : -1);
  document.querySelector('.print-button')?.addEventListener('click', () => window.print());
  const from = index(params.get('from'));
  const to = index(params.get('to'));
  if (from < 0 && to < 0) return;
  const a = from < 0 ? 0 : from;
  const b = to < 0 ? passages.length - 1 : to;
  const kept = new Set<string>();
  passages.forEach((p, i) => {
    if (i < a || i > b) p.hidden = true;
    else for (const ref of p.querySelectorAll<HTMLAnchorElement>('a[data-footnote-ref]')) kept.add(ref.hash.slice(1));
  });
  // Notes keep the numbers of their markers (a hidden item would otherwise renumber the rest).
  document.querySelectorAll<HTMLLIElement>('section[data-footnotes] > ol > li').forEach((li, i) => {
    li.value = i + 1;
    if (!kept.has(li.id)) li.hidden = true;
  });
  // Hide comments, verse and boilerplate blocks left empty.
  for (const block of document.querySelectorAll<HTMLElement>('.comment, .verse, details.boilerplate')) {
    if (![...block.querySelectorAll<HTMLElement>('[data-passage]')].some((p) => !p.hidden)) block.hidden = true;
  }
  const range = document.querySelector<HTMLElement>('.handout-range');
  if (range) {
    range.hidden = false;
    range.querySelector('.from')!.textContent = passages[a]!.dataset.passage!;
    range.querySelector('.to')!.textContent = passages[b]!.dataset.passage!;
  }
  (document.getElementById('from') as HTMLInputElement).value = passages[a]!.dataset.passage!;
  (document.getElementById('to') as HTMLInputElement).value = passages[b]!.dataset.passage!;
}

/** The works list of a handout keeps only the works its shown notes cite. */
export function keepCitedWorks(): void {
  const shown = new Set<string>();
  for (const li of document.querySelectorAll<HTMLElement>('section[data-footnotes] > ol > li:not([hidden])')) {
    for (const a of li.querySelectorAll<HTMLAnchorElement>('a[href*="/works/"][href*="#"]')) shown.add(decodeURIComponent(a.hash.slice(1)));
  }
  for (const li of document.querySelectorAll<HTMLElement>('.works-cited li[data-work]')) li.hidden = !shown.has(li.dataset.work!);
}
