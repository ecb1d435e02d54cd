// Assembles the schema from the builder and every area's file. The printed form is ../../../schema.graphql.
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { builder } from "./builder.js";
import { checkInputsAtTheEdge } from "./input-rules.js";
import "./scalars.js";
import "./errors.js";
import "./auth/viewer.js";
import "./programs/programs.js";
import "./partners/partners.js";
import "./partners/categories.js";
import "./auth/users.js";
import "./programs/audit.js";
import "./points/settings.js";
import "./points/quote.js";
import "./points/members.js";
import "./points/purchases.js";
import "./points/adjustments.js";
import "./points/billing.js";
import "./referrals/projects.js";
import "./referrals/links.js";
import "./referrals/clicks.js";
import "./referrals/conversions.js";
import "./referrals/rules.js";
import "./referrals/commissions.js";
import "./referrals/periods.js";
import "./referrals/analytics.js";
import "./partners/partner-changed.js";
import "./live/live-analytics.js";
import "./loyalty/import.js";
import "./loyalty/analytics.js";
import "./loyalty/clubs.js";
import "./loyalty/cards.js";
import "./loyalty/members.js";
import "./loyalty/actions.js";
import "./loyalty/coupons.js";
import "./loyalty/rewards.js";
import "./loyalty/games.js";

builder.queryType({ authScopes: { authenticated: true } });
builder.mutationType({ authScopes: { authenticated: true } });
builder.subscriptionType({ authScopes: { authenticated: true } });

export const schema: GraphQLSchema = checkInputsAtTheEdge(builder.toSchema());

/** The public contract, sorted so that diffs only show real changes. */
export function printContract(): string {
  return `${printSchema(lexicographicSortSchema(schema)).trim()}\n`;
}
