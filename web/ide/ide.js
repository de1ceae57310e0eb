// GraphiQL, served from the project's node_modules (see src/http/ide.ts), with one tab per
// operation of schema/examples.graphql. Same-origin only: it works on a closed network.
(function () {
  'use strict';
  var h = React.createElement;
  var endpoint = new URL('/graphql', window.location.href).toString();
  var fetcher = GraphiQL.createFetcher({ url: endpoint });

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
