// Comeback's recovery banner. When the cart is not empty, it asks the app, through the store's app proxy
// (so Shopify signs the request), whether this cart belongs to a checkout being recovered, and if so
// offers the way back with the shopper's own code. All text goes in through textContent.
(function () {
  var root = document.getElementById("comeback-banner");
  var DISMISSED = "comeback-banner-dismissed";
  if (!root || !window.fetch || sessionStorage.getItem(DISMISSED)) return;
  var settings = root.dataset;

  function getJson(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .catch(function () {
        return null;
      });
  }

  function record(cartToken, event) {
    fetch(settings.proxyUrl + "/banner/events", {
      method: "POST",
      credentials: "same-origin",
      keepalive: true,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ cart_token: cartToken, event: event }),
    }).catch(function () {});
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function dismiss() {
    root.hidden = true;
    sessionStorage.setItem(DISMISSED, "1");
  }

  function codeLine(discount) {
    var line = element("p", "comeback-banner__code");
    line.append(settings.codeLabel + " ", element("strong", "", discount.code));
    if (discount.endsAt) {
      var date = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: "medium" }).format(new Date(discount.endsAt));
      line.append(" (" + settings.expiresLabel + " " + date + ")");
    }
    return line;
  }

  function render(offer, cartToken) {
    var text = element("div", "comeback-banner__text");
    text.append(element("p", "comeback-banner__message", settings.message || offer.message || settings.defaultMessage));
    if (settings.showCode === "true" && offer.discount) text.append(codeLine(offer.discount));

    var action = element("a", "comeback-banner__action", settings.buttonText);
    action.href = offer.restoreUrl;
    action.addEventListener("click", function () {
      record(cartToken, "click");
    });

    var close = element("button", "comeback-banner__close", "\u00d7");
    close.type = "button";
    close.setAttribute("aria-label", settings.closeLabel);
    close.addEventListener("click", dismiss);

    root.setAttribute("role", "region");
    root.setAttribute("aria-label", settings.regionLabel);
    root.replaceChildren(text, action, close);
    root.hidden = false;
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !root.hidden) dismiss();
    });
    record(cartToken, "impression");
  }

  function start() {
    getJson(settings.cartUrl).then(function (cart) {
      if (!cart || !cart.item_count || !cart.token) return;
      // Newer cart tokens carry a "?key=…" suffix that checkouts do not store.
      var cartToken = String(cart.token).split("?")[0];
      getJson(settings.proxyUrl + "/banner?cart_token=" + encodeURIComponent(cartToken)).then(function (offer) {
        if (offer && offer.show && offer.restoreUrl) render(offer, cartToken);
      });
    });
  }

  setTimeout(start, (Number(settings.delaySeconds) || 0) * 1000);
})();
