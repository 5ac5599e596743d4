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
