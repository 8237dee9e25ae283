import type { MessageKey } from './i18n';

// Errors that cross a boundary (network → queue → UI). Each carries the i18n key of the one sentence
// the officer sees, so no layer ever shows a stack trace.

export type ErrorCode = 'auth' | 'rate-limit' | 'content' | 'transient' | 'interrupted' | 'unknown-message' | 'bad-message' | 'internal';

export class SiarError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: MessageKey,
    detail?: string,
  ) {
    super(detail ?? messageKey);
    this.name = new.target.name;
  }
}

const CONTENT_MESSAGES: Record<string, MessageKey> = {
  duplicate: 'errorDuplicate',
  empty: 'errorEmpty',
  'too-long': 'errorTooLong',
  response: 'errorBadResponse',
};

export class AuthError extends SiarError {
  constructor(detail?: string) {
    super('auth', 'errorAuth', detail);
  }
}

export class RateLimitError extends SiarError {
  constructor(
    readonly retryAt: number,
    detail?: string,
  ) {
    super('rate-limit', 'errorRateLimited', detail);
  }
}

export class ContentError extends SiarError {
  constructor(
    readonly field: string,
    detail?: string,
  ) {
    super('content', CONTENT_MESSAGES[field] ?? 'errorContent', detail);
  }
}

export class TransientError extends SiarError {
  constructor(detail?: string) {
    super('transient', 'errorNetwork', detail);
  }
}

/** The plain shape of an error once it has crossed a message or storage boundary. */
export interface ErrorInfo {
  code: ErrorCode;
  messageKey: MessageKey;
  detail?: string;
  retryAt?: number;
  field?: string;
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof SiarError) {
    return {
      code: error.code,
      messageKey: error.messageKey,
      detail: error.message,
      ...(error instanceof RateLimitError ? { retryAt: error.retryAt } : {}),
      ...(error instanceof ContentError ? { field: error.field } : {}),
    };
  }
  return { code: 'internal', messageKey: 'errorInternal' };
}
