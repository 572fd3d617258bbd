/** Ids kept in ascending order, so that paging can resume after the last id it returned. */
export class SortedIds {
  readonly #ids: string[] = [];

  get size(): number {
    return this.#ids.length;
  }

  add(id: string): void {
    const at = this.#lowerBound(id);
    if (this.#ids[at] !== id) this.#ids.splice(at, 0, id);
  }

  /** Appends without searching; the caller guarantees ids arrive in ascending order. */
  addAscending(id: string): void {
    const last = this.#ids[this.#ids.length - 1];
    if (last !== undefined && last >= id) {
      this.add(id);
      return;
    }
    this.#ids.push(id);
  }

  remove(id: string): void {
    const at = this.#lowerBound(id);
    if (this.#ids[at] === id) this.#ids.splice(at, 1);
  }

  /** Ids strictly after `afterId` (or from the start), in order. */
  *from(afterId: string | undefined): Generator<string> {
    let at = afterId === undefined ? 0 : this.#lowerBound(afterId);
    if (afterId !== undefined && this.#ids[at] === afterId) at++;
    for (; at < this.#ids.length; at++) yield this.#ids[at]!;
  }

  #lowerBound(id: string): number {
    let lo = 0;
    let hi = this.#ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#ids[mid]! < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
