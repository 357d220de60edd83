// A titled section of the page.
import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

export function Panel({ id, title, icon, extra, className, children }: { id: string; title: string; icon: IconName; extra?: ReactNode; className?: string; children: ReactNode }) {
  return (
    <section className={`panel ${className ?? ''}`} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        <Icon name={icon} />
        <span>{title}</span>
        {extra !== undefined && <span className="panel-extra">{extra}</span>}
      </h2>
      {children}
    </section>
  );
}
