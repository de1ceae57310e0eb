// GraphiQL, served from the project's node_modules (see src/http/ide.ts), with one tab per
// operation of schema/examples.graphql. Same-origin only: it works on a closed network.
(function () {
  'use strict';
  var h = React.createElement;
  var endpoint = new URL('/graphql', window.location.href).toString();
  var send = GraphiQL.createFetcher({ url: endpoint });

  // Right after a tab switch GraphiQL can still hold the previous tab's operation name for a
  // moment; a Run then fails with "Unknown operation named …". A name the document does not
  // define is dropped, so a one-operation tab always runs its operation.
  function fetcher(params, options) {
    var name = params && params.operationName;
    if (name && typeof params.query === 'string' && !new RegExp('\\b(query|mutation|subscription)\\s+' + name + '\\b').test(params.query)) {
      params = Object.assign({}, params, { operationName: undefined });
    }
    return send(params, options);
  }

  fetch('/ide/examples.json')
    .then(function (response) {
      if (!response.ok) throw new Error('examples: HTTP ' + response.status);
      return response.json();
    })
    .catch(function () {
      return [];
    })
    .then(function (examples) {
      var tabs = examples.map(function (example) {
        return { query: example.query };
      });
      var root = ReactDOM.createRoot(document.getElementById('graphiql'));
      root.render(
        h(GraphiQL, {
            fetcher: fetcher,
            defaultTabs: tabs.length ? tabs : undefined,
            defaultEditorToolsVisibility: false,
            shouldPersistHeaders: false,
          }),
      );
    });
})();
