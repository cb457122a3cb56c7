import { describe, expect, it } from "vitest";
import {
  clientAddress,
  clientAddressOf,
  limitKeyOf,
  stampClientHeaders,
} from "../../src/server/platform/http/client-address";

describe("clientAddressOf", () => {
  it("is the socket peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddressOf("::ffff:192.0.2.9", "198.51.100.1, 198.51.100.2", 0)).toBe("192.0.2.9");
    expect(clientAddressOf("::1", undefined, 0)).toBe("::1");
  });

  it("counts trusted hops from the right, ignoring what the client wrote on the left", () => {
    expect(clientAddressOf("10.0.0.2", "6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddressOf("10.0.0.2", ["6.6.6.6", "203.0.113.7, 10.0.0.1"], 2)).toBe("203.0.113.7");
    expect(clientAddressOf("10.0.0.2", "[2001:db8::1]:443", 1)).toBe("2001:db8::1");
    expect(clientAddressOf("10.0.0.2", "203.0.113.7:5123", 1)).toBe("203.0.113.7");
  });

  it("never reaches past the start of the chain: a request that skipped the proxy is its socket peer", () => {
    expect(clientAddressOf("192.0.2.9", undefined, 1)).toBe("192.0.2.9");
    expect(clientAddressOf("192.0.2.9", "", 3)).toBe("192.0.2.9");
  });
});

describe("limitKeyOf", () => {
  it("groups an IPv6 client by its /64 and leaves IPv4 and loopback alone", () => {
    expect(limitKeyOf("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(limitKeyOf("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(limitKeyOf("2001:db8::5")).toBe("2001:db8:0:0::/64");
    expect(limitKeyOf("::1")).toBe("::1");
    expect(limitKeyOf("192.0.2.9")).toBe("192.0.2.9");
  });
});

describe("clientAddress", () => {
  it("believes only a stamp carrying this process's proof", () => {
    const stamped = new Headers();
    stampClientHeaders(stamped, "192.0.2.9");
    expect(clientAddress(stamped)).toBe("192.0.2.9");
    const forged = new Headers({ "x-paper-digest-client": "127.0.0.1", "x-paper-digest-client-proof": "guess" });
    expect(clientAddress(forged)).toBe("unknown");
    expect(clientAddress(new Headers({ "x-forwarded-for": "127.0.0.1" }))).toBe("unknown");
  });
});
