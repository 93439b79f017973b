/**
 * The address citations point at (issue 20): a public address or an honest preview. The check's
 * --require-url (run by the deploy workflow) fails without a public address and on a local or
 * example one; without the flag a preview is only noted. Corrections are checked like every field.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeholderAddress, siteAddress, parseEditionConfig, PREVIEW_URL } from '../../src/edition/index.ts';
import { SourceMeta } from '../../src/edition/schema.ts';
import { ROOT } from '../helpers/build.ts';

describe('placeholder and local addresses', () => {
  it('are refused as public addresses, real ones accepted', () => {
    for (const a of ['https://example.org/', 'https://edition.example.net/x/', 'http://www.example.com', 'https://site.test/', 'https://a.invalid', 'https://x.example', 'http://localhost:4321', 'http://127.0.0.1:8080/', 'http://app.localhost/']) {
      expect(placeholderAddress(a), a).toBeDefined();
    }
    for (const a of ['https://someone.github.io/edition/', 'https://iran-left.org/', 'https://examples.org/', 'https://example.org.uk/']) expect(placeholderAddress(a), a).toBeUndefined();
  });
  it('the site address: SITE, else the config\'s url, else the preview address (not public)', () => {
    const { config } = parseEditionConfig('title: T\neditors: []\nlicence: { name: CC BY 4.0, url: "https://creativecommons.org/licenses/by/4.0/" }\nversion: 1.0.0\nreleased: 2026-12-03\n');
    expect(siteAddress(config!, undefined)).toEqual({ site: PREVIEW_URL, isPublic: false });
    expect(siteAddress(config!, 'https://a.org/')).toEqual({ site: 'https://a.org/', isPublic: true });
    expect(siteAddress({ ...config!, url: 'https://b.org/' }, undefined)).toEqual({ site: 'https://b.org/', isPublic: true });
  });
});

describe('npm run check and the public address', () => {
  const check = (args: string[], site?: string) => {
    const env: Record<string, string | undefined> = { ...process.env, SITE: site };
    if (site === undefined) delete env.SITE;
    delete env.CI; // locks are written, not required, as on an editor's machine
    const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/check.ts'), ...args], { cwd: ROOT, env, encoding: 'utf8' });
    return { status: r.status, out: `${r.stdout}${r.stderr}` };
  };
  it('without --require-url a preview is noted, not a warning: --strict passes (CI)', () => {
    const r = check(['--strict']);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain('note: no public URL');
  });
  it('--require-url fails without a public address, and with an example or local one; passes with a real one', () => {
    const none = check(['--strict', '--require-url']);
    expect(none.status).toBe(1);
    expect(none.out).toContain('edition.config.yml:1:1  error: No public URL');
    const example = check(['--strict', '--require-url'], 'https://edition.example.org/');
    expect(example.status).toBe(1);
    expect(example.out).toContain('is a domain reserved for examples and tests');
    const local = check(['--require-url'], 'http://localhost:4321');
    expect(local.status).toBe(1);
    expect(local.out).toContain('is a local address');
    const real = check(['--strict', '--require-url'], 'https://someone.github.io');
    expect(real.status, real.out).toBe(0);
  });
});

describe('corrections in a source\'s metadata', () => {
  const base = { title: 'T', date: '2000', type: 'cable', languages: ['en'], rights: 'R', summary: 'S' };
  it('default to none; each has a date, what changed and why, and optionally a version', () => {
    expect(SourceMeta.parse(base).corrections).toEqual([]);
    expect(SourceMeta.parse({ ...base, corrections: [{ date: '2026-12-10', what: 'W', why: 'Y', version: '0.2.1' }] }).corrections).toEqual([{ date: '2026-12-10', what: 'W', why: 'Y', version: '0.2.1' }]);
  });
  it('refuses a partial date, a missing reason, a bad version and unknown fields', () => {
    expect(SourceMeta.safeParse({ ...base, corrections: [{ date: '2026-12', what: 'W', why: 'Y' }] }).success).toBe(false);
    expect(SourceMeta.safeParse({ ...base, corrections: [{ date: '2026-12-10', what: 'W' }] }).success).toBe(false);
    expect(SourceMeta.safeParse({ ...base, corrections: [{ date: '2026-12-10', what: 'W', why: 'Y', version: 'next' }] }).success).toBe(false);
    expect(SourceMeta.safeParse({ ...base, corrections: [{ date: '2026-12-10', what: 'W', why: 'Y', who: 'me' }] }).success).toBe(false);
  });
});
