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
