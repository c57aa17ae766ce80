import type { z } from "zod";
import { AppError, type ErrorDetail } from "./errors";

function fieldOf(path: readonly PropertyKey[], target?: string): string {
  const parts = path.map(String);
  if (parts.length === 0) return target === "json" || !target ? "body" : target;
  return parts.join(".");
}

/** The details of a zod error: one entry per offending field (unknown keys named one by one). */
export function zodDetails(error: z.ZodError, target?: string): ErrorDetail[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ field: fieldOf([...issue.path, key], target), message: "is not a known field" }));
    }
    return [{ field: fieldOf(issue.path, target), message: issue.message }];
  });
}

/** A 400 for a zod error whose message names the first offending field. */
export function validationError(error: z.ZodError, target?: string): AppError {
  const details = zodDetails(error, target);
  const first = details[0];
  const message = first ? `${first.field}: ${first.message}` : "Invalid input";
  return new AppError("invalid_input", message, { details });
}

/** Parses `input` with `schema`, or throws our 400. For inputs that are not validated by a route. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, target?: string): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error, target);
  return result.data;
}
