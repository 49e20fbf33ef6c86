import { SingleBar, Presets } from 'cli-progress';

/**
 * A progress bar on stderr that appears only if the work is still running after `delayMs` and
 * stderr is a terminal, so quick runs and piped output stay clean.
 */
export function createProgress(
  label: string,
  delayMs = 1000,
): { update(fraction: number): void; stop(): void } {
  const started = performance.now();
  let bar: SingleBar | undefined;
  return {
    update(fraction) {
      if (!bar) {
        if (!process.stderr.isTTY || performance.now() - started < delayMs) return;
        bar = new SingleBar(
          {
            format: `${label} [{bar}] {percentage}% | ETA {eta_formatted}`,
            stream: process.stderr,
            hideCursor: true,
          },
          Presets.shades_classic,
        );
        bar.start(100, 0);
      }
      bar.update(Math.round(fraction * 100));
    },
    stop() {
      bar?.stop();
    },
  };
}
