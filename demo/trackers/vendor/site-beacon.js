// The demo's stand-in for a tool with no opt-out switch: a page view on load, an event on demand, to the collector.
(function () {
  var send = function (name) {
    fetch('/collect/beacon/hit', { method: 'POST', body: JSON.stringify({ n: name }), keepalive: true });
  };
  send('pageview');
  window.sendTrackedEvent = send;
})();
