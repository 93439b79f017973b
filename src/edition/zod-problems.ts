/** Turns zod validation issues into editor-readable problems at the right line. */
import type { z } from 'zod';
import type { DataPath } from './frontmatter.js';
import type { Problems } from './problems.js';

type Issue = z.core.$ZodIssue;

/** Picks, from a union's branches, the issues of the branch that got furthest. */
function flatten(issue: Issue): Issue[] {
  if (issue.code === 'invalid_union' && 'errors' in issue && Array.isArray(issue.errors) && issue.errors.length) {
    const branches = issue.errors as Issue[][];
    const depth = (b: Issue[]) => Math.max(...b.map((i) => i.path.length), 0) - b.length / 100;
    const best = [...branches].sort((a, b) => depth(b) - depth(a))[0]!;
    return best.flatMap((i) => flatten({ ...i, path: [...issue.path, ...i.path] } as Issue));
  }
  return [issue];
}

const describePath = (path: readonly PropertyKey[]) =>
  path.map((p) => (typeof p === 'number' ? `[${p + 1}]` : `.${String(p)}`)).join('').replace(/^\./, '');

/** Edit distance between two short strings (insertions, deletions, substitutions, swaps of neighbours). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** Whether `written` is a likely misspelling of `field` ("titel" for "title", "Summary" for "summary"). */
const misspelling = (written: string, field: string) =>
  written.toLowerCase() === field.toLowerCase() || distance(written.toLowerCase(), field.toLowerCase()) <= (field.length > 5 ? 2 : 1);

/** Reports every issue of a failed parse. `what` names the kind of file ("note", "source"…). */
export function reportZodError(
  error: z.ZodError,
  data: unknown,
  file: string,
  locate: (path: DataPath, key?: boolean) => { line: number; col: number },
  problems: Problems,
  what: string,
): void {
  const issues = error.issues.flatMap(flatten);
  const pathOf = (issue: Issue) => issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const missing = (issue: Issue) => issue.code !== 'unrecognized_keys' && pathOf(issue).length > 0 && valueAt(data, pathOf(issue)) === undefined;
  // A misspelt field is one mistake: "Unknown field "titel" … Did you mean "title"?", not also "title is missing".
  const meant = new Map<Issue, string>();
  const explained = new Set<Issue>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const at = describePath(pathOf(issue));
    const key = (issue as { keys: string[] }).keys[0]!;
    const gap = issues.find((o) => !explained.has(o) && missing(o) && describePath(pathOf(o).slice(0, -1)) === at && misspelling(key, String(pathOf(o).at(-1))));
    if (gap) {
      meant.set(issue, String(pathOf(gap).at(-1)));
      explained.add(gap);
    }
  }
  // One message per field: an address that is neither https nor free of spaces is one mistake to fix.
  const reported = new Set<string>();
  for (const issue of issues) {
    if (explained.has(issue)) continue;
    const path = pathOf(issue);
    const field = describePath(path);
    if (issue.code !== 'unrecognized_keys') {
      if (reported.has(field)) continue;
      reported.add(field);
    }
    let message: string;
    let where = path;
    let atKey = false;
    if (issue.code === 'unrecognized_keys') {
      const keys = (issue as { keys: string[] }).keys;
      where = [...path, keys[0]!];
      atKey = true;
      const right = meant.get(issue);
      message = right
        ? `Unknown field "${keys[0]}"${field ? ` in "${field}"` : ''} of this ${what}. Did you mean "${right}"? Correct the spelling.${keys.length > 1 ? ` (Also unknown: ${keys.slice(1).map((k) => `"${k}"`).join(', ')}.)` : ''}`
        : `Unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}${field ? ` in "${field}"` : ''} of this ${what}. Check the spelling, or remove ${keys.length > 1 ? 'them' : 'it'}.`;
    } else if (valueAt(data, path) === undefined && path.length > 0) {
      // A field with a fixed set of values (a note's kind, a work's category) lists them.
      const values = issue.code === 'invalid_value' ? (issue as { values: unknown[] }).values : [];
      message = `The field "${field}" is missing from this ${what}. Add it to the metadata${values.length ? `: one of ${values.join(', ')}` : ''}.`;
    } else if (issue.code === 'invalid_type') {
      const expected = (issue as { expected: string }).expected;
      const friendly: Record<string, string> = { string: 'text', array: 'a list', object: 'a set of fields', number: 'a number', boolean: 'true or false' };
      message = `"${field}" should be ${friendly[expected] ?? expected}. ${expected === 'string' ? 'Put the value in quotes if it contains a colon.' : ''}`.trim();
    } else if (issue.code === 'invalid_value') {
      const values = (issue as { values: unknown[] }).values;
      message = `"${String(valueAt(data, path))}" is not allowed for "${field}". Use one of: ${values.join(', ')}.`;
    } else {
      message = `"${field}": ${issue.message}`;
    }
    const { line, col } = locate(where, atKey);
    problems.error(file, line, col, message);
  }
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let v: unknown = data;
  for (const p of path) {
    // Own fields only: a contributor's key may be `constructor` or `toString`.
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, p)) return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}
