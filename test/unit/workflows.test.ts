/** The GitHub Actions workflows parse, and run the commands the README names. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const load = (name: string) => parse(readFileSync(join(root, '.github/workflows', name), 'utf8')) as { on: unknown; jobs: Record<string, { steps: { name?: string; run?: string; uses?: string }[] }> };
const runs = (w: ReturnType<typeof load>) => Object.values(w.jobs).flatMap((j) => j.steps.map((s) => s.run ?? s.uses ?? ''));
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('workflows', () => {
  it('pull requests: install, strict check with annotations, test, build and browser tests', () => {
    const w = load('checks.yml');
    expect(w.on).toHaveProperty('pull_request');
    const r = runs(w);
    for (const cmd of ['npm ci', 'npm run check -- --strict --format github', 'npm test', 'npm run build', 'npm run test:e2e']) expect(r).toContain(cmd);
    for (const s of Object.values(w.jobs).flatMap((j) => j.steps)) expect(s.name, JSON.stringify(s)).toBeTruthy();
  });
  it('main: build with the Pages base path and deploy to GitHub Pages', () => {
    const w = load('deploy.yml');
    expect(w.on).toHaveProperty('push');
    const r = runs(w);
    expect(r).toContain('npm run build');
    expect(r).toContain('actions/deploy-pages@v4');
    const build = Object.values(w.jobs).flatMap((j) => j.steps).find((s) => s.run === 'npm run build') as { env?: Record<string, string> };
    expect(build.env?.BASE).toContain('base_path');
    // The published site must have its public address: the check requires it, with SITE set as for the build.
    const check = Object.values(w.jobs).flatMap((j) => j.steps).find((s) => s.run?.startsWith('npm run check')) as { run: string; env?: Record<string, string> };
    expect(check.run).toContain('--strict');
    expect(check.run).toContain('--require-url');
    expect(check.env?.SITE).toBe((build as { env?: Record<string, string> }).env?.SITE);
  });
  it('the README names the same commands', () => {
    for (const cmd of ['npm install && npm run build', 'npm test', 'npm run check', 'npm run test:e2e', '--strict', '--format github']) expect(readme).toContain(cmd);
  });
});
