// A file dropped anywhere on the window must never be opened by the browser in place of the app (issue 11).
// Only the default action is cancelled: a drop zone inside the page still receives the event.

type DropTarget = { addEventListener?: (type: string, listener: (event: { preventDefault(): void }) => void, options?: { capture: boolean }) => void };

export function guardFileDrops(target: DropTarget): void {
  if (typeof target.addEventListener !== 'function') return;
  for (const type of ['dragover', 'drop']) target.addEventListener(type, (event) => event.preventDefault(), { capture: true });
}
