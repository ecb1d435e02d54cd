// GraphiQL as served at /graphql outside production: its scripts and styles come from the server itself
// (@graphql-yoga/render-graphiql bundles them; yoga's default page loads them from a CDN and is blank
// offline), with the Headers tab and a few tabs of example operations filled in for a first visit.
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import type { GraphiQLOptions } from "graphql-yoga";

/** The credential placeholder a newcomer replaces with the admin key printed at first start. */
// ASCII only: a browser refuses to send a header value with other characters (GraphiQL would show that error).
const HEADERS = JSON.stringify({ Authorization: "Bearer pga_YOUR_ADMIN_KEY" }, null, 2);

const EXAMPLES: { query: string; variables?: string }[] = [
  {
    query: `# Who am I? Put your key in the Headers tab below, re-fetch the schema (Shift-Ctrl-R), then run (Ctrl-Enter).
query Viewer {
  viewer {
    kind
    roles {
      role
      program { id name }
    }
  }
}
`,
  },
  {
    query: `# The programs this credential can see.
query Programs {
  programs(first: 10) {
    totalCount
    nodes { id name }
  }
}
`,
  },
  {
    query: `# Conversions as they are tracked (over WebSocket); set programId in Variables.
subscription ConversionCreated($programId: ID!) {
  conversionCreated(filter: { programId: $programId }) {
    status
    occurredAt
    conversion { id }
  }
}
`,
    variables: JSON.stringify({ programId: "" }, null, 2),
  },
];

export const GRAPHIQL_OPTIONS: GraphiQLOptions = {
  title: "Partnergraph",
  subscriptionsProtocol: "WS",
  headers: HEADERS,
  defaultTabs: EXAMPLES.map((tab) => ({ ...tab, headers: HEADERS })),
};

export { renderGraphiQL };
