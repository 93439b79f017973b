/** The sharded build's workflow (.github/workflows/sharded-build.yml) runs what docs/performance.md describes. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseShard } from '../../src/integration/shard.ts';

const root = join(import.meta.dirname, '../..');
interface Step { name?: string; run?: string; uses?: string; with?: Record<string, unknown>; env?: Record<string, string> }
interface Job { needs?: string | string[]; strategy?: { matrix: Record<string, string> }; steps: Step[]; outputs?: Record<string, string> }
const w = parse(readFileSync(join(root, '.github/workflows/sharded-build.yml'), 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, Job> };

describe('sharded-build.yml', () => {
  it('plans N shard jobs and the aggregate job, each value one EDITION_SHARD accepts', () => {
    const plan = w.jobs.plan!.steps.find((s) => s.run?.includes('GITHUB_OUTPUT'))!;
    const out = join(mkdtempSync(join(tmpdir(), 'plan-')), 'out');
    // The step's own script, run as Actions would run it (node is on PATH there).
    execFileSync('bash', ['-c', plan.run!], { env: { ...process.env, SHARDS: '4', GITHUB_OUTPUT: out } });
    const jobs = JSON.parse(readFileSync(out, 'utf8').replace(/^jobs=/, '')) as string[];
    expect(jobs).toEqual(['1/4', '2/4', '3/4', '4/4', 'aggregate']);
    for (const j of jobs) expect(parseShard(j).kind).not.toBe('all');
    expect(w.jobs.build!.strategy!.matrix.shard).toBe('${{ fromJSON(needs.plan.outputs.jobs) }}');
  });
  it('each job installs, builds its shard and uploads its pages with the hidden files; the join job joins them all', () => {
    const build = w.jobs.build!.steps;
    expect(build.map((s) => s.run)).toContain('npm ci');
    const step = build.find((s) => s.run === 'npm run build')!;
    expect(step.env?.EDITION_SHARD).toBe('${{ matrix.shard }}');
    const upload = build.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.with).toMatchObject({ path: 'dist', 'include-hidden-files': true, 'if-no-files-found': 'error' });
    const join = w.jobs.join!;
    expect(join.needs).toBe('build');
    const download = join.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'))!;
    expect(download.with).toMatchObject({ pattern: 'shard-*', path: 'shards' });
    expect(join.steps.map((s) => s.run)).toContain('npm run join-shards -- --out dist shards/*');
    for (const s of Object.values(w.jobs).flatMap((j) => j.steps)) expect(s.name, JSON.stringify(s)).toBeTruthy();
    const setup = Object.values(w.jobs).flatMap((j) => j.steps).filter((s) => s.uses?.startsWith('actions/setup-node@'));
    for (const s of setup) expect(s.with?.['node-version']).toBe(20);
  });
});
