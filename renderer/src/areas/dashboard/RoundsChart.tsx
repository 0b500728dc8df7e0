import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Dashboard } from '../../../../shared/exchanges';

/** Returned and transferred per round, as bars (uPlot draws on a canvas: no network, no inline <style>). */
export function RoundsChart({ rounds, labels }: { rounds: Dashboard['rounds']; labels: { received: string; given: string; title: string; round: string } }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || rounds.length === 0) return;
    const css = getComputedStyle(document.documentElement);
    const ink = css.getPropertyValue('--text').trim() || '#222';
    const ours = css.getPropertyValue('--st-released').trim() || '#2f7d32';
    const theirs = css.getPropertyValue('--accent').trim() || '#1d5fa8';
    const bars = uPlot.paths.bars!({ size: [0.35, 40], align: 0 });
    const xs = rounds.map((r) => r.number);
    const plot = new uPlot(
      {
        width: Math.max(320, el.clientWidth),
        height: 220,
        title: labels.title,
        scales: { x: { time: false, range: (_u, min, max) => [min - 0.7, max + 0.7] }, y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.15] } },
        axes: [{ stroke: ink, splits: () => xs, values: (_u, splits) => splits.map((v) => `№${v}`) }, { stroke: ink }],
        series: [
          { label: labels.round, value: (_u, v) => (v == null ? '—' : `№${v}`) },
          { label: labels.received, stroke: ours, fill: ours, paths: bars, points: { show: false } },
          { label: labels.given, stroke: theirs, fill: theirs, paths: uPlot.paths.bars!({ size: [0.35, 40], align: 1 }), points: { show: false } },
        ],
        legend: { show: true },
        cursor: { show: true, points: { show: false } },
      },
      [xs, rounds.map((r) => r.received), rounds.map((r) => r.given)],
      el,
    );
    const resize = () => plot.setSize({ width: Math.max(320, el.clientWidth), height: 220 });
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      plot.destroy();
    };
  }, [rounds, labels.received, labels.given, labels.title, labels.round]);
  return <div ref={box} className="rounds-chart" role="img" aria-label={labels.title} data-testid="rounds-chart" />;
}
