// Who is asking. Next.js hands route handlers no socket, and `next start` keeps any X-Forwarded-For the client
// wrote, so our own HTTP server (src/cli/serve.ts) works the address out from the socket and the trusted proxy
// hops, and stamps it on the request with a per-process proof. Handlers believe only a stamp carrying that proof:
// anything else (a bare `next start`, a forged header) falls into one shared "unknown" bucket.
import crypto from "node:crypto";
import net from "node:net";

const ADDRESS_HEADER = "x-paper-digest-client";
const PROOF_HEADER = "x-paper-digest-client-proof";
export const UNKNOWN_CLIENT = "unknown";

const processState = globalThis as unknown as { paperDigestClientProof?: string };

function proof(): string {
  processState.paperDigestClientProof ??= crypto.randomBytes(24).toString("base64url");
  return processState.paperDigestClientProof;
}

/** One address in canonical form: IPv4-mapped IPv6 unwrapped, a port or brackets dropped. */
function canonical(entry: string): string {
  let value = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (value.toLowerCase().startsWith("::ffff:") && net.isIPv4(value.slice(7))) value = value.slice(7);
  return value.slice(0, 100);
}

/**
 * The client of a connection: the socket peer when no proxy is trusted, else the address `trustedProxies` hops
 * from the right of X-Forwarded-For + socket (each trusted proxy appends the address it saw). Entries left of
 * that are the client's own words and are ignored.
 */
export function clientAddressOf(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: number,
): string {
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  const chain = [...forwarded, socketAddress ?? UNKNOWN_CLIENT].map(canonical);
  return chain[Math.max(0, chain.length - 1 - trustedProxies)] ?? UNKNOWN_CLIENT;
}

/** The key limits count by: the address, or its /64 for IPv6 (one host usually owns a whole /64). */
export function limitKeyOf(address: string): string {
  if (!net.isIPv6(address) || address === "::1") return address;
  const [head = "", tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::")
    ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** Our server's stamp on an incoming request's headers (any copy the client sent is overwritten). */
export function stampClientAddress(headers: Record<string, string | string[] | undefined>, address: string): void {
  headers[ADDRESS_HEADER] = address;
  headers[PROOF_HEADER] = proof();
}

/** The same stamp on a fetch-style Headers object (in-process callers, such as tests calling handlers). */
export function stampClientHeaders(headers: Headers, address: string): void {
  headers.set(ADDRESS_HEADER, address);
  headers.set(PROOF_HEADER, proof());
}

/** The stamped client of a request, or "unknown" when no stamp with this process's proof is present. */
export function clientAddress(headers: Headers): string {
  const address = headers.get(ADDRESS_HEADER);
  const given = headers.get(PROOF_HEADER);
  const expected = processState.paperDigestClientProof;
  if (!address || !given || !expected || given.length !== expected.length) return UNKNOWN_CLIENT;
  return crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected)) ? address : UNKNOWN_CLIENT;
}

/** The rate-limit key of a request's client. */
export function clientKey(headers: Headers): string {
  return limitKeyOf(clientAddress(headers));
}

/** Whether the stamped client is this machine (127.0.0.0/8 or ::1). */
export function isLoopbackClient(headers: Headers): boolean {
  const address = clientAddress(headers);
  return address === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address);
}
