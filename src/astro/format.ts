/** Display helpers for pages: dates with their uncertainty, URLs under the site's base. */
import type { DateSpec } from '../edition/index.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `1941-12-09` → `9 December 1941`; `2012-02` → `February 2012`; `1915` → `1915`. */
export function formatPartialDate(d: string): string {
  const [y, m, day] = d.split('-');
  if (day) return `${Number(day)} ${MONTHS[Number(m) - 1]} ${y}`;
  if (m) return `${MONTHS[Number(m) - 1]} ${y}`;
  return y!;
}

/** A date spec as readers see it, uncertainty included: "about 1875", "1915 (also given as 1912)", "10 – 18 November 2021". */
export function formatDate(d: DateSpec): string {
  if ('from' in d) {
    const text = `${formatPartialDate(d.from)} – ${formatPartialDate(d.to)}`;
    return d.approximate ? `about ${text}` : text;
  }
  let text = formatPartialDate(d.value);
  if (d.approximate) text = `about ${text}`;
  if (d.alternatives.length) text += ` (also given as ${d.alternatives.map(formatPartialDate).join(', ')})`;
  return text;
}

/** Whether a date is uncertain (approximate, contested or a range). */
export function isUncertain(d: DateSpec): boolean {
  return d.approximate || ('alternatives' in d && d.alternatives.length > 0) || 'from' in d;
}

/** A machine-readable date for <time datetime>. */
export function isoDate(d: DateSpec): string {
  return 'from' in d ? d.from : d.value;
}

/**
 * The site's base path with a trailing slash (`/` or `/edition/`), from the same BASE variable
 * that astro.config.mjs reads (import.meta.env.BASE_URL is not the base during prerendering).
 */
export function siteBase(): string {
  const base = process.env.BASE ?? '/';
  return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

/** A site path under the configured base: `url('documents/')` → `/base/documents/`. */
export function url(path: string): string {
  return `${siteBase()}${path.replace(/^\//, '')}`;
}
