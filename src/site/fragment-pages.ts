/**
 * Old links into a list that has since been paged: `/works/#key` was the address of a work while
 * the works cited fitted one page; once they are paged by letter, the work is at
 * `/works/k/#key`. On the list's first page, a fragment that names no element here but is in
 * the page's map (a JSON script `#fragment-pages`: fragment → address of its page) is followed
 * there, so published links keep reaching their entry. Nothing happens for any other fragment.
 */
export function followPagedFragment(doc: Document = document, loc: Location = location): void {
  let id: string;
  try {
    id = decodeURIComponent(loc.hash.slice(1));
  } catch {
    return; // Not a fragment any page of the list wrote.
  }
  if (!id || doc.getElementById(id)) return;
  const map = doc.getElementById('fragment-pages');
  if (!map?.textContent) return;
  let pages: Record<string, string>;
  try {
    pages = JSON.parse(map.textContent) as Record<string, string>;
  } catch {
    return;
  }
  const to = Object.hasOwn(pages, id) ? pages[id] : undefined;
  if (typeof to === 'string' && to.startsWith('/')) loc.replace(`${to}#${encodeURIComponent(id)}`);
}
