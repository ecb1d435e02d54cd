// The member's QR payload: pasted or typed, or scanned with the camera where the browser has BarcodeDetector.
import { useEffect, useId, useRef, useState } from "react";
import { useI18n } from "../../i18n/index.js";

interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type DetectorClass = new (options: { formats: string[] }) => Detector;

function barcodeDetector(): DetectorClass | undefined {
  return (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
}

export function QrInput({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [scanning, setScanning] = useState(false);
  const canScan = Boolean(barcodeDetector()) && Boolean(navigator.mediaDevices?.getUserMedia);
  return (
    <div className="field">
      <label htmlFor={id}>{t("counter.qr")}</label>
      <textarea id={id} rows={3} value={value} onChange={(e) => onChange(e.target.value)} spellCheck={false} />
      {canScan && (
        <button type="button" onClick={() => setScanning((s) => !s)}>
          {scanning ? t("counter.stopScan") : t("counter.scan")}
        </button>
      )}
      {scanning && (
        <Scanner
          onResult={(text) => {
            onChange(text);
            setScanning(false);
          }}
        />
      )}
    </div>
  );
}

function Scanner({ onResult }: { onResult: (text: string) => void }) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  const found = useRef(onResult);
  found.current = onResult;
  useEffect(() => {
    const Detector = barcodeDetector();
    if (!Detector) return;
    const detector = new Detector({ formats: ["qr_code"] });
    let stream: MediaStream | undefined;
    let frame = 0;
    let stopped = false;
    const look = async () => {
      if (stopped || !video.current) return;
      const codes = await detector.detect(video.current).catch(() => []);
      const text = codes[0]?.rawValue;
      if (text) found.current(text);
      else frame = requestAnimationFrame(look);
    };
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(
      async (media) => {
        stream = media;
        if (stopped || !video.current) return;
        video.current.srcObject = media;
        await video.current.play();
        frame = requestAnimationFrame(look);
      },
      () => setFailed(true),
    );
    return () => {
      stopped = true;
      cancelAnimationFrame(frame);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);
  return failed ? (
    <p role="alert">{t("counter.noCamera")}</p>
  ) : (
    <video ref={video} className="scanner" muted playsInline aria-label={t("counter.camera")} />
  );
}
