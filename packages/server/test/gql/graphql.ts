/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AdjustPointsInput = {
  idempotencyKey: string;
  memberExternalId?: string | null | undefined;
  memberId?: string | null | undefined;
  note: string;
  /** Positive adds, negative takes away. */
  points: number;
  programId: string;
};

export type CampaignStatus =
  | 'ACTIVE'
  | 'INACTIVE';

/** SKU, BRAND and CATEGORY match items (brand and category through the catalogue); DAY_TIME matches local days and times. */
export type CampaignType =
  | 'BRAND'
  | 'CATEGORY'
  | 'DAY_TIME'
  | 'SKU';

export type ConversionType =
  | 'LEAD'
  | 'SALE';

export type CreateCampaignInput = {
  brands?: Array<string> | null | undefined;
  categories?: Array<string> | null | undefined;
  days?: Array<Weekday> | null | undefined;
  /** HH:MM local time, exclusive. */
  endTime?: string | null | undefined;
  /** Exclusive; omit (or null on update) for open-ended. */
  endsAt?: string | null | undefined;
  multiplier: string;
  programId: string;
  skus?: Array<string> | null | undefined;
  /** HH:MM local time. */
  startTime?: string | null | undefined;
  startsAt: string;
  status?: CampaignStatus | null | undefined;
  title: string;
  type: CampaignType;
};

export type CreateMemberInput = {
  email?: string | null | undefined;
  externalId: string;
  programId: string;
};

export type CreatePartnerCategoryInput = {
  name: string;
  programId: string;
};

export type CreatePartnerInput = {
  /** One of the program's partner categories. */
  categoryId?: string | null | undefined;
  /** Money per point, up to 6 decimal places. Default "0". */
  costPerPoint?: string | null | undefined;
  description?: string | null | undefined;
  /** Your own identifier for the partner; unique within the program. */
  externalId?: string | null | undefined;
  name: string;
  /** Points per currency unit; omit or null for the program's rate. */
  pointConversionRate?: string | null | undefined;
  programId: string;
  /** Default ENABLED. */
  status?: PartnerStatus | null | undefined;
};

/** Currency, rate and time zone may come later through configureProgram; partners need all three. */
export type CreateProgramInput = {
  /** ISO 4217 code, e.g. "EUR". */
  currency?: string | null | undefined;
  name: string;
  /** Points per unit of currency, e.g. "2". */
  pointsPerCurrencyUnit?: string | null | undefined;
  /** Default NATURAL. */
  roundingMode?: RoundingMode | null | undefined;
  /** IANA time zone, e.g. "Europe/Vilnius". */
  timezone?: string | null | undefined;
};

export type CreateProjectInput = {
  /** Days a click attributes conversions (1-3650, default 90). */
  attributionWindowDays?: number | null | undefined;
  /** Seconds within which a visitor's repeat clicks are DUPLICATE (0 turns de-duplication off; default 3600). */
  clickDedupWindowSeconds?: number | null | undefined;
  /** ISO 4217; default the program's. Fixed once created. */
  currency?: string | null | undefined;
  /** Display name. */
  name: string;
  programId: string;
  /** 1-64 lower-case letters, digits and inner hyphens; unique within the program. */
  slug: string;
  /** Default ACTIVE. */
  status?: ProjectStatus | null | undefined;
};

/** Stable codes for every failure a client can act on; also sent as `extensions.code` on GraphQL errors. */
export type ErrorCode =
  /** The stamp card is full; redeem it before stamping again. HTTP 400. Retry: no. */
  | 'CARD_FULL'
  /** The card (or its business) is not active. HTTP 400. Retry: no. */
  | 'CARD_INACTIVE'
  /** The commission period is locked: nothing in it may change until it is unlocked. HTTP 400. Retry: no. */
  | 'COMMISSION_LOCKED'
  /** A unique value (a code, an external id, a name) is already taken. HTTP 400. Retry: no. */
  | 'CONFLICT'
  /** The coupon was already used. HTTP 400. Retry: no. */
  | 'COUPON_ALREADY_USED'
  /** The coupon was cancelled. HTTP 400. Retry: no. */
  | 'COUPON_CANCELLED'
  /** The coupon has expired. HTTP 400. Retry: no. */
  | 'COUPON_EXPIRED'
  /** A per-day limit of the card or action is reached; `retryAt` says when it resets. HTTP 400. Retry: after the wait it names. */
  | 'DAILY_LIMIT_REACHED'
  /** The credential is valid but may not do this. HTTP 403. Retry: no. */
  | 'FORBIDDEN'
  /** The game is not active, has not started or has ended. HTTP 400. Retry: no. */
  | 'GAME_UNAVAILABLE'
  /** The document is not valid GraphQL syntax, or exceeds the token, alias or directive limits. HTTP 400. Retry: no. */
  | 'GRAPHQL_PARSE_FAILED'
  /** The document does not validate against the schema (unknown field, wrong argument type, …). HTTP 400. Retry: no. */
  | 'GRAPHQL_VALIDATION_FAILED'
  /** A partner (key or user) asked for something only the program's managers may do. HTTP 403. Retry: no. */
  | 'INSUFFICIENT_PARTNER_PERMISSIONS'
  /** The write would take a balance below zero. HTTP 400. Retry: no. */
  | 'INSUFFICIENT_POINTS'
  /** Something unexpected failed; it is logged with the response's `x-request-id`, no details are sent. HTTP 500. Retry: later. */
  | 'INTERNAL_SERVER_ERROR'
  /** The login code is wrong, used, expired or was tried too often; request a new one. HTTP 400. Retry: no. */
  | 'INVALID_LOGIN_CODE'
  /** The commission's current status does not lead to the one asked for. HTTP 400. Retry: no. */
  | 'INVALID_TRANSITION'
  /** The server cannot send email (no SMTP_URL in production), so it issues no login codes; works once its operators configure mail. HTTP 503. Retry: later. */
  | 'MAIL_NOT_CONFIGURED'
  /** The program lacks settings this needs (currency, rate, time zone); works once its managers set them. HTTP 503. Retry: later. */
  | 'NOT_CONFIGURED'
  /** No such object, or one the caller may not see (another tenant's objects are reported so). HTTP 404. Retry: no. */
  | 'NOT_FOUND'
  /** The request names no operation, or one the document does not hold. HTTP 400. Retry: no. */
  | 'OPERATION_RESOLUTION_FAILURE'
  /** The reward's stock is spent. HTTP 400. Retry: no. */
  | 'OUT_OF_STOCK'
  /** The partner named in the input does not exist or is not visible. HTTP 404. Retry: no. */
  | 'PARTNER_NOT_FOUND'
  /** The request body (or upload, or WebSocket message) is larger than the server accepts; send less. HTTP 413. Retry: no. */
  | 'PAYLOAD_TOO_LARGE'
  /** The member has played this game as often as its period allows; `retryAt` says when it resets. HTTP 400. Retry: after the wait it names. */
  | 'PLAY_LIMIT_REACHED'
  /** The member's QR code was already used; show a fresh one. HTTP 400. Retry: no. */
  | 'QR_ALREADY_USED'
  /** The member's QR code has expired; show a fresh one. HTTP 400. Retry: no. */
  | 'QR_EXPIRED'
  /** Not a member QR code of this program. HTTP 400. Retry: no. */
  | 'QR_INVALID'
  /** The document exceeds the depth, breadth or cost limit; ask for less (smaller pages, fewer fields). HTTP 400. Retry: no. */
  | 'QUERY_TOO_COMPLEX'
  /** The credential's (or email's) rate-limit budget is spent; `Retry-After` says when to try again. HTTP 429. Retry: after the wait it names. */
  | 'QUOTA_EXCEEDED'
  /** The reward is not active, not yet or no longer available, or not for this card. HTTP 400. Retry: no. */
  | 'REWARD_UNAVAILABLE'
  /** The database or Redis refused, timed out or is saturated right now; `Retry-After` says when to try again. HTTP 503. Retry: after the wait it names. */
  | 'SERVICE_UNAVAILABLE'
  /** Staff acting outside the clubs or stores they work in. HTTP 403. Retry: no. */
  | 'STORE_ACCESS_DENIED'
  /** The subscription fell too far behind its events and was ended; resubscribe and reconcile with a query. HTTP 400. Retry: no. */
  | 'SUBSCRIBER_TOO_SLOW'
  /** No credential, or one that is malformed, unknown, revoked or expired; send `Authorization: Bearer <key>`. HTTP 401. Retry: no. */
  | 'UNAUTHENTICATED'
  /** An input is malformed or out of range; `issues` names each field and what is wrong with it. HTTP 400. Retry: no. */
  | 'VALIDATION_FAILED';

