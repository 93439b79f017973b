/**
 * Passage tools on a document page (the page reads and links without them). Each passage's
 * number (¶) is its permanent link; following it — by click, tap or keyboard — opens one small
 * toolbar under that passage, never inside it (so never inside a heading) and never over its
 * words: "Copy link" (the exact permanent URL), "Cite" (the passage's citation forms) and, while
 * words of the passage are selected, "Copy link to selection" (a text fragment). Only one
 * toolbar exists at a time, so the tools add no tab stop to the page's passages; Escape or
 * Close shuts it and gives focus back to the number. (src/site/cite-dates.ts fills the
 * reader's date of access into the citation forms.) This module only listens; the toolbar
 * (src/site/passage-toolbar.ts) loads on first use, so a page runs little script before then.
 */

type Toolbar = typeof import('./passage-toolbar.ts');
let toolbar: Promise<Toolbar> | undefined;
const load = () => (toolbar ??= import('./passage-toolbar.ts'));

export function initPassageTools(): void {
  // The ¶ number opens its passage's toolbar (and stays a plain permanent link without scripts,
  // or opened in a new tab).
  document.addEventListener('click', (e) => {
    const number = e.target instanceof Element ? e.target.closest<HTMLAnchorElement>('a.passage-number') : null;
    if (!number || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    void load().then((m) => m.toggle(number));
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && toolbar) void toolbar.then((m) => m.escape());
  });
  document.addEventListener('selectionchange', () => {
    if (toolbar || document.getSelection()?.isCollapsed === false) void load().then((m) => m.selectionChanged());
  });
}
