// A progress bar for long runs, on a terminal only: piped or redirected stderr gets nothing, and
// cli-progress is loaded only when a bar is shown (start-up stays light for every other run).
import type { Lang } from '../text/lang';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const SILENT: Progress = { update() {}, stop() {} };

/** A bar on `stream` when it is a terminal (and NO_COLOR / TERM=dumb do not ask for plain output), else nothing. */
export async function progressBar(
  label: string,
  lang: Lang,
  stream: NodeJS.WriteStream = process.stderr,
): Promise<Progress> {
  if (stream.isTTY !== true || process.env.TERM === 'dumb') return SILENT;
  const { SingleBar, Presets } = (await import('cli-progress')).default;
  const left = lang === 'ja' ? '残り' : 'left';
  const bar = new SingleBar(
    {
      stream,
      format: `${label} [{bar}] {percentage}% · ${left} {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
