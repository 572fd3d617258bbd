// Values shared by every generated record that has nothing to put there. Records are immutable,
// so one frozen empty array can stand for a million empty lists.

export const EMPTY: readonly never[] = Object.freeze([]);
