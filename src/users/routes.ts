import { createRoute, z } from "@hono/zod-openapi";
import { requireGlobal } from "../auth/access";
import { apiRouter, type Deps } from "../lib/app-env";
import { commonErrors, IdParams, jsonBody, jsonResponse } from "../lib/openapi";
import { CreateUserSchema, UpdateUserSchema, UserSchema } from "./schemas";
import { createUser, listUsers, updateUser } from "./service";

const tags = ["Users"];

/** Administering users (admins only). */
export function userRoutes(deps: Deps) {
  const app = apiRouter();

  app.openapi(
    createRoute({
      method: "post",
      path: "/users",
      tags,
      request: jsonBody(CreateUserSchema),
      responses: { 201: jsonResponse(UserSchema, "Created"), ...commonErrors },
    }),
    async (c) => {
      const actor = requireGlobal(c.get("actor"), "manageUsers");
      return c.json(await createUser(deps, c.req.valid("json"), actor.userId), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/users",
      tags,
      responses: { 200: jsonResponse(z.object({ users: z.array(UserSchema) }), "All users"), ...commonErrors },
    }),
    (c) => {
      requireGlobal(c.get("actor"), "manageUsers");
      return c.json({ users: listUsers(deps.db) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/users/{id}",
      tags,
      request: { params: IdParams, ...jsonBody(UpdateUserSchema) },
      responses: { 200: jsonResponse(UserSchema, "Updated"), ...commonErrors },
    }),
    async (c) => {
      const actor = requireGlobal(c.get("actor"), "manageUsers");
      return c.json(await updateUser(deps, c.req.valid("param").id, c.req.valid("json"), actor.userId), 200);
    },
  );

  return app;
}