export type ExternalPartnerId = {
  externalId: string;
  programId: string;
};

/** Creates the account when the email has none; the person then logs in with a code. */
export type GrantRoleInput = {
  email: string;
  /** Required for PARTNER_USER. */
  partnerId?: string | null | undefined;
  /** Required for every role but ADMIN. */
  programId?: string | null | undefined;
  role: Role;
};

export type ImportMembersInput = {
  /** RFC 4180 CSV (UTF-8, comma-separated, fields with commas, quotes or line breaks in double quotes, a quote inside written twice); the first line names the columns (any order, case-insensitive); cells are trimmed. At most 5 MB and 50,000 rows (beyond: VALIDATION_FAILED). Columns: externalId (required, unique within the file), email, name. A new externalId creates a member; an existing one gets the file's email and name (a column left out keeps the stored value, an empty cell clears it). Give csv or file. */
  csv?: string | null | undefined;
  /** Check every row and report, writing nothing (default false). */
  dryRun?: boolean | null | undefined;
  /** The same CSV as a file upload (a GraphQL multipart request): for files over the 1 MB limit of a JSON request. Give csv or file. */
  file?: Blob | null | undefined;
  programId: string;
};

export type LedgerEntryType =
  | 'ADJUST'
  | 'EARN'
  | 'EXPIRE'
  | 'REDEEM'
  | 'RETURN';

/** Which program's events (the topic), optionally narrowed to one project or one partner. */
export type LiveFilter = {
  /** Only events of this partner. A partner never receives another partner's events, whatever it asks. */
  partnerId?: string | null | undefined;
  programId: string;
  /** Only events of this referral project. Points events belong to no project: not allowed on pointsAwarded. */
  projectId?: string | null | undefined;
};

export type MultiplierEntryInput = {
  code: number;
  /** "0" means no points. */
  multiplier: string;
};

export type MultiplierKind =
  | 'CHANNEL'
  | 'TENDER'
  | 'TRANSACTION_TYPE';

export type PartnerEventType =
  | 'PARTNER_CREATED'
  | 'PARTNER_DELETED'
  | 'PARTNER_UPDATED';

export type PartnerFilter = {
  categoryId?: string | null | undefined;
  /** Case-insensitive part of the name, or an exact external ID. */
  search?: string | null | undefined;
  status?: PartnerStatus | null | undefined;
};

/** Names a partner by its global ID, or by your own external ID within a program: exactly one of the two. */
export type PartnerRef =
  {   external: ExternalPartnerId; id?: never; }
  |  { external?: never;   id: string; };

/** ENABLED partners work normally; a DISABLED partner's keys and sessions stop authorizing partner actions. */
export type PartnerStatus =
  | 'DISABLED'
  | 'ENABLED';

export type PointsBasketInput = {
  /** Channel code (1–9). */
  channelId?: number | null | undefined;
  /** Checked against the program's currency. */
  currency?: string | null | undefined;
  /** ISO-8601 with an offset, e.g. 2026-11-23T10:15:00+02:00. */
  datePurchased: string;
  items: Array<PointsItemInput>;
  tenders?: Array<TenderInput> | null | undefined;
};

export type PointsItemInput = {
  /** Kept with the purchase; not used for points. */
  customData?: unknown;
  isAwaitingFulfillment?: boolean | null | undefined;
  /** The line price, quantity included. */
  price: string;
  quantity: number;
  sku: string;
  /** Transaction type code (1–12). */
  transactionId?: number | null | undefined;
};

