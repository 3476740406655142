/**
 * bench/RESULTS.md, where every benchmark records its figures. Each benchmark owns one section:
 * a `## <name>` heading, a paragraph saying what it measures and how to run it, then a table
 *
 *   | date | machine | commit | <settings...> | metric | value | previous |
 *
 * with the newest rows last. "previous" is the value of the latest earlier row of the same
 * metric (and the same settings), so a reader sees each figure beside the one it replaces.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './repo.js';

const resultsPath = path.join(repoRoot, 'bench/RESULTS.md');

export interface ResultsSection {
  /** The heading's text, e.g. 'gguf-bench'. */
  readonly name: string;
  /** The paragraph under the heading, written when the section is created. */
  readonly description: string;
  /**
   * Columns between commit and metric, with this run's values (engine-cpu-bench: threads).
   * Previous figures come only from rows that hold the same values.
   */
  readonly settings?: ReadonlyArray<readonly [column: string, value: string]>;
}

export interface Measurement {
  readonly metric: string;
  readonly value: number;
  /** '' when the metric's name already says the unit. */
  readonly unit: string;
  /** Decimals shown. */
  readonly digits: number;
}

/** Who produced a row: the date, the machine and the commit measured. */
export interface RunLabel {
  readonly date: string;
  readonly machine: string;
  readonly commit: string;
}

/**
 * The label of this run. The machine is LLORCH_BENCH_MACHINE, else the core count and CPU
 * model; the commit is HEAD, marked `+dirty` when any of `sources` (the code the figures
 * depend on, relative to the repository root) has uncommitted changes.
 */
export function runLabel(sources: readonly string[]): RunLabel {
  const cpus = os.cpus();
  const machine =
    process.env.LLORCH_BENCH_MACHINE ?? `${cpus.length}-core ${cpus[0]?.model.trim() ?? '?'}`;
  const git = (args: readonly string[]): string =>
    execFileSync('git', args, { cwd: repoRoot }).toString().trim();
  let commit = git(['rev-parse', '--short', 'HEAD']);
  if (git(['status', '--porcelain', '--', ...sources]).length > 0) commit += '+dirty';
  return { date: new Date().toISOString().slice(0, 10), machine, commit };
}

function readResults(file = resultsPath): string {
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/** Where `section` starts (its heading line) and ends (the next heading, or the end of file). */
function sectionBounds(
  text: string,
  section: ResultsSection,
): { start: number; end: number } | undefined {
  const start = `\n${text}`.indexOf(`\n## ${section.name}\n`);
  if (start < 0) return undefined;
  const next = text.indexOf('\n## ', start + 1);
  return { start, end: next < 0 ? text.length : next + 1 };
}

/**
 * The latest value of each metric in `section` (for this run's settings), by metric name; `file`
 * for a benchmark bundled away from bench/ (the GPU benchmark).
 */
export function previousFigures(section: ResultsSection, file = resultsPath): Map<string, string> {
  const prev = new Map<string, string>();
  const text = readResults(file);
  const bounds = sectionBounds(text, section);
  if (bounds === undefined) return prev;
  const settings = section.settings ?? [];
  const metricAt = 4 + settings.length;
  for (const line of text.slice(bounds.start, bounds.end).split('\n')) {
    if (!line.startsWith('|')) continue;
    // ['', date, machine, commit, ...settings, metric, value, previous, '']
    const cells = line.split('|').map((c) => c.trim());
    const metric = cells[metricAt];
    if (cells.length < metricAt + 3 || metric === undefined) continue;
    if (metric === 'metric' || metric.startsWith('-')) continue;
    if (settings.every(([, value], i) => cells[4 + i] === value)) {
      prev.set(metric, cells[metricAt + 1]!);
    }
  }
  return prev;
}

function valueCell(m: Measurement): string {
  const value = m.value.toFixed(m.digits);
  return m.unit === '' ? value : `${value} ${m.unit}`;
}

/**
 * Appends one row per measurement at the end of `section` in RESULTS.md, each with the
 * previous figure of its metric; creates the section, with its description and table header,
 * when it is not there yet.
 */
export function appendRows(
  section: ResultsSection,
  label: RunLabel,
  measurements: readonly Measurement[],
): void {
  if (measurements.length === 0) return;
  const prev = previousFigures(section);
  const settings = (section.settings ?? []).map(([, value]) => value);
  const lines = measurements.map((m) => {
    const cells = [label.date, label.machine, label.commit, ...settings, m.metric, valueCell(m)];
    return `| ${cells.join(' | ')} | ${prev.get(m.metric) ?? '-'} |`;
  });
  const text = readResults();
  const bounds = sectionBounds(text, section);
  if (bounds === undefined) {
    const columns = [
      'date',
      'machine',
      'commit',
      ...(section.settings ?? []).map(([c]) => c),
      'metric',
      'value',
      'previous',
    ];
    const header = `| ${columns.join(' | ')} |\n|${'---|'.repeat(columns.length)}\n`;
    writeFileSync(
      resultsPath,
      `${text.trimEnd()}\n\n## ${section.name}\n\n${section.description}\n\n${header}` +
        `${lines.join('\n')}\n`,
    );
    return;
  }
  const { end } = bounds;
  const rest = end < text.length ? `\n${text.slice(end)}` : '';
  writeFileSync(resultsPath, `${text.slice(0, end).trimEnd()}\n${lines.join('\n')}\n${rest}`);
}

/** Prints metric, value, unit and previous figure, one measurement a line. */
function printTable(
  measurements: readonly Measurement[],
  previous: ReadonlyMap<string, string>,
): void {
  const rows = measurements.map((m) => [
    m.metric,
    m.value.toFixed(m.digits),
    m.unit,
    previous.get(m.metric) ?? '-',
  ]);
  const width = (i: number, title: string) =>
    Math.max(title.length, ...rows.map((r) => r[i]!.length));
  const [metricW, valueW, unitW] = [width(0, 'metric'), width(1, 'value'), width(2, 'unit')];
  console.log(
    `${'metric'.padEnd(metricW)} ${'value'.padStart(valueW)}  ${'unit'.padEnd(unitW)} previous`,
  );
  for (const [metric, value, unit, before] of rows) {
    console.log(
      `${metric!.padEnd(metricW)} ${value!.padStart(valueW)}  ${unit!.padEnd(unitW)} ${before}`,
    );
  }
}

/** Prints `measurements` beside the previous figures of `section`, then appends them to it. */
export function recordFigures(
  section: ResultsSection,
  label: RunLabel,
  measurements: readonly Measurement[],
): void {
  printTable(measurements, previousFigures(section));
  appendRows(section, label, measurements);
}
