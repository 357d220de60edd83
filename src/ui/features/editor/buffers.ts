// Editor buffer bookkeeping on the playground store (UI state, saved with the page).
import type { EditorBuffer, PlaygroundStore } from '../../store/store';

export function setBufferText(store: PlaygroundStore, id: string, text: string): void {
  store.setState((s) => ({ editor: { ...s.editor, buffers: s.editor.buffers.map((b) => (b.id === id ? { ...b, text } : b)) } }));
}

export function selectBuffer(store: PlaygroundStore, id: string): void {
  store.setState((s) => (s.editor.buffers.some((b) => b.id === id) ? { editor: { ...s.editor, active: id } } : s));
}

/** Adds a buffer (name made unique) and makes it active; returns its id. */
export function addBuffer(store: PlaygroundStore, name: string, text: string): string {
  const s = store.getState();
  const ids = new Set(s.editor.buffers.map((b) => b.id));
  let n = s.editor.buffers.length + 1;
  while (ids.has(`b${n}`)) n++;
  const id = `b${n}`;
  const names = new Set(s.editor.buffers.map((b) => b.name));
  let unique = name;
  for (let i = 2; names.has(unique); i++) unique = name.replace(/(\.ya?ml)?$/, `-${i}$1`);
  const buffer: EditorBuffer = { id, name: unique, text };
  store.setState({ editor: { buffers: [...s.editor.buffers, buffer], active: id } });
  return id;
}

export function closeBuffer(store: PlaygroundStore, id: string): void {
  const s = store.getState();
  if (s.editor.buffers.length <= 1) return; // always keep one buffer to type into
  const i = s.editor.buffers.findIndex((b) => b.id === id);
  const buffers = s.editor.buffers.filter((b) => b.id !== id);
  const active = s.editor.active === id ? buffers[Math.max(0, i - 1)].id : s.editor.active;
  store.setState({ editor: { buffers, active } });
}

export const selectEditor = (s: { editor: { buffers: readonly EditorBuffer[]; active: string } }) => s.editor;

/**
 * Open a `kubectl edit` buffer for `edit.title` (the same object's buffer is reused, its text
 * replaced by the fresh copy) and make it active; returns its id.
 */
export function openEditBuffer(store: PlaygroundStore, title: string, text: string, edit: NonNullable<EditorBuffer['edit']>): string {
  const existing = store.getState().editor.buffers.find((b) => b.edit?.title === edit.title);
  if (existing) {
    store.setState((s) => ({ editor: { buffers: s.editor.buffers.map((b) => (b.id === existing.id ? { ...b, text, edit } : b)), active: existing.id } }));
    return existing.id;
  }
  const id = addBuffer(store, `edit ${title}`, text);
  store.setState((s) => ({ editor: { ...s.editor, buffers: s.editor.buffers.map((b) => (b.id === id ? { ...b, edit } : b)) } }));
  return id;
}
