const number = new Intl.NumberFormat();

/** "1 guest", "1,204 guests". */
export function counted(count: number, one: string, many = `${one}s`): string {
  return `${number.format(count)} ${count === 1 ? one : many}`;
}
