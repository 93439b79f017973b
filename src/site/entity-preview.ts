/**
 * Entity previews: hovering or focusing a mention shows the entry's name, dates and one-line
 * description; Escape, blur or leaving closes it. The previews are fetched once, on first use.
 * Without scripts the mention is simply a link to the entry.
 */
type Preview = { name: string; kind: string; dates: string; description: string };

export function initEntityPreviews(url: string): void {
  let previews: Promise<Record<string, Preview>> | undefined;
  const tip = document.createElement('div');
  tip.id = 'entity-preview';
  tip.setAttribute('role', 'tooltip');
  tip.className = 'entity-preview';
  tip.hidden = true;
  document.body.append(tip);
  let current: HTMLElement | null = null;

  const hide = () => {
    tip.hidden = true;
    current?.removeAttribute('aria-describedby');
    current = null;
  };
  const show = async (a: HTMLElement) => {
    previews ??= fetch(url).then((r) => r.json() as Promise<Record<string, Preview>>);
    const p = (await previews)[a.dataset.entity ?? ''];
    if (!p) return;
    current = a;
    tip.replaceChildren();
    const name = Object.assign(document.createElement('strong'), { textContent: p.name });
    const meta = Object.assign(document.createElement('span'), { className: 'entity-preview-meta', textContent: ` ${p.kind}${p.dates ? `, ${p.dates}` : ''}` });
    const desc = Object.assign(document.createElement('p'), { textContent: p.description });
    tip.append(name, meta, desc);
    const r = a.getBoundingClientRect();
    tip.style.left = `${Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - 330))}px`;
    tip.style.top = `${window.scrollY + r.bottom + 6}px`;
    tip.hidden = false;
    a.setAttribute('aria-describedby', tip.id);
  };
  const target = (e: Event) => (e.target instanceof Element ? e.target.closest<HTMLElement>('a[data-entity]') : null);
  document.addEventListener('mouseover', (e) => { const a = target(e); if (a && a !== current) void show(a); });
  document.addEventListener('mouseout', (e) => { if (target(e) === current) hide(); });
  document.addEventListener('focusin', (e) => { const a = target(e); if (a) void show(a); });
  document.addEventListener('focusout', (e) => { if (target(e) === current) hide(); });
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && current) hide(); });
}
