import { BlockList, isIP } from "node:net";

/**
 * Which network addresses a merchant's destination may reach. A destination URL is typed by whoever
 * controls the merchant's admin, so without this check it could make our server call its own
 * loopback services, the private network it runs in, or the cloud provider's metadata endpoint that
 * hands out credentials.
 */
export interface AddressPolicyOptions {
  /** Development: loopback and private networks are reachable (a receiver on the laptop). */
  allowPrivateNetworks: boolean;
  /** Addresses or CIDR ranges reachable although refused otherwise, e.g. an on-premises CRM. */
  allowedAddresses: readonly string[];
}

export interface AddressPolicy {
  /** Null when the address may be used, else why not ("a cloud metadata address"). */
  refusal(address: string): string | null;
  /** Host names refused before any lookup. */
  refusesHostname(hostname: string): boolean;
}

// Special-purpose IPv4 ranges (IANA registry, RFC 6890): nothing a merchant's public endpoint lives on.
const SPECIAL_IPV4: ReadonlyArray<[string, number]> = [
  ["0.0.0.0", 8], // "this network", including the unspecified address
  ["10.0.0.0", 8], // private (RFC 1918)
  ["100.64.0.0", 10], // carrier-grade NAT (RFC 6598)
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation (TEST-NET-1)
  ["192.88.99.0", 24], // 6to4 relay anycast
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation (TEST-NET-2)
  ["203.0.113.0", 24], // documentation (TEST-NET-3)
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, including the broadcast address
];

const SPECIAL_IPV6: ReadonlyArray<[string, number]> = [
  ["::", 96], // unspecified, loopback and the deprecated IPv4-compatible addresses
  ["64:ff9b:1::", 48], // local-use IPv4/IPv6 translation
  ["100::", 64], // discard-only
  ["2001:db8::", 32], // documentation
  ["3fff::", 20], // documentation (RFC 9637)
  ["fc00::", 7], // unique local (ULA)
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
];

/**
 * Instance metadata services hand out cloud credentials: refused even when private networks are
 * allowed for development, unless listed in allowedAddresses by name.
 */
const METADATA_ADDRESSES = ["169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200"];
const METADATA_HOSTNAMES = new Set(["metadata.google.internal", "metadata"]);

export function createAddressPolicy({ allowPrivateNetworks, allowedAddresses }: AddressPolicyOptions): AddressPolicy {
  const special = new BlockList();
  for (const [network, prefix] of SPECIAL_IPV4) {
    special.addSubnet(network, prefix, "ipv4");
    // The same ranges reached through NAT64 (64:ff9b::/96) or 6to4 (2002::/16), which embed IPv4.
    // IPv4-mapped addresses (::ffff:a.b.c.d) BlockList already matches against the IPv4 rules.
    special.addSubnet(`64:ff9b::${ipv4AsHex(network)}`, 96 + prefix, "ipv6");
    special.addSubnet(`2002:${ipv4AsHex(network)}::`, 16 + prefix, "ipv6");
  }
  for (const [network, prefix] of SPECIAL_IPV6) special.addSubnet(network, prefix, "ipv6");

  const metadata = new BlockList();
  for (const address of METADATA_ADDRESSES) metadata.addAddress(address, family(address));

  const allowed = new BlockList();
  for (const entry of allowedAddresses) {
    const [address = "", prefix] = entry.split("/");
    if (!isIP(address)) throw new RangeError(`WEBHOOK_ALLOWED_ADDRESSES: "${entry}" is not an IP address or CIDR range`);
    if (prefix === undefined) allowed.addAddress(address, family(address));
    else allowed.addSubnet(address, Number(prefix), family(address));
  }

  return {
    refusal(rawAddress) {
      const address = rawAddress.replace(/^\[|\]$/g, "");
      if (!isIP(address)) return "not an IP address";
      const type = family(address);
      if (allowed.check(address, type)) return null;
      if (metadata.check(address, type)) return "a cloud metadata address";
      if (!allowPrivateNetworks && special.check(address, type)) return "a loopback, private or reserved address";
      return null;
    },
    refusesHostname(hostname) {
      return METADATA_HOSTNAMES.has(hostname.toLowerCase().replace(/\.$/, ""));
    },
  };
}

function family(address: string): "ipv4" | "ipv6" {
  return isIP(address) === 6 ? "ipv6" : "ipv4";
}

function ipv4AsHex(address: string): string {
  const [a = 0, b = 0, c = 0, d = 0] = address.split(".").map(Number);
  return `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
}
