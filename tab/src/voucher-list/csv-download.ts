// Downloads the filtered list as CSV through a temporary link (the API names the file).
import type { ListFilters, TabClient } from '../api-client';
import { h } from '../dom';

export async function downloadCsv(client: TabClient, filters: ListFilters): Promise<void> {
  saveBlob(await client.csv(filters));
}

/** Saves a file the API sent through a temporary link. */
export function saveBlob({ blob, filename }: { blob: Blob; filename: string }): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename, class: 'visually-hidden' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
