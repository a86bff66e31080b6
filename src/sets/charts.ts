// The report's charts as inline SVG (no script, no external file, so the page prints as it shows):
// a bar per question for the class mean as a share of the points, and a histogram of one question's
// scores. Every text in them is escaped, though only numbers and labels of our own reach them.
import { escapeXml } from '../text/escape';

const W = 560;
const FONT = 'font-family="DejaVu Sans, Noto Sans, sans-serif" font-size="12"';
const BAR = '#4c78a8';
const AXIS = '#6b7280';

const fixed = (x: number) => String(Math.round(x * 10) / 10);

/** Bars of `value / max` (0…1) with a label over each and a name under it. */
function bars(title: string, items: readonly { name: string; share: number; label: string }[], height = 180): string {
  const top = 22;
  const bottom = 24;
  const plot = height - top - bottom;
  const slot = (W - 40) / Math.max(1, items.length);
  const width = Math.min(56, slot * 0.7);
  const parts = items.map((item, i) => {
    const x = 40 + slot * i + (slot - width) / 2;
    const h = Math.max(0, Math.min(1, item.share)) * plot;
    const y = top + plot - h;
    return [
      `<rect x="${fixed(x)}" y="${fixed(y)}" width="${fixed(width)}" height="${fixed(h)}" fill="${BAR}"/>`,
      `<text x="${fixed(x + width / 2)}" y="${fixed(y - 4)}" text-anchor="middle">${escapeXml(item.label)}</text>`,
      `<text x="${fixed(x + width / 2)}" y="${fixed(top + plot + 16)}" text-anchor="middle">${escapeXml(item.name)}</text>`,
    ].join('');
  });
  const axis = `<line x1="36" y1="${top + plot}" x2="${W - 4}" y2="${top + plot}" stroke="${AXIS}"/><line x1="36" y1="${top}" x2="36" y2="${top + plot}" stroke="${AXIS}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" ${FONT}><title>${escapeXml(title)}</title>${axis}${parts.join('')}</svg>`;
}

/** The class mean of each question as a share of its points. */
export function meansChart(
  title: string,
  questions: readonly { name: string; mean: number | null; max: number }[],
): string {
  return bars(
    title,
    questions.map((q) => ({
      name: q.name,
      share: q.mean === null ? 0 : q.mean / q.max,
      label: q.mean === null ? '–' : `${fixed(q.mean)}/${q.max}`,
    })),
  );
}

/** The bins of a histogram of scores out of `max`: nothing, up to a quarter, …, below full, full marks. */
export const BINS = ['0', '< 25%', '< 50%', '< 75%', '< 100%', '100%'] as const;

export function binOf(score: number, max: number): number {
  if (score <= 0) return 0;
  if (score >= max) return 5;
  return 1 + Math.min(3, Math.floor((score / max) * 4));
}

/** How many students scored in each bin, as bars; the label is the count. */
export function distributionChart(title: string, scores: readonly number[], max: number): string {
  const counts = BINS.map(() => 0);
  for (const s of scores) counts[binOf(s, max)]++;
  const most = Math.max(1, ...counts);
  return bars(
    title,
    BINS.map((name, i) => ({ name, share: counts[i] / most, label: String(counts[i]) })),
    150,
  );
}
