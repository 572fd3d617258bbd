/** The cloud's clock: real time, or real time sped up K times from the moment the scale was set. */
export class CloudClock {
  #originReal = performance.now();
  #originCloud = Date.now();
  #scale: number;

  constructor(scale = 1) {
    this.#scale = scale;
  }

  get scale(): number {
    return this.#scale;
  }

  setScale(scale: number): void {
    this.#originCloud = this.nowMs();
    this.#originReal = performance.now();
    this.#scale = scale;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  /** Milliseconds with a fraction: a slowed clock must still move between two requests. */
  nowMs(): number {
    return this.#originCloud + (performance.now() - this.#originReal) * this.#scale;
  }
}
