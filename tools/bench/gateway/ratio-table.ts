/** Prints one row per measure: min / median / max over the rounds, beside the issue's target. */
export interface Sample {
  row: string;
  value: number;
}

const TARGETS: Record<string, string> = {
  'uncached text run vs Portkey (req/s ratio)': '≥ 1.5×',
  'overhead over the upstream, 1 conn: p50 ms': '≤ 1.5 ms',
  'overhead over the upstream, 1 conn: p99 ms': '≤ 6 ms',
  'cached text run vs GET /api/health': '≥ 0.30×',
  'GET /api/v1/me vs GET /api/health': '≥ 0.50×',
  'media job submit → worker start: p50 ms': '≤ 15 ms',
  'media job submit → worker start: p99 ms': '≤ 60 ms',
  'media jobs/s vs bare BullMQ no-op jobs': '≥ 0.30×',
  'credit spend vs pgbench (1/8/32 clients × 2 shapes)': '≥ 0.75×',
  'SPA first load, bytes on the wire (KB)': '≤ 300 KB',
};

export function printRatioTable(samples: Sample[]): void {
  const rows = [...new Set(samples.map((s) => s.row))].map((row) => {
    const values = samples
      .filter((s) => s.row === row)
      .map((s) => s.value)
      .sort((a, b) => a - b);
    const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2));
    return [
      row,
      TARGETS[row] ?? '',
      fmt(values[0]),
      fmt(values[Math.floor(values.length / 2)]),
      fmt(values[values.length - 1]),
      String(values.length),
    ];
  });
  const header = ['path', 'target', 'min', 'median', 'max', 'n'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log('\n' + line(header));
  console.log(`|${widths.map((w, i) => (i < 2 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}
