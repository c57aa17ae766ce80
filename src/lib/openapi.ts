import { z } from "@hono/zod-openapi";
import { ERROR_CODES, ERROR_STATUS } from "./errors";

/** The error shape every 4xx and 5xx carries. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES).openapi({
        description: `What went wrong, as a fixed code; each has one HTTP status: ${ERROR_CODES.map((code) => `${code} ${ERROR_STATUS[code]}`).join(", ")}.`,
      }),
      message: z.string(),
      details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
      requestId: z.string(),
    }),
  })
  .openapi("Error");

/** A JSON response entry for a route's `responses`. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { content: { "application/json": { schema } }, description };
}

/** A required JSON request body for a route's `request`. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { content: { "application/json": { schema } }, required: true } };
}

const err = (description: string) => jsonResponse(ErrorSchema, description);

/** The error responses most routes can give. */
export const commonErrors = {
  400: err("Invalid input; `details` names each field (the first 20, then one entry saying how many more problems there were)"),
  401: err("Not signed in"),
  403: err("Signed in, but may not do this"),
  404: err("Does not exist, or you may not see it"),
};

/** One of our ids in a path. */
export const idString = z.string().min(1).max(64);
export const IdParams = z.object({ id: idString.openapi({ param: { name: "id", in: "path" } }) });

export const NoContent = { description: "Done; no content" };
