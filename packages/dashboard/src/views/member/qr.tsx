// The member's QR for the counter: a fresh signed payload drawn as a QR image, fetched again shortly before it
// expires. The payload is also shown as text, for a counter without a camera.
import { useEffect, useState } from "react";
import { encode } from "uqr";
import { client } from "../../api.js";
import { MyQrDocument } from "../../generated.js";
import { useI18n } from "../../i18n/index.js";
import { FormFailure } from "../../ui/field.js";
import { Loading } from "../../ui/states.js";

/** Ask for the next payload this long before the current one expires. */
const REFRESH_BEFORE_MS = 30_000;

export function MemberQr({ memberId, onUsed }: { memberId: string; onUsed: () => void }) {
  const { t } = useI18n();
  const [qr, setQr] = useState<{ payload: string; expiresAt: string }>();
  const [failure, setFailure] = useState<unknown>();
  const [round, setRound] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` asks for a new payload.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelled = false;
    client.request(MyQrDocument, { input: { member: { id: memberId } } }).then(
      ({ memberQr }) => {
        if (cancelled) return;
        if (memberQr.__typename !== "MemberQrPayload") return setFailure(memberQr);
        setFailure(undefined);
        setQr(memberQr);
        const wait = Math.max(5_000, Date.parse(memberQr.expiresAt) - Date.now() - REFRESH_BEFORE_MS);
        timer = setTimeout(() => setRound((r) => r + 1), wait);
      },
      (error: unknown) => !cancelled && setFailure(error),
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [memberId, round]);

  if (failure) return <FormFailure failure={failure} />;
  if (!qr) return <Loading />;
  return (
    <figure className="qr">
      <QrImage text={qr.payload} label={t("member.qr")} />
      <figcaption>{t("member.qrHelp")}</figcaption>
      <details>
        <summary>{t("member.qrText")}</summary>
        <code className="wrap" data-testid="qr-payload">
          {qr.payload}
        </code>
      </details>
      <button
        type="button"
        onClick={() => {
          setRound((r) => r + 1);
          onUsed();
        }}
      >
        {t("member.refresh")}
      </button>
    </figure>
  );
}

function QrImage({ text, label }: { text: string; label: string }) {
  const { data, size } = encode(text, { border: 2 });
  // One path of unit squares: small and crisp at any size.
  let path = "";
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    });
  });
  return (
    <svg
      viewBox={`0 0 ${size} ${size}`}
      width="240"
      height="240"
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
