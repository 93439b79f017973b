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

/** Reports every issue of a failed parse. `what` names the kind of file ("note", "source"…). */
export function reportZodError(
  error: z.ZodError,
  data: unknown,
  file: string,
  locate: (path: DataPath, key?: boolean) => { line: number; col: number },
  problems: Problems,
  what: string,
): void {
  for (const issue of error.issues.flatMap(flatten)) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const field = describePath(path);
    let message: string;
    let where = path;
    let atKey = false;
    if (issue.code === 'unrecognized_keys') {
      const keys = (issue as { keys: string[] }).keys;
      where = [...path, keys[0]!];
      atKey = true;
      message = `Unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}${field ? ` in "${field}"` : ''} of this ${what}. Check the spelling, or remove ${keys.length > 1 ? 'them' : 'it'}.`;
    } else if (valueAt(data, path) === undefined && path.length > 0) {
      message = `The field "${field}" is missing from this ${what}. Add it to the metadata.`;
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
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}
