/** The template line a destination error names ("Line 3: …", as destination-input words it), if any. */
export function errorLine(message: string): number | null {
  const match = /^Line (\d+):/.exec(message);
  return match ? Number(match[1]) : null;
}

export type ExcerptLine = { number: number; text: string; failing: boolean };

/** The lines around the failing one, numbered from 1, so the merchant sees where their template broke. */
export function templateExcerpt(source: string, line: number, around = 2): ExcerptLine[] {
  const lines = source.split(/\r?\n/);
  if (line < 1 || line > lines.length) return [];
  const first = Math.max(1, line - around);
  const last = Math.min(lines.length, line + around);
  return lines.slice(first - 1, last).map((text, index) => ({ number: first + index, text, failing: first + index === line }));
}
