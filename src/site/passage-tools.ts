/**
 * Small enhancements of a document page (the page reads and links without them):
 * - beside every passage number, a "Copy link" button (the exact permanent URL) and a "Cite" button;
 * - selecting words inside a passage offers a link to exactly that selection (a text fragment);
 * - the reader's date of access fills the citations.
 */
const PLACEHOLDER = '[date accessed]';

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

function accessedDate(): string {
  return new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

/** Footnote reference ⇄ note: following either link also moves keyboard focus there. */
function focusFootnoteTargets(): void {
  document.addEventListener('click', (e) => {
    const a = e.target instanceof Element ? e.target.closest<HTMLAnchorElement>('a[data-footnote-ref], a[data-footnote-backref]') : null;
    if (!a) return;
    const target = document.getElementById(decodeURIComponent(a.hash.slice(1)));
    if (!target) return;
    // The note (an <li>) takes focus itself; a back-reference returns focus to the reference link.
    const focusable = target;
    if (!focusable.matches('a, button, [tabindex]')) focusable.tabIndex = -1;
    requestAnimationFrame(() => focusable.focus());
  });
}

export function initPassageTools(): void {
  focusFootnoteTargets();
  const today = accessedDate();
  const fill = (root: ParentNode) => {
    for (const pre of root.querySelectorAll('pre')) if (pre.textContent?.includes(PLACEHOLDER)) pre.textContent = pre.textContent.replaceAll(PLACEHOLDER, today);
  };
  fill(document);
  // The passage citation forms ([format, label, text with __P__ for the number]), from the page.
  const formsJson = document.getElementById('passage-cite-forms')?.textContent;
  const forms = formsJson ? (JSON.parse(formsJson) as [string, string, string][]) : undefined;
  for (const number of document.querySelectorAll<HTMLAnchorElement>('.passage-number')) {
    const passage = number.closest<HTMLElement>('[data-passage]')!;
    const n = passage.dataset.passage!;
    const tools = document.createElement('span');
    tools.className = 'passage-tools';
    const link = Object.assign(document.createElement('button'), { type: 'button', className: 'copy-link', textContent: 'Copy link' });
    link.setAttribute('aria-label', `Copy link to passage ${n}`);
    link.addEventListener('click', () => void copy(passageUrl(passage.id), 'Link'));
    tools.append(link);
    if (forms) {
      const cite = Object.assign(document.createElement('button'), { type: 'button', className: 'cite-passage-button', textContent: 'Cite' });
      cite.setAttribute('aria-label', `Cite passage ${n}`);
      cite.addEventListener('click', () => {
        document.querySelector('.cite-passage')?.remove();
        const panel = element('div', { className: 'cite-passage', role: 'region', ariaLabel: 'Cite this passage' });
        const dl = element('dl', { className: 'cite-forms' });
        for (const [format, label, text] of forms) {
          const pre = element('pre', { textContent: text.replaceAll('__P__', n) });
          pre.dataset.format = format;
          const dd = element('dd', {});
          dd.append(pre);
          dl.append(element('dt', { textContent: label }), dd);
        }
        const close = element('button', { type: 'button', className: 'cite-close', textContent: 'Close' });
        panel.append(element('h2', { textContent: `Cite passage ¶${n}` }), dl, close);
        fill(panel);
        passage.after(panel);
        close.addEventListener('click', () => {
          panel.remove();
          cite.focus();
        });
        panel.tabIndex = -1;
        panel.focus();
      });
      tools.append(cite);
    }
    number.after(tools);
  }
  // Link to a selection.
  const selectionButton = Object.assign(document.createElement('button'), { type: 'button', className: 'copy-selection', textContent: 'Copy link to selection', hidden: true });
  document.body.append(selectionButton);
  let pending: { id: string; text: string } | null = null;
  document.addEventListener('selectionchange', () => {
    const sel = document.getSelection();
    const text = sel?.toString() ?? '';
    const a = sel?.anchorNode?.parentElement?.closest<HTMLElement>('[data-passage]');
    const b = sel?.focusNode?.parentElement?.closest<HTMLElement>('[data-passage]');
    if (!sel || sel.isCollapsed || !a || a !== b || text.trim().length < 3) {
      selectionButton.hidden = true;
      pending = null;
      return;
    }
    pending = { id: a.id, text };
    const r = sel.getRangeAt(0).getBoundingClientRect();
    selectionButton.style.left = `${window.scrollX + r.left}px`;
    selectionButton.style.top = `${window.scrollY + r.bottom + 6}px`;
    selectionButton.hidden = false;
  });
  selectionButton.addEventListener('mousedown', (e) => e.preventDefault());
  selectionButton.addEventListener('click', () => {
    if (pending) void copy(fragmentUrl(pending.id, pending.text), 'Link to the selection');
  });
}
