/**
 * `npm run dev`: saving a note, a register entry or a source updates the page without a restart,
 * however the editor saves (in place, or as vim, JetBrains editors and `sed -i` do: a temporary
 * file renamed over the old one), and a save with an error shows the problem in the browser.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../helpers/browser.ts';
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
  // --ignore-lock: in the foreground, beside any other dev server of this project (another test's,
  // an editor's), never replacing it nor handing itself to the background.
  server = spawn(join(ROOT, 'node_modules/.bin/astro'), ['dev', '--port', String(port), '--host', '127.0.0.1', '--ignore-lock'], { cwd: ROOT, env, stdio: ['ignore', openSync(join(edition, 'dev.log'), 'w'), openSync(join(edition, 'dev.log'), 'a')], detached: true });
  await waitFor('documents/literal-2000/', 'The script tag above is text', 60_000);
});
afterAll(() => {
  if (server.pid) process.kill(-server.pid, 'SIGTERM');
});

/** Saves `file` as vim (without backupcopy), JetBrains editors and `sed -i` do: a new file beside it, renamed over it. */
function saveAtomically(file: string, text: string): void {
  const temporary = join(dirname(file), `.${basename(file)}.swp-${process.pid}`);
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/** Waits until `needle` is absent from the page at `path`. */
async function waitForAbsent(path: string, needle: string, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (!(await (await fetch(base + path)).text()).includes(needle)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`"${needle}" is still on /${path}`);
}

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
  it('a file saved atomically (a temporary file renamed over it) is seen, and so are every later save and a deletion (issue 21, item 9)', async () => {
    const file = join(edition, 'annotations/notes/literal-2000/script.md');
    saveAtomically(file, readFileSync(file, 'utf8').replace(/The script tag above is text[^\n]*/, 'Saved atomically, once.'));
    await waitFor('documents/literal-2000/', 'Saved atomically, once.');
    saveAtomically(file, readFileSync(file, 'utf8').replace('Saved atomically, once.', 'Saved atomically, twice.'));
    await waitFor('documents/literal-2000/', 'Saved atomically, twice.');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Saved atomically, twice.', 'Saved in place after the renames.'));
    await waitFor('documents/literal-2000/', 'Saved in place after the renames.');
    const person = join(edition, 'annotations/people/somebody.md');
    saveAtomically(person, readFileSync(person, 'utf8').replace(/A person of the fixture[^\n]*/, 'A person saved atomically.'));
    await waitFor('people/somebody/', 'A person saved atomically.');
    const text = readFileSync(file, 'utf8');
    rmSync(file);
    await waitForAbsent('documents/literal-2000/', 'Saved in place after the renames.');
    writeFileSync(file, text);
    await waitFor('documents/literal-2000/', 'Saved in place after the renames.');
  });

  describe('a save with an error', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launch();
    });
    afterAll(async () => {
      await browser?.close();
    });
    it("shows the edition's message in the browser (Vite's error overlay), and the page comes back when the error is fixed", async () => {
      const page = await browser.newPage();
      await page.goto(`${base}documents/literal-2000/`);
      const file = join(edition, 'annotations/notes/literal-2000/script.md');
      const good = readFileSync(file, 'utf8');
      // The editor's words reach the overlay as text: a quote that is markup stays text.
      saveAtomically(file, good.replace('exact: alert("x")', 'exact: "<b>words</b> that are not in the source"'));
      const overlay = page.locator('vite-error-overlay');
      await overlay.waitFor({ state: 'attached', timeout: 30_000 });
      const shown = await overlay.evaluate((el) => el.shadowRoot?.textContent ?? '');
      expect(shown).toContain('annotations/notes/literal-2000/script.md:3:10');
      expect(shown).toContain('The quote "<b>words</b> that are not in the source" is not in sources/literal-2000.txt.');
      expect(await overlay.evaluate((el) => el.shadowRoot?.querySelectorAll('#message-content b').length)).toBe(0);
      // A page opened (or reloaded) while the error stands shows it too.
      const other = await browser.newPage();
      await other.goto(`${base}documents/literal-2000/`);
      await other.locator('vite-error-overlay').waitFor({ state: 'attached', timeout: 30_000 });
      await other.close();
      writeFileSync(file, good.replace(/The script tag above is text[^\n]*|Saved in place after the renames\./, 'Fixed after the error.'));
      await page.waitForFunction(() => document.body.textContent?.includes('Fixed after the error.') && !document.querySelector('vite-error-overlay'), undefined, { timeout: 30_000 });
      await page.close();
    });
  });
});
