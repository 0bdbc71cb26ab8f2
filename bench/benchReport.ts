/** The benchmark's results, each beside its DESIGN.md budget, as a terminal table or JSON. */

export interface Measurement {
  id: string;
  label: string;
  value: number;
  unit: 'ms' | 'MB' | '×' | 'pages' | 'count' | '%';
  /** The budget's upper bound in the same unit, when DESIGN.md sets one. */
  budget?: number;
  /** Raw samples (one per run or per query), for the JSON output. */
  samples?: number[];
  /** The machine's one-minute load average when the row was measured. */
  load?: number;
  /** Why there is no value (`value` is NaN), e.g. a yardstick tool that is not installed; or, beside a count of failures, what they were. */
  note?: string;
}

export interface BenchReport {
  machine: {
    cpus: number;
    cpuModel: string;
    node: string;
    platform: string;
    memoryGB: number;
    loadAverage?: number;
    /** One-minute load average when the run began. */
    loadAtStart?: number;
  };
  workspace: {
    seed: number;
    documents: number;
    requirements: number;
    roadmapItems: number;
    megabytes: number;
    generatedMs?: number;
  };
  measurements: (Measurement & { met?: boolean })[];
  /** Why a measurement could not be taken, if one could not. */
  skipped: { id: string; reason: string }[];
}

export function withVerdicts(measurements: Measurement[]): BenchReport['measurements'] {
  return measurements.map((measurement) =>
    measurement.budget === undefined
      ? measurement
      : { ...measurement, met: measurement.value <= measurement.budget },
  );
}

function formatValue(value: number, unit: Measurement['unit'], note?: string): string {
  if (!Number.isFinite(value)) return note === undefined ? 'n/a' : `n/a: ${note}`;
  if (unit === 'count') return value.toLocaleString('en') + (note === undefined ? '' : ` (${note})`);
  if (Number.isInteger(value)) return unit === '×' ? `${value}×` : `${value} ${unit}`;
  if (unit === '×') return `${value.toFixed(1)}×`;
  if (value > 0 && value < 0.01) return `< 0.01 ${unit}`;
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
}

export function formatReport(report: BenchReport): string[] {
  const { machine, workspace } = report;
  // The load column appears when rows carry the load they were measured under.
  const withLoad = report.measurements.some((measurement) => measurement.load !== undefined);
  const rows = [
    ['operation', 'measured', 'budget', 'met', ...(withLoad ? ['load'] : [])],
    ...report.measurements.map((measurement) => [
      measurement.label,
      formatValue(measurement.value, measurement.unit, measurement.note),
      measurement.budget === undefined ? '—' : `≤ ${formatValue(measurement.budget, measurement.unit)}`,
      measurement.met === undefined ? '' : measurement.met ? 'yes' : 'NO',
      ...(withLoad ? [measurement.load === undefined ? '' : measurement.load.toFixed(1)] : []),
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines = rows.map((row) =>
    row
      .map((cell, column) =>
        column === 1 || column === 2 || column === 4
          ? cell.padStart(widths[column]!)
          : cell.padEnd(widths[column]!),
      )
      .join('  ')
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '));
  return [
    `Reference workspace: ${workspace.documents.toLocaleString('en')} documents, ${workspace.requirements.toLocaleString('en')} requirements, ` +
      `${workspace.roadmapItems.toLocaleString('en')} roadmap items, ${workspace.megabytes.toFixed(1)} MB (seed ${workspace.seed})`,
    `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGB} GB, Node ${machine.node} on ${machine.platform}` +
      (machine.loadAverage === undefined
        ? ''
        : `, load average ${machine.loadAtStart === undefined ? '' : `${machine.loadAtStart.toFixed(1)} at the start, `}${machine.loadAverage.toFixed(1)} at the end`),
    '',
    ...lines,
    ...report.skipped.map((skip) => `skipped ${skip.id}: ${skip.reason}`),
  ];
}

/** How a part runs one measurement, recording why it failed instead of stopping the run. */
export type Attempt = (id: string, measure: () => Promise<void>) => Promise<void>;

/** Records one measurement (NaN with a note when it could not be taken; a count may carry what it counted). */
export type Add = (
  id: string,
  label: string,
  value: number,
  unit: Measurement['unit'],
  budget?: number,
  samples?: number[],
  /** Why the value is missing (NaN). */
  note?: string,
) => void;
