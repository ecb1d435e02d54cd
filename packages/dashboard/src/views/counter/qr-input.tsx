// The member's QR payload: pasted or typed, or scanned with the camera: the browser's BarcodeDetector where it
// exists, else a JavaScript decoder (jsQR, loaded only then) reading the camera's frames.
import { useEffect, useId, useRef, useState } from "react";
import { useI18n } from "../../i18n/index.js";

type Reader = (video: HTMLVideoElement) => Promise<string | undefined>;

interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type DetectorClass = new (options: { formats: string[] }) => Detector;

/** Reads a QR code from the video's current frame, with whatever this browser offers. */
async function qrReader(): Promise<Reader> {
  const Native = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  if (Native) {
    const detector = new Native({ formats: ["qr_code"] });
    return async (video) => (await detector.detect(video).catch(() => []))[0]?.rawValue;
  }
  const { default: jsQR } = await import("jsqr");
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  return async (video) => {
    if (!context || !video.videoWidth) return undefined;
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    context.drawImage(video, 0, 0);
    const frame = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(frame.data, frame.width, frame.height, { inversionAttempts: "dontInvert" })?.data || undefined;
  };
}

export function QrInput({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [scanning, setScanning] = useState(false);
  const canScan = Boolean(navigator.mediaDevices?.getUserMedia);
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
    let stream: MediaStream | undefined;
    let frame = 0;
    let stopped = false;
    (async () => {
      try {
        const read = await qrReader();
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
        const element = video.current;
        if (stopped || !element) {
          for (const track of stream.getTracks()) track.stop();
          return;
        }
        element.srcObject = stream;
        await element.play();
        const look = async () => {
          if (stopped) return;
          const text = await read(element);
          if (text) found.current(text);
          else frame = requestAnimationFrame(look);
        };
        frame = requestAnimationFrame(look);
      } catch {
        if (!stopped) setFailed(true);
      }
    })();
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
