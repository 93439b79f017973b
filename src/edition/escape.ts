/**
 * Escaping for the HTML the core writes: source text and contributor values become text,
 * never markup. `<`, `>` and `&` (and, in attribute values, `"`) are written as numeric character references; every other
 * character (`{`, `*`, `>>>`, letters in any script, no-break spaces) is text in HTML already.
 */

/** Escapes text for HTML element content (quotes need no escaping there). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Escapes a value for a double-quoted HTML attribute. */
export function escapeAttr(value: string): string {
  return value.replace(/[&"<>]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
