// Who is calling, by network address: the one place that decides it. With TRUSTED_IP_HEADER the proxy's header
// names the visitor (its first address); without it, the socket's peer. It keys the anonymous rate-limit budget
// (and so login throttling), the per-address WebSocket cap and the clicks' hashed IP.
import type { IncomingMessage } from "node:http";

/** Reads the client address of a request (or a WebSocket's upgrade request). */
export type ClientAddress = (req: IncomingMessage | undefined) => string;

export function clientAddressOf(trustedIpHeader: string | undefined): ClientAddress {
  const header = trustedIpHeader?.toLowerCase();
  return (req) => {
    if (!req) return "unknown";
    if (header) {
      const value = req.headers[header];
      const first = (Array.isArray(value) ? value[0] : value)?.split(",")[0]?.trim();
      if (first) return first;
    }
    return req.socket.remoteAddress ?? "unknown";
  };
}
