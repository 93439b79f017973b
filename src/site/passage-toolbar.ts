/**
 * The passage toolbar itself (loaded on first use by src/site/passage-tools.ts): one toolbar,
 * under the passage whose ¶ number was followed or whose words are selected, with "Copy link",
 * "Cite" (the passage's citation forms, from the page) and "Copy link to selection".
 */
/** A new element with the given properties (text is set as text, never parsed as HTML). */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Omit<HTMLElementTagNameMap[K], 'role' | 'ariaLabel'>> & { role?: string; ariaLabel?: string }): HTMLElementTagNameMap[K] {
  const { role, ariaLabel, ...rest } = props;
  const el = Object.assign(document.createElement(tag), rest);
  if (role) el.setAttribute('role', role);
  if (ariaLabel) el.setAttribute('aria-label', ariaLabel);
  return el;
}

function announce(text: string): void {
  const region = document.getElementById('tool-status');
  if (region) region.textContent = text;
}

async function copy(text: string, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    announce(`${what} copied: ${text}`);
  } catch {
    window.prompt(`Copy the ${what.toLowerCase()}:`, text);
  }
}

function passageUrl(id: string): string {
  return `${location.origin}${location.pathname}#${id}`;
}

/** A text-fragment link for `text` inside passage `id` (https://wicg.github.io/scroll-to-text-fragment/). */
export function fragmentUrl(id: string, text: string): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
  const words = text.trim().replace(/\s+/g, ' ').split(' ');
  const directive = words.length > 8 ? `${enc(words.slice(0, 4).join(' '))},${enc(words.slice(-4).join(' '))}` : enc(words.join(' '));
  return `${passageUrl(id)}:~:text=${directive}`;
}


// The passage citation forms ([format, label, text with __P__ for the number]), from the page.
const formsJson = document.getElementById('passage-cite-forms')?.textContent;
const forms = formsJson ? (JSON.parse(formsJson) as [string, string, string][]) : undefined;

let bar: HTMLElement | null = null;
let barPassage: HTMLElement | null = null;
let selection: { id: string; text: string } | null = null;
let selectionButton: HTMLButtonElement | null = null;
export const close = (focusNumber: boolean): void => {
  if (!bar || !barPassage) return;
  const number = barPassage.querySelector<HTMLAnchorElement>('.passage-number');
  number?.setAttribute('aria-expanded', 'false');
  barPassage.classList.remove('has-tools');
  bar.remove();
  bar = null;
  barPassage = null;
  selectionButton = null;
  if (focusNumber) number?.focus();
};

/** The toolbar of one passage, under it. */
const open = (passage: HTMLElement): HTMLElement => {
  if (bar && barPassage === passage) return bar;
  close(false);
  const n = passage.dataset.passage!;
  const number = passage.querySelector<HTMLAnchorElement>('.passage-number');
  const region = element('div', { className: 'passage-toolbar', role: 'group', ariaLabel: `Passage ${n}: link and citation`, id: 'passage-toolbar' });
  const row = element('p', { className: 'passage-toolbar-row' });
  row.append(element('span', { className: 'passage-toolbar-label', textContent: `¶${n}` }));
  const link = element('button', { type: 'button', className: 'copy-link', textContent: 'Copy link' });
  link.addEventListener('click', () => void copy(passageUrl(passage.id), 'Link'));
  row.append(link);
  if (forms) {
    const cite = element('button', { type: 'button', className: 'cite-passage-button', textContent: 'Cite' });
    cite.setAttribute('aria-expanded', 'false');
    cite.addEventListener('click', () => {
      const shown = region.querySelector('.cite-passage');
      if (shown) {
        shown.remove();
        cite.setAttribute('aria-expanded', 'false');
        return;
      }
      const panel = element('div', { className: 'cite-passage', role: 'region', ariaLabel: `Cite passage ${n}` });
      const dl = element('dl', { className: 'cite-forms' });
      for (const [format, label, text] of forms) {
        const pre = element('pre', { textContent: text.replaceAll('__P__', n) });
        pre.dataset.format = format;
        const dd = element('dd', {});
        dd.append(pre);
        dl.append(element('dt', { textContent: label }), dd);
      }
      panel.append(dl);
      region.append(panel);
      cite.setAttribute('aria-expanded', 'true');
    });
    row.append(cite);
  }
  selectionButton = element('button', { type: 'button', className: 'copy-selection', textContent: 'Copy link to selection', hidden: true });
  selectionButton.addEventListener('mousedown', (e) => e.preventDefault());
  selectionButton.addEventListener('click', () => {
    if (selection) void copy(fragmentUrl(selection.id, selection.text), 'Link to the selection');
  });
  row.append(selectionButton);
  const shut = element('button', { type: 'button', className: 'passage-toolbar-close', textContent: 'Close' });
  shut.append(element('span', { className: 'visually-hidden', textContent: ` tools of passage ${n}` }));
  shut.addEventListener('click', () => close(true));
  row.append(shut);
  region.append(row);
  passage.after(region);
  passage.classList.add('has-tools');
  number?.setAttribute('aria-expanded', 'true');
  number?.setAttribute('aria-controls', region.id);
  bar = region;
  barPassage = passage;
  return region;
};


/** A ¶ number was followed: its passage's toolbar opens (or closes, if it is open). */
export function toggle(number: HTMLAnchorElement): void {
  const passage = number.closest<HTMLElement>('[data-passage]');
  if (!passage) return;
  if (barPassage === passage) return close(true);
  // The address bar shows the passage's permanent link, without a jump.
  history.replaceState(history.state, '', `#${passage.id}`);
  open(passage).querySelector<HTMLButtonElement>('.copy-link')?.focus();
}

/** Escape closes the toolbar when focus is in it or in its passage. */
export function escape(): void {
  if (bar && (bar.contains(document.activeElement) || barPassage?.contains(document.activeElement))) close(true);
}

/** Selected words inside one passage: the toolbar offers a link to exactly them. */
export function selectionChanged(): void {
  const sel = document.getSelection();
  const text = sel?.toString() ?? '';
  const a = sel?.anchorNode?.parentElement?.closest<HTMLElement>('[data-passage]');
  const b = sel?.focusNode?.parentElement?.closest<HTMLElement>('[data-passage]');
  if (!sel || sel.isCollapsed || !a || a !== b || text.trim().length < 3) {
    selection = null;
    if (selectionButton) selectionButton.hidden = true;
    return;
  }
  selection = { id: a.id, text };
  open(a);
  selectionButton!.hidden = false;
}
