/*
 * The search page's only script (bundled into a file by Astro, never inline: the CSP forbids inline
 * scripts). It starts Pagefind's UI, which the build put in /pagefind/, and runs the query that the
 * materials and kits pages' search form sent as ?q=.
 */

interface PagefindUIInstance {
  triggerSearch(term: string): void;
}
type PagefindUIConstructor = new (options: Record<string, unknown>) => PagefindUIInstance;

const container = document.querySelector<HTMLElement>('#search');
const PagefindUI = (window as unknown as { PagefindUI?: PagefindUIConstructor }).PagefindUI;
if (container && PagefindUI) {
  const ui = new PagefindUI({
    element: '#search',
    showImages: false,
    showSubResults: true,
    resetStyles: false,
    translations: { placeholder: container.dataset.placeholder ?? '' },
  });
  const query = new URLSearchParams(window.location.search).get('q')?.trim();
  if (query) ui.triggerSearch(query);
}
