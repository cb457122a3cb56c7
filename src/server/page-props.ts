// getServerSideProps must hand its page plain JSON (Next checks this in development). The feed and paper
// pages pass domain objects with Dates, Sets and Maps, so they travel as one tagged JSON string.

export interface EncodedProps<T> {
  json: string;
  /** Never set: carries T from encodeProps to decodeProps. */
  type?: T;
}

const TAG = "$pd";

export function encodeProps<T>(value: T): EncodedProps<T> {
  const json = JSON.stringify(value, function (this: Record<string, unknown>, key: string, raw: unknown) {
    const original = this[key];
    if (original instanceof Date) return { [TAG]: "date", value: original.toISOString() };
    if (raw instanceof Set) return { [TAG]: "set", value: [...raw] };
    if (raw instanceof Map) return { [TAG]: "map", value: [...raw] };
    return raw;
  });
  return { json };
}

export function decodeProps<T>(props: EncodedProps<T>): T {
  return JSON.parse(props.json, (_key, value: unknown) => {
    if (value === null || typeof value !== "object" || !(TAG in value)) return value;
    const tagged = value as { [TAG]: string; value: unknown };
    if (tagged[TAG] === "date") return new Date(tagged.value as string);
    if (tagged[TAG] === "set") return new Set(tagged.value as unknown[]);
    if (tagged[TAG] === "map") return new Map(tagged.value as [unknown, unknown][]);
    return value;
  }) as T;
}
