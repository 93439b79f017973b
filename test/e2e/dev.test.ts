/** `npm run dev`: saving a note, a register entry or a source updates the page without a restart. */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build.ts';

let server: ChildProcess;
let edition: string;
const port = 4300 + Math.floor(Math.random() * 500);
const base = `http://127.0.0.1:${port}/`;

async function waitFor(path: string, needle: string, timeoutMs = 30_000): Promise<string> {
  const start = Date.now();
  let last = '';
  while (Date.now() - start < timeoutMs) {
    try {
      last = await (await fetch(base + path)).text();
      if (last.includes(needle)) return last;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`"${needle}" never appeared on /${path}; last response:\n${last.slice(0, 500)}`);
}

beforeAll(async () => {
  // Outside the project, as an editor's checkout would be to Vite: .builds/ is ignored by the dev server's watcher.
  edition = mkdtempSync(join(tmpdir(), 'edition-dev-'));
  cpSync(join(ROOT, 'test/fixtures/editions/literal'), edition, { recursive: true });
  const env: Record<string, string | undefined> = { ...process.env, EDITION_ROOT: edition, EDITION_CACHE: join(edition, 'astro-cache') };
  // A clean environment: vitest's NODE_ENV=test and VITEST* variables change how Astro's dev server runs.
  for (const k of Object.keys(env)) if (k === 'CI' || k === 'NODE_ENV' || k.startsWith('VITEST') || k === 'TEST') delete env[k];
  server = spawn(join(ROOT, 'node_modules/.bin/astro'), ['dev', '--port', String(port), '--host', '127.0.0.1'], { cwd: ROOT, env, stdio: ['ignore', openSync(join(edition, 'dev.log'), 'w'), openSync(join(edition, 'dev.log'), 'a')], detached: true });
  await waitFor('documents/literal-2000/', 'The script tag above is text', 60_000);
});
afterAll(() => {
  if (server.pid) process.kill(-server.pid, 'SIGTERM');
});

describe('live preview', () => {
  it('a saved note appears on the open page', async () => {
    const file = join(edition, 'annotations/notes/literal-2000/script.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('The script tag above is text.', 'The script tag above is text (edited live).'));
    await waitFor('documents/literal-2000/', 'The script tag above is text (edited live).');
  });
  it('a saved register entry and a saved source appear too', async () => {
    const person = join(edition, 'annotations/people/somebody.md');
    writeFileSync(person, readFileSync(person, 'utf8').replace('A person of the fixture.', 'A person of the fixture (edited live).'));
    await waitFor('people/somebody/', 'A person of the fixture (edited live).');
    const source = join(edition, 'sources/literal-2000.txt');
    writeFileSync(source, readFileSync(source, 'utf8').replace('Kianoury met Somebody Person in', 'Kianoury met Somebody Person today in'));
    const html = await waitFor('documents/literal-2000/', 'today in');
    expect(html).toContain('data-entity="person:somebody"');
  });
});
