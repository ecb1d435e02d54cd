// GraphQL request bodies are counted while they stream in, before the body is parsed and before the caller is
// authenticated: a declared Content-Length over the limit is refused without reading a byte, and an undeclared
// (chunked) body is cut off at the limit. JSON bodies get the small limit, multipart uploads (imports) the larger.
import type { Plugin } from "graphql-yoga";
import { PayloadTooLargeError } from "../domain/kernel/errors.js";

export interface BodyLimits {
  /** application/json and every other GraphQL body. */
  bodyBytes: number;
  /** multipart/form-data: GraphQL file uploads. */
  uploadBytes: number;
}

/** The limit a request's body is held to. */
export function bodyLimitOf(contentType: string | null, limits: BodyLimits): number {
  return contentType?.toLowerCase().startsWith("multipart/form-data") ? limits.uploadBytes : limits.bodyBytes;
}

/** True when the request announces a body over `limit` (so it can be refused before any of it is read). */
export function declaresMoreThan(contentLength: string | null | undefined, limit: number): boolean {
  return contentLength != null && /^\d+$/.test(contentLength) && Number(contentLength) > limit;
}

/**
 * A yoga plugin (listed after yoga's request parsers, which user plugins are) that wraps the chosen parser so it
 * reads a counted body. Yoga's own `maxRequestBodySize` has one limit for every content type and its own error
 * code; this one answers the catalogue's PAYLOAD_TOO_LARGE (413).
 */
export function bodyLimitPlugin(limits: BodyLimits): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const limit = bodyLimitOf(request.headers.get("content-type"), limits);
      if (declaresMoreThan(request.headers.get("content-length"), limit)) throw new PayloadTooLargeError(limit);
      if (!requestParser || !request.body) return;
      setRequestParser((req) => {
        if (!req.body) return requestParser(req);
        let read = 0;
        let exceeded = false;
        // A native body stream needs the native TransformStream (yoga does the same; graphql-yoga#4583).
        const Transform = req.body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
        const counted = req.body.pipeThrough(
          new Transform<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              read += chunk.byteLength;
              exceeded ||= read > limit;
              if (exceeded) controller.error(new PayloadTooLargeError(limit));
              else controller.enqueue(chunk);
            },
          }),
        );
        // The parser reports a cut-off body as its own failure (invalid JSON, a broken stream): say why it was cut.
        const parse = async () =>
          requestParser(
            new fetchAPI.Request(req.url, {
              method: req.method,
              headers: req.headers,
              signal: req.signal,
              body: counted,
              // @ts-expect-error Node's fetch needs duplex for a streamed body; the DOM types do not list it
              duplex: "half",
            }),
          );
        return parse().catch((error: unknown) => {
          throw exceeded ? new PayloadTooLargeError(limit) : error;
        });
      });
    },
  };
}
