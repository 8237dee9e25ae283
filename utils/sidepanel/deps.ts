/** Whether two dependency lists name the same values (Object.is per entry, like Preact's own hooks). */
export function sameDeps(a: readonly unknown[] | undefined, b: readonly unknown[]): boolean {
  return a !== undefined && a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}
