// Presenter mode: the latest narration lines as large captions over the graph, so the room reads
// what the cluster just did without looking away from it. They sit in a band at the bottom of the
// graph pane, one line each; the band is there (empty) before the first line, and the graph's fit
// leaves room for it (data-fit-reserve, read by GraphView), so captions never cover the cluster.
import { usePlaygroundStore } from '../../store/context';
import { useView } from '../../store/viewContext';
import { narrate } from '../narration/narrate';

const SHOWN = 2;

export function Captions() {
  const presenter = useView((s) => s.presenter);
  const traces = usePlaygroundStore((s) => s.cluster.traces);
  if (!presenter) return null;
  const last = traces.slice(-SHOWN).map(narrate);
  return (
    <div className="captions" aria-live="off" data-testid="captions" data-fit-reserve="bottom">
      {last.map((n) => (
        <p key={n.id} className={`caption fam-${n.family}`}>
          <strong>{n.speaker}</strong>
          {n.subject && <span className="caption-subject"> · {n.subject}</span>}: {n.text}
        </p>
      ))}
    </div>
  );
}