/** ACTIVE projects count clicks and conversions; an INACTIVE project's links still redirect, their clicks are DISCARDED. */
export type ProjectStatus =
  | 'ACTIVE'
  | 'INACTIVE';

/** Idempotent on (program, receiptId): a retry returns the original result; another basket under the same receiptId is a CONFLICT. */
export type RecordPurchaseInput = {
  basket: PointsBasketInput;
  memberExternalId?: string | null | undefined;
  /** The member, by global ID; or give memberExternalId. */
  memberId?: string | null | undefined;
  /** Managers: award through this partner (its rate and billing). Implied by partner credentials. */
  partnerId?: string | null | undefined;
  /** Implied by program and partner keys. */
  programId?: string | null | undefined;
  receiptId: string;
};

/** Idempotent on (program, returnId). */
export type RecordReturnInput = {
  items: Array<ReturnItemInput>;
  partnerId?: string | null | undefined;
  programId?: string | null | undefined;
  receiptId: string;
  /** Your id for this return. */
  returnId: string;
};

export type ReturnItemInput = {
  quantity: number;
  sku: string;
};

/** ADMIN: every program. PROGRAM_MANAGER: one program. PARTNER_USER: one partner. STAFF: a program's clubs. */
export type Role =
  | 'ADMIN'
  | 'PARTNER_USER'
  | 'PROGRAM_MANAGER'
  | 'STAFF';

/** How fractional points become whole: NATURAL rounds half up (2.5 → 3), UP towards +∞, DOWN towards −∞. */
export type RoundingMode =
  | 'DOWN'
  | 'NATURAL'
  | 'UP';

/** Replaces one table; codes left out count as 1. */
export type SetPointsMultipliersInput = {
  kind: MultiplierKind;
  multipliers: Array<MultiplierEntryInput>;
  programId: string;
};

export type TenderInput = {
  amount: string;
  /** Tender type code (1–13). */
  type: number;
};

/** Idempotent on (projectId, externalId): the same call again returns the same conversion; the same externalId with other data is a CONFLICT. */
export type TrackConversionInput = {
  /** Required for SALE: positive, at most the currency's minor unit. */
  amount?: string | null | undefined;
  /** The pg_click value your landing page received (or the click's global ID). */
  clickId?: string | null | undefined;
  /** A link code: the last valid click on it within the attribution window attributes. */
  code?: string | null | undefined;
  /** Default and only allowed value: the project's currency. */
  currency?: string | null | undefined;
  /** Your customer id: their first attributed partner keeps them for later sales. */
  customerExternalId?: string | null | undefined;
  /** Your id of the lead or order, unique per project. */
  externalId: string;
  /** Default now. Decides the attribution window and the commission's period. */
  occurredAt?: string | null | undefined;
  projectId: string;
  type: ConversionType;
};

/** Only the fields present change; null clears an optional field. Status changes through setPartnerStatus. */
export type UpdatePartnerInput = {
  categoryId?: string | null | undefined;
  costPerPoint?: string | null | undefined;
  description?: string | null | undefined;
  externalId?: string | null | undefined;
  name?: string | null | undefined;
  partner: PartnerRef;
  pointConversionRate?: string | null | undefined;
};

export type ViewerKind =
  /** A platform-admin key. */
  | 'ADMIN_KEY'
  /** A partner's API key: that partner only. */
  | 'PARTNER_KEY'
  /** A program's secret key: manages that program. */
  | 'PROGRAM_KEY'
  /** A logged-in person, with their roles. */
  | 'USER';

export type Weekday =
  | 'FRIDAY'
  | 'MONDAY'
  | 'SATURDAY'
  | 'SUNDAY'
  | 'THURSDAY'
  | 'TUESDAY'
  | 'WEDNESDAY';

export type IsolationPurchaseMutationVariables = Exact<{
  input: RecordPurchaseInput;
}>;


export type IsolationPurchaseMutation = { recordPurchase:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'NotConfiguredError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RecordPurchasePayload', purchase: { id: string } }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type ErrorCodeValuesQueryVariables = Exact<{ [key: string]: never; }>;


export type ErrorCodeValuesQuery = { __type: { enumValues: Array<{ name: string, description: string | null }> | null } | null };

export type HelpersCreateProgramMutationVariables = Exact<{
  input: CreateProgramInput;
}>;


export type HelpersCreateProgramMutation = { createProgram:
    | { __typename: 'CreateProgramPayload', secretKey: string, program: { id: string, name: string, currency: string | null, pointsPerCurrencyUnit: string | null, timezone: string | null } }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, issues: Array<{ path: string, message: string }> }
   };

export type HelpersCreatePartnerMutationVariables = Exact<{
  input: CreatePartnerInput;
}>;


