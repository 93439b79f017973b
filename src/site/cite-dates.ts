/**
 * Fills the reader's date of access into the page's citations, in each form's own format: the
 * build leaves "[date of access]" (ACCESSED_PLACEHOLDER in src/edition/cite.ts) where the
 * date goes, and the form's `data-format` says how it is written. Runs on the document's forms,
 * on the passage forms handed to the passage tools (script#passage-cite-forms), and on any
 * citation panel added later.
 */
const PLACEHOLDER = '[date of access]';
const MLA_MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number) => String(n).padStart(2, '0');

/** The date `d` as the citation form `format` writes a date of access. */
export function accessDate(format: string, d: Date): string {
  const [y, m, day] = [d.getFullYear(), d.getMonth(), d.getDate()];
  switch (format) {
    case 'mla':
      return `${day} ${MLA_MONTHS[m]} ${y}`; // MLA 9: 3 Dec. 2026
    case 'bibtex':
    case 'csl-json':
      return `${y}-${pad(m + 1)}-${pad(day)}`; // BibLaTeX urldate, CSL "raw" date
    case 'ris':
      return `${y}/${pad(m + 1)}/${pad(day)}/`; // RIS Y2
    default:
      return `${MONTHS[m]} ${day}, ${y}`; // Chicago and APA: December 3, 2026
  }
}

/** Replaces the placeholder in every citation form under `root`. */
export function fillAccessDates(root: ParentNode, today = new Date()): void {
  for (const pre of root.querySelectorAll<HTMLElement>('pre[data-format]')) {
    if (pre.textContent?.includes(PLACEHOLDER)) pre.textContent = pre.textContent.replaceAll(PLACEHOLDER, accessDate(pre.dataset.format ?? '', today));
  }
}

/** The passage forms ([format, label, text]) with the reader's date in each. */
export function fillPassageForms(json: string, today = new Date()): string {
  const forms = JSON.parse(json) as [string, string, string][];
  return JSON.stringify(forms.map(([format, label, text]) => [format, label, text.replaceAll(PLACEHOLDER, accessDate(format, today))])).replace(/</g, '\\u003c');
}

export function initCiteDates(): void {
  const today = new Date();
  fillAccessDates(document, today);
  const script = document.getElementById('passage-cite-forms');
  if (script?.textContent) script.textContent = fillPassageForms(script.textContent, today);
  // Passage panels built before this ran, or from forms read earlier, are filled when they appear.
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) fillAccessDates(n, today);
  }).observe(document.body, { childList: true, subtree: true });
}
