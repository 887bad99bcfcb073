/* Stands in for https://appsforoffice.microsoft.com/lib/1/hosted/office.js in tests: outside Office,
   onReady resolves with host null (as the real office.js does); a fake injected before keeps its Office. */
(function () {
  if (window.Office && window.Office.__fake) return;
  window.Office = {
    HostType: { Excel: "Excel" },
    onReady: function (cb) {
      var info = { host: null, platform: null };
      if (cb) cb(info);
      return Promise.resolve(info);
    },
  };
  window.CustomFunctions = window.CustomFunctions || { associate: function () {}, Error: Error, ErrorCode: {} };
})();
