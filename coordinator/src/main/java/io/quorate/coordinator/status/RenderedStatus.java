package io.quorate.coordinator.status;

/** A snapshot with its JSON and page rendered once, for every reader until the cache refreshes. */
record RenderedStatus(StatusSnapshot snapshot, CachedBody json, CachedBody page) {
  static RenderedStatus of(StatusSnapshot snapshot) {
    CachedBody json = CachedBody.of(StatusJson.of(snapshot).encode(), "application/json");
    CachedBody page = CachedBody.of(StatusPage.render(snapshot, json.etag()), "text/html; charset=utf-8");
    return new RenderedStatus(snapshot, json, page);
  }
}
