/**
 * Sidenotes: on wide screens each note is also shown in the margin beside the words it
 * comments on, aligned with its reference and pushed down only to avoid overlapping the
 * note above. The footnotes under the text stay (they are what screen readers and print
 * use); sidenotes are a visual copy, hidden from assistive technology.
 */
const WIDE = '(min-width: 72rem)';

export function initSidenotes(): void {
  const text = document.querySelector<HTMLElement>('section.text');
  if (!text) return;
  const layer = document.createElement('div');
  layer.className = 'sidenotes';
  layer.inert = true; // a visual copy: out of the focus order and the accessibility tree
  text.append(layer);
  const place = () => {
    layer.replaceChildren();
    if (!matchMedia(WIDE).matches) return;
    const base = text.getBoundingClientRect().top;
    let bottom = 0;
    for (const ref of text.querySelectorAll<HTMLAnchorElement>('[data-passage] a[data-footnote-ref]')) {
      const li = document.getElementById(decodeURIComponent(ref.hash.slice(1)));
      if (!li || (ref.closest('[hidden]') ?? ref.closest('details:not([open])'))) continue;
      const note = document.createElement('div');
      note.className = 'sidenote';
      const kind = li.querySelector('.note-kind')?.getAttribute('data-kind');
      if (kind) note.dataset.kind = kind;
      const number = Object.assign(document.createElement('span'), { className: 'sidenote-number', textContent: ref.textContent ?? '' });
      note.append(number);
      for (const child of li.children) {
        const copy = child.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('[id]').forEach((e) => e.removeAttribute('id'));
        copy.querySelectorAll('a[data-footnote-backref]').forEach((e) => e.remove());
        copy.querySelectorAll('a').forEach((a) => a.setAttribute('tabindex', '-1'));
        note.append(copy);
      }
      note.dataset.for = ref.id;
      layer.append(note);
      const top = Math.max(ref.getBoundingClientRect().top - base, bottom);
      note.style.top = `${top}px`;
      // Long notes are shortened in the margin; the full note is in the footnotes below.
      if (note.scrollHeight > note.clientHeight + 2) {
        note.classList.add('is-clipped');
        const more = Object.assign(document.createElement('a'), { className: 'sidenote-more', href: ref.hash, textContent: `Read note ${ref.textContent ?? ''} in full`, tabIndex: -1 });
        more.style.position = 'absolute';
        more.style.top = `${top + note.offsetHeight + 2}px`;
        layer.append(more);
        bottom = top + note.offsetHeight + 24;
      } else bottom = top + note.offsetHeight + 12;
    }
  };
  place();
  void document.fonts?.ready.then(place);
  let timer: number | undefined;
  addEventListener('resize', () => {
    clearTimeout(timer);
    timer = window.setTimeout(place, 150);
  });
  document.addEventListener('toggle', place, true);
}
