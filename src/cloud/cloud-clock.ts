/** The cloud's clock: real time, or real time sped up K times from the moment the scale was set. */
export class CloudClock {
  #originReal = Date.now();
  #originCloud = Date.now();
  #scale: number;

  constructor(scale = 1) {
    this.#scale = scale;
  }

  get scale(): number {
    return this.#scale;
  }

  setScale(scale: number): void {
    this.#originCloud = this.now().getTime();
    this.#originReal = Date.now();
    this.#scale = scale;
  }

  now(): Date {
    return new Date(this.#originCloud + (Date.now() - this.#originReal) * this.#scale);
  }
}
