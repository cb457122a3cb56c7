// Reads a subscribe request body (JSON, form-encoded or multipart) into a validated address and saved query.
import { z } from "zod";
import { normaliseEmail } from "@/domain/subscription/email-address";
import type { Cadence, Weekday } from "@/domain/subscription/saved-query";
import { boundedRequest } from "@/server/platform/http/read-body";
import { SavedQueryFields, savedQueryFormFields, type SavedQueryInput } from "./saved-query-input";

/** Byte-identical for new, pending, active and unsubscribed addresses: the answer reveals nothing. */
export const SUBSCRIBE_ACCEPTED = {
  status: "accepted",
  message: "Check your inbox for a link to confirm your subscription.",
};
export const SUBSCRIBE_ACCEPTED_BODY = JSON.stringify(SUBSCRIBE_ACCEPTED);

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
  ...SavedQueryFields,
  /** Honeypot: invisible to people, filled in by form-stuffing bots. */
  website: z.string().max(2000).optional(),
});

export type SubscribeInput =
  | ({
      ok: true;
      form: boolean;
      email: string;
      honeypot: boolean;
      cadence?: Cadence;
      weekday?: Weekday;
    } & SavedQueryInput)
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
  const { email, topics, query, authors, cadence, weekday, website } = parsed.data;
  return {
    ok: true,
    form,
    email,
    topics,
    query,
    authors,
    ...(cadence ? { cadence } : {}),
    ...(weekday ? { weekday } : {}),
    honeypot: Boolean(website?.trim()),
  };
}

function formFields(data: FormData) {
  const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : "");
  return { email: text(data.get("email")), website: text(data.get("website")), ...savedQueryFormFields(data) };
}
