// Curve paths are the expensive part of a plot (thinning 10^4 points, then
// formatting a path string), and they depend only on the curve, the plot size
// and the domains — never on the sliders. This small LRU keeps the strings so
// switching back and forth between frameworks or labels draws from memory.

export class PathCache {
  private readonly map = new Map<string, string>();
  hits = 0;
  misses = 0;

  constructor(private readonly capacity = 32) {}

  get(key: string, make: () => string): string {
    const hit = this.map.get(key);
    if (hit !== undefined) {
      // Re-insert so the entry becomes the most recently used.
      this.map.delete(key);
      this.map.set(key, hit);
      this.hits++;
      return hit;
    }
    this.misses++;
    const value = make();
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value!);
    return value;
  }

  get size(): number {
    return this.map.size;
  }
}
