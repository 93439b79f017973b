/** Test helpers: build an edition from in-memory files, find problems, read the project's files. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildEdition, type Edition, type Problem, type RawFile } from '../../src/edition/index.ts';

/** Files as `path → text` (or bytes). */
export function files(map: Record<string, string | Uint8Array>): RawFile[] {
  return Object.entries(map).map(([path, v]) => ({ path, bytes: typeof v === 'string' ? new TextEncoder().encode(v) : v }));
}

export const SOURCE_META = `---
title: A test source
date: 2001-02-03
type: letter
languages: [en]
rights: Test.
summary: A test.
passages: blank-line
---
`;

export const WORKS = `w1:
  title: A work
  url: https://example.org/w1
  category: scholarship
`;

/** Builds an edition from files, adding a works list unless given. */
export function edition(map: Record<string, string | Uint8Array>): Edition {
  return buildEdition(files({ 'annotations/works.yml': WORKS, ...map }));
}

export const errors = (e: Edition): Problem[] => e.problems.filter((p) => p.severity === 'error');
export const warnings = (e: Edition): Problem[] => e.problems.filter((p) => p.severity === 'warning');

/** Every file under `dirs` (paths relative to the project root), with its text. */
export function filesUnder(...dirs: string[]): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push({ path, text: readFileSync(path, 'utf8') });
    }
  };
  for (const dir of dirs) walk(dir);
  return out;
}
