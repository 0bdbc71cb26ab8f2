import { describe, expect, it } from 'vitest';
import { exportPhase } from './exportTiming.js';

describe('exportPhase', () => {
  it('logs each phase with its milliseconds only when SPECBENCH_EXPORT_TIMING=1', () => {
    const lines: string[] = [];
    const write = (line: string) => void lines.push(line);
    exportPhase('quiet', {}, write);
    exportPhase('first', { SPECBENCH_EXPORT_TIMING: '1' }, write);
    exportPhase('second', { SPECBENCH_EXPORT_TIMING: '1' }, write);
    expect(lines.map((line) => line.replace(/\d+ ms/, 'N ms'))).toEqual([
      'specbench: export timing: first N ms\n',
      'specbench: export timing: second N ms\n',
    ]);
  });
});
