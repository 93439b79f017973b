/**
 * APA references, written by citeproc (citation-js's bundled APA style) once per *shape* of
 * reference rather than once per document.
 *
 * citeproc takes several milliseconds to write one APA reference (about 4 s of a
 * 1,000-document build, a minute at 10,000), yet an edition's references differ only in their
 * values: title, date, URL, names. So a reference's shape (its type, which fields it has, how
 * many names and of which form, its date's precision) is rendered twice by citeproc, with two
 * different sets of stand-in values, and the two outputs are compared: where they differ only
 * at the stand-ins, the output is a template whose slots take the real values. Anything the
 * style does to a value (case changes, dropped periods, initials, smart quotes, reordering)
 * shows as a difference between the two renderings, and that shape then always goes through
 * citeproc. Real values are put in a template only if they are plain (letters, digits and
 * ordinary punctuation, no quotes, markup or trailing punctuation that citeproc might merge);
 * any other reference goes through citeproc too. `test/unit/apa.test.ts` checks the result
 * against citeproc over many shapes and values.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';

/** A CSL-JSON item (as made by cite.ts). */
export type CslItem = Record<string, unknown>;

/** The APA reference of a CSL item, straight from citeproc. */
export function renderApa(item: CslItem): string {
  stats.rendered++;
  return String(new Cite(item).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' })).trim();
}

/** How references were made since start-up (for tests and the benchmark). */
export const stats = { rendered: 0, fromTemplate: 0 };

/** The APA reference of a CSL item: the same text as {@link renderApa}, usually much faster. */
export function apaReference(item: CslItem): string {
  const plan = planOf(item);
  if (!plan) return renderApa(item);
  let template = templates.get(plan.key);
  if (template === undefined) {
    template = buildTemplate(plan);
    templates.set(plan.key, template);
  }
  if (template === null) return renderApa(item);
  stats.fromTemplate++;
  return template.map((part) => (typeof part === 'string' ? part : plan.values.get(part.slot)!)).join('');
}

type Part = string | { slot: string };
/** Templates by shape; null: this shape's output depends on its values, use citeproc. */
const templates = new Map<string, Part[] | null>();

interface Plan {
  /** The shape. */
  key: string;
  /** The real values, by slot. */
  values: Map<string, string>;
  /** The item with each set of stand-ins, and what each slot looks like in it. */
  stand: [{ item: CslItem; slots: Map<string, string> }, { item: CslItem; slots: Map<string, string> }];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Text citeproc writes as it is: starts with a letter or digit, ends with one or `)`, no quotes, markup, `&` or doubled spaces. */
const PLAIN_TEXT = /^[\p{L}\p{N}](?:[\p{L}\p{N}\p{M} ,;:()/#%+=_~?!–—.’-]*[\p{L}\p{N}\p{M})])?$/u;
const PLAIN_URL = /^https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&()*+,;=%]+$/;
/** A family name of one capitalised word, or two joined by a hyphen. */
const PLAIN_FAMILY = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u;
/** Given names: one to three capitalised words. */
const PLAIN_GIVEN = /^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2}$/u;
/** Fields whose values are slots (the rest are part of the shape). */
const TEXT_FIELDS = ['title', 'archive', 'archive_location', 'publisher', 'note'];
const SHAPE_FIELDS = ['type', 'container-title', 'language', 'genre'];

/** Two stand-ins for text: the same kinds of characters, different letters; no digits (dates use them). */
const standText = (tag: string): [string, string] => [
  `qzX${tag} ab, cd; ef: (gh) ij/kl #mn %op +qr –st —uv -wx y.z ab’cd e_f g~h i=j k? l! m qzX`,
  `wkY${tag} ba, dc; fe: (hg) ji/lk #nm %po +rq –ts —vu -xw z.y ba’dc f_e h~g j=i l? k! n wkY`,
];
const STAND_URL: [string, string] = ['https://qzx.example/qzX-u_a~b%AB?c=d&e=f#g', 'https://wky.example/wkY-u_b~a%CD?d=c&f=e#h'];
/** Stand-in dates: every year, month and day distinct, and no digit shared with the other parts of the same set. */
const STAND_DATE: [[number, number, number], [number, number, number]] = [
  [2888, 11, 7],
  [1666, 10, 2],
];
/** Letters for stand-in names: upper-case letters used nowhere else in a stand-in reference. */
const NAME_LETTERS: [string, string] = ['JKVGB', 'HMPDF'];

/** Works out the shape, the slots and the stand-ins of an item; null if the item is not plain enough. */
function planOf(item: CslItem): Plan | null {
  const key: unknown[] = [];
  const values = new Map<string, string>();
  const stand: Plan['stand'] = [
    { item: {}, slots: new Map() },
    { item: {}, slots: new Map() },
  ];
  let tag = 0;
  let person = 0; // stand-in names are numbered across authors and recipients, so none repeats
  const nextTag = () => String.fromCharCode(97 + (tag % 26)) + String.fromCharCode(97 + Math.floor(tag++ / 26));
  const set = (field: string, a: unknown, b: unknown) => {
    stand[0].item[field] = a;
    stand[1].item[field] = b;
  };
  const slot = (name: string, real: string, a: string, b: string) => {
    values.set(name, real);
    stand[0].slots.set(name, a);
    stand[1].slots.set(name, b);
  };
  for (const [field, value] of Object.entries(item)) {
    if (value === undefined) continue;
    if (field === 'id') {
      set(field, 'qzx-id', 'wky-id');
    } else if (SHAPE_FIELDS.includes(field)) {
      if (typeof value !== 'string') return null;
      key.push([field, value]);
      set(field, value, value);
    } else if (TEXT_FIELDS.includes(field)) {
      if (typeof value !== 'string' || !PLAIN_TEXT.test(value)) return null;
      const [a, b] = standText(nextTag());
      key.push([field]);
      slot(field, value, a, b);
      set(field, a, b);
    } else if (field === 'URL') {
      if (typeof value !== 'string' || !PLAIN_URL.test(value)) return null;
      key.push([field]);
      slot(field, value, ...STAND_URL);
      set(field, ...STAND_URL);
    } else if (field === 'issued') {
      const parts = (value as { 'date-parts'?: unknown })?.['date-parts'];
      if (Object.keys(value as object).length !== 1 || !Array.isArray(parts) || parts.length !== 1 || !Array.isArray(parts[0])) return null;
      const [y, m, d, ...rest] = parts[0] as unknown[];
      if (rest.length || !Number.isInteger(y) || (y as number) < 1000 || (y as number) > 9999) return null;
      if (m !== undefined && (!Number.isInteger(m) || (m as number) < 1 || (m as number) > 12)) return null;
      if (d !== undefined && (m === undefined || !Number.isInteger(d) || (d as number) < 1 || (d as number) > 31)) return null;
      const precision = d !== undefined ? 3 : m !== undefined ? 2 : 1;
      key.push([field, precision]);
      slot('year', String(y), String(STAND_DATE[0][0]), String(STAND_DATE[1][0]));
      if (precision >= 2) slot('month', MONTHS[(m as number) - 1]!, MONTHS[STAND_DATE[0][1] - 1]!, MONTHS[STAND_DATE[1][1] - 1]!);
      if (precision === 3) slot('day', String(d), String(STAND_DATE[0][2]), String(STAND_DATE[1][2]));
      set(field, { 'date-parts': [STAND_DATE[0].slice(0, precision)] }, { 'date-parts': [STAND_DATE[1].slice(0, precision)] });
    } else if (field === 'author' || field === 'recipient') {
      if (!Array.isArray(value) || value.length === 0) return null;
      const shapes: string[] = [];
      const standNames: [unknown[], unknown[]] = [[], []];
      for (const [i, name] of value.entries()) {
        const n = name as { literal?: unknown; given?: unknown; family?: unknown };
        const slotName = `${field}${i}`;
        if (Object.keys(n).length === 1 && typeof n.literal === 'string' && PLAIN_TEXT.test(n.literal)) {
          const [a, b] = standText(nextTag());
          shapes.push('literal');
          slot(slotName, n.literal, a, b);
          standNames[0].push({ literal: a });
          standNames[1].push({ literal: b });
        } else if (Object.keys(n).length === 2 && typeof n.given === 'string' && typeof n.family === 'string' && PLAIN_GIVEN.test(n.given) && PLAIN_FAMILY.test(n.family)) {
          // The family name is a slot; the given names become initials ("Georgi" → "G."), checked
          // by giving the stand-ins as many given names as the real one.
          const k = person++;
          if (k >= NAME_LETTERS[0].length) return null; // the stand-in letters run out; long lists are rare
          const words = n.given.split(' ').length;
          const hyphen = n.family.includes('-');
          shapes.push(`person:${words}:${hyphen}`);
          const family = standFamily(k, hyphen);
          const given = standGiven(k, words);
          slot(`${slotName}.family`, n.family, ...family);
          slot(`${slotName}.initials`, initials(n.given), initials(given[0]), initials(given[1]));
          standNames[0].push({ given: given[0], family: family[0] });
          standNames[1].push({ given: given[1], family: family[1] });
        } else return null;
      }
      key.push([field, shapes]);
      set(field, standNames[0], standNames[1]);
    } else return null; // a field this module does not know: its effect on the output is unknown
  }
  return { key: JSON.stringify(key), values, stand };
}

const initials = (given: string) => given.split(' ').map((w) => `${[...w][0]}.`).join(' ');
const standFamily = (i: number, hyphen: boolean): [string, string] => {
  const a = `Qzxfam${'abcde'[i]}`;
  const b = `Wkyfam${'abcde'[i]}`;
  return hyphen ? [`${a}-Qzxfan`, `${b}-Wkyfan`] : [a, b];
};
/** Given names whose initials are the stand-in letters (one letter per name and set). */
const standGiven = (i: number, words: number): [string, string] =>
  [0, 1].map((set) => Array.from({ length: words }, (_, w) => `${NAME_LETTERS[set as 0 | 1][i]}${'qrs'[w]}${'abcde'[i]}`).join(' ')) as [string, string];

/** Renders both stand-in items and keeps the output as a template if they differ only at the slots. */
function buildTemplate(plan: Plan): Part[] | null {
  const split = plan.stand.map(({ item, slots }) => splitAtSlots(renderApa(item), slots));
  const [a, b] = split;
  if (!a || !b || a.length !== b.length) return null;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (typeof x === 'string' ? x !== y : typeof y === 'string' || x.slot !== y.slot) return null;
  }
  // A slot missing from both outputs is a field the style does not print for this shape.
  return a;
}

/** Cuts an output at every slot's stand-in, each of which must occur at most once. */
function splitAtSlots(output: string, slots: Map<string, string>): Part[] | null {
  const found: { at: number; end: number; slot: string }[] = [];
  for (const [slot, text] of slots) {
    const at = indexOfToken(output, text, 0);
    if (at < 0) continue;
    if (indexOfToken(output, text, at + 1) >= 0) return null;
    found.push({ at, end: at + text.length, slot });
  }
  found.sort((x, y) => x.at - y.at);
  const parts: Part[] = [];
  let from = 0;
  for (const f of found) {
    if (f.at < from) return null; // overlapping stand-ins
    parts.push(output.slice(from, f.at), { slot: f.slot });
    from = f.end;
  }
  parts.push(output.slice(from));
  return parts;
}

/** indexOf, but a stand-in made of digits must not be part of a longer number ("7" in "17"). */
function indexOfToken(s: string, token: string, from: number): number {
  const digits = /^\d+$/.test(token);
  for (let i = s.indexOf(token, from); i >= 0; i = s.indexOf(token, i + 1)) {
    if (!digits || (!/\d/.test(s[i - 1] ?? '') && !/\d/.test(s[i + token.length] ?? ''))) return i;
  }
  return -1;
}
