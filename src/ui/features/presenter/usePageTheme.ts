// Reflect theme and presenter mode on <html> (CSS variables switch on these attributes), and keep
// ?presenter=1 in the address so a reload or a shared link opens the same way.
import { useEffect } from 'react';
import { useView } from '../../store/viewContext';

export function usePageTheme(): void {
  const theme = useView((s) => s.theme);
  const presenter = useView((s) => s.presenter);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    document.documentElement.classList.toggle('presenter', presenter);
    const url = new URL(window.location.href);
    if (presenter) url.searchParams.set('presenter', '1');
    else url.searchParams.delete('presenter');
    if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url);
  }, [presenter]);
}
