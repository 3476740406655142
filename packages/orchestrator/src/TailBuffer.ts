/**
 * Keeps the last `limit` bytes written to it: a worker's stderr tail for error reports,
 * bounded however much the worker prints.
 */
export class TailBuffer {
  private chunks: Buffer[] = [];
  private bytes = 0;
  private readonly limit: number;

  constructor(limit: number) {
    this.limit = limit;
  }

  write(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.bytes += chunk.length;
    while (this.bytes - this.chunks[0]!.length >= this.limit) {
      this.bytes -= this.chunks.shift()!.length;
    }
  }

  clear(): void {
    this.chunks = [];
    this.bytes = 0;
  }

  /** The tail as text; a multi-byte character cut at the front becomes U+FFFD. */
  toString(): string {
    const all = Buffer.concat(this.chunks);
    return all.subarray(Math.max(0, all.length - this.limit)).toString('utf8');
  }
}
