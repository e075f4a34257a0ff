// Served in place of https://cdn.shopify.com/shopifycloud/app-bridge.js in browser tests. Like App
// Bridge, it puts the session token on every same-origin fetch (the admin would mint it; the test signs
// it with the app secret and hands it over as window.__comebackSessionToken), answers the session-token
// bounce page, and offers the few APIs pages use. Toasts are kept on document.body for assertions.
(() => {
  const token = window.__comebackSessionToken;
  const nativeFetch = window.fetch.bind(window);
  window.fetch = (input, init = {}) => {
    const request = new Request(input, init);
    if (new URL(request.url).origin !== location.origin) return nativeFetch(request);
    const headers = new Headers(request.headers);
    headers.set("Authorization", `Bearer ${token}`);
    return nativeFetch(new Request(request, { headers }));
  };

  const params = new URLSearchParams(location.search);
  window.shopify = {
    config: { apiKey: document.currentScript?.dataset.apiKey, shop: params.get("shop"), locale: params.get("locale") ?? "en" },
    idToken: async () => token,
    loading: () => {},
    toast: {
      show: (message) => {
        document.body.dataset.lastToast = message;
        return "toast";
      },
      hide: () => {},
    },
    saveBar: { show: async () => {}, hide: async () => {}, toggle: async () => {}, leaveConfirmation: async () => {} },
  };

  // App Bridge lifts the navigation menu out of the app's frame into the admin's own.
  customElements.define("ui-nav-menu", class extends HTMLElement {
    connectedCallback() {
      this.hidden = true;
    }
  });

  const reload = params.get("shopify-reload");
  if (reload) {
    const target = new URL(reload, location.href);
    target.searchParams.set("id_token", token);
    location.replace(target);
  }
})();
