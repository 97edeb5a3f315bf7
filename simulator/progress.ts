// A one-line progress bar for long runs (rewritten in place with \r); silent when stdout is
// not a terminal, so logs and CI output stay clean.

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stdout): { update(done: number, total: number): void; end(): void } {
  let last = 0;
  let drawn = false;
  const started = performance.now();
  return {
    update(done, total) {
      const now = performance.now();
      if (!stream.isTTY || (now - last < 200 && done < total)) return;
      last = now;
      drawn = true;
      const width = 30;
      const filled = total > 0 ? Math.round((done / total) * width) : width;
      const rate = done / Math.max(0.001, (now - started) / 1000);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${rate.toFixed(0)}/s `);
    },
    end() {
      if (drawn) stream.write('\n');
    },
  };
}
