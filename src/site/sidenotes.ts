/**
 * Notes beside their words. The footnotes under the text are the notes (what screen readers,
 * print and the handout use); this script only changes where and how they are shown:
 *
 * - On wide screens the list's own items are placed in the margin, each beside its marker's
 *   line, pushed down only by the note above. A note that would run into the next one is cut
 *   to the room it has, with a "more" button that shows it whole (the notes below move down;
 *   the text never moves). Following a marker also shows its note whole.
 * - On narrower screens following a marker opens the note in place, under its passage, with
 *   the passage and words it explains; the marker (or the Close button) closes it, and so
 *   does Escape. Without scripts the marker is a plain link to the note in the list.
 * - Either way, following a marker or a back link moves keyboard focus there too.
 */
const WIDE = '(min-width: 72rem)';
/** Space between two notes in the margin; a cut note shows whole lines, at least two. */
const GAP = 8;
const MIN_LINES = 2;

/** The id a link points to, decoded (`#fn-x` → `fn-x`). */
const target = (a: HTMLAnchorElement) => decodeURIComponent(a.hash.slice(1));

/** Notes opened in place (src/site/note-inline.ts), loaded when a marker is first followed on a narrow screen. */
let inline: Promise<typeof import('./note-inline.ts')> | undefined;
const loadInline = () => (inline ??= import('./note-inline.ts'));

export function initSidenotes(): void {
  const text = document.querySelector<HTMLElement>('section.text');
  const list = text?.querySelector<HTMLElement>('section[data-footnotes]');
  if (!text || !list) return;
  const items = [...list.querySelectorAll<HTMLLIElement>(':scope > ol > li[id]')];
  const refs = new Map<string, HTMLAnchorElement>();
  for (const a of text.querySelectorAll<HTMLAnchorElement>('[data-passage] a[data-footnote-ref]')) if (!refs.has(target(a))) refs.set(target(a), a);
  const numberOf = (li: HTMLLIElement) => refs.get(li.id)?.textContent ?? '';
  // A marker that ends its passage has nothing after it on its line: its target grows there
  // (a passage that is only a name and its note leaves no text around it to tell it apart).
  for (const a of refs.values()) {
    const words = a.closest('.passage-text');
    if (!words) continue;
    const after = document.createRange();
    after.setStartAfter(a.parentElement!);
    after.setEndAfter(words.lastChild!);
    if (!/\S/.test(after.toString())) a.classList.add('marker-end');
  }
  const expanded = new Set<string>();

  // A "more" button for each note, shown only while the note is cut in the margin.
  const toggles = new Map<string, HTMLButtonElement>();
  for (const li of items) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'note-toggle';
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', li.id);
    const word = Object.assign(document.createElement('span'), { textContent: 'more' });
    button.append(word, Object.assign(document.createElement('span'), { className: 'visually-hidden', textContent: ` of note ${numberOf(li)}` }));
    button.addEventListener('click', () => {
      if (expanded.has(li.id)) expanded.delete(li.id);
      else expanded.add(li.id);
      place();
      button.focus();
    });
    li.prepend(button);
    toggles.set(li.id, button);
  }

  /** Places the notes in the margin (wide screens) or puts them back under the text. */
  const place = () => {
    const wide = matchMedia(WIDE).matches;
    text.classList.toggle('sidenotes', wide);
    if (!wide) {
      text.style.removeProperty('min-height');
      for (const li of items) li.classList.remove('is-cut');
      return;
    }
    // Read everything first (full heights, marker lines), then write: one layout, no reflow of the text.
    for (const li of items) li.classList.remove('is-cut');
    for (const button of toggles.values()) button.hidden = false;
    const base = text.getBoundingClientRect().top;
    const line = items[0] ? parseFloat(getComputedStyle(items[0]).lineHeight) || 20 : 20;
    const least = MIN_LINES * line;
    const rows = items.map((li) => {
      const ref = refs.get(li.id);
      // A marker inside a closed block (folded boilerplate) is placed at the block's summary.
      const shown = ref && (ref.closest('details:not([open])')?.querySelector('summary') ?? ref);
      const top = shown ? shown.getBoundingClientRect().top - base : 0;
      return { li, top, full: li.offsetHeight };
    });
    let bottom = -Infinity;
    rows.forEach((row, i) => {
      const top = Math.max(row.top, bottom + GAP);
      const next = rows[i + 1]?.top ?? Infinity;
      const room = next - GAP - top;
      let height = row.full;
      const cut = !expanded.has(row.li.id) && row.full > Math.max(room, least);
      if (cut) height = Math.max(Math.floor(room / line), MIN_LINES) * line;
      row.li.style.setProperty('--note-top', `${top}px`);
      row.li.style.setProperty('--note-height', `${height}px`);
      row.li.classList.toggle('is-cut', cut);
      const button = toggles.get(row.li.id)!;
      const open = expanded.has(row.li.id);
      button.hidden = !cut && !open;
      button.setAttribute('aria-expanded', String(open));
      button.firstElementChild!.textContent = open ? 'less' : 'more';
      bottom = top + height;
    });
    text.style.minHeight = `${Math.ceil(bottom + 16)}px`;
  };

  document.addEventListener('click', (e) => {
    const a = e.target instanceof Element ? e.target.closest<HTMLAnchorElement>('a[data-footnote-ref], a[data-footnote-backref], a.note-inline-list') : null;
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const id = target(a);
    const li = document.getElementById(id);
    if (!li) return;
    if (a.matches('[data-footnote-ref]') && li instanceof HTMLLIElement) {
      if (!matchMedia(WIDE).matches) {
        e.preventDefault();
        void loadInline().then((m) => m.toggle(a, li));
        return;
      }
      // Wide: the note beside the marker is shown whole and takes focus.
      if (!expanded.has(id)) {
        expanded.add(id);
        place();
      }
    }
    if (a.matches('.note-inline-list') && inline) void inline.then((m) => m.closeAll());
    // The note (an <li>) takes focus itself; a back link returns focus to its marker.
    if (!li.matches('a, button, [tabindex]')) li.tabIndex = -1;
    requestAnimationFrame(() => li.focus({ preventScroll: true }));
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && inline) void inline.then((m) => m.escape());
  });

  place();
  void document.fonts?.ready.then(place);
  let timer: number | undefined;
  const later = () => {
    clearTimeout(timer);
    timer = window.setTimeout(place, 100);
  };
  addEventListener('resize', later);
  document.addEventListener('toggle', later, true);
  // Anything that moves the text (a citation panel opened, a note opened in place) moves the notes with it.
  let last = 0;
  new ResizeObserver(() => {
    const h = [...text.children].reduce((s, c) => s + (c as HTMLElement).offsetHeight, 0);
    if (h !== last) {
      last = h;
      later();
    }
  }).observe(text);
}
