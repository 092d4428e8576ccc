// Loads the card renderer bundle (tab/dist/card-dialog.js) once, on first use: the Adaptive Cards SDK is
// needed only by the in-page modal, so the tab's own bundle stays small.
import { RENDERER_GLOBAL, type CardRenderer } from './contract';

let loading: Promise<CardRenderer> | undefined;

export function loadCardRenderer(src = '/tab/card-dialog.js'): Promise<CardRenderer> {
  loading ??= new Promise<CardRenderer>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    script.onload = () => {
      const renderer = (window as unknown as Record<string, CardRenderer | undefined>)[RENDERER_GLOBAL];
      if (renderer) resolve(renderer);
      else reject(new Error('card renderer missing'));
    };
    script.onerror = () => reject(new Error('card renderer could not be loaded'));
    document.head.append(script);
  });
  // A failed load may be retried (a network blip), not remembered.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
