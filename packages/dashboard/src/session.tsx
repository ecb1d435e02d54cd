// The logged-in session: the token (see api.ts), the viewer it authenticates as, logging in and out.
import { LogoutDocument } from "@partnergraph/sdk";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { client, currentToken, setToken } from "./api.js";
import { MeDocument, type MeQuery } from "./generated.js";
import { useQuery } from "./ui/use-query.js";

export type Viewer = MeQuery["viewer"];

interface Session {
  token: string | undefined;
  viewer: Viewer | undefined;
  viewerError: unknown;
  signIn(token: string): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [token, setTokenState] = useState(currentToken);
  const me = useQuery(MeDocument, {}, !token);
  const signIn = useCallback((next: string) => {
    setToken(next);
    setTokenState(next);
  }, []);
  const signOut = useCallback(async () => {
    // Revoke the token on the server; forget it here even when the server cannot be reached.
    await client.request(LogoutDocument).catch(() => undefined);
    setToken(undefined);
    setTokenState(undefined);
  }, []);
  // A token the server no longer accepts (expired, revoked elsewhere) ends the session here too.
  const expired = (me.error as { code?: string } | undefined)?.code === "UNAUTHENTICATED";
  const value = useMemo<Session>(
    () => ({
      token: expired ? undefined : token,
      viewer: token && !me.loading ? me.data?.viewer : undefined,
      viewerError: expired ? undefined : me.error,
      signIn,
      signOut,
    }),
    [token, me.data, me.error, me.loading, expired, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
}
