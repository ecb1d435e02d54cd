// The one API client of the app: the SDK's base client (HTTP + subscriptions) on this origin's /graphql, carrying
// the session token. The token lives in memory and in sessionStorage (this tab only, gone when it closes), never
// in a cookie.
import { createBaseClient } from "@partnergraph/sdk";

const TOKEN_KEY = "partnergraph.session";

function storedToken(): string | undefined {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
  } catch {
    return undefined; // storage disabled: the session lasts as long as the page
  }
}

let token = storedToken();

// No reconnecting inside the SDK's socket (retryAttempts 0): a dropped socket ends the subscriptions, and the
// app's own loops (ui/use-subscription.ts) resubscribe, so a live view knows it was disconnected and reconciles.
export const client = createBaseClient({ url: "/graphql", token, retry: true, retryAttempts: 0 });

export function currentToken(): string | undefined {
  return token;
}

export function setToken(next: string | undefined): void {
  token = next;
  try {
    if (next) sessionStorage.setItem(TOKEN_KEY, next);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage disabled: memory only
  }
  client.setCredential(next);
}
