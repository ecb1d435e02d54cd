// Authorization matrix rows: bulk CSV imports into A; each allowed cell imports one fresh row.
// Each row: its expected cells (one per principal, in the order of PRINCIPALS in kit.ts), and how it is called.
import { A, LOYALTY, M2, newMember } from "./fixtures.js";
import { area, ask, F, IPP, MUTATION, NF, OK, type Operation, type Principal, U, unique } from "./kit.js";

/** A CSV import into A; ALLOWED only when its one row was applied, NOT_FOUND when it names a club the caller cannot see. */
const importWrite = (field: string, inputType: string, csv: (p: Principal) => Promise<string>): Operation => ({
  field: `Mutation.${field}`,
  call: async (p) =>
    ask(
      p,
      field,
      MUTATION(field, inputType, "... on ImportReport { applied rejected { code message } }"),
      { input: { programId: A.id, csv: await csv(p) } },
      (r) =>
        r.applied === 1
          ? OK
          : r.applied === 0 && r.rejected.length === 1 && r.rejected[0].code === "UNKNOWN_CLUB"
            ? NF
            : `GOT ${JSON.stringify(r)}`,
    ),
});

// prettier-ignore
export const imports = area(
  {
    //                                           anonymous admin keyA  keyB   managerA managerB partnerA1Key partnerA2Key partnerUserA1 staffA disabledA3Key partnerUserA2 staffA2 clubManagerA2 memberA
    // Bulk imports: the program's managers and keys; each allowed cell imports one fresh row (a fresh member's points).
    "importMembers(A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    "importTransactions(A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    "importProducts(A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    // Staff imports also for the partner into its own clubs: A2 names A1's club, which reads as unknown (UNKNOWN_CLUB).
    "importStaff(into A1's club)": [U, OK, OK, NF, OK, NF, OK, NF, OK, F, IPP, NF, F, NF, NF],
  },
  {
    "importMembers(A)": importWrite(
      "importMembers",
      "ImportMembersInput",
      async (p) => `externalId,name\n${unique(`imported-by-${p.name}`)},Imported`,
    ),
    "importTransactions(A)": importWrite("importTransactions", "ImportTransactionsInput", async (p) => {
      const member = p.managesA ? await newMember(`import-target-${p.name}`) : M2;
      return `externalId,memberExternalId,points,occurredAt\n${unique(`tx-by-${p.name}`)},${member.externalId},5,2025-01-01`;
    }),
    "importProducts(A)": importWrite(
      "importProducts",
      "ImportProductsInput",
      async (p) => `sku,brand\n${unique(`SKU-by-${p.name}`)},Acme`,
    ),
    "importStaff(into A1's club)": importWrite(
      "importStaff",
      "ImportStaffInput",
      async (p) => `email,club\n${unique(`imported-staff-${p.name}`).toLowerCase()}@a.example,${LOYALTY.clubA1}`,
    ),
  },
);
