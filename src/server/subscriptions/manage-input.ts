// Reads a manage request (form post from /subscription, or JSON) into a token and a validated action.
import { z } from "zod";
import { normaliseTopics } from "@/domain/subscription/topics";
import { boundedRequest } from "@/server/platform/http/read-body";
import type { ManageAction } from "./manage-subscription";

export const ManageSchema = z.object({
  token: z.string({ error: "The manage token is missing." }).min(1, "The manage token is missing.").max(200),
  action: z.enum(["topics", "pause", "resume", "unsubscribe", "rotate"], { error: "Unknown action." }),
  topics: z.union([z.string(), z.array(z.string())]).optional(),
});

export type ManageInput =
  | { ok: true; form: boolean; token: string; action: ManageAction }
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
        topics: data.getAll("topics").filter((t) => typeof t === "string"),
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
  const { token, action, topics } = parsed.data;
  if (action !== "topics") return { ok: true, form, token, action: { kind: action } };
  const check = normaliseTopics(topics === undefined ? [] : typeof topics === "string" ? [topics] : topics);
  if (!check.ok) return { ok: false, form, message: check.message, field: "topics", token };
  return { ok: true, form, token, action: { kind: "topics", topics: check.topics } };
}
