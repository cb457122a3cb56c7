// Reads a manage request (form post from /subscription, or JSON) into a token and a validated action; the
// "follow" action carries the whole saved query (topics, search words, authors) and its cadence.
import { z } from "zod";
import { boundedRequest } from "@/server/platform/http/read-body";
import type { ManageRequest } from "./manage-subscription";
import { SavedQueryFields, savedQueryFormFields } from "./saved-query-input";

export const ManageSchema = z.object({
  token: z.string({ error: "The manage token is missing." }).min(1, "The manage token is missing.").max(200),
  action: z.enum(["follow", "topics", "pause", "resume", "unsubscribe", "rotate"], { error: "Unknown action." }),
  ...SavedQueryFields,
});

export type ManageInput =
  | { ok: true; form: boolean; token: string; action: ManageRequest }
  | { ok: false; form: boolean; message: string; field?: string; token?: string; tooLarge?: boolean };

export async function readManageInput(request: Request): Promise<ManageInput> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const form = type !== "application/json";
  const body = await boundedRequest(request);
  if (!body.ok) return { ok: false, form, message: "The request is too large.", tooLarge: true };
  let raw: unknown;
  try {
    if (form) {
      const data = await body.request.formData();
      raw = {
        token: data.get("token") ?? undefined,
        action: data.get("action") ?? undefined,
        ...savedQueryFormFields(data),
      };
    } else {
      raw = JSON.parse(await body.request.text());
    }
  } catch {
    return { ok: false, form, message: "The request body could not be read." };
  }
  const parsed = ManageSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      form,
      message: issue?.message ?? "Invalid input.",
      field: issue?.path.map(String).join(".") || undefined,
    };
  }
  const { token, action, topics, query, authors, cadence, weekday } = parsed.data;
  if (action === "topics") return { ok: true, form, token, action: { kind: "topics", topics } };
  if (action === "follow")
    return { ok: true, form, token, action: { kind: "follow", follows: { topics, query, authors }, cadence, weekday } };
  return { ok: true, form, token, action: { kind: action } };
}
