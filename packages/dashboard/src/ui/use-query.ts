// Loading a typed document through the SDK into component state: loading, data or error, and a reload.
import type { TypedDocumentNode } from "@partnergraph/sdk";
import { useCallback, useEffect, useRef, useState } from "react";
import { client } from "../api.js";

export interface QueryState<R> {
  data: R | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Runs `document` with `variables` (again whenever they change); `skip` waits for variables that are not known yet. */
export function useQuery<R, V>(document: TypedDocumentNode<R, V>, variables: V, skip = false): QueryState<R> {
  const [state, setState] = useState<{ data: R | undefined; error: unknown; loading: boolean }>({
    data: undefined,
    error: undefined,
    loading: !skip,
  });
  const [round, setRound] = useState(0);
  const key = JSON.stringify(variables);
  // The latest variables, read by the effect keyed on their JSON (objects are new on every render).
  const latest = useRef(variables);
  latest.current = variables;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the variables; `round` is a reload.
  useEffect(() => {
    if (skip) return;
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    const send = client.request as (d: TypedDocumentNode<R, V>, v: V, o: { signal: AbortSignal }) => Promise<R>;
    send(document, latest.current, { signal: controller.signal }).then(
      (data) => setState({ data, error: undefined, loading: false }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ data: undefined, error, loading: false });
      },
    );
    return () => controller.abort();
  }, [document, key, skip, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}
