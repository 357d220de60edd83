// A requested-vs-allocatable bar, e.g. "CPU 350m / 2" at 17 %. Turns amber past 80 %, red past 100 %.
export function UsageBar({ label, used, total, format }: { label: string; used: number; total: number; format: (n: number) => string }) {
  const pct = total > 0 ? (used / total) * 100 : 0;
  const level = pct > 100 ? 'over' : pct > 80 ? 'high' : 'ok';
  const text = `${format(used)} / ${format(total)}`;
  return (
    <div className="usage">
      <span className="usage-label">{label}</span>
      <div
        className={`usage-track usage-${level}`}
        role="meter"
        aria-label={`${label} requested`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(Math.min(pct, 100))}
        aria-valuetext={`${text} (${Math.round(pct)}%)`}
      >
        <div className="usage-fill" style={{ width: `${Math.min(pct, 100)}%` }} />
      </div>
      <span className="usage-text">{text}</span>
    </div>
  );
}
