/**
 * An append-only list of numbers in fixed 64 Ki blocks, so an hour of frames grows without the
 * transient doubling (and copy) of a resized typed array.
 */
const BLOCK_BITS = 16;
const BLOCK_SIZE = 1 << BLOCK_BITS;
const BLOCK_MASK = BLOCK_SIZE - 1;

export class ChunkedFloat64Array {
  private readonly blocks: Float64Array[] = [];
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(value: number): void {
    const offset = this.count & BLOCK_MASK;
    if (offset === 0) this.blocks.push(new Float64Array(BLOCK_SIZE));
    this.blocks[this.count >>> BLOCK_BITS]![offset] = value;
    this.count++;
  }

  get(index: number): number {
    return this.blocks[index >>> BLOCK_BITS]![index & BLOCK_MASK]!;
  }

  /** Copies the values into one Float32Array (the compact form handed to callers). */
  toFloat32Array(): Float32Array {
    const out = new Float32Array(this.count);
    for (let b = 0; b < this.blocks.length; b++) {
      const start = b * BLOCK_SIZE;
      out.set(this.blocks[b]!.subarray(0, Math.min(BLOCK_SIZE, this.count - start)), start);
    }
    return out;
  }
}
