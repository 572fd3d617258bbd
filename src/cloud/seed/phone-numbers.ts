// Phone numbers for an office, shared between users: a number is the office prefix plus three
// digits, so there are only a thousand per prefix, and a million users reuse the same strings
// (and the same one-number arrays for businessPhones).

import type { Office } from "./demo-org.ts";
import { flat } from "./flat-strings.ts";
import type { Prng } from "./prng.ts";

const PER_PREFIX = 1000;

export class PhoneBook {
  readonly #office: Office;
  readonly #business: (readonly string[])[] = [];
  readonly #mobile: string[] = [];

  constructor(office: Office) {
    this.#office = office;
  }

  /** A businessPhones value: one desk number. */
  business(prng: Prng): readonly string[] {
    const n = prng.int(PER_PREFIX);
    let phones = this.#business[n];
    if (!phones) {
      phones = Object.freeze([flat(this.#office.phonePrefix, String(n).padStart(3, "0"))]);
      this.#business[n] = phones;
    }
    return phones;
  }

  mobile(prng: Prng): string {
    const n = prng.int(PER_PREFIX);
    let phone = this.#mobile[n];
    if (!phone) {
      phone = flat(this.#office.mobilePrefix, String(n).padStart(3, "0"));
      this.#mobile[n] = phone;
    }
    return phone;
  }
}
