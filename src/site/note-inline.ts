/**
 * A note opened in place, under its passage (narrow screens; loaded on first use by
 * src/site/sidenotes.ts): the note's kind, the passage and words it explains, its body and
 * sources, a Close button and a link to the note in the list. The marker (again), Close or
 * Escape closes it and gives focus back to the marker.
 */
const open = new Map<string, HTMLElement>();
const refs = new Map<string, HTMLAnchorElement>();

const closeInline = (id: string, focus: boolean): void => {
  open.get(id)?.remove();
  open.delete(id);
  const ref = refs.get(id);
  ref?.setAttribute('aria-expanded', 'false');
  if (focus) ref?.focus();
};
const openInline = (ref: HTMLAnchorElement, li: HTMLLIElement) => {
  const passage = ref.closest<HTMLElement>('[data-passage]');
  if (!passage) return;
  const n = ref.textContent ?? '';
  const panel = document.createElement('div');
  panel.className = 'note-inline';
  panel.id = `note-inline-${li.id}`;
  panel.setAttribute('role', 'region');
  panel.setAttribute('aria-label', `Note ${n}`);
  panel.tabIndex = -1;
  const kind = li.querySelector('.note-kind')?.getAttribute('data-kind');
  if (kind) panel.dataset.kind = kind;
  const number = Object.assign(document.createElement('span'), { className: 'note-inline-number', textContent: `${n}.` });
  const body = document.createElement('div');
  body.className = 'note-inline-body';
  for (const child of li.children) {
    if (child.matches('.note-toggle')) continue;
    const copy = child.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[id]').forEach((e) => e.removeAttribute('id'));
    copy.querySelectorAll('a[data-footnote-backref]').forEach((e) => e.remove());
    body.append(copy);
  }
  body.firstElementChild?.prepend(number, ' ');
  const close = Object.assign(document.createElement('button'), { type: 'button', className: 'note-inline-close', textContent: 'Close' });
  close.append(Object.assign(document.createElement('span'), { className: 'visually-hidden', textContent: ` note ${n}` }));
  close.addEventListener('click', () => closeInline(li.id, true));
  const whole = Object.assign(document.createElement('a'), { href: `#${li.id}`, className: 'note-inline-list', textContent: 'In the list of notes' });
  const actions = document.createElement('p');
  actions.className = 'note-inline-actions';
  actions.append(close, whole);
  panel.append(body, actions);
  // Under the passage, after any note of the same passage already open.
  let after: Element = passage;
  while (after.nextElementSibling?.classList.contains('note-inline')) after = after.nextElementSibling;
  after.after(panel);
  open.set(li.id, panel);
  ref.setAttribute('aria-expanded', 'true');
  ref.setAttribute('aria-controls', panel.id);
  panel.focus({ preventScroll: true });
  panel.scrollIntoView({ block: 'nearest' });
};


/** The marker `ref` of note `li` was followed: its note opens, or closes if it is open. */
export function toggle(ref: HTMLAnchorElement, li: HTMLLIElement): void {
  refs.set(li.id, ref);
  if (open.has(li.id)) closeInline(li.id, false);
  else openInline(ref, li);
}

/** Closes every open note (when the reader goes to the list of notes). */
export function closeAll(): void {
  for (const id of [...open.keys()]) closeInline(id, false);
}

/** Escape: closes the note that has focus, or whose marker has it, else the last opened. */
export function escape(): void {
  if (open.size === 0) return;
  const inside = [...open.entries()].find(([, panel]) => panel.contains(document.activeElement));
  const ref = [...open.keys()].find((id) => refs.get(id) === document.activeElement);
  closeInline(inside?.[0] ?? ref ?? [...open.keys()].pop()!, true);
}
