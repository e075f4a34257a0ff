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

  // App Bridge lifts the navigation menu and the title bar out of the app's frame into the admin's own.
  for (const name of ["ui-nav-menu", "ui-title-bar"]) {
    customElements.define(name, class extends HTMLElement {
      connectedCallback() {
        this.hidden = true;
      }
    });
  }

  // The contextual save bar: App Bridge shows its buttons in the admin's top bar; here they show in
  // place while it is open, so tests can press them.
  customElements.define("ui-save-bar", class extends HTMLElement {
    connectedCallback() {
      this.hidden = true;
      this.setAttribute("role", "region");
      this.setAttribute("aria-label", "Unsaved changes");
    }
    show() {
      this.hidden = false;
      this.dispatchEvent(new Event("show"));
      return Promise.resolve();
    }
    hide() {
      this.hidden = true;
      this.dispatchEvent(new Event("hide"));
      return Promise.resolve();
    }
    toggle() {
      return this.hidden ? this.show() : this.hide();
    }
    get showing() {
      return !this.hidden;
    }
  });

  const reload = params.get("shopify-reload");
  if (reload) {
    const target = new URL(reload, location.href);
    target.searchParams.set("id_token", token);
    location.replace(target);
  }
})();
