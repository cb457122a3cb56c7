// Turns node-postgres connection failures into one-line messages naming the server, for `npm start`.

/** The URL's host and port, without credentials. */
export function serverOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  } catch {
    return "(unparsable DATABASE_URL)";
  }
}

export class DatabaseUnreachableError extends Error {
  constructor(
    readonly server: string,
    cause: unknown,
  ) {
    const reason =
      cause instanceof Error ? cause.message || (cause as { code?: string }).code || cause.name : String(cause);
    super(`cannot reach the PostgreSQL server at ${server}: ${reason}`, { cause });
    this.name = "DatabaseUnreachableError";
  }
}

export function describeConnectionError(url: string, error: unknown): DatabaseUnreachableError {
  return new DatabaseUnreachableError(serverOf(url), error);
}
