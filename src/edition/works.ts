/** Works cited: `annotations/works.yml`, a map of key → work, and short citations for notes. */
import type { Citation, Work } from './schema.js';

/** "Abrahamian, Ervand" → "Ervand Abrahamian"; an organisation's name stays as written. */
export function displayName(author: string): string {
  const m = /^([^,]+),\s*(.+)$/.exec(author);
  return m ? `${m[2]} ${m[1]}` : author;
}

/** A short citation for a note: `Ervand Abrahamian, Tortured Confessions (University of California Press, 1999), p. 208.` as plain text parts. */
export function shortCitation(work: Work, at?: string): { text: string; title: string; url?: string | undefined } {
  const authors = work.author.map(displayName);
  const who = authors.length > 2 ? `${authors[0]} et al.` : authors.join(' and ');
  const where = [work.container, work.publisher, work.date].filter(Boolean).join(', ');
  const text = `${who ? `${who}, ` : ''}${work.title}${where ? ` (${where})` : ''}${at ? `, ${at}` : ''}`;
  return { text, title: work.title, url: work.url };
}

/** The keys a list of citations refers to. */
export const citedKeys = (cites: Citation[]) => cites.map((c) => c.work);

/**
 * A short label for a work in a note's sources: "Abrahamian 1999", "Amnesty International 1990",
 * "BBC Persian 2012"; without author or date, the container or the first words of the title.
 */
export function sourceLabel(work: Work, at?: string): string {
  const family = (a: string) => (/,/.test(a) ? a.split(',')[0]!.trim() : a);
  const authors = work.author.filter((a) => !/contributors/i.test(a));
  const who = authors.length > 2 ? `${family(authors[0]!)} et al.` : authors.map(family).join(' and ');
  const words = work.title.split(/\s+/);
  const short = words.length > 6 ? `${words.slice(0, 6).join(' ')}…` : work.title;
  const name = who || (work.author.length ? `${short} (${work.container ?? 'wiki'})` : work.container || work.publisher || short);
  const year = work.date ? work.date.slice(0, 4) : '';
  return `${name}${year ? ` ${year}` : ''}${at ? `, ${at}` : ''}`;
}
