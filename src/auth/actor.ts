import type { Role } from "../db/schema";

/** The signed-in person behind a request, however they proved it. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  role: Role;
  via: "session" | "token";
  sessionId?: string;
}
