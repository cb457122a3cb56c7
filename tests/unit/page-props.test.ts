import { describe, expect, it } from "vitest";
import { decodeProps, encodeProps } from "../../src/server/page-props";

describe("page props", () => {
  it("round-trips Dates, Sets and Maps, nested, through plain JSON", () => {
    const value = {
      at: new Date("2026-11-27T01:02:03.004Z"),
      nested: [{ publishedAt: new Date("2024-05-01T00:00:00.000Z"), none: null, missing: undefined }],
      voted: new Set([3, 1, 2]),
      byId: new Map<number, { seen: Date }>([[7, { seen: new Date(0) }]]),
      text: "a $pd lookalike string",
    };
    const encoded = encodeProps(value);
    // What getServerSideProps returns must survive JSON as it is.
    expect(JSON.parse(JSON.stringify(encoded))).toEqual(encoded);
    const decoded = decodeProps(encoded);
    expect(decoded.at).toBeInstanceOf(Date);
    expect(decoded.at.toISOString()).toBe("2026-11-27T01:02:03.004Z");
    expect(decoded.nested[0]!.publishedAt.toISOString()).toBe("2024-05-01T00:00:00.000Z");
    expect(decoded.nested[0]!.none).toBeNull();
    expect("missing" in decoded.nested[0]!).toBe(false);
    expect(decoded.voted).toEqual(new Set([3, 1, 2]));
    expect(decoded.byId.get(7)!.seen.getTime()).toBe(0);
    expect(decoded.text).toBe("a $pd lookalike string");
  });
});
