// Small typed lookups for the client script: a missing element is a page bug, so it fails loudly in one place.

export function required<T extends Element>(root: ParentNode, selector: string, type: new () => T): T {
  const element = root.querySelector(selector);
  if (!(element instanceof type)) throw new Error(`enhance: expected ${type.name} at ${selector}`);
  return element;
}

/** The CSS selector of an element carrying a data-attribute hook. */
export const hook = (attribute: string): string => `[${attribute}]`;

/** The message of a JSON API error body (`{ error: { message } }`), if it has one. */
export async function apiErrorMessage(response: Response): Promise<{ message?: string; field?: string }> {
  try {
    const body: unknown = await response.json();
    if (typeof body !== "object" || body === null || !("error" in body)) return {};
    const error = (body as { error: unknown }).error;
    if (typeof error !== "object" || error === null) return {};
    const { message, field } = error as { message?: unknown; field?: unknown };
    return {
      message: typeof message === "string" ? message : undefined,
      field: typeof field === "string" ? field : undefined,
    };
  } catch {
    return {};
  }
}
