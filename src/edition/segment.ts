/**
 * Segmentation: a source body divides into passages by the source's own rule.
 * - `line`: every non-empty line is a passage (the 1941 cable).
 * - `blank-line`: passages are separated by one or more blank lines (lines of
 *   whitespace only, no-break spaces included).
 * Passages keep their exact text; offsets point into the body.
 */

/** How a source divides into passages. */
export type PassageRule = 'line' | 'blank-line';

/** One passage of a source body. */
export interface Segment {
  /** 1-based ordinal of the passage in the body. */
  ordinal: number;
  /** Offset of the passage's first character in the body. */
  start: number;
  /** Offset just after the passage's last character. */
  end: number;
  /** The passage's exact text (body.slice(start, end)); never empty. */
  text: string;
}

const isBlank = (line: string) => line.trim() === '';

/** Splits `body` into passages. Leading/trailing blank lines are not part of any passage. */
export function segment(body: string, rule: PassageRule): Segment[] {
  const segments: Segment[] = [];
  // Walk lines, keeping offsets; a line excludes its terminator.
  const lines: { start: number; end: number }[] = [];
  let pos = 0;
  while (pos <= body.length) {
    const nl = body.indexOf('\n', pos);
    const stop = nl === -1 ? body.length : nl;
    const end = stop > pos && body[stop - 1] === '\r' ? stop - 1 : stop;
    lines.push({ start: pos, end });
    if (nl === -1) break;
    pos = nl + 1;
  }
  const push = (start: number, end: number) =>
    segments.push({ ordinal: segments.length + 1, start, end, text: body.slice(start, end) });
  if (rule === 'line') {
    for (const l of lines) if (!isBlank(body.slice(l.start, l.end))) push(l.start, l.end);
    return segments;
  }
  let open: { start: number; end: number } | null = null;
  for (const l of lines) {
    if (isBlank(body.slice(l.start, l.end))) {
      if (open) push(open.start, open.end);
      open = null;
    } else if (open) open.end = l.end;
    else open = { start: l.start, end: l.end };
  }
  if (open) push(open.start, open.end);
  return segments;
}
