import { describe, expect, it } from 'vitest';
import { formatReport, withVerdicts, type BenchReport } from './benchReport.js';

const report: BenchReport = {
  machine: { cpus: 2, cpuModel: 'Test CPU', node: 'v20.20.2', platform: 'linux', memoryGB: 8 },
  workspace: { seed: 1, documents: 10000, requirements: 50000, roadmapItems: 2000, megabytes: 26.2 },
  measurements: withVerdicts([
    { id: 'read', label: 'read every file', value: 112.4, unit: 'ms' },
    { id: 'cold', label: 'cold open + full index', value: 1712.3, unit: 'ms', budget: 1500 },
    { id: 'search-p95', label: 'search p95', value: 3.456, unit: 'ms', budget: 20 },
    { id: 'ratio', label: 'cold open ÷ read', value: 2.5, unit: '×', budget: 3 },
    { id: 'lookup', label: 'key lookup p95', value: 0.0004, unit: 'ms', budget: 20 },
    { id: 'kills', label: 'kills survived', value: 1200, unit: 'count' },
    { id: 'lost', label: 'files lost', value: 0, unit: 'count', budget: 0 },
  ]),
  skipped: [{ id: 'reindex', reason: 'no watcher' }],
};

describe('formatReport', () => {
  it('lines up each number beside its budget and verdict', () => {
    expect(formatReport(report)).toEqual([
      'Reference workspace: 10,000 documents, 50,000 requirements, 2,000 roadmap items, 26.2 MB (seed 1)',
      'Machine: 2 × Test CPU, 8 GB, Node v20.20.2 on linux',
      '',
      'operation                measured     budget  met',
      '----------------------  ---------  ---------  ---',
      'read every file            112 ms          —',
      'cold open + full index    1712 ms  ≤ 1500 ms  NO',
      'search p95                3.46 ms    ≤ 20 ms  yes',
      'cold open ÷ read             2.5×       ≤ 3×  yes',
      'key lookup p95          < 0.01 ms    ≤ 20 ms  yes',
      'kills survived              1,200          —',
      'files lost                      0        ≤ 0  yes',
      'skipped reindex: no watcher',
    ]);
  });

  it('adds the load each row was measured under, and says why a value is missing', () => {
    const loaded: BenchReport = {
      ...report,
      machine: { ...report.machine, loadAverage: 2.6, loadAtStart: 2.1 },
      measurements: withVerdicts([
        { id: 'cold', label: 'cold open', value: 1200, unit: 'ms', budget: 1500, load: 2.25 },
        { id: 'rg', label: 'rg', value: Number.NaN, unit: 'ms', note: 'rg not installed' },
      ]),
      skipped: [],
    };
    expect(formatReport(loaded).slice(1)).toEqual([
      'Machine: 2 × Test CPU, 8 GB, Node v20.20.2 on linux, load average 2.1 at the start, 2.6 at the end',
      '',
      'operation               measured     budget  met  load',
      '---------  ---------------------  ---------  ---  ----',
      'cold open                1200 ms  ≤ 1500 ms  yes   2.3',
      'rg         n/a: rg not installed          —',
    ]);
  });
});
