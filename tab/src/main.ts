// Entry point of the status tab (placeholder until the app lands).
document.body.dataset.ready = 'true';