export type HelpersCreatePartnerMutation = { createPartner:
    | { __typename: 'ConflictError', code: ErrorCode, message: string, path: string | null }
    | { __typename: 'CreatePartnerPayload', apiKey: string, partner: { id: string, name: string, description: string | null, externalId: string | null, status: PartnerStatus, pointConversionRate: string | null, effectivePointConversionRate: string | null, category: { id: string, name: string } | null, costPerPoint: { amount: string, currency: string } } }
    | { __typename: 'NotConfiguredError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, issues: Array<{ path: string, message: string }> }
   };

export type HelpersCreateCategoryMutationVariables = Exact<{
  input: CreatePartnerCategoryInput;
}>;


export type HelpersCreateCategoryMutation = { createPartnerCategory:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'CreatePartnerCategoryPayload', category: { id: string } }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type HelpersRequestLoginCodeMutationVariables = Exact<{
  e: string;
}>;


export type HelpersRequestLoginCodeMutation = { requestLoginCode:
    | { __typename: 'RequestLoginCodePayload' }
    | { __typename: 'ValidationError' }
   };

export type HelpersVerifyLoginCodeMutationVariables = Exact<{
  e: string;
  c: string;
}>;


export type HelpersVerifyLoginCodeMutation = { verifyLoginCode:
    | { __typename: 'InvalidLoginCodeError', code: ErrorCode }
    | { __typename: 'LoginPayload', token: string }
    | { __typename: 'ValidationError', code: ErrorCode }
   };

export type HelpersGrantRoleMutationVariables = Exact<{
  input: GrantRoleInput;
}>;


export type HelpersGrantRoleMutation = { grantRole:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'GrantRolePayload', roleGrant: { id: string } }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type EdgeCreatePartnerMutationVariables = Exact<{
  input: CreatePartnerInput;
}>;


export type EdgeCreatePartnerMutation = { createPartner:
    | { __typename: 'ConflictError' }
    | { __typename: 'CreatePartnerPayload' }
    | { __typename: 'NotConfiguredError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ValidationError' }
   };

export type EdgeCreateMemberMutationVariables = Exact<{
  input: CreateMemberInput;
}>;


export type EdgeCreateMemberMutation = { createMember:
    | { __typename: 'CreateMemberPayload' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ValidationError' }
   };

export type EdgePurchaseMutationVariables = Exact<{
  input: RecordPurchaseInput;
}>;


export type EdgePurchaseMutation = { recordPurchase:
    | { __typename: 'ConflictError', code: ErrorCode }
    | { __typename: 'NotConfiguredError', code: ErrorCode }
    | { __typename: 'NotFoundError', code: ErrorCode }
    | { __typename: 'RecordPurchasePayload' }
    | { __typename: 'ValidationError', code: ErrorCode, issues: Array<{ path: string, message: string }> }
   };

export type EdgePartnersQueryVariables = Exact<{
  programId: string;
  filter?: PartnerFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type EdgePartnersQuery = { partners: { totalCount: number } };

export type EdgeImportMutationVariables = Exact<{
  input: ImportMembersInput;
}>;


export type EdgeImportMutation = { importMembers:
    | { __typename: 'ImportReport' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ValidationError' }
   };

export type EdgePageQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type EdgePageQuery = { programs: { totalCount: number } };

export type EdgeNodeQueryVariables = Exact<{
  id: string;
}>;


export type EdgeNodeQuery = { node:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type EdgeViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type EdgeViewerQuery = { viewer: { __typename: 'Viewer' } };

export type LifecycleProgramNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type LifecycleProgramNamesQuery = { programs: { nodes: Array<{ name: string }> } };

export type LifecycleViewerKindQueryVariables = Exact<{ [key: string]: never; }>;


export type LifecycleViewerKindQuery = { viewer: { kind: ViewerKind } };

export type LimitsTypenameQueryVariables = Exact<{ [key: string]: never; }>;


export type LimitsTypenameQuery = { __typename: 'Query' };

export type LiveOp1MutationVariables = Exact<{
  p: string;
}>;


export type LiveOp1Mutation = { createMember:
    | { member: { id: string } }
    | Record<PropertyKey, never>
   };

export type LiveStatsSubscriptionVariables = Exact<{
  f: LiveFilter;
  w?: number | null | undefined;
}>;


export type LiveStatsSubscription = { liveStats: { from: string, to: string, windowMinutes: number, pointsAwarded: number, pointsReturned: number, values: { rawClicks: number, uniqueClicks: number, leads: number, sales: number, revenue: Array<{ amount: string, currency: string }>, commissions: Array<{ amount: string, currency: string }> } } };

export type ResumeGameInTestMutationVariables = Exact<{
  id: string;
}>;


export type ResumeGameInTestMutation = { resumeGame:
    | { __typename: 'ConflictError', code: ErrorCode }
    | { __typename: 'LoyaltyRuleError', code: ErrorCode }
    | { __typename: 'NotFoundError', code: ErrorCode }
    | { __typename: 'ResumeGamePayload', game: { id: string, suspendedAt: string | null } }
    | { __typename: 'ValidationError', code: ErrorCode }
   };

export type GameResumesInTestQueryVariables = Exact<{
  p: string;
}>;


export type GameResumesInTestQuery = { auditLog: { totalCount: number } };

export type LoyaltyImportUploadMutationVariables = Exact<{
  input: ImportMembersInput;
}>;


export type LoyaltyImportUploadMutation = { importMembers:
    | { __typename: 'ImportReport', rowsRead: number, applied: number }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ValidationError', code: ErrorCode, issues: Array<{ path: string, message: string }> }
   };

export type ResumeRewardInTestMutationVariables = Exact<{
  id: string;
}>;


export type ResumeRewardInTestMutation = { resumeReward:
    | { __typename: 'ConflictError', code: ErrorCode }
    | { __typename: 'LoyaltyRuleError', code: ErrorCode }
    | { __typename: 'NotFoundError', code: ErrorCode }
    | { __typename: 'ResumeRewardPayload', reward: { id: string, suspendedAt: string | null, available: boolean } }
    | { __typename: 'ValidationError', code: ErrorCode }
   };

export type RewardResumesInTestQueryVariables = Exact<{
  p: string;
}>;


export type RewardResumesInTestQuery = { auditLog: { nodes: Array<{ targetId: string | null }> } };

export type PartnersPartnerQueryVariables = Exact<{
  id: string;
}>;


export type PartnersPartnerQuery = { partner: { id: string, name: string, externalId: string | null, status: PartnerStatus, category: { name: string } | null, costPerPoint: { amount: string, currency: string }, program: { id: string, name: string } } | null };

export type PartnersUpdatePartnerMutationVariables = Exact<{
  input: UpdatePartnerInput;
}>;


export type PartnersUpdatePartnerMutation = { updatePartner:
    | { __typename: 'ConflictError', code: ErrorCode, message: string, path: string | null }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UpdatePartnerPayload', partner: { id: string, name: string, description: string | null, externalId: string | null, status: PartnerStatus, pointConversionRate: string | null, effectivePointConversionRate: string | null, category: { name: string } | null, costPerPoint: { amount: string } } }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, issues: Array<{ path: string, message: string }> }
   };

export type PartnersPartnersQueryVariables = Exact<{
  programId: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: PartnerFilter | null | undefined;
}>;


export type PartnersPartnersQuery = { partners: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ name: string, externalId: string | null }> } };

export type PartnersViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type PartnersViewerQuery = { viewer: { kind: ViewerKind, program: { id: string } | null, partner: { id: string } | null } };

export type PartnersProgramCountQueryVariables = Exact<{ [key: string]: never; }>;


export type PartnersProgramCountQuery = { programs: { totalCount: number } };

export type PartnersApiKeyInfoQueryVariables = Exact<{
  id: string;
}>;


export type PartnersApiKeyInfoQuery = { partner: { apiKey: { prefix: string, lastUsedAt: string | null } | null } | null };

export type PartnersApiKeyFieldsQueryVariables = Exact<{ [key: string]: never; }>;


export type PartnersApiKeyFieldsQuery = { __type: { fields: Array<{ name: string }> | null } | null };

export type PartnersByExternalIdQueryVariables = Exact<{
  p: string;
  e: string;
}>;


export type PartnersByExternalIdQuery = { partnerByExternalId: { id: string } | null };

export type PartnersNodeQueryVariables = Exact<{
  id: string;
}>;


export type PartnersNodeQuery = { node:
    | { __typename: 'Activity', id: string }
    | { __typename: 'Campaign', id: string }
    | { __typename: 'Card', id: string }
    | { __typename: 'Click', id: string }
    | { __typename: 'Club', id: string }
    | { __typename: 'Commission', id: string }
    | { __typename: 'Conversion', id: string }
    | { __typename: 'Coupon', id: string }
    | { __typename: 'Game', id: string }
    | { __typename: 'GamePlay', id: string }
    | { __typename: 'Member', id: string }
    | { __typename: 'Partner', name: string, id: string }
    | { __typename: 'PartnerCategory', id: string }
    | { __typename: 'Program', id: string }
    | { __typename: 'Purchase', id: string }
    | { __typename: 'Redemption', id: string }
    | { __typename: 'ReferralLink', id: string }
    | { __typename: 'ReferralProject', id: string }
    | { __typename: 'Reward', id: string }
    | { __typename: 'RewardRule', id: string }
    | { __typename: 'RoleGrant', id: string }
   | null };

export type PartnersNodeIdQueryVariables = Exact<{
  id: string;
}>;


export type PartnersNodeIdQuery = { node:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type PartnersProgramPartnersQueryVariables = Exact<{
  id: string;
}>;


export type PartnersProgramPartnersQuery = { program: { partners: { totalCount: number, nodes: Array<{ name: string }> } } | null };

export type PointsQuoteQueryVariables = Exact<{
  p?: string | null | undefined;
  b: PointsBasketInput;
}>;


export type PointsQuoteQuery = { potentialPoints: { totalPointsAwarded: number, breakdown: Array<{ sku: string, quantity: number, itemPrice: string, convertedPoints: number, pointsAwarded: number, isExcluded: boolean, campaigns: Array<{ title: string, multiplier: string, applied: boolean }>, tenders: Array<{ name: string, proportion: string, multiplier: string }> | null, channel: { name: string, multiplier: string } | null, transaction: { name: string, multiplier: string } | null }> } };

export type PointsPurchaseMutationVariables = Exact<{
  input: RecordPurchaseInput;
}>;


export type PointsPurchaseMutation = { recordPurchase:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'NotConfiguredError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RecordPurchasePayload', totalPointsAwarded: number, replayed: boolean, purchase: { id: string, receiptId: string, member: { balance: number | null } } }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type PointsReturnMutationVariables = Exact<{
  input: RecordReturnInput;
}>;


export type PointsReturnMutation = { recordReturn:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'NotConfiguredError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RecordReturnPayload', replayed: boolean, purchaseReturn: { pointsOwed: number, pointsReturned: number } }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, issues: Array<{ path: string, message: string }> }
   };

export type PointsMemberMutationVariables = Exact<{
  p: string;
  e: string;
}>;


export type PointsMemberMutation = { createMember:
    | { member: { id: string } }
    | Record<PropertyKey, never>
   };

export type PointsCampaignMutationVariables = Exact<{
  input: CreateCampaignInput;
}>;


export type PointsCampaignMutation = { createCampaign:
    | { __typename: 'CreateCampaignPayload', campaign: { id: string } }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type PointsMultipliersMutationVariables = Exact<{
  input: SetPointsMultipliersInput;
}>;


export type PointsMultipliersMutation = { setPointsMultipliers:
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'SetPointsMultipliersPayload' }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type PointsBalanceQueryVariables = Exact<{
  id: string;
}>;


export type PointsBalanceQuery = { member: { balance: number | null, ledger: { nodes: Array<{ type: LedgerEntryType, points: number }> } } | null };

export type PointsOp1MutationVariables = Exact<{
  p: string;
}>;


export type PointsOp1Mutation = { configureProgram:
    | { __typename: 'ConfigureProgramPayload' }
    | { __typename: 'ConflictError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ValidationError' }
   };

export type PointsOp2MutationVariables = Exact<{
  input: AdjustPointsInput;
}>;


export type PointsOp2Mutation = { adjustPoints:
    | { __typename: 'AdjustPointsPayload', balance: number }
    | { __typename: 'ConflictError' }
    | { __typename: 'InsufficientPointsError', code: ErrorCode, balance: number, requested: number }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ValidationError' }
   };

export type PointsOp3MutationVariables = Exact<{
  input: AdjustPointsInput;
}>;


export type PointsOp3Mutation = { adjustPoints:
    | { __typename: 'AdjustPointsPayload' }
    | { __typename: 'ConflictError' }
    | { __typename: 'InsufficientPointsError', code: ErrorCode, balance: number, requested: number }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ValidationError' }
   };

export type PointsStatementQueryVariables = Exact<{
  id: string;
  m: string;
}>;


export type PointsStatementQuery = { partnerStatement: { currency: string, totalNetPoints: number, totalAmountDue: { amount: string, currency: string }, months: Array<{ month: string, pointsAwarded: number, netPoints: number, amount: { amount: string }, amountDue: { amount: string } }> } };

export type PointsOp4QueryVariables = Exact<{
  p: string;
  m: string;
}>;


export type PointsOp4Query = { programStatement: { totalAmountDue: { amount: string }, months: Array<{ partner: { id: string } | null }> } };

export type ProcessesCreateProjectMutationVariables = Exact<{
  i: CreateProjectInput;
}>;


export type ProcessesCreateProjectMutation = { createProject:
    | { __typename: 'ConflictError' }
    | { __typename: 'CreateProjectPayload', project: { id: string } }
    | { __typename: 'NotConfiguredError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ValidationError' }
   };

export type ProcessesTrackConversionMutationVariables = Exact<{
  i: TrackConversionInput;
}>;


export type ProcessesTrackConversionMutation = { trackConversion:
    | { __typename: 'CommissionLockedError' }
    | { __typename: 'ConflictError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'TrackConversionPayload', created: boolean }
    | { __typename: 'ValidationError' }
   };

export type ResilienceDatabasePartnersQueryVariables = Exact<{
  programId: string;
}>;


export type ResilienceDatabasePartnersQuery = { partners: { totalCount: number } };

export type ResilienceRedisPartnersQueryVariables = Exact<{
  programId: string;
}>;


export type ResilienceRedisPartnersQuery = { partners: { totalCount: number } };

export type ResilienceRedisPartnerChangedSubscriptionVariables = Exact<{
  programId: string;
}>;


export type ResilienceRedisPartnerChangedSubscription = { partnerChanged: { type: PartnerEventType, partner: { name: string } | null } };

export type RevocationViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type RevocationViewerQuery = { viewer: { kind: ViewerKind, roles: Array<{ program: { id: string } | null }> } };

export type RevocationRevokeKeyMutationVariables = Exact<{
  id: string;
}>;


export type RevocationRevokeKeyMutation = { revokePartnerApiKey:
    | { __typename: 'ConflictError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'RevokePartnerApiKeyPayload' }
    | { __typename: 'ValidationError' }
   };

export type RevocationDisableMutationVariables = Exact<{
  id: string;
}>;


export type RevocationDisableMutation = { setPartnerStatus:
    | { __typename: 'ConflictError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'SetPartnerStatusPayload' }
    | { __typename: 'ValidationError' }
   };

export type RevocationLogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type RevocationLogoutMutation = { logout: { loggedOut: boolean } };

export type RevocationRevokeRoleMutationVariables = Exact<{
  id: string;
}>;


export type RevocationRevokeRoleMutation = { revokeRole:
    | { __typename: 'NotFoundError' }
    | { __typename: 'RevokeRolePayload' }
   };

export type RevocationTypenameQueryVariables = Exact<{ [key: string]: never; }>;


export type RevocationTypenameQuery = { __typename: 'Query' };

export type SecretsViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type SecretsViewerQuery = { viewer: { kind: ViewerKind, user: { email: string } | null } };

export type SecretsIntrospectQueryVariables = Exact<{ [key: string]: never; }>;


export type SecretsIntrospectQuery = { __schema: { queryType: { name: string | null } } };

export type SecretsTypenameQueryVariables = Exact<{ [key: string]: never; }>;


export type SecretsTypenameQuery = { __typename: 'Query' };

export type SocketsPartnerChangedSubscriptionVariables = Exact<{
  programId: string;
}>;


export type SocketsPartnerChangedSubscription = { partnerChanged: { partner: { name: string } | null } };

export type SocketsViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type SocketsViewerQuery = { viewer: { kind: ViewerKind } };


export const IsolationPurchaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IsolationPurchase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordPurchaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordPurchase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecordPurchasePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purchase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<IsolationPurchaseMutation, IsolationPurchaseMutationVariables>;
export const ErrorCodeValuesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ErrorCodeValues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__type"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"ErrorCode","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enumValues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]} as unknown as DocumentNode<ErrorCodeValuesQuery, ErrorCodeValuesQueryVariables>;
export const HelpersCreateProgramDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HelpersCreateProgram"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProgramInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProgram"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProgramPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secretKey"}},{"kind":"Field","name":{"kind":"Name","value":"program"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"pointsPerCurrencyUnit"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<HelpersCreateProgramMutation, HelpersCreateProgramMutationVariables>;
export const HelpersCreatePartnerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HelpersCreatePartner"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePartnerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPartner"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePartnerPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKey"}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"pointConversionRate"}},{"kind":"Field","name":{"kind":"Name","value":"effectivePointConversionRate"}},{"kind":"Field","name":{"kind":"Name","value":"costPerPoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}}]}}]} as unknown as DocumentNode<HelpersCreatePartnerMutation, HelpersCreatePartnerMutationVariables>;
export const HelpersCreateCategoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HelpersCreateCategory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePartnerCategoryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPartnerCategory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePartnerCategoryPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<HelpersCreateCategoryMutation, HelpersCreateCategoryMutationVariables>;
export const HelpersRequestLoginCodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HelpersRequestLoginCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"e"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestLoginCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"e"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<HelpersRequestLoginCodeMutation, HelpersRequestLoginCodeMutationVariables>;
export const HelpersVerifyLoginCodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HelpersVerifyLoginCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"e"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"c"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyLoginCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"e"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"c"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LoginPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<HelpersVerifyLoginCodeMutation, HelpersVerifyLoginCodeMutationVariables>;
export const HelpersGrantRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HelpersGrantRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GrantRoleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GrantRolePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roleGrant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<HelpersGrantRoleMutation, HelpersGrantRoleMutationVariables>;
export const EdgeCreatePartnerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EdgeCreatePartner"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePartnerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPartner"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<EdgeCreatePartnerMutation, EdgeCreatePartnerMutationVariables>;
export const EdgeCreateMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EdgeCreateMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<EdgeCreateMemberMutation, EdgeCreateMemberMutationVariables>;
export const EdgePurchaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EdgePurchase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordPurchaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordPurchase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EdgePurchaseMutation, EdgePurchaseMutationVariables>;
export const EdgePartnersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EdgePartners"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"programId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PartnerFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partners"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"programId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"programId"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<EdgePartnersQuery, EdgePartnersQueryVariables>;
export const EdgeImportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EdgeImport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportMembersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<EdgeImportMutation, EdgeImportMutationVariables>;
export const EdgePageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EdgePage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"programs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<EdgePageQuery, EdgePageQueryVariables>;
export const EdgeNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EdgeNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<EdgeNodeQuery, EdgeNodeQueryVariables>;
export const EdgeViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EdgeViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<EdgeViewerQuery, EdgeViewerQueryVariables>;
export const LifecycleProgramNamesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LifecycleProgramNames"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"programs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<LifecycleProgramNamesQuery, LifecycleProgramNamesQueryVariables>;
export const LifecycleViewerKindDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LifecycleViewerKind"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]} as unknown as DocumentNode<LifecycleViewerKindQuery, LifecycleViewerKindQueryVariables>;
export const LimitsTypenameDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LimitsTypename"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]} as unknown as DocumentNode<LimitsTypenameQuery, LimitsTypenameQueryVariables>;
export const LiveOp1Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LiveOp1"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"p"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"programId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"p"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"externalId"},"value":{"kind":"StringValue","value":"m-1","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateMemberPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LiveOp1Mutation, LiveOp1MutationVariables>;
export const LiveStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"LiveStats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"f"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LiveFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"w"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"liveStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"f"}}},{"kind":"Argument","name":{"kind":"Name","value":"windowMinutes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"w"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"windowMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"pointsAwarded"}},{"kind":"Field","name":{"kind":"Name","value":"pointsReturned"}},{"kind":"Field","name":{"kind":"Name","value":"values"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rawClicks"}},{"kind":"Field","name":{"kind":"Name","value":"uniqueClicks"}},{"kind":"Field","name":{"kind":"Name","value":"leads"}},{"kind":"Field","name":{"kind":"Name","value":"sales"}},{"kind":"Field","name":{"kind":"Name","value":"revenue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"commissions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LiveStatsSubscription, LiveStatsSubscriptionVariables>;
export const ResumeGameInTestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResumeGameInTest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resumeGame"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"gameId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ResumeGamePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"game"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"suspendedAt"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<ResumeGameInTestMutation, ResumeGameInTestMutationVariables>;
export const GameResumesInTestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GameResumesInTest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"p"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"programId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"p"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"action"},"value":{"kind":"StringValue","value":"game.resume","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<GameResumesInTestQuery, GameResumesInTestQueryVariables>;
export const LoyaltyImportUploadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LoyaltyImportUpload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportMembersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImportReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowsRead"}},{"kind":"Field","name":{"kind":"Name","value":"applied"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LoyaltyImportUploadMutation, LoyaltyImportUploadMutationVariables>;
export const ResumeRewardInTestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResumeRewardInTest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resumeReward"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"rewardId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ResumeRewardPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reward"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"suspendedAt"}},{"kind":"Field","name":{"kind":"Name","value":"available"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<ResumeRewardInTestMutation, ResumeRewardInTestMutationVariables>;
export const RewardResumesInTestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RewardResumesInTest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"p"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"programId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"p"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"action"},"value":{"kind":"StringValue","value":"reward.resume","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"targetId"}}]}}]}}]}}]} as unknown as DocumentNode<RewardResumesInTestQuery, RewardResumesInTestQueryVariables>;
export const PartnersPartnerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnersPartner"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partner"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"costPerPoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"program"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<PartnersPartnerQuery, PartnersPartnerQueryVariables>;
export const PartnersUpdatePartnerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PartnersUpdatePartner"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePartnerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePartner"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePartnerPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"pointConversionRate"}},{"kind":"Field","name":{"kind":"Name","value":"effectivePointConversionRate"}},{"kind":"Field","name":{"kind":"Name","value":"costPerPoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}}]}}]} as unknown as DocumentNode<PartnersUpdatePartnerMutation, PartnersUpdatePartnerMutationVariables>;
export const PartnersPartnersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnersPartners"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"programId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PartnerFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partners"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"programId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"programId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}}]}}]}}]} as unknown as DocumentNode<PartnersPartnersQuery, PartnersPartnersQueryVariables>;
export const PartnersViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnersViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"program"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<PartnersViewerQuery, PartnersViewerQueryVariables>;
export const PartnersProgramCountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnersProgramCount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"programs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<PartnersProgramCountQuery, PartnersProgramCountQueryVariables>;
export const PartnersApiKeyInfoDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnersApiKeyInfo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partner"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}}]}}]}}]}}]} as unknown as DocumentNode<PartnersApiKeyInfoQuery, PartnersApiKeyInfoQueryVariables>;
export const PartnersApiKeyFieldsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnersApiKeyFields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__type"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"ApiKeyInfo","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<PartnersApiKeyFieldsQuery, PartnersApiKeyFieldsQueryVariables>;
export const PartnersByExternalIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnersByExternalId"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"p"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"e"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnerByExternalId"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"programId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"p"}}},{"kind":"Argument","name":{"kind":"Name","value":"externalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"e"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<PartnersByExternalIdQuery, PartnersByExternalIdQueryVariables>;
export const PartnersNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnersNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Partner"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<PartnersNodeQuery, PartnersNodeQueryVariables>;
export const PartnersNodeIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnersNodeId"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<PartnersNodeIdQuery, PartnersNodeIdQueryVariables>;
export const PartnersProgramPartnersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnersProgramPartners"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"program"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partners"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PartnersProgramPartnersQuery, PartnersProgramPartnersQueryVariables>;
export const PointsQuoteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PointsQuote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"p"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"b"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PointsBasketInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"potentialPoints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"programId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"p"}}},{"kind":"Argument","name":{"kind":"Name","value":"basket"},"value":{"kind":"Variable","name":{"kind":"Name","value":"b"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalPointsAwarded"}},{"kind":"Field","name":{"kind":"Name","value":"breakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"itemPrice"}},{"kind":"Field","name":{"kind":"Name","value":"convertedPoints"}},{"kind":"Field","name":{"kind":"Name","value":"pointsAwarded"}},{"kind":"Field","name":{"kind":"Name","value":"isExcluded"}},{"kind":"Field","name":{"kind":"Name","value":"campaigns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"multiplier"}},{"kind":"Field","name":{"kind":"Name","value":"applied"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tenders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"proportion"}},{"kind":"Field","name":{"kind":"Name","value":"multiplier"}}]}},{"kind":"Field","name":{"kind":"Name","value":"channel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"multiplier"}}]}},{"kind":"Field","name":{"kind":"Name","value":"transaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"multiplier"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PointsQuoteQuery, PointsQuoteQueryVariables>;
export const PointsPurchaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PointsPurchase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordPurchaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordPurchase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecordPurchasePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalPointsAwarded"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"purchase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"receiptId"}},{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balance"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PointsPurchaseMutation, PointsPurchaseMutationVariables>;
export const PointsReturnDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PointsReturn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordReturnInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordReturn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecordReturnPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"purchaseReturn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pointsOwed"}},{"kind":"Field","name":{"kind":"Name","value":"pointsReturned"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PointsReturnMutation, PointsReturnMutationVariables>;
export const PointsMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PointsMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"p"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"e"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"programId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"p"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"externalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"e"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateMemberPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PointsMemberMutation, PointsMemberMutationVariables>;
export const PointsCampaignDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PointsCampaign"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCampaignInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCampaign"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCampaignPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"campaign"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PointsCampaignMutation, PointsCampaignMutationVariables>;
export const PointsMultipliersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PointsMultipliers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetPointsMultipliersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setPointsMultipliers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PointsMultipliersMutation, PointsMultipliersMutationVariables>;
export const PointsBalanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PointsBalance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"ledger"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"points"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PointsBalanceQuery, PointsBalanceQueryVariables>;
export const PointsOp1Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PointsOp1"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"p"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"configureProgram"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"programId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"p"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"pointsPerCurrencyUnit"},"value":{"kind":"StringValue","value":"10","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<PointsOp1Mutation, PointsOp1MutationVariables>;
export const PointsOp2Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PointsOp2"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdjustPointsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adjustPoints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AdjustPointsPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balance"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InsufficientPointsError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"requested"}}]}}]}}]}}]} as unknown as DocumentNode<PointsOp2Mutation, PointsOp2MutationVariables>;
export const PointsOp3Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PointsOp3"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdjustPointsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adjustPoints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InsufficientPointsError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"requested"}}]}}]}}]}}]} as unknown as DocumentNode<PointsOp3Mutation, PointsOp3MutationVariables>;
export const PointsStatementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PointsStatement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"m"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnerStatement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"partnerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"m"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"m"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"totalNetPoints"}},{"kind":"Field","name":{"kind":"Name","value":"totalAmountDue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"months"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"pointsAwarded"}},{"kind":"Field","name":{"kind":"Name","value":"netPoints"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"amountDue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PointsStatementQuery, PointsStatementQueryVariables>;
export const PointsOp4Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PointsOp4"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"p"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"m"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"programStatement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"programId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"p"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"m"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"m"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalAmountDue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"months"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PointsOp4Query, PointsOp4QueryVariables>;
export const ProcessesCreateProjectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProcessesCreateProject"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProjectInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProjectPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProcessesCreateProjectMutation, ProcessesCreateProjectMutationVariables>;
export const ProcessesTrackConversionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProcessesTrackConversion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TrackConversionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trackConversion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TrackConversionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"created"}}]}}]}}]}}]} as unknown as DocumentNode<ProcessesTrackConversionMutation, ProcessesTrackConversionMutationVariables>;
export const ResilienceDatabasePartnersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ResilienceDatabasePartners"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"programId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partners"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"programId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"programId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<ResilienceDatabasePartnersQuery, ResilienceDatabasePartnersQueryVariables>;
export const ResilienceRedisPartnersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ResilienceRedisPartners"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"programId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partners"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"programId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"programId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<ResilienceRedisPartnersQuery, ResilienceRedisPartnersQueryVariables>;
export const ResilienceRedisPartnerChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ResilienceRedisPartnerChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"programId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnerChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"programId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"programId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ResilienceRedisPartnerChangedSubscription, ResilienceRedisPartnerChangedSubscriptionVariables>;
export const RevocationViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RevocationViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"program"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RevocationViewerQuery, RevocationViewerQueryVariables>;
export const RevocationRevokeKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevocationRevokeKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokePartnerApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"partner"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<RevocationRevokeKeyMutation, RevocationRevokeKeyMutationVariables>;
export const RevocationDisableDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevocationDisable"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setPartnerStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"partner"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"DISABLED"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<RevocationDisableMutation, RevocationDisableMutationVariables>;
export const RevocationLogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevocationLogout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loggedOut"}}]}}]}}]} as unknown as DocumentNode<RevocationLogoutMutation, RevocationLogoutMutationVariables>;
export const RevocationRevokeRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevocationRevokeRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<RevocationRevokeRoleMutation, RevocationRevokeRoleMutationVariables>;
export const RevocationTypenameDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RevocationTypename"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]} as unknown as DocumentNode<RevocationTypenameQuery, RevocationTypenameQueryVariables>;
export const SecretsViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SecretsViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<SecretsViewerQuery, SecretsViewerQueryVariables>;
export const SecretsIntrospectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SecretsIntrospect"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__schema"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"queryType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<SecretsIntrospectQuery, SecretsIntrospectQueryVariables>;
export const SecretsTypenameDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SecretsTypename"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]} as unknown as DocumentNode<SecretsTypenameQuery, SecretsTypenameQueryVariables>;
export const SocketsPartnerChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SocketsPartnerChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"programId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnerChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"programId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"programId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<SocketsPartnerChangedSubscription, SocketsPartnerChangedSubscriptionVariables>;
export const SocketsViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SocketsViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]} as unknown as DocumentNode<SocketsViewerQuery, SocketsViewerQueryVariables>;