// Conversion and commission rows, shared by the lists and the live feed.
import type { CommissionRowFragment, ConversionRowFragment } from "../../generated.js";
import { useFormat, useI18n } from "../../i18n/index.js";

export function ConversionTable({ rows, caption }: { rows: readonly ConversionRowFragment[]; caption: string }) {
  const { t } = useI18n();
  const format = useFormat();
  return (
    <table>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("conversions.when")}</th>
          <th scope="col">{t("conversions.reference")}</th>
          <th scope="col">{t("conversions.type")}</th>
          <th scope="col">{t("conversions.partner")}</th>
          <th scope="col">{t("conversions.status")}</th>
          <th scope="col">{t("conversions.amount")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td>{format.dateTime(row.occurredAt)}</td>
            <td>{row.externalId}</td>
            <td>{t(`conversionType.${row.type}`)}</td>
            <td>{row.partner?.name ?? "—"}</td>
            <td>{t(`conversionStatus.${row.status}`)}</td>
            <td className="number">{row.amount ? format.money(row.amount) : "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CommissionTable({ rows, caption }: { rows: readonly CommissionRowFragment[]; caption: string }) {
  const { t } = useI18n();
  const format = useFormat();
  return (
    <table>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("commissions.earned")}</th>
          <th scope="col">{t("conversions.partner")}</th>
          <th scope="col">{t("commissions.period")}</th>
          <th scope="col">{t("conversions.status")}</th>
          <th scope="col">{t("conversions.amount")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td>{format.dateTime(row.earnedAt)}</td>
            <td>{row.partner.name}</td>
            <td>{row.period}</td>
            <td>{t(`commissionStatus.${row.status}`)}</td>
            <td className="number">{format.money(row.amount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
