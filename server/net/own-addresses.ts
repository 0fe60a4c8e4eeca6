import { networkInterfaces } from 'node:os';

/**
 * This machine's interface addresses, read at each call (interfaces come and go). A server bound to
 * 0.0.0.0 on a host with a public address is reachable at that address, which the address guard
 * rightly calls public; the reserved-port rule must still see it as Trellis itself.
 */
export function ownAddresses(): Set<string> {
  const addresses = new Set<string>();
  for (const list of Object.values(networkInterfaces())) {
    for (const entry of list ?? []) addresses.add(entry.address.toLowerCase());
  }
  return addresses;
}
