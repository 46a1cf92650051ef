// Progress bars on stderr, only when stderr is a terminal (scripts and CI get none).
import { SingleBar, Presets } from 'cli-progress';

export interface Progress {
  // Properties, not methods: callers pass `bar.update` on as a callback, so it must not need `this`.
  update: (done: number, total: number) => void;
  stop: () => void;
}

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update() {}, stop() {} };
  const bar = new SingleBar({ format: `${label} [{bar}] {percentage}% {value}/{total}`, stream, hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
  let started = false;
  return {
    update(done, total) {
      if (!started) { bar.start(total, 0); started = true; }
      bar.setTotal(total);
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
