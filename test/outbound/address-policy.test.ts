import { describe, expect, it } from "vitest";
import { createAddressPolicy } from "~/outbound/address-policy";

const production = createAddressPolicy({ allowPrivateNetworks: false, allowedAddresses: [] });

describe("createAddressPolicy", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["0.0.0.0", "unspecified"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "CGNAT"],
    ["169.254.10.1", "link-local"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["192.0.2.10", "documentation"],
    ["198.51.100.7", "documentation"],
    ["203.0.113.9", "documentation"],
    ["::1", "IPv6 loopback"],
    ["::", "IPv6 unspecified"],
    ["fe80::1", "IPv6 link-local"],
    ["fc00::1", "ULA"],
    ["fd12:3456::1", "ULA"],
    ["ff02::1", "IPv6 multicast"],
    ["2001:db8::1", "IPv6 documentation"],
    ["::ffff:127.0.0.1", "IPv4-mapped loopback"],
    ["::ffff:7f00:1", "IPv4-mapped loopback, hex"],
    ["::ffff:10.0.0.1", "IPv4-mapped private"],
    ["64:ff9b::a00:1", "NAT64 of 10.0.0.1"],
    ["2002:7f00:1::", "6to4 of 127.0.0.1"],
  ])("refuses %s (%s)", (address) => {
    expect(production.refusal(address)).toBe("a loopback, private or reserved address");
  });

  it.each(["169.254.169.254", "fd00:ec2::254", "100.100.100.200", "::ffff:169.254.169.254"])("refuses the cloud metadata address %s even where private networks are allowed", (address) => {
    const development = createAddressPolicy({ allowPrivateNetworks: true, allowedAddresses: [] });
    expect(production.refusal(address)).toBe("a cloud metadata address");
    expect(development.refusal(address)).toBe("a cloud metadata address");
  });

  it.each(["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"])("permits the public address %s", (address) => {
    expect(production.refusal(address)).toBeNull();
  });

  it("permits private networks in development", () => {
    const development = createAddressPolicy({ allowPrivateNetworks: true, allowedAddresses: [] });
    expect(development.refusal("127.0.0.1")).toBeNull();
    expect(development.refusal("192.168.1.20")).toBeNull();
  });

  it("permits listed addresses and ranges, metadata included when listed", () => {
    const policy = createAddressPolicy({ allowPrivateNetworks: false, allowedAddresses: ["10.20.0.0/16", "127.0.0.1", "169.254.169.254"] });
    expect(policy.refusal("10.20.3.4")).toBeNull();
    expect(policy.refusal("::ffff:10.20.3.4")).toBeNull();
    expect(policy.refusal("10.21.0.1")).not.toBeNull();
    expect(policy.refusal("127.0.0.1")).toBeNull();
    expect(policy.refusal("127.0.0.2")).not.toBeNull();
    expect(policy.refusal("169.254.169.254")).toBeNull();
  });

  it("rejects a configured entry that is not an address", () => {
    expect(() => createAddressPolicy({ allowPrivateNetworks: false, allowedAddresses: ["crm.internal"] })).toThrow(/not an IP address/);
  });

  it("refuses what is not an IP address, and metadata host names", () => {
    expect(production.refusal("example.com")).toBe("not an IP address");
    expect(production.refusesHostname("metadata.google.internal")).toBe(true);
    expect(production.refusesHostname("Metadata.Google.Internal.")).toBe(true);
    expect(production.refusesHostname("hooks.zapier.com")).toBe(false);
  });
});
