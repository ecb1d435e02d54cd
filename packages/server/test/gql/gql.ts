/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation IsolationPurchase($input: RecordPurchaseInput!) {\n    recordPurchase(input: $input) { __typename ... on RecordPurchasePayload { purchase { id } } ... on Error { code message } }\n  }\n": typeof types.IsolationPurchaseDocument,
    "\n  query ErrorCodeValues { __type(name: \"ErrorCode\") { enumValues { name description } } }\n": typeof types.ErrorCodeValuesDocument,
    "\n  mutation HelpersCreateProgram($input: CreateProgramInput!) {\n    createProgram(input: $input) {\n      __typename\n      ... on CreateProgramPayload { secretKey program { id name currency pointsPerCurrencyUnit timezone } }\n      ... on Error { code message }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": typeof types.HelpersCreateProgramDocument,
    "\n  mutation HelpersCreatePartner($input: CreatePartnerInput!) {\n    createPartner(input: $input) {\n      __typename\n      ... on CreatePartnerPayload {\n        apiKey\n        partner { id name description externalId category { id name } status pointConversionRate effectivePointConversionRate costPerPoint { amount currency } }\n      }\n      ... on Error { code message }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { path }\n    }\n  }\n": typeof types.HelpersCreatePartnerDocument,
    "mutation HelpersCreateCategory($input: CreatePartnerCategoryInput!) { createPartnerCategory(input: $input) { __typename ... on CreatePartnerCategoryPayload { category { id } } ... on Error { code message } } }": typeof types.HelpersCreateCategoryDocument,
    "mutation HelpersRequestLoginCode($e: String!) { requestLoginCode(input: { email: $e }) { __typename } }": typeof types.HelpersRequestLoginCodeDocument,
    "mutation HelpersVerifyLoginCode($e: String!, $c: String!) { verifyLoginCode(input: { email: $e, code: $c }) { __typename ... on LoginPayload { token } ... on Error { code } } }": typeof types.HelpersVerifyLoginCodeDocument,
    "mutation HelpersGrantRole($input: GrantRoleInput!) { grantRole(input: $input) { __typename ... on GrantRolePayload { roleGrant { id } } ... on Error { code message } } }": typeof types.HelpersGrantRoleDocument,
    "\n  mutation EdgeCreatePartner($input: CreatePartnerInput!) { createPartner(input: $input) { __typename } }\n": typeof types.EdgeCreatePartnerDocument,
    "\n  mutation EdgeCreateMember($input: CreateMemberInput!) { createMember(input: $input) { __typename } }\n": typeof types.EdgeCreateMemberDocument,
    "\n  mutation EdgePurchase($input: RecordPurchaseInput!) {\n    recordPurchase(input: $input) { __typename ... on Error { code } ... on ValidationError { issues { path message } } }\n  }\n": typeof types.EdgePurchaseDocument,
    "\n  query EdgePartners($programId: ID!, $filter: PartnerFilter, $after: String) {\n    partners(programId: $programId, filter: $filter, after: $after) { totalCount }\n  }\n": typeof types.EdgePartnersDocument,
    "\n  mutation EdgeImport($input: ImportMembersInput!) { importMembers(input: $input) { __typename } }\n": typeof types.EdgeImportDocument,
    "query EdgePage($first: Int) { programs(first: $first) { totalCount } }": typeof types.EdgePageDocument,
    "query EdgeNode($id: ID!) { node(id: $id) { id } }": typeof types.EdgeNodeDocument,
    "query EdgeViewer { viewer { __typename } }": typeof types.EdgeViewerDocument,
    "query LifecycleProgramNames { programs { nodes { name } } }": typeof types.LifecycleProgramNamesDocument,
    "query LifecycleViewerKind { viewer { kind } }": typeof types.LifecycleViewerKindDocument,
    "query LimitsTypename { __typename }": typeof types.LimitsTypenameDocument,
    "mutation LiveOp1($p: ID!) { createMember(input: { programId: $p, externalId: \"m-1\" }) { ... on CreateMemberPayload { member { id } } } }": typeof types.LiveOp1Document,
    "subscription LiveStats($f: LiveFilter!, $w: Int) { liveStats(filter: $f, windowMinutes: $w) { from to windowMinutes pointsAwarded pointsReturned values { rawClicks uniqueClicks leads sales revenue { amount currency } commissions { amount currency } } } }": typeof types.LiveStatsDocument,
    "\n  mutation ResumeGameInTest($id: ID!) {\n    resumeGame(input: { gameId: $id }) {\n      __typename\n      ... on ResumeGamePayload { game { id suspendedAt } }\n      ... on Error { code }\n    }\n  }\n": typeof types.ResumeGameInTestDocument,
    "\n  query GameResumesInTest($p: ID!) { auditLog(programId: $p, filter: { action: \"game.resume\" }) { totalCount } }\n": typeof types.GameResumesInTestDocument,
    "\n  mutation LoyaltyImportUpload($input: ImportMembersInput!) {\n    importMembers(input: $input) {\n      __typename\n      ... on ImportReport { rowsRead applied }\n      ... on ValidationError { code issues { path message } }\n    }\n  }\n": typeof types.LoyaltyImportUploadDocument,
    "\n  mutation ResumeRewardInTest($id: ID!) {\n    resumeReward(input: { rewardId: $id }) {\n      __typename\n      ... on ResumeRewardPayload { reward { id suspendedAt available } }\n      ... on Error { code }\n    }\n  }\n": typeof types.ResumeRewardInTestDocument,
    "\n  query RewardResumesInTest($p: ID!) {\n    auditLog(programId: $p, filter: { action: \"reward.resume\" }) { nodes { targetId } }\n  }\n": typeof types.RewardResumesInTestDocument,
    "\n  query PartnersPartner($id: ID!) {\n    partner(id: $id) { id name externalId category { name } status costPerPoint { amount currency } program { id name } }\n  }\n": typeof types.PartnersPartnerDocument,
    "\n  mutation PartnersUpdatePartner($input: UpdatePartnerInput!) {\n    updatePartner(input: $input) {\n      __typename\n      ... on UpdatePartnerPayload { partner { id name description externalId category { name } status pointConversionRate effectivePointConversionRate costPerPoint { amount } } }\n      ... on Error { code message }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { path }\n    }\n  }\n": typeof types.PartnersUpdatePartnerDocument,
    "\n  query PartnersPartners($programId: ID!, $first: Int, $after: String, $filter: PartnerFilter) {\n    partners(programId: $programId, first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { name externalId }\n    }\n  }\n": typeof types.PartnersPartnersDocument,
    "query PartnersViewer { viewer { kind program { id } partner { id } } }": typeof types.PartnersViewerDocument,
    "query PartnersProgramCount { programs { totalCount } }": typeof types.PartnersProgramCountDocument,
    "query PartnersApiKeyInfo($id: ID!) { partner(id: $id) { apiKey { prefix lastUsedAt } } }": typeof types.PartnersApiKeyInfoDocument,
    "query PartnersApiKeyFields { __type(name: \"ApiKeyInfo\") { fields { name } } }": typeof types.PartnersApiKeyFieldsDocument,
    "query PartnersByExternalId($p: ID!, $e: String!) { partnerByExternalId(programId: $p, externalId: $e) { id } }": typeof types.PartnersByExternalIdDocument,
    "query PartnersNode($id: ID!) { node(id: $id) { __typename id ... on Partner { name } } }": typeof types.PartnersNodeDocument,
    "query PartnersNodeId($id: ID!) { node(id: $id) { id } }": typeof types.PartnersNodeIdDocument,
    "query PartnersProgramPartners($id: ID!) { program(id: $id) { partners { totalCount nodes { name } } } }": typeof types.PartnersProgramPartnersDocument,
    "query PointsQuote($p: ID, $b: PointsBasketInput!) { potentialPoints(programId: $p, basket: $b) {\n  totalPointsAwarded\n  breakdown { sku quantity itemPrice convertedPoints pointsAwarded isExcluded campaigns { title multiplier applied } tenders { name proportion multiplier } channel { name multiplier } transaction { name multiplier } }\n} }": typeof types.PointsQuoteDocument,
    "mutation PointsPurchase($input: RecordPurchaseInput!) { recordPurchase(input: $input) {\n  __typename\n  ... on RecordPurchasePayload { totalPointsAwarded replayed purchase { id receiptId member { balance } } }\n  ... on Error { code message }\n} }": typeof types.PointsPurchaseDocument,
    "mutation PointsReturn($input: RecordReturnInput!) { recordReturn(input: $input) {\n  __typename\n  ... on RecordReturnPayload { replayed purchaseReturn { pointsOwed pointsReturned } }\n  ... on Error { code message }\n  ... on ValidationError { issues { path message } }\n} }": typeof types.PointsReturnDocument,
    "mutation PointsMember($p: ID!, $e: String!) { createMember(input: { programId: $p, externalId: $e }) { ... on CreateMemberPayload { member { id } } } }": typeof types.PointsMemberDocument,
    "mutation PointsCampaign($input: CreateCampaignInput!) { createCampaign(input: $input) { __typename ... on CreateCampaignPayload { campaign { id } } ... on Error { code message } } }": typeof types.PointsCampaignDocument,
    "mutation PointsMultipliers($input: SetPointsMultipliersInput!) { setPointsMultipliers(input: $input) { __typename ... on Error { code message } } }": typeof types.PointsMultipliersDocument,
    "query PointsBalance($id: ID!) { member(id: $id) { balance ledger { nodes { type points } } } }": typeof types.PointsBalanceDocument,
    "mutation PointsOp1($p: ID!) { configureProgram(input: { programId: $p, pointsPerCurrencyUnit: \"10\" }) { __typename } }": typeof types.PointsOp1Document,
    "mutation PointsOp2($input: AdjustPointsInput!) { adjustPoints(input: $input) { __typename ... on AdjustPointsPayload { balance } ... on InsufficientPointsError { code balance requested } } }": typeof types.PointsOp2Document,
    "mutation PointsOp3($input: AdjustPointsInput!) { adjustPoints(input: $input) { __typename ... on InsufficientPointsError { code balance requested } } }": typeof types.PointsOp3Document,
    "query PointsStatement($id: ID!, $m: String!) { partnerStatement(partnerId: $id, from: $m, to: $m) { currency totalNetPoints totalAmountDue { amount currency } months { month pointsAwarded netPoints amount { amount } amountDue { amount } } } }": typeof types.PointsStatementDocument,
    "query PointsOp4($p: ID!, $m: String!) { programStatement(programId: $p, from: $m, to: $m) { totalAmountDue { amount } months { partner { id } } } }": typeof types.PointsOp4Document,
    "mutation ProcessesCreateProject($i: CreateProjectInput!) { createProject(input: $i) { __typename ... on CreateProjectPayload { project { id } } } }": typeof types.ProcessesCreateProjectDocument,
    "mutation ProcessesTrackConversion($i: TrackConversionInput!) { trackConversion(input: $i) { __typename ... on TrackConversionPayload { created } } }": typeof types.ProcessesTrackConversionDocument,
    "\n  query ResilienceDatabasePartners($programId: ID!) {\n    partners(programId: $programId, first: 5) { totalCount }\n  }\n": typeof types.ResilienceDatabasePartnersDocument,
    "\n  query ResilienceRedisPartners($programId: ID!) {\n    partners(programId: $programId, first: 5) { totalCount }\n  }\n": typeof types.ResilienceRedisPartnersDocument,
    "\n  subscription ResilienceRedisPartnerChanged($programId: ID!) {\n    partnerChanged(programId: $programId) { type partner { name } }\n  }\n": typeof types.ResilienceRedisPartnerChangedDocument,
    "query RevocationViewer { viewer { kind roles { program { id } } } }": typeof types.RevocationViewerDocument,
    "\n  mutation RevocationRevokeKey($id: ID!) { revokePartnerApiKey(input: { partner: { id: $id } }) { __typename } }\n": typeof types.RevocationRevokeKeyDocument,
    "\n  mutation RevocationDisable($id: ID!) { setPartnerStatus(input: { partner: { id: $id }, status: DISABLED }) { __typename } }\n": typeof types.RevocationDisableDocument,
    "mutation RevocationLogout { logout { loggedOut } }": typeof types.RevocationLogoutDocument,
    "\n  mutation RevocationRevokeRole($id: ID!) { revokeRole(input: { id: $id }) { __typename } }\n": typeof types.RevocationRevokeRoleDocument,
    "query RevocationTypename { __typename }": typeof types.RevocationTypenameDocument,
    "query SecretsViewer { viewer { kind user { email } } }": typeof types.SecretsViewerDocument,
    "query SecretsIntrospect { __schema { queryType { name } } }": typeof types.SecretsIntrospectDocument,
    "query SecretsTypename { __typename }": typeof types.SecretsTypenameDocument,
    "\n  subscription SocketsPartnerChanged($programId: ID!) { partnerChanged(programId: $programId) { partner { name } } }\n": typeof types.SocketsPartnerChangedDocument,
    "query SocketsViewer { viewer { kind } }": typeof types.SocketsViewerDocument,
};
const documents: Documents = {
    "\n  mutation IsolationPurchase($input: RecordPurchaseInput!) {\n    recordPurchase(input: $input) { __typename ... on RecordPurchasePayload { purchase { id } } ... on Error { code message } }\n  }\n": types.IsolationPurchaseDocument,
    "\n  query ErrorCodeValues { __type(name: \"ErrorCode\") { enumValues { name description } } }\n": types.ErrorCodeValuesDocument,
    "\n  mutation HelpersCreateProgram($input: CreateProgramInput!) {\n    createProgram(input: $input) {\n      __typename\n      ... on CreateProgramPayload { secretKey program { id name currency pointsPerCurrencyUnit timezone } }\n      ... on Error { code message }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": types.HelpersCreateProgramDocument,
    "\n  mutation HelpersCreatePartner($input: CreatePartnerInput!) {\n    createPartner(input: $input) {\n      __typename\n      ... on CreatePartnerPayload {\n        apiKey\n        partner { id name description externalId category { id name } status pointConversionRate effectivePointConversionRate costPerPoint { amount currency } }\n      }\n      ... on Error { code message }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { path }\n    }\n  }\n": types.HelpersCreatePartnerDocument,
    "mutation HelpersCreateCategory($input: CreatePartnerCategoryInput!) { createPartnerCategory(input: $input) { __typename ... on CreatePartnerCategoryPayload { category { id } } ... on Error { code message } } }": types.HelpersCreateCategoryDocument,
    "mutation HelpersRequestLoginCode($e: String!) { requestLoginCode(input: { email: $e }) { __typename } }": types.HelpersRequestLoginCodeDocument,
    "mutation HelpersVerifyLoginCode($e: String!, $c: String!) { verifyLoginCode(input: { email: $e, code: $c }) { __typename ... on LoginPayload { token } ... on Error { code } } }": types.HelpersVerifyLoginCodeDocument,
    "mutation HelpersGrantRole($input: GrantRoleInput!) { grantRole(input: $input) { __typename ... on GrantRolePayload { roleGrant { id } } ... on Error { code message } } }": types.HelpersGrantRoleDocument,
    "\n  mutation EdgeCreatePartner($input: CreatePartnerInput!) { createPartner(input: $input) { __typename } }\n": types.EdgeCreatePartnerDocument,
    "\n  mutation EdgeCreateMember($input: CreateMemberInput!) { createMember(input: $input) { __typename } }\n": types.EdgeCreateMemberDocument,
    "\n  mutation EdgePurchase($input: RecordPurchaseInput!) {\n    recordPurchase(input: $input) { __typename ... on Error { code } ... on ValidationError { issues { path message } } }\n  }\n": types.EdgePurchaseDocument,
    "\n  query EdgePartners($programId: ID!, $filter: PartnerFilter, $after: String) {\n    partners(programId: $programId, filter: $filter, after: $after) { totalCount }\n  }\n": types.EdgePartnersDocument,
    "\n  mutation EdgeImport($input: ImportMembersInput!) { importMembers(input: $input) { __typename } }\n": types.EdgeImportDocument,
    "query EdgePage($first: Int) { programs(first: $first) { totalCount } }": types.EdgePageDocument,
    "query EdgeNode($id: ID!) { node(id: $id) { id } }": types.EdgeNodeDocument,
    "query EdgeViewer { viewer { __typename } }": types.EdgeViewerDocument,
    "query LifecycleProgramNames { programs { nodes { name } } }": types.LifecycleProgramNamesDocument,
    "query LifecycleViewerKind { viewer { kind } }": types.LifecycleViewerKindDocument,
    "query LimitsTypename { __typename }": types.LimitsTypenameDocument,
    "mutation LiveOp1($p: ID!) { createMember(input: { programId: $p, externalId: \"m-1\" }) { ... on CreateMemberPayload { member { id } } } }": types.LiveOp1Document,
    "subscription LiveStats($f: LiveFilter!, $w: Int) { liveStats(filter: $f, windowMinutes: $w) { from to windowMinutes pointsAwarded pointsReturned values { rawClicks uniqueClicks leads sales revenue { amount currency } commissions { amount currency } } } }": types.LiveStatsDocument,
    "\n  mutation ResumeGameInTest($id: ID!) {\n    resumeGame(input: { gameId: $id }) {\n      __typename\n      ... on ResumeGamePayload { game { id suspendedAt } }\n      ... on Error { code }\n    }\n  }\n": types.ResumeGameInTestDocument,
    "\n  query GameResumesInTest($p: ID!) { auditLog(programId: $p, filter: { action: \"game.resume\" }) { totalCount } }\n": types.GameResumesInTestDocument,
    "\n  mutation LoyaltyImportUpload($input: ImportMembersInput!) {\n    importMembers(input: $input) {\n      __typename\n      ... on ImportReport { rowsRead applied }\n      ... on ValidationError { code issues { path message } }\n    }\n  }\n": types.LoyaltyImportUploadDocument,
    "\n  mutation ResumeRewardInTest($id: ID!) {\n    resumeReward(input: { rewardId: $id }) {\n      __typename\n      ... on ResumeRewardPayload { reward { id suspendedAt available } }\n      ... on Error { code }\n    }\n  }\n": types.ResumeRewardInTestDocument,
    "\n  query RewardResumesInTest($p: ID!) {\n    auditLog(programId: $p, filter: { action: \"reward.resume\" }) { nodes { targetId } }\n  }\n": types.RewardResumesInTestDocument,
    "\n  query PartnersPartner($id: ID!) {\n    partner(id: $id) { id name externalId category { name } status costPerPoint { amount currency } program { id name } }\n  }\n": types.PartnersPartnerDocument,
    "\n  mutation PartnersUpdatePartner($input: UpdatePartnerInput!) {\n    updatePartner(input: $input) {\n      __typename\n      ... on UpdatePartnerPayload { partner { id name description externalId category { name } status pointConversionRate effectivePointConversionRate costPerPoint { amount } } }\n      ... on Error { code message }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { path }\n    }\n  }\n": types.PartnersUpdatePartnerDocument,
    "\n  query PartnersPartners($programId: ID!, $first: Int, $after: String, $filter: PartnerFilter) {\n    partners(programId: $programId, first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { name externalId }\n    }\n  }\n": types.PartnersPartnersDocument,
    "query PartnersViewer { viewer { kind program { id } partner { id } } }": types.PartnersViewerDocument,
    "query PartnersProgramCount { programs { totalCount } }": types.PartnersProgramCountDocument,
    "query PartnersApiKeyInfo($id: ID!) { partner(id: $id) { apiKey { prefix lastUsedAt } } }": types.PartnersApiKeyInfoDocument,
    "query PartnersApiKeyFields { __type(name: \"ApiKeyInfo\") { fields { name } } }": types.PartnersApiKeyFieldsDocument,
    "query PartnersByExternalId($p: ID!, $e: String!) { partnerByExternalId(programId: $p, externalId: $e) { id } }": types.PartnersByExternalIdDocument,
    "query PartnersNode($id: ID!) { node(id: $id) { __typename id ... on Partner { name } } }": types.PartnersNodeDocument,
    "query PartnersNodeId($id: ID!) { node(id: $id) { id } }": types.PartnersNodeIdDocument,
    "query PartnersProgramPartners($id: ID!) { program(id: $id) { partners { totalCount nodes { name } } } }": types.PartnersProgramPartnersDocument,
    "query PointsQuote($p: ID, $b: PointsBasketInput!) { potentialPoints(programId: $p, basket: $b) {\n  totalPointsAwarded\n  breakdown { sku quantity itemPrice convertedPoints pointsAwarded isExcluded campaigns { title multiplier applied } tenders { name proportion multiplier } channel { name multiplier } transaction { name multiplier } }\n} }": types.PointsQuoteDocument,
    "mutation PointsPurchase($input: RecordPurchaseInput!) { recordPurchase(input: $input) {\n  __typename\n  ... on RecordPurchasePayload { totalPointsAwarded replayed purchase { id receiptId member { balance } } }\n  ... on Error { code message }\n} }": types.PointsPurchaseDocument,
    "mutation PointsReturn($input: RecordReturnInput!) { recordReturn(input: $input) {\n  __typename\n  ... on RecordReturnPayload { replayed purchaseReturn { pointsOwed pointsReturned } }\n  ... on Error { code message }\n  ... on ValidationError { issues { path message } }\n} }": types.PointsReturnDocument,
    "mutation PointsMember($p: ID!, $e: String!) { createMember(input: { programId: $p, externalId: $e }) { ... on CreateMemberPayload { member { id } } } }": types.PointsMemberDocument,
    "mutation PointsCampaign($input: CreateCampaignInput!) { createCampaign(input: $input) { __typename ... on CreateCampaignPayload { campaign { id } } ... on Error { code message } } }": types.PointsCampaignDocument,
    "mutation PointsMultipliers($input: SetPointsMultipliersInput!) { setPointsMultipliers(input: $input) { __typename ... on Error { code message } } }": types.PointsMultipliersDocument,
    "query PointsBalance($id: ID!) { member(id: $id) { balance ledger { nodes { type points } } } }": types.PointsBalanceDocument,
    "mutation PointsOp1($p: ID!) { configureProgram(input: { programId: $p, pointsPerCurrencyUnit: \"10\" }) { __typename } }": types.PointsOp1Document,
    "mutation PointsOp2($input: AdjustPointsInput!) { adjustPoints(input: $input) { __typename ... on AdjustPointsPayload { balance } ... on InsufficientPointsError { code balance requested } } }": types.PointsOp2Document,
    "mutation PointsOp3($input: AdjustPointsInput!) { adjustPoints(input: $input) { __typename ... on InsufficientPointsError { code balance requested } } }": types.PointsOp3Document,
    "query PointsStatement($id: ID!, $m: String!) { partnerStatement(partnerId: $id, from: $m, to: $m) { currency totalNetPoints totalAmountDue { amount currency } months { month pointsAwarded netPoints amount { amount } amountDue { amount } } } }": types.PointsStatementDocument,
    "query PointsOp4($p: ID!, $m: String!) { programStatement(programId: $p, from: $m, to: $m) { totalAmountDue { amount } months { partner { id } } } }": types.PointsOp4Document,
    "mutation ProcessesCreateProject($i: CreateProjectInput!) { createProject(input: $i) { __typename ... on CreateProjectPayload { project { id } } } }": types.ProcessesCreateProjectDocument,
    "mutation ProcessesTrackConversion($i: TrackConversionInput!) { trackConversion(input: $i) { __typename ... on TrackConversionPayload { created } } }": types.ProcessesTrackConversionDocument,
    "\n  query ResilienceDatabasePartners($programId: ID!) {\n    partners(programId: $programId, first: 5) { totalCount }\n  }\n": types.ResilienceDatabasePartnersDocument,
    "\n  query ResilienceRedisPartners($programId: ID!) {\n    partners(programId: $programId, first: 5) { totalCount }\n  }\n": types.ResilienceRedisPartnersDocument,
    "\n  subscription ResilienceRedisPartnerChanged($programId: ID!) {\n    partnerChanged(programId: $programId) { type partner { name } }\n  }\n": types.ResilienceRedisPartnerChangedDocument,
    "query RevocationViewer { viewer { kind roles { program { id } } } }": types.RevocationViewerDocument,
    "\n  mutation RevocationRevokeKey($id: ID!) { revokePartnerApiKey(input: { partner: { id: $id } }) { __typename } }\n": types.RevocationRevokeKeyDocument,
    "\n  mutation RevocationDisable($id: ID!) { setPartnerStatus(input: { partner: { id: $id }, status: DISABLED }) { __typename } }\n": types.RevocationDisableDocument,
    "mutation RevocationLogout { logout { loggedOut } }": types.RevocationLogoutDocument,
    "\n  mutation RevocationRevokeRole($id: ID!) { revokeRole(input: { id: $id }) { __typename } }\n": types.RevocationRevokeRoleDocument,
    "query RevocationTypename { __typename }": types.RevocationTypenameDocument,
    "query SecretsViewer { viewer { kind user { email } } }": types.SecretsViewerDocument,
    "query SecretsIntrospect { __schema { queryType { name } } }": types.SecretsIntrospectDocument,
    "query SecretsTypename { __typename }": types.SecretsTypenameDocument,
    "\n  subscription SocketsPartnerChanged($programId: ID!) { partnerChanged(programId: $programId) { partner { name } } }\n": types.SocketsPartnerChangedDocument,
    "query SocketsViewer { viewer { kind } }": types.SocketsViewerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IsolationPurchase($input: RecordPurchaseInput!) {\n    recordPurchase(input: $input) { __typename ... on RecordPurchasePayload { purchase { id } } ... on Error { code message } }\n  }\n"): (typeof documents)["\n  mutation IsolationPurchase($input: RecordPurchaseInput!) {\n    recordPurchase(input: $input) { __typename ... on RecordPurchasePayload { purchase { id } } ... on Error { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ErrorCodeValues { __type(name: \"ErrorCode\") { enumValues { name description } } }\n"): (typeof documents)["\n  query ErrorCodeValues { __type(name: \"ErrorCode\") { enumValues { name description } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HelpersCreateProgram($input: CreateProgramInput!) {\n    createProgram(input: $input) {\n      __typename\n      ... on CreateProgramPayload { secretKey program { id name currency pointsPerCurrencyUnit timezone } }\n      ... on Error { code message }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation HelpersCreateProgram($input: CreateProgramInput!) {\n    createProgram(input: $input) {\n      __typename\n      ... on CreateProgramPayload { secretKey program { id name currency pointsPerCurrencyUnit timezone } }\n      ... on Error { code message }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HelpersCreatePartner($input: CreatePartnerInput!) {\n    createPartner(input: $input) {\n      __typename\n      ... on CreatePartnerPayload {\n        apiKey\n        partner { id name description externalId category { id name } status pointConversionRate effectivePointConversionRate costPerPoint { amount currency } }\n      }\n      ... on Error { code message }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { path }\n    }\n  }\n"): (typeof documents)["\n  mutation HelpersCreatePartner($input: CreatePartnerInput!) {\n    createPartner(input: $input) {\n      __typename\n      ... on CreatePartnerPayload {\n        apiKey\n        partner { id name description externalId category { id name } status pointConversionRate effectivePointConversionRate costPerPoint { amount currency } }\n      }\n      ... on Error { code message }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { path }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation HelpersCreateCategory($input: CreatePartnerCategoryInput!) { createPartnerCategory(input: $input) { __typename ... on CreatePartnerCategoryPayload { category { id } } ... on Error { code message } } }"): (typeof documents)["mutation HelpersCreateCategory($input: CreatePartnerCategoryInput!) { createPartnerCategory(input: $input) { __typename ... on CreatePartnerCategoryPayload { category { id } } ... on Error { code message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation HelpersRequestLoginCode($e: String!) { requestLoginCode(input: { email: $e }) { __typename } }"): (typeof documents)["mutation HelpersRequestLoginCode($e: String!) { requestLoginCode(input: { email: $e }) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation HelpersVerifyLoginCode($e: String!, $c: String!) { verifyLoginCode(input: { email: $e, code: $c }) { __typename ... on LoginPayload { token } ... on Error { code } } }"): (typeof documents)["mutation HelpersVerifyLoginCode($e: String!, $c: String!) { verifyLoginCode(input: { email: $e, code: $c }) { __typename ... on LoginPayload { token } ... on Error { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation HelpersGrantRole($input: GrantRoleInput!) { grantRole(input: $input) { __typename ... on GrantRolePayload { roleGrant { id } } ... on Error { code message } } }"): (typeof documents)["mutation HelpersGrantRole($input: GrantRoleInput!) { grantRole(input: $input) { __typename ... on GrantRolePayload { roleGrant { id } } ... on Error { code message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EdgeCreatePartner($input: CreatePartnerInput!) { createPartner(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation EdgeCreatePartner($input: CreatePartnerInput!) { createPartner(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EdgeCreateMember($input: CreateMemberInput!) { createMember(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation EdgeCreateMember($input: CreateMemberInput!) { createMember(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EdgePurchase($input: RecordPurchaseInput!) {\n    recordPurchase(input: $input) { __typename ... on Error { code } ... on ValidationError { issues { path message } } }\n  }\n"): (typeof documents)["\n  mutation EdgePurchase($input: RecordPurchaseInput!) {\n    recordPurchase(input: $input) { __typename ... on Error { code } ... on ValidationError { issues { path message } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EdgePartners($programId: ID!, $filter: PartnerFilter, $after: String) {\n    partners(programId: $programId, filter: $filter, after: $after) { totalCount }\n  }\n"): (typeof documents)["\n  query EdgePartners($programId: ID!, $filter: PartnerFilter, $after: String) {\n    partners(programId: $programId, filter: $filter, after: $after) { totalCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EdgeImport($input: ImportMembersInput!) { importMembers(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation EdgeImport($input: ImportMembersInput!) { importMembers(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EdgePage($first: Int) { programs(first: $first) { totalCount } }"): (typeof documents)["query EdgePage($first: Int) { programs(first: $first) { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EdgeNode($id: ID!) { node(id: $id) { id } }"): (typeof documents)["query EdgeNode($id: ID!) { node(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EdgeViewer { viewer { __typename } }"): (typeof documents)["query EdgeViewer { viewer { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LifecycleProgramNames { programs { nodes { name } } }"): (typeof documents)["query LifecycleProgramNames { programs { nodes { name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LifecycleViewerKind { viewer { kind } }"): (typeof documents)["query LifecycleViewerKind { viewer { kind } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LimitsTypename { __typename }"): (typeof documents)["query LimitsTypename { __typename }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LiveOp1($p: ID!) { createMember(input: { programId: $p, externalId: \"m-1\" }) { ... on CreateMemberPayload { member { id } } } }"): (typeof documents)["mutation LiveOp1($p: ID!) { createMember(input: { programId: $p, externalId: \"m-1\" }) { ... on CreateMemberPayload { member { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription LiveStats($f: LiveFilter!, $w: Int) { liveStats(filter: $f, windowMinutes: $w) { from to windowMinutes pointsAwarded pointsReturned values { rawClicks uniqueClicks leads sales revenue { amount currency } commissions { amount currency } } } }"): (typeof documents)["subscription LiveStats($f: LiveFilter!, $w: Int) { liveStats(filter: $f, windowMinutes: $w) { from to windowMinutes pointsAwarded pointsReturned values { rawClicks uniqueClicks leads sales revenue { amount currency } commissions { amount currency } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeGameInTest($id: ID!) {\n    resumeGame(input: { gameId: $id }) {\n      __typename\n      ... on ResumeGamePayload { game { id suspendedAt } }\n      ... on Error { code }\n    }\n  }\n"): (typeof documents)["\n  mutation ResumeGameInTest($id: ID!) {\n    resumeGame(input: { gameId: $id }) {\n      __typename\n      ... on ResumeGamePayload { game { id suspendedAt } }\n      ... on Error { code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GameResumesInTest($p: ID!) { auditLog(programId: $p, filter: { action: \"game.resume\" }) { totalCount } }\n"): (typeof documents)["\n  query GameResumesInTest($p: ID!) { auditLog(programId: $p, filter: { action: \"game.resume\" }) { totalCount } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LoyaltyImportUpload($input: ImportMembersInput!) {\n    importMembers(input: $input) {\n      __typename\n      ... on ImportReport { rowsRead applied }\n      ... on ValidationError { code issues { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation LoyaltyImportUpload($input: ImportMembersInput!) {\n    importMembers(input: $input) {\n      __typename\n      ... on ImportReport { rowsRead applied }\n      ... on ValidationError { code issues { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeRewardInTest($id: ID!) {\n    resumeReward(input: { rewardId: $id }) {\n      __typename\n      ... on ResumeRewardPayload { reward { id suspendedAt available } }\n      ... on Error { code }\n    }\n  }\n"): (typeof documents)["\n  mutation ResumeRewardInTest($id: ID!) {\n    resumeReward(input: { rewardId: $id }) {\n      __typename\n      ... on ResumeRewardPayload { reward { id suspendedAt available } }\n      ... on Error { code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RewardResumesInTest($p: ID!) {\n    auditLog(programId: $p, filter: { action: \"reward.resume\" }) { nodes { targetId } }\n  }\n"): (typeof documents)["\n  query RewardResumesInTest($p: ID!) {\n    auditLog(programId: $p, filter: { action: \"reward.resume\" }) { nodes { targetId } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnersPartner($id: ID!) {\n    partner(id: $id) { id name externalId category { name } status costPerPoint { amount currency } program { id name } }\n  }\n"): (typeof documents)["\n  query PartnersPartner($id: ID!) {\n    partner(id: $id) { id name externalId category { name } status costPerPoint { amount currency } program { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PartnersUpdatePartner($input: UpdatePartnerInput!) {\n    updatePartner(input: $input) {\n      __typename\n      ... on UpdatePartnerPayload { partner { id name description externalId category { name } status pointConversionRate effectivePointConversionRate costPerPoint { amount } } }\n      ... on Error { code message }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { path }\n    }\n  }\n"): (typeof documents)["\n  mutation PartnersUpdatePartner($input: UpdatePartnerInput!) {\n    updatePartner(input: $input) {\n      __typename\n      ... on UpdatePartnerPayload { partner { id name description externalId category { name } status pointConversionRate effectivePointConversionRate costPerPoint { amount } } }\n      ... on Error { code message }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { path }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnersPartners($programId: ID!, $first: Int, $after: String, $filter: PartnerFilter) {\n    partners(programId: $programId, first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { name externalId }\n    }\n  }\n"): (typeof documents)["\n  query PartnersPartners($programId: ID!, $first: Int, $after: String, $filter: PartnerFilter) {\n    partners(programId: $programId, first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { name externalId }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnersViewer { viewer { kind program { id } partner { id } } }"): (typeof documents)["query PartnersViewer { viewer { kind program { id } partner { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnersProgramCount { programs { totalCount } }"): (typeof documents)["query PartnersProgramCount { programs { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnersApiKeyInfo($id: ID!) { partner(id: $id) { apiKey { prefix lastUsedAt } } }"): (typeof documents)["query PartnersApiKeyInfo($id: ID!) { partner(id: $id) { apiKey { prefix lastUsedAt } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnersApiKeyFields { __type(name: \"ApiKeyInfo\") { fields { name } } }"): (typeof documents)["query PartnersApiKeyFields { __type(name: \"ApiKeyInfo\") { fields { name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnersByExternalId($p: ID!, $e: String!) { partnerByExternalId(programId: $p, externalId: $e) { id } }"): (typeof documents)["query PartnersByExternalId($p: ID!, $e: String!) { partnerByExternalId(programId: $p, externalId: $e) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnersNode($id: ID!) { node(id: $id) { __typename id ... on Partner { name } } }"): (typeof documents)["query PartnersNode($id: ID!) { node(id: $id) { __typename id ... on Partner { name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnersNodeId($id: ID!) { node(id: $id) { id } }"): (typeof documents)["query PartnersNodeId($id: ID!) { node(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnersProgramPartners($id: ID!) { program(id: $id) { partners { totalCount nodes { name } } } }"): (typeof documents)["query PartnersProgramPartners($id: ID!) { program(id: $id) { partners { totalCount nodes { name } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PointsQuote($p: ID, $b: PointsBasketInput!) { potentialPoints(programId: $p, basket: $b) {\n  totalPointsAwarded\n  breakdown { sku quantity itemPrice convertedPoints pointsAwarded isExcluded campaigns { title multiplier applied } tenders { name proportion multiplier } channel { name multiplier } transaction { name multiplier } }\n} }"): (typeof documents)["query PointsQuote($p: ID, $b: PointsBasketInput!) { potentialPoints(programId: $p, basket: $b) {\n  totalPointsAwarded\n  breakdown { sku quantity itemPrice convertedPoints pointsAwarded isExcluded campaigns { title multiplier applied } tenders { name proportion multiplier } channel { name multiplier } transaction { name multiplier } }\n} }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PointsPurchase($input: RecordPurchaseInput!) { recordPurchase(input: $input) {\n  __typename\n  ... on RecordPurchasePayload { totalPointsAwarded replayed purchase { id receiptId member { balance } } }\n  ... on Error { code message }\n} }"): (typeof documents)["mutation PointsPurchase($input: RecordPurchaseInput!) { recordPurchase(input: $input) {\n  __typename\n  ... on RecordPurchasePayload { totalPointsAwarded replayed purchase { id receiptId member { balance } } }\n  ... on Error { code message }\n} }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PointsReturn($input: RecordReturnInput!) { recordReturn(input: $input) {\n  __typename\n  ... on RecordReturnPayload { replayed purchaseReturn { pointsOwed pointsReturned } }\n  ... on Error { code message }\n  ... on ValidationError { issues { path message } }\n} }"): (typeof documents)["mutation PointsReturn($input: RecordReturnInput!) { recordReturn(input: $input) {\n  __typename\n  ... on RecordReturnPayload { replayed purchaseReturn { pointsOwed pointsReturned } }\n  ... on Error { code message }\n  ... on ValidationError { issues { path message } }\n} }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PointsMember($p: ID!, $e: String!) { createMember(input: { programId: $p, externalId: $e }) { ... on CreateMemberPayload { member { id } } } }"): (typeof documents)["mutation PointsMember($p: ID!, $e: String!) { createMember(input: { programId: $p, externalId: $e }) { ... on CreateMemberPayload { member { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PointsCampaign($input: CreateCampaignInput!) { createCampaign(input: $input) { __typename ... on CreateCampaignPayload { campaign { id } } ... on Error { code message } } }"): (typeof documents)["mutation PointsCampaign($input: CreateCampaignInput!) { createCampaign(input: $input) { __typename ... on CreateCampaignPayload { campaign { id } } ... on Error { code message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PointsMultipliers($input: SetPointsMultipliersInput!) { setPointsMultipliers(input: $input) { __typename ... on Error { code message } } }"): (typeof documents)["mutation PointsMultipliers($input: SetPointsMultipliersInput!) { setPointsMultipliers(input: $input) { __typename ... on Error { code message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PointsBalance($id: ID!) { member(id: $id) { balance ledger { nodes { type points } } } }"): (typeof documents)["query PointsBalance($id: ID!) { member(id: $id) { balance ledger { nodes { type points } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PointsOp1($p: ID!) { configureProgram(input: { programId: $p, pointsPerCurrencyUnit: \"10\" }) { __typename } }"): (typeof documents)["mutation PointsOp1($p: ID!) { configureProgram(input: { programId: $p, pointsPerCurrencyUnit: \"10\" }) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PointsOp2($input: AdjustPointsInput!) { adjustPoints(input: $input) { __typename ... on AdjustPointsPayload { balance } ... on InsufficientPointsError { code balance requested } } }"): (typeof documents)["mutation PointsOp2($input: AdjustPointsInput!) { adjustPoints(input: $input) { __typename ... on AdjustPointsPayload { balance } ... on InsufficientPointsError { code balance requested } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PointsOp3($input: AdjustPointsInput!) { adjustPoints(input: $input) { __typename ... on InsufficientPointsError { code balance requested } } }"): (typeof documents)["mutation PointsOp3($input: AdjustPointsInput!) { adjustPoints(input: $input) { __typename ... on InsufficientPointsError { code balance requested } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PointsStatement($id: ID!, $m: String!) { partnerStatement(partnerId: $id, from: $m, to: $m) { currency totalNetPoints totalAmountDue { amount currency } months { month pointsAwarded netPoints amount { amount } amountDue { amount } } } }"): (typeof documents)["query PointsStatement($id: ID!, $m: String!) { partnerStatement(partnerId: $id, from: $m, to: $m) { currency totalNetPoints totalAmountDue { amount currency } months { month pointsAwarded netPoints amount { amount } amountDue { amount } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PointsOp4($p: ID!, $m: String!) { programStatement(programId: $p, from: $m, to: $m) { totalAmountDue { amount } months { partner { id } } } }"): (typeof documents)["query PointsOp4($p: ID!, $m: String!) { programStatement(programId: $p, from: $m, to: $m) { totalAmountDue { amount } months { partner { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ProcessesCreateProject($i: CreateProjectInput!) { createProject(input: $i) { __typename ... on CreateProjectPayload { project { id } } } }"): (typeof documents)["mutation ProcessesCreateProject($i: CreateProjectInput!) { createProject(input: $i) { __typename ... on CreateProjectPayload { project { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ProcessesTrackConversion($i: TrackConversionInput!) { trackConversion(input: $i) { __typename ... on TrackConversionPayload { created } } }"): (typeof documents)["mutation ProcessesTrackConversion($i: TrackConversionInput!) { trackConversion(input: $i) { __typename ... on TrackConversionPayload { created } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResilienceDatabasePartners($programId: ID!) {\n    partners(programId: $programId, first: 5) { totalCount }\n  }\n"): (typeof documents)["\n  query ResilienceDatabasePartners($programId: ID!) {\n    partners(programId: $programId, first: 5) { totalCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResilienceRedisPartners($programId: ID!) {\n    partners(programId: $programId, first: 5) { totalCount }\n  }\n"): (typeof documents)["\n  query ResilienceRedisPartners($programId: ID!) {\n    partners(programId: $programId, first: 5) { totalCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ResilienceRedisPartnerChanged($programId: ID!) {\n    partnerChanged(programId: $programId) { type partner { name } }\n  }\n"): (typeof documents)["\n  subscription ResilienceRedisPartnerChanged($programId: ID!) {\n    partnerChanged(programId: $programId) { type partner { name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RevocationViewer { viewer { kind roles { program { id } } } }"): (typeof documents)["query RevocationViewer { viewer { kind roles { program { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevocationRevokeKey($id: ID!) { revokePartnerApiKey(input: { partner: { id: $id } }) { __typename } }\n"): (typeof documents)["\n  mutation RevocationRevokeKey($id: ID!) { revokePartnerApiKey(input: { partner: { id: $id } }) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevocationDisable($id: ID!) { setPartnerStatus(input: { partner: { id: $id }, status: DISABLED }) { __typename } }\n"): (typeof documents)["\n  mutation RevocationDisable($id: ID!) { setPartnerStatus(input: { partner: { id: $id }, status: DISABLED }) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevocationLogout { logout { loggedOut } }"): (typeof documents)["mutation RevocationLogout { logout { loggedOut } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevocationRevokeRole($id: ID!) { revokeRole(input: { id: $id }) { __typename } }\n"): (typeof documents)["\n  mutation RevocationRevokeRole($id: ID!) { revokeRole(input: { id: $id }) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RevocationTypename { __typename }"): (typeof documents)["query RevocationTypename { __typename }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SecretsViewer { viewer { kind user { email } } }"): (typeof documents)["query SecretsViewer { viewer { kind user { email } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SecretsIntrospect { __schema { queryType { name } } }"): (typeof documents)["query SecretsIntrospect { __schema { queryType { name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SecretsTypename { __typename }"): (typeof documents)["query SecretsTypename { __typename }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SocketsPartnerChanged($programId: ID!) { partnerChanged(programId: $programId) { partner { name } } }\n"): (typeof documents)["\n  subscription SocketsPartnerChanged($programId: ID!) { partnerChanged(programId: $programId) { partner { name } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SocketsViewer { viewer { kind } }"): (typeof documents)["query SocketsViewer { viewer { kind } }"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;