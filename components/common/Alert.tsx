import type { ComponentChildren } from 'preact';

/** A notice the officer must read: announced by screen readers, found by tests through role="alert". */
export function Alert({ tone = 'error', children, testId }: { tone?: 'error' | 'warning' | 'info'; children: ComponentChildren; testId?: string }) {
  return (
    <div class={`notice notice-${tone}`} role={tone === 'info' ? 'status' : 'alert'} aria-live="polite" data-testid={testId}>
      {children}
    </div>
  );
}
