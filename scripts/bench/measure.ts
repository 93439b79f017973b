/**
 * Running a build step as a child process and measuring it: wall time (monotonic clock around
 * the child, from spawn to exit), CPU time and the largest single process's peak RSS (from GNU
 * `/usr/bin/time -v`, when installed), and the peak RSS of the whole process tree (the sum over
 * the child and all its descendants, sampled from /proc every `sampleMs`; Pagefind, for one,
 * runs a native binary beside Node).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const GNU_TIME = '/usr/bin/time';
export const hasGnuTime = (): boolean => existsSync(GNU_TIME);

/** What one run of a child process cost. */
export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
  wallMs: number;
  /** User and system CPU seconds of the child and its descendants (GNU time), if known. */
  userS?: number;
  sysS?: number;
  /** Peak RSS of the largest single process, in bytes (GNU time's "Maximum resident set size"). */
  maxProcessRss?: number;
  /** Peak of the summed RSS of the process tree, sampled from /proc, in bytes. */
  peakTreeRss: number;
  samples: number;
}

const PAGE = 4096;

/** Sum of the resident memory of `root` and every descendant, read from /proc. */
function treeRss(root: number): number {
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((n) => /^\d+$/.test(n))
      .map(Number);
  } catch {
    return 0;
  }
  const parent = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(pid, Number(fields[1]));
    } catch {
      // exited meanwhile
    }
  }
  const inTree = new Set<number>([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parent) {
      if (!inTree.has(pid) && inTree.has(ppid)) {
        inTree.add(pid);
        grew = true;
      }
    }
  }
  let total = 0;
  for (const pid of inTree) {
    try {
      const statm = readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
      total += Number(statm[1]) * PAGE;
    } catch {
      // exited meanwhile
    }
  }
  return total;
}

/** Runs `cmd args` and measures it. Never throws on a failing child: see `status`. */
export function run(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; sampleMs?: number; echo?: boolean }): Promise<RunResult> {
  const timeFile = hasGnuTime() ? join(mkdtempSync(join(tmpdir(), 'bench-time-')), 'time.txt') : undefined;
  const [file, argv] = timeFile ? [GNU_TIME, ['-v', '-o', timeFile, cmd, ...args]] : [cmd, args];
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(file, argv, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      stdout += s;
      if (opts.echo) process.stderr.write(s);
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      stderr += s;
      if (opts.echo) process.stderr.write(s);
    });
    let peak = 0;
    let samples = 0;
    const sample = () => {
      if (child.pid === undefined) return;
      peak = Math.max(peak, treeRss(child.pid));
      samples++;
    };
    const timer = setInterval(sample, opts.sampleMs ?? 100);
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      clearInterval(timer);
      const result: RunResult = { status: code ?? 1, stdout, stderr, wallMs, peakTreeRss: peak, samples };
      if (timeFile) {
        try {
          const t = readFileSync(timeFile, 'utf8');
          const num = (label: string) => {
            const m = new RegExp(`${label}: ([\\d.]+)`).exec(t);
            return m ? Number(m[1]) : undefined;
          };
          const rssKb = num('Maximum resident set size \\(kbytes\\)');
          const user = num('User time \\(seconds\\)');
          const sys = num('System time \\(seconds\\)');
          if (rssKb !== undefined) {
            result.maxProcessRss = rssKb * 1024;
            // A process shorter than the sampling interval leaves no sample: its tree peaked at
            // least as high as its largest process (GNU time's figure).
            result.peakTreeRss = Math.max(result.peakTreeRss, result.maxProcessRss);
          }
          if (user !== undefined) result.userS = user;
          if (sys !== undefined) result.sysS = sys;
          // GNU time reports the child's own exit status in its output file on failure.
          const exit = /Command exited with non-zero status (\d+)/.exec(t);
          if (exit) result.status = Number(exit[1]);
        } catch {
          // no time output (the child could not start)
        }
        rmSync(join(timeFile, '..'), { recursive: true, force: true });
      }
      resolvePromise(result);
    });
  });
}

/** HTML pages of a built site: count, total, average and largest size. */
export interface HtmlStats {
  pages: number;
  totalBytes: number;
  avgBytes: number;
  maxBytes: number;
  maxPage: string;
}

/** Every file under `dir` (recursively), with its size. */
export function walk(dir: string, out: { path: string; bytes: number }[] = [], prefix = ''): { path: string; bytes: number }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) walk(path, out, `${prefix}${name}/`);
    else out.push({ path: `${prefix}${name}`, bytes: st.size });
  }
  return out;
}

export function htmlStats(files: { path: string; bytes: number }[]): HtmlStats {
  const html = files.filter((f) => f.path.endsWith('.html'));
  const total = html.reduce((n, f) => n + f.bytes, 0);
  const max = html.reduce((m, f) => (f.bytes > m.bytes ? f : m), { path: '', bytes: 0 });
  return { pages: html.length, totalBytes: total, avgBytes: html.length ? Math.round(total / html.length) : 0, maxBytes: max.bytes, maxPage: max.path };
}
