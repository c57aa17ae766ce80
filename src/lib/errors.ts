import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Every error code the API answers with, and its HTTP status (published in the OpenAPI document). */
export const ERROR_STATUS = {
  invalid_input: 400,
  invalid_json: 400,
  invalid_body: 400,
  unauthorized: 401,
  forbidden: 403,
  csrf_rejected: 403,
  not_found: 404,
  conflict: 409,
  already_submitted: 409,
  not_ready: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Every error code, in the order above. */
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

export interface ErrorDetail {
  field: string;
  message: string;
}

/** The most problems one error lists; the rest are only counted (a draft with 190,000 unknown keys once made an 11 MB 400). */
export const MAX_DETAILS = 20;

/** The status an error code maps to. */
export function codeToStatus(code: ErrorCode): ContentfulStatusCode {
  return ERROR_STATUS[code];
}

/**
 * The one error type verbs and handlers throw; `onError` turns it into the JSON error shape or a
 * friendly HTML page.
 * @example throw new AppError("not_found", "Network not found")
 */
export class AppError extends HTTPException {
  readonly code: ErrorCode;
  /** The first MAX_DETAILS problems. */
  readonly details?: ErrorDetail[];
  /** How many more problems there were than `details` lists. */
  readonly moreDetails: number;
  readonly retryAfterSeconds?: number;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: ErrorDetail[]; moreDetails?: number; retryAfterSeconds?: number } = {},
  ) {
    super(codeToStatus(code), { message });
    this.code = code;
    const { details = undefined, moreDetails = 0 } = options;
    this.details = details && details.length > MAX_DETAILS ? details.slice(0, MAX_DETAILS) : details;
    this.moreDetails = moreDetails + Math.max(0, (details?.length ?? 0) - MAX_DETAILS);
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** A 400 naming one field. */
export function invalidField(field: string, message: string): AppError {
  return new AppError("invalid_input", `${field}: ${message}`, { details: [{ field, message }] });
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);

/** Turns any thrown value into an AppError; unknown errors become a bare 500. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 413) return new AppError("payload_too_large", "The request body is too large");
    if (err.status === 400)
      return new AppError("invalid_json", "body: is not valid JSON", { details: [{ field: "body", message: "is not valid JSON" }] });
    if (err.status === 401) return new AppError("unauthorized", "Please sign in");
    if (err.status === 403) return new AppError("forbidden", "You may not do this");
    if (err.status === 404) return new AppError("not_found", "Not found");
    // zod-openapi's validator refuses a body in a media type the route does not declare.
    if (err.status === 415)
      return new AppError(
        "unsupported_media_type",
        "The request body's Content-Type is not accepted here (the API takes application/json)",
      );
  }
  return new AppError("internal", "Something went wrong");
}

/** The entry that ends a cut-short `details`, e.g. "and 189,980 more problems". */
function moreProblems(count: number): ErrorDetail {
  return { field: "…", message: `and ${count.toLocaleString("en-GB")} more problem${count === 1 ? "" : "s"}` };
}

/** The JSON body of an error response: at most MAX_DETAILS problems, then how many more there were. */
export function errorBody(err: AppError, requestId: string) {
  const details = err.details && (err.moreDetails > 0 ? [...err.details, moreProblems(err.moreDetails)] : err.details);
  return {
    error: {
      code: err.code,
      message: err.message,
      ...(details ? { details } : {}),
      requestId,
    },
  };
}
