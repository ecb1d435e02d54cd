// A partner's (or the whole program's) conversions and commissions, with a status filter.
import { useState } from "react";
import {
  CommissionListDocument,
  type CommissionStatus,
  ConversionListDocument,
  type ConversionStatus,
} from "../../generated.js";
import { useI18n } from "../../i18n/index.js";
import { Select } from "../../ui/field.js";
import { Empty, Loaded } from "../../ui/states.js";
import { useQuery } from "../../ui/use-query.js";
import { CommissionTable, ConversionTable } from "./tables.js";

const CONVERSION_STATUSES: ConversionStatus[] = ["ATTRIBUTED", "UNATTRIBUTED", "DISCARDED"];
const COMMISSION_STATUSES: CommissionStatus[] = ["PENDING", "APPROVED", "PAID", "REVERSED", "VOID"];

export function Conversions({ programId, partnerId }: { programId: string; partnerId?: string }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<"" | ConversionStatus>("");
  const list = useQuery(ConversionListDocument, {
    programId,
    filter: { ...(partnerId ? { partnerId } : {}), ...(status ? { status } : {}) },
  });
  return (
    <section>
      <h1>{t("conversions.title")}</h1>
      <Select label={t("conversions.status")} value={status} onChange={(v) => setStatus(v as "" | ConversionStatus)}>
        <option value="">{t("partners.anyStatus")}</option>
        {CONVERSION_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`conversionStatus.${s}`)}
          </option>
        ))}
      </Select>
      <Loaded query={list}>
        {(data) =>
          data.conversions.nodes.length === 0 ? (
            <Empty>{t("conversions.empty")}</Empty>
          ) : (
            <ConversionTable rows={data.conversions.nodes} caption={t("conversions.title")} />
          )
        }
      </Loaded>
    </section>
  );
}

export function Commissions({ programId, partnerId }: { programId: string; partnerId?: string }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<"" | CommissionStatus>("");
  const list = useQuery(CommissionListDocument, {
    programId,
    filter: { ...(partnerId ? { partnerId } : {}), ...(status ? { status } : {}) },
  });
  return (
    <section>
      <h1>{t("commissions.title")}</h1>
      <Select label={t("conversions.status")} value={status} onChange={(v) => setStatus(v as "" | CommissionStatus)}>
        <option value="">{t("partners.anyStatus")}</option>
        {COMMISSION_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`commissionStatus.${s}`)}
          </option>
        ))}
      </Select>
      <Loaded query={list}>
        {(data) =>
          data.commissions.nodes.length === 0 ? (
            <Empty>{t("commissions.empty")}</Empty>
          ) : (
            <CommissionTable rows={data.commissions.nodes} caption={t("commissions.title")} />
          )
        }
      </Loaded>
    </section>
  );
}
