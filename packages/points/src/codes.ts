// The reference's fixed code tables. Callers (REST, GraphQL) validate request codes against these; the engine
// rejects any other code with PointsInputError("invalid").

export const TENDER_TYPES = Object.freeze({
  1: "Cash",
  2: "Personal Check",
  3: "Traveler's Check",
  4: "Major Credit",
  5: "Gift Cards",
  6: "PIN Debit",
  7: "PLCC",
  8: "Vouchers",
  9: "Virtual Gift Card",
  10: "MCR",
  11: "Other",
  12: "Mobile Payment",
  13: "PayPal",
} as const);
export type TenderType = keyof typeof TENDER_TYPES;

export const CHANNELS = Object.freeze({
  1: "In Store",
  2: "Online",
  3: "Kiosk / In Store Other",
  4: "Call Center",
  5: "Mobile App",
  6: "Other",
  7: "Receipt Scan",
  8: "Affiliate",
  9: "Outlet",
} as const);
export type Channel = keyof typeof CHANNELS;

export const TRANSACTION_TYPES = Object.freeze({
  1: "Sale",
  2: "Tax Exempt Sale",
  3: "Employee Sale",
  4: "Payment on Account",
  5: "Stamp Sales",
  6: "Tender Exchange",
  7: "Gift Card Cash-Out",
  8: "MCR Cash-Out",
  9: "Corp Check Insurance",
  10: "Misc Income",
  11: "Pride Gift Card Issue",
  12: "Pride Purchase",
} as const);
export type TransactionType = keyof typeof TRANSACTION_TYPES;

export type CodeTable = Readonly<Record<number, string>>;

/** True when value is one of the table's codes (a number: "7" is not a code, 7 is). */
export function isCode<T extends CodeTable>(table: T, value: unknown): value is keyof T & number {
  return typeof value === "number" && Number.isInteger(value) && Object.hasOwn(table, value);
}
