// Email address normalisation: what we store is trimmed, has a lower-cased ASCII domain, and SMTP would accept.

export type EmailCheck = { ok: true; email: string } | { ok: false; message: string };

/** RFC 5321 limits: 64 octets of local part, 254 for the whole path an MTA will take. */
export const MAX_EMAIL_LENGTH = 254;
const MAX_LOCAL_LENGTH = 64;
// Dot-atom local parts only; quoted local parts are legal but rejected by most providers and forms.
const LOCAL_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$/;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

export function normaliseEmail(input: string): EmailCheck {
  const trimmed = input.trim();
  if (trimmed === "") return { ok: false, message: "Enter your email address." };
  if (trimmed.length > MAX_EMAIL_LENGTH)
    return { ok: false, message: `Email addresses are at most ${MAX_EMAIL_LENGTH} characters.` };
  if (/[\s\u0000-\u001f\u007f]/.test(trimmed)) return { ok: false, message: "An email address cannot contain spaces." };
  const at = trimmed.lastIndexOf("@");
  if (at <= 0 || at === trimmed.length - 1)
    return { ok: false, message: "An email address looks like name@example.com." };
  const local = trimmed.slice(0, at);
  const domain = asciiDomain(trimmed.slice(at + 1));
  if (local.length > MAX_LOCAL_LENGTH) return { ok: false, message: "The part before @ is at most 64 characters." };
  if (!local.split(".").every((atom) => LOCAL_ATOM.test(atom))) {
    return { ok: false, message: "The part before @ has a character email servers do not accept." };
  }
  if (!domain) return { ok: false, message: "The part after @ is not a valid domain." };
  const labels = domain.split(".");
  const tld = labels[labels.length - 1] ?? "";
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label)) || !TOP_LEVEL.test(tld)) {
    return { ok: false, message: "The part after @ is not a valid domain." };
  }
  const email = `${local}@${domain}`;
  if (email.length > MAX_EMAIL_LENGTH)
    return { ok: false, message: `Email addresses are at most ${MAX_EMAIL_LENGTH} characters.` };
  return { ok: true, email };
}

/** Lower-cased ASCII (punycode for international names) via the WHATWG URL parser, or null. */
function asciiDomain(domain: string): string | null {
  if (/[/\\?#:@[\]%]/.test(domain)) return null;
  try {
    const host = new URL(`http://${domain}`).hostname;
    return host.endsWith(".") ? null : host;
  } catch {
    return null;
  }
}

/** "jane.doe@example.com" -> "j•••e@e•••.com": enough to recognise, not enough to harvest. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const maskedLocal = local.length <= 2 ? `${local.slice(0, 1)}•••` : `${local.slice(0, 1)}•••${local.slice(-1)}`;
  const dot = domain.lastIndexOf(".");
  const maskedDomain = dot > 0 ? `${domain.slice(0, 1)}•••${domain.slice(dot)}` : "•••";
  return `${maskedLocal}@${maskedDomain}`;
}
