// A mutation started by a button or form: busy while it runs; its typed failure (or a thrown error) kept to show.
import { type ErrorTypename, isError } from "@partnergraph/sdk";
import { useCallback, useState } from "react";

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const run = useCallback(
    async <T extends { __typename: string }>(
      work: () => Promise<T>,
    ): Promise<Exclude<T, { __typename: ErrorTypename }> | undefined> => {
      setBusy(true);
      setFailure(undefined);
      try {
        const result = await work();
        if (isError(result)) {
          setFailure(result);
          return undefined;
        }
        return result as Exclude<T, { __typename: ErrorTypename }>;
      } catch (error) {
        setFailure(error);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [],
  );
  return { busy, failure, run, clear: () => setFailure(undefined) };
}
