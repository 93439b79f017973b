/**
 * Rendered document texts a build keeps between the two pages that show each one (the document
 * page and its handout: src/components/DocumentText.astro). Each is kept by the first page and
 * taken, then let go, by the second.
 */
const kept = new Map<string, string>();

/** Keeps `html` under `key` for the other page. */
export function keepText(key: string, html: string): void {
  kept.set(key, html);
}

/** The HTML kept under `key`, let go as it is taken; undefined when none is kept. */
export function takeText(key: string): string | undefined {
  const html = kept.get(key);
  if (html !== undefined) kept.delete(key);
  return html;
}
