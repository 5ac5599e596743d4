import type { DocumentProblem } from '@comeback/domain';

/**
 * Every error we raise on purpose carries a machine-readable code. The HTTP status is derived from the
 * code in one place (`http-exception.filter.ts`), so services never think about HTTP.
 */
export enum ErrorCode {
  ValidationFailed = 'validation_failed',
  NotFound = 'not_found',
  Conflict = 'conflict',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  InvalidSignature = 'invalid_signature',
  PayloadTooLarge = 'payload_too_large',
  ImportRejected = 'import_rejected',
  UnsupportedMediaType = 'unsupported_media_type',
  PolicyInvalid = 'policy_invalid',
  AtsUnavailable = 'ats_unavailable',
  AtsRejected = 'ats_rejected',
  RateLimited = 'rate_limited',
  /** The ATS refused the connection being saved (credentials, acting user): nothing was saved. */
  AtsConnectionRefused = 'ats_connection_refused',
  CsrfFailed = 'csrf_failed',
  /** An invitation that may not be sent (opted out, not eligible, no e-mail, job not open); `details.reason` says which. */
  InvitationRefused = 'invitation_refused',
  /** A signed link past its expiry. */
  LinkExpired = 'link_expired',
  /** Activation of a policy version whose exact content has not been dry-run. */
  DryRunRequired = 'dry_run_required',
}

export class AppException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppException';
  }
}

export class NotFoundException extends AppException {
  constructor(what: string, details?: unknown) {
    super(ErrorCode.NotFound, `${what} not found`, details);
  }
}

export class ForbiddenException extends AppException {
  constructor(message = 'You are not allowed to do this') {
    super(ErrorCode.Forbidden, message);
  }
}

export class ValidationFailedException extends AppException {
  constructor(message: string, details?: unknown) {
    super(ErrorCode.ValidationFailed, message, details);
  }
}

/**
 * A submitted or stored document (eligibility or fairness policy) has problems. The answer's
 * `details.problems` lists them in the document dialect: `{ path: JSON pointer, code, message, messages: { en, ja } }`.
 */
export class DocumentInvalidException extends AppException {
  constructor(
    message: string,
    readonly problems: readonly DocumentProblem[],
  ) {
    super(ErrorCode.PolicyInvalid, message, { problems });
  }
}

/**
 * A policy version may be activated only after a dry run of exactly its current content (recorded on the row):
 * `details` names the version and carries the message in English and Japanese.
 */
export class DryRunRequiredException extends AppException {
  constructor(label: string, version: number) {
    const messages = {
      en: `Version ${version} of the ${label} has not been dry-run as it stands: run the dry run, check what it changes, then activate it.`,
      ja: `この版（v${version}）は現在の内容で試算されていません。試算を実行して影響を確認してから有効にしてください。`,
    };
    super(ErrorCode.DryRunRequired, messages.en, { version, messages });
  }
}

/** Too many requests from one source (webhooks per address, console sign-ins); `details.retryAfterSeconds` says when to come back. */
export class RateLimitedException extends AppException {
  constructor(retryAfterMs: number) {
    super(ErrorCode.RateLimited, 'Too many requests; try again later', {
      retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
    });
  }
}
