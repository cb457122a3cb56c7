// Reads a subscribe request body (JSON, form-encoded or multipart) into a validated { email, topics }.
import { z } from "zod";
import { normaliseEmail } from "@/domain/subscription/email-address";
import { normaliseTopics } from "@/domain/subscription/topics";
import { boundedRequest } from "@/server/platform/http/read-body";

/** Byte-identical for new, pending, active and unsubscribed addresses: the answer reveals nothing. */
export const SUBSCRIBE_ACCEPTED_BODY = JSON.stringify({
  status: "accepted",
  message: "Check your inbox for a link to confirm your subscription.",
});

export const SubscribeSchema = z.object({
  email: z
    .string({ error: "Enter your email address." })
    .max(1000, "Email addresses are at most 254 characters.")
    .transform((value, ctx) => {
      const check = normaliseEmail(value);
      if (check.ok) return check.email;
      ctx.addIssue({ code: "custom", message: check.message });
      return z.NEVER;
    }),
  topics: z
    .union([z.string(), z.array(z.string({ error: "Topics must be text." }))])
    .optional()
    .transform((value, ctx) => {
      const check = normaliseTopics(value === undefined ? [] : typeof value === "string" ? [value] : value);
      if (check.ok) return check.topics;
      ctx.addIssue({ code: "custom", message: check.message });
      return z.NEVER;
    }),
  /** Honeypot: invisible to people, filled in by form-stuffing bots. */
  website: z.string().max(2000).optional(),
});

export type SubscribeInput =
  | { ok: true; form: boolean; email: string; topics: string[]; honeypot: boolean }
  | { ok: false; form: boolean; status: 400 | 413 | 415; code: string; message: string; field?: string };

export async function readSubscribeInput(request: Request): Promise<SubscribeInput> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const form = type === "application/x-www-form-urlencoded" || type === "multipart/form-data";
  if (!form && type !== "application/json") {
    return { ok: false, form, status: 415, code: "unsupported_media_type", message: "Send JSON or a form post." };
  }
  const body = await boundedRequest(request);
  if (!body.ok)
    return { ok: false, form, status: 413, code: "payload_too_large", message: "The request is too large." };
  let raw: unknown;
  try {
    raw = form ? formFields(await body.request.formData()) : JSON.parse(await body.request.text());
  } catch {
    return {
      ok: false,
      form,
      status: 400,
      code: "invalid_body",
      message: form ? "The form could not be read." : "The body is not valid JSON.",
    };
  }
  const parsed = SubscribeSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join(".") || undefined;
    return {
      ok: false,
      form,
      status: 400,
      code: "invalid_parameter",
      message: issue?.message ?? "Invalid input.",
      field,
    };
  }
  const { email, topics, website } = parsed.data;
  return { ok: true, form, email, topics, honeypot: Boolean(website?.trim()) };
}

function formFields(data: FormData) {
  const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : "");
  return {
    email: text(data.get("email")),
    topics: data.getAll("topics").map(text),
    website: text(data.get("website")),
  };
}
