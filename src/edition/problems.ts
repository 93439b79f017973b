/**
 * Problems found while reading an edition: every one names a file and a
 * position, says what is wrong and how to fix it.
 */

/** How serious a problem is: errors stop the build, warnings only fail `check --strict`. */
export type Severity = 'error' | 'warning';

/** One problem in one file, at one position (1-based line and column). */
export interface Problem {
  /** Path of the file, relative to the edition root, with forward slashes. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  col: number;
  severity: Severity;
  /** What is wrong and how to fix it, in words an editor understands. */
  message: string;
}

/** Formats a problem as `file:line:col  severity: message`. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col}  ${p.severity}: ${p.message}`;
}

/** Formats a problem as a GitHub Actions workflow command (inline pull-request annotation). */
export function formatProblemForGitHub(p: Problem): string {
  const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProp = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return `::${p.severity} file=${escapeProp(p.file)},line=${p.line},col=${p.col}::${escapeData(p.message)}`;
}

/** Orders problems by file, then position, so output is stable. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col),
  );
}

/** Thrown when an edition has errors and must not be published. Carries every problem. */
export class EditionError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(
      `The edition has ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was published.\n` +
        sortProblems(errors).map(formatProblem).join('\n'),
    );
    this.name = 'EditionError';
    this.problems = problems;
  }
}

/** A collector that modules push problems into. */
export class Problems {
  readonly list: Problem[] = [];
  error(file: string, line: number, col: number, message: string): void {
    this.list.push({ file, line, col, severity: 'error', message });
  }
  warn(file: string, line: number, col: number, message: string): void {
    this.list.push({ file, line, col, severity: 'warning', message });
  }
  get hasErrors(): boolean {
    return this.list.some((p) => p.severity === 'error');
  }
}
