// A card as members see it: its design's colours, name and description.
export function CardFace({
  name,
  description,
  background,
  text,
}: {
  name: string;
  description?: string | null | undefined;
  background?: string | null | undefined;
  text?: string | null | undefined;
}) {
  return (
    <div className="card-face" style={{ background: background ?? "#1f5fa8", color: text ?? "#ffffff" }}>
      <strong>{name}</strong>
      {description && <span>{description}</span>}
    </div>
  );
}
