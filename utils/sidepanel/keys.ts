import type { ResponseStatus } from '../db';

// Keyboard triage, Gmail-style, so an officer can clear a morning's mentions without the mouse.

export type KeyAction = 'next' | 'previous' | 'star' | 'archive' | 'open' | 'select';

const KEYS: Record<string, KeyAction> = { j: 'next', k: 'previous', s: 'star', e: 'archive', o: 'open', x: 'select' };

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  targetTag?: string;
  editable?: boolean;
}

/** The action for a key press, or undefined when the officer is typing or using a shortcut of the browser. */
export function keyAction(event: KeyLike): KeyAction | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey || event.editable) return undefined;
  if (event.targetTag && ['INPUT', 'TEXTAREA', 'SELECT'].includes(event.targetTag.toUpperCase())) return undefined;
  return KEYS[event.key];
}

export const RESPONSE_STATUSES: readonly ResponseStatus[] = ['baru', 'ditinjau', 'perlu-klarifikasi', 'ditanggapi'];

/** The index to focus after a move, kept inside the list. */
export function moveIndex(current: number, action: 'next' | 'previous', count: number): number {
  if (count <= 0) return -1;
  if (current < 0) return 0;
  return Math.min(count - 1, Math.max(0, current + (action === 'next' ? 1 : -1)));
}
