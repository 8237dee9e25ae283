// Watch colours come from storage, where an imported settings file may have put them: untrusted.

/** A watch colour usable in a style: #rgb or #rrggbb only, so no other CSS can ride along. */
export function safeColour(value: unknown, fallback = '#8a9a9c'): string {
  return typeof value === 'string' && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(value) ? value : fallback;
}
