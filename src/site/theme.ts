/** The light/dark toggle: follows the system until the reader chooses, then remembers the choice. */
export function initThemeToggle(): void {
  const button = document.querySelector<HTMLButtonElement>('.theme-toggle');
  if (!button) return;
  const root = document.documentElement;
  const system = () => (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  const current = () => root.dataset.theme ?? system();
  const render = () => {
    const dark = current() === 'dark';
    button.setAttribute('aria-pressed', String(dark));
    button.textContent = 'Dark theme';
  };
  button.hidden = false;
  render();
  button.addEventListener('click', () => {
    const next = current() === 'dark' ? 'light' : 'dark';
    root.dataset.theme = next;
    try {
      localStorage.setItem('theme', next);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
    render();
  });
}

/**
 * The header's menu on phones: navigation, theme and search fold behind one "Menu" button, so
 * the header takes one row; Escape closes it. Wider screens show them in the row; without
 * scripts they are always shown.
 */
export function initSiteMenu(): void {
  const button = document.querySelector<HTMLButtonElement>('.menu-toggle');
  const menu = document.getElementById('site-menu');
  if (!button || !menu) return;
  button.hidden = false;
  const set = (open: boolean) => {
    button.setAttribute('aria-expanded', String(open));
    menu.classList.toggle('is-open', open);
  };
  button.addEventListener('click', () => set(button.getAttribute('aria-expanded') !== 'true'));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && menu.classList.contains('is-open') && menu.contains(document.activeElement)) {
      set(false);
      button.focus();
    }
  });
}

/**
 * On paper everything folded is open (provenance, boilerplate), whatever the browser: closed
 * `<details>` are opened for printing and closed again after (Chromium also prints them open by
 * CSS, ::details-content). The citation forms and the contents list stay folded.
 */
export function openForPrint(): void {
  let opened: HTMLDetailsElement[] = [];
  addEventListener('beforeprint', () => {
    opened = [...document.querySelectorAll<HTMLDetailsElement>('details:not([open]):not(.cite):not(.contents)')];
    for (const d of opened) d.open = true;
  });
  addEventListener('afterprint', () => {
    for (const d of opened) d.open = false;
    opened = [];
  });
}
