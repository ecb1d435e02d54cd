// Fixtures for referral tests: projects, memberships, links, clicks through the real redirect, conversions.
import { ADMIN_KEY, type TestApp } from "./helpers.js";

export const BROWSER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

async function mutate(
  app: TestApp,
  field: string,
  inputType: string,
  selection: string,
  input: Record<string, unknown>,
  key: string = ADMIN_KEY,
) {
  const res = await app.gql(
    `mutation ($input: ${inputType}!) { ${field}(input: $input) { __typename ${selection} ... on Error { code message } ... on ValidationError { issues { path message } } } }`,
    { input },
    key,
  );
  return { res, result: res.data?.[field] as Record<string, any> | undefined };
}

export async function createProject(
  app: TestApp,
  programId: string,
  input: Record<string, unknown> = {},
  key: string = ADMIN_KEY,
) {
  const { res, result } = await mutate(
    app,
    "createProject",
    "CreateProjectInput",
    "... on CreateProjectPayload { project { id slug currency attributionWindowDays clickDedupWindowSeconds status } }",
    { programId, name: "Spring", slug: `p-${Math.random().toString(36).slice(2, 8)}`, ...input },
    key,
  );
  if (result?.__typename !== "CreateProjectPayload") throw new Error(`createProject failed: ${JSON.stringify(res)}`);
  return result.project as { id: string; slug: string; currency: string };
}

export async function addToProject(
  app: TestApp,
  projectId: string,
  partnerId: string,
  makeDefault = false,
  key: string = ADMIN_KEY,
) {
  const { res, result } = await mutate(
    app,
    "addPartnerToProject",
    "ProjectMembershipInput",
    "... on AddPartnerToProjectPayload { partner { id defaultProject { id } } }",
    { projectId, partnerId, makeDefault },
    key,
  );
  if (result?.__typename !== "AddPartnerToProjectPayload")
    throw new Error(`addPartnerToProject failed: ${JSON.stringify(res)}`);
  return result.partner;
}

export const CREATE_LINK_SELECTION =
  "... on CreateReferralLinkPayload { link { id code url destinationUrl project { id } partner { id } } } ... on ConflictError { path }";

export async function createLinkRaw(app: TestApp, input: Record<string, unknown>, key: string = ADMIN_KEY) {
  return mutate(app, "createReferralLink", "CreateReferralLinkInput", CREATE_LINK_SELECTION, input, key);
}

export async function createLink(
  app: TestApp,
  partnerId: string,
  input: Record<string, unknown> = {},
  key: string = ADMIN_KEY,
) {
  const { res, result } = await createLinkRaw(
    app,
    { partnerId, destinationUrl: "https://shop.example/landing?utm_source=pg", ...input },
    key,
  );
  if (result?.__typename !== "CreateReferralLinkPayload")
    throw new Error(`createReferralLink failed: ${JSON.stringify(res)}`);
  return result.link as { id: string; code: string; url: string; destinationUrl: string };
}

/** Follows nothing: returns the redirect's status, Location and pg_click. */
export async function click(
  app: TestApp,
  code: string,
  init: { method?: string; userAgent?: string | null; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.userAgent !== null) headers["user-agent"] = init.userAgent ?? BROWSER;
  const res = await fetch(`${app.url}/r/${code}`, { method: init.method ?? "GET", redirect: "manual", headers });
  const location = res.headers.get("location");
  const body = await res.text();
  return {
    status: res.status,
    location,
    body,
    clickId: location ? new URL(location).searchParams.get("pg_click") : null,
    headers: res.headers,
  };
}

export async function mutation(
  app: TestApp,
  field: string,
  inputType: string,
  selection: string,
  input: Record<string, unknown>,
  key: string = ADMIN_KEY,
) {
  return (await mutate(app, field, inputType, selection, input, key)).result!;
}

export const CONVERSION_FIELDS =
  "id type externalId status attributedVia partner { id } click { clickId } amount { amount currency } refundedAmount { amount } commissions { id kind status amount { amount currency } period }";

export async function track(app: TestApp, input: Record<string, unknown>, key: string = ADMIN_KEY) {
  return mutation(
    app,
    "trackConversion",
    "TrackConversionInput",
    `... on TrackConversionPayload { created conversion { ${CONVERSION_FIELDS} } } ... on ConflictError { path } ... on CommissionLockedError { period }`,
    input,
    key,
  );
}

export async function createRule(app: TestApp, input: Record<string, unknown>, key: string = ADMIN_KEY) {
  return mutation(
    app,
    "createRewardRule",
    "CreateRewardRuleInput",
    "... on CreateRewardRulePayload { rule { id event type percentage flatAmount { amount currency } maxRecurringMonths partner { id } } }",
    input,
    key,
  );
}

export async function setStatus(app: TestApp, commissionId: string, status: string, key: string = ADMIN_KEY) {
  return mutation(
    app,
    "setCommissionStatus",
    "SetCommissionStatusInput",
    "... on SetCommissionStatusPayload { commission { id status } } ... on InvalidTransitionError { from to } ... on CommissionLockedError { period }",
    { commissionId, status },
    key,
  );
}

export async function refund(app: TestApp, conversionId: string, amount?: string, key: string = ADMIN_KEY) {
  return mutation(
    app,
    "refundConversion",
    "RefundConversionInput",
    `... on RefundConversionPayload { conversion { ${CONVERSION_FIELDS} } } ... on CommissionLockedError { period }`,
    { conversionId, ...(amount && { amount }) },
    key,
  );
}

export async function lockPeriod(
  app: TestApp,
  programId: string,
  period: string,
  lock = true,
  key: string = ADMIN_KEY,
) {
  const field = lock ? "lockCommissionPeriod" : "unlockCommissionPeriod";
  const payload = lock ? "LockCommissionPeriodPayload" : "UnlockCommissionPeriodPayload";
  return mutation(
    app,
    field,
    "CommissionPeriodInput",
    `... on ${payload} { status { period locked lockedAt startsAt endsAt } }`,
    { programId, period },
    key,
  );
}

/** The current calendar month in a time zone, "YYYY-MM". */
export function currentPeriod(timeZone = "Europe/Vilnius", at = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" }).format(at).slice(0, 7);
}
