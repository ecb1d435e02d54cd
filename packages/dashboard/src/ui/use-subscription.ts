// A subscription kept open while the component is shown: restarted with backoff when it fails (the SDK's socket
// has already retried by then), reporting whether it is live.
import type { TypedDocumentNode } from "@partnergraph/sdk";
import { useEffect, useRef, useState } from "react";
import { client } from "../api.js";

export type LiveStatus = "connecting" | "live" | "reconnecting";

const MAX_BACKOFF_MS = 30_000;

export function useSubscription<R, V>(
  document: TypedDocumentNode<R, V>,
  variables: V,
  onEvent: (event: R) => void,
): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const key = JSON.stringify(variables);
  const latest = useRef(variables);
  latest.current = variables;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the variables.
  useEffect(() => {
    let stopped = false;
    let current: AsyncIterableIterator<R> | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const subscribe = client.subscribe as (d: TypedDocumentNode<R, V>, v: V) => AsyncIterableIterator<R>;
    (async () => {
      for (let attempt = 0; !stopped; attempt++) {
        current = subscribe(document, latest.current);
        try {
          for await (const event of current) {
            if (stopped) return;
            attempt = 0;
            setStatus("live");
            handler.current(event);
          }
        } catch {
          // reported through the status; retried below
        }
        if (stopped) return;
        setStatus("reconnecting");
        await new Promise((resolve) => {
          timer = setTimeout(resolve, Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt));
        });
      }
    })();
    return () => {
      stopped = true;
      clearTimeout(timer);
      void current?.return?.();
    };
  }, [document, key]);
  return status;
}
