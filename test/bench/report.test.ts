// The generated PERFORMANCE.md section, rendered from made-up figures: goals get ✔/✘, baselines a ratio, and the
// hand-written prose around the markers survives a rewrite. No timing here.
import { describe, expect, it } from 'vitest';
import { endMarker, formatValue, renderSection, replaceSection, verdict, type BenchFigure, type RunInfo } from '../../bench/lib/report';

const info: RunInfo = { date: '2026-11-29 04:35 UTC', node: 'v20.0.0', machine: '2 × Fictional CPU, 24 GiB, Linux', loadAverage: [0.12, 0.5, 1], quick: false };
const figures: BenchFigure[] = [
  { id: 'unlock', label: 'unlock, median', value: 280, unit: 'ms', goal: { op: '<=', value: 1500 } },
  { id: 'import', label: 'import', value: 31.5, unit: 's', goal: { op: '<=', value: 30 } },
  { id: 'precision', label: 'precision', value: 0.97, unit: '', goal: { op: '>=', value: 0.99 } },
  { id: 'search', label: 'search p50', value: 8, unit: 'ms', baseline: { label: 'full scan', value: 100 } },
  { id: 'missing', label: 'not measured', value: null, unit: 'ms', goal: { op: '<=', value: 5 } },
];

describe('bench report', () => {
  it('marks each goal met or missed, and none without a value', () => {
    expect(figures.map(verdict)).toEqual(['✔', '✘', '✘', '', '']);
  });

  it('renders a table row per figure with the verdict and the ratio to the baseline', () => {
    const s = renderSection({ name: 'vault', title: 'Vault', about: 'Fictional figures.', figures }, info);
    expect(s).toContain('| unlock, median | 280 ms | ≤ 1 500 ms | ✔ |');
    expect(s).toContain('| import | 31.5 s | ≤ 30 s | ✘ |');
    expect(s).toContain('| precision | 0.97 | ≥ 0.99 | ✘ |');
    expect(s).toContain('| search p50 | 8 ms |  |  | 0.08× full scan (100 ms) |');
    expect(s).toContain('| not measured | — | ≤ 5 ms |  |');
    expect(s).toContain('load average at start 0.12 / 0.50 / 1.00');
    expect(s).toContain('2 × Fictional CPU');
    expect(s).not.toContain('quick sizes');
    expect(renderSection({ name: 'vault', title: 'Vault', about: '', figures }, { ...info, quick: true })).toContain('quick sizes');
  });

  it('replaces only its own section and keeps the prose around it', () => {
    const doc = ['# Performance', 'Prose before.', '<!-- bench:generated:end -->', 'Notes after.'].join('\n');
    const first = replaceSection(doc, 'vault', renderSection({ name: 'vault', title: 'Vault', about: '', figures }, info));
    expect(first.indexOf('Prose before.')).toBeLessThan(first.indexOf('### Vault'));
    expect(first.indexOf(endMarker('vault'))).toBeLessThan(first.indexOf('<!-- bench:generated:end -->'));
    const withRegister = replaceSection(first, 'register', renderSection({ name: 'register', title: 'Register', about: '', figures: [] }, info));
    const again = replaceSection(
      withRegister,
      'vault',
      renderSection({ name: 'vault', title: 'Vault', about: '', figures: [{ ...figures[0]!, value: 2000 }] }, info),
    );
    expect(again).toContain('| unlock, median | 2 000 ms | ≤ 1 500 ms | ✘ |');
    expect(again).not.toContain('| import |');
    expect(again.match(/### Vault/g)).toHaveLength(1);
    expect(again).toContain('### Register');
    expect(again).toContain('Notes after.');
  });

  it('shows a failed bench as failed, not as empty figures', () => {
    const s = renderSection({ name: 'transfer', title: 'Transfer', about: '', figures: [], error: 'exit 1' }, info);
    expect(s).toContain('**The bench failed:** exit 1');
    expect(formatValue(Number.NaN, 'ms')).toBe('—');
    expect(formatValue(0.9984, '')).toBe('0.998');
    expect(formatValue(1.234, '×')).toBe('1.23×');
  });
});
