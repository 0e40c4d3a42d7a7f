import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddress, normalizeAddress, stampClientAddress, stampedClientAddress, trustedProxies } from "./client-address.mjs";

describe("trustedProxies", () => {
  it("is 0 unless set, and a whole number from 0 to 10", () => {
    expect(trustedProxies({})).toBe(0);
    expect(trustedProxies({ TRUSTED_PROXIES: " 2 " })).toBe(2);
    for (const bad of ["-1", "11", "1.5", "ett"]) expect(() => trustedProxies({ TRUSTED_PROXIES: bad })).toThrow(/TRUSTED_PROXIES must be a whole number from 0 to 10/);
  });
});

describe("clientAddress", () => {
  it("is the socket address with no trusted proxy, whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.7", "1.1.1.1, 2.2.2.2", 0)).toBe("203.0.113.7");
    expect(clientAddress("203.0.113.7", undefined, 0)).toBe("203.0.113.7");
  });

  it("takes the entry the nearest proxy wrote with one proxy, not the client's own leftmost ones", () => {
    // The client sent "X-Forwarded-For: 6.6.6.6"; the proxy appended the address it saw.
    expect(clientAddress("10.0.0.2", "6.6.6.6, 198.51.100.9", 1)).toBe("198.51.100.9");
    expect(clientAddress("10.0.0.2", "198.51.100.9", 1)).toBe("198.51.100.9");
  });

  it("rotating spoofed leftmost entries does not change the address", () => {
    const seen = new Set(["1.1.1.1", "2.2.2.2", "3.3.3.3"].map((spoof) => clientAddress("10.0.0.2", `${spoof}, 198.51.100.9`, 1)));
    expect([...seen]).toEqual(["198.51.100.9"]);
  });

  it("counts two proxies from the right (a CDN in front of nginx)", () => {
    expect(clientAddress("10.0.0.2", "6.6.6.6, 198.51.100.9, 192.0.2.50", 2)).toBe("198.51.100.9");
    expect(clientAddress("10.0.0.2", ["6.6.6.6, 198.51.100.9", "192.0.2.50"], 2)).toBe("198.51.100.9");
  });

  it("takes the leftmost entry when the request came past fewer proxies than configured", () => {
    expect(clientAddress("198.51.100.9", undefined, 1)).toBe("198.51.100.9");
    expect(clientAddress("10.0.0.2", "198.51.100.9", 2)).toBe("198.51.100.9");
  });

  it("handles IPv6 and IPv4-mapped addresses, as one key per address", () => {
    expect(clientAddress("::ffff:203.0.113.7", undefined, 0)).toBe("203.0.113.7");
    expect(clientAddress("::1", "2001:DB8:0:0:0:0:0:1", 1)).toBe("2001:db8::1");
    expect(clientAddress("::1", "[2001:db8::1]:51234", 1)).toBe("2001:db8::1");
  });

  it("falls back on the socket address for an entry that is not an address", () => {
    expect(clientAddress("10.0.0.2", "unknown", 1)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "1.2.3.4, <script>", 1)).toBe("10.0.0.2");
    expect(clientAddress(undefined, undefined, 0)).toBeNull();
  });
});

describe("normalizeAddress", () => {
  it.each([
    ["1.2.3.4:5678", "1.2.3.4"],
    ["::FFFF:10.0.0.1", "10.0.0.1"],
    ["fe80::1%eth0", "fe80::1"],
    ["not-an-address", null],
    ["", null],
  ])("%s → %s", (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });
});

describe("stampClientAddress", () => {
  // First in this file: the flag is per process, and the tests below set it.
  it("leaves stampedClientAddress null while no server in this process stamps (next dev, next start)", () => {
    expect(stampedClientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: "6.6.6.6" }))).toBeNull();
  });

  it("overwrites a client-sent value, and a request with no address gets none", () => {
    const req = { headers: { [CLIENT_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6" } as Record<string, string | undefined>, socket: { remoteAddress: "203.0.113.7" } };
    stampClientAddress(req, 0);
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBe("203.0.113.7");

    const gone = { headers: { [CLIENT_ADDRESS_HEADER]: "6.6.6.6" } as Record<string, string | undefined>, socket: {} };
    stampClientAddress(gone, 0);
    expect(gone.headers).toEqual({});
  });

  it("is what stampedClientAddress reads once this process stamps", () => {
    const req = { headers: {} as Record<string, string | undefined>, socket: { remoteAddress: "::ffff:198.51.100.9" } };
    stampClientAddress(req, 0);
    expect(stampedClientAddress(new Headers(req.headers as Record<string, string>))).toBe("198.51.100.9");
  });
});
