/**
 * Quick exit: replaces this page in the history (Back does not return here) and leaves at once. Esc pressed
 * three times within two seconds does the same, for someone who cannot reach the button in time.
 */
export function enableQuickExit(): void {
  const link = document.querySelector<HTMLAnchorElement>('[data-quick-exit]');
  if (!link) return;
  const leave = () => {
    document.body.hidden = true;
    window.location.replace(link.href);
  };
  link.addEventListener('click', (event) => {
    event.preventDefault();
    leave();
  });
  let presses: number[] = [];
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    const now = Date.now();
    presses = [...presses.filter((time) => now - time < 2000), now];
    if (presses.length >= 3) leave();
  });
}
