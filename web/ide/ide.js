// @ts-check
// GraphiQL, served from the project's node_modules (see src/http/ide.ts), with one tab per
// operation of schema/examples.graphql. Same-origin only: it works on a closed network.
// Added: an Examples list in the sidebar (a closed example comes back from it), tabs that scroll,
// /graphql#query=… opens that query (the explorer links here), and "Open in the explorer" under
// the result of a graph, neighborhood, shortestPath or talentFlow query.
import { explorerLink } from './explorerLink.js';

const h = React.createElement;
const endpoint = new URL('/graphql', window.location.href).toString();
const wsEndpoint = endpoint.replace(/^http/, 'ws');

/**
 * GraphiQL's fetcher, with a graphql-ws client (the graphql-transport-ws protocol, on the same
 * /graphql path) for subscriptions. A socket authenticates once, at connection_init, so each set
 * of headers (the Headers tab: `{"Authorization": "Bearer …"}`) gets its own client, sending them
 * as connectionParams.
 * @type {Map<string, (params: any, options: any) => any>}
 */
const fetchers = new Map();
/** @param {any} params @param {any} options */
function send(params, options) {
  const headers = (options && options.headers) || {};
  const key = JSON.stringify(headers);
  // createFetcher tells a subscription (to send over the socket) by the parsed document it is given.
  // Parse the query sent, always: right after a tab switch GraphiQL can hand over the previous tab's
  // document, and a subscription then went over HTTP (refused with BAD_REQUEST).
  if (params && typeof params.query === 'string') {
    try {
      options = { ...options, documentAST: GraphiQL.GraphQL.parse(params.query) };
    } catch {
      // a syntax error: the server names it
    }
  }
  if (!fetchers.has(key)) {
    const wsClient = graphqlWs.createClient({
      url: wsEndpoint,
      connectionParams: headers,
      lazy: true,
      retryAttempts: 5,
    });
    fetchers.set(key, GraphiQL.createFetcher({ url: endpoint, wsClient }));
  }
  return /** @type {(params: any, options: any) => any} */ (fetchers.get(key))(params, options);
}

/** The last operation run, for the explorer link; listeners re-render the footer. */
const lastRun = {
  /** @type {string | null} */
  link: null,
  /** @type {Set<() => void>} */
  listeners: new Set(),
  /** @param {string | null} link */
  set(link) {
    this.link = link;
    this.listeners.forEach((l) => l());
  },
};

// Right after a tab switch GraphiQL can still hold the previous tab's operation name for a
// moment; a Run then fails with "Unknown operation named …". A name the document does not
// define is dropped, so a one-operation tab always runs its operation.
/** @param {any} params @param {any} options */
function fetcher(params, options) {
  const name = params && params.operationName;
  if (
    name &&
    typeof params.query === 'string' &&
    !new RegExp(`\\b(query|mutation|subscription)\\s+${name}\\b`).test(params.query)
  ) {
    params = { ...params, operationName: undefined };
  }
  // GraphiQL sends a subscription over the socket only when it knows the operation's name.
  if (params && !params.operationName && typeof params.query === 'string') {
    const names = [...params.query.matchAll(/^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/gm)].map(
      (m) => m[1],
    );
    if (names.length === 1) params = { ...params, operationName: names[0] };
  }
  if (params && typeof params.query === 'string' && !/^\s*query\s+IntrospectionQuery\b/.test(params.query)) {
    lastRun.set(explorerLink(params.query, params.operationName, params.variables, GraphiQL.GraphQL.parse));
  }
  return send(params, options);
}

/** Under the result: a link to the same graph in the explorer, when the operation has one. */
function OpenInExplorer() {
  const link = React.useSyncExternalStore(
    (/** @type {() => void} */ listener) => {
      lastRun.listeners.add(listener);
      return () => lastRun.listeners.delete(listener);
    },
    () => lastRun.link,
  );
  return h(
    'div',
    { className: 'ide-footer' },
    link
      ? h('a', { href: link, id: 'open-in-explorer' }, 'Open this result in the explorer ↗')
      : h('a', { href: '/explore' }, 'Graph explorer ↗'),
  );
}

/** @param {{ examples: { name: string, query: string }[] }} props */
function ExamplesList({ examples }) {
  const editor = GraphiQL.React.useEditorContext({ nonNull: true });
  /** @param {{ name: string, query: string }} example */
  const open = (example) => {
    const at = editor.tabs.findIndex((/** @type {any} */ t) => t.query === example.query);
    if (at >= 0) {
      editor.changeTab(at);
      return;
    }
    editor.addTab();
    // the new tab is active once React has rendered it
    setTimeout(() => editor.queryEditor && editor.queryEditor.setValue(example.query), 0);
  };
  return h(
    'div',
    { className: 'ide-examples' },
    h('div', { className: 'graphiql-doc-explorer-title' }, 'Examples'),
    h('p', null, 'Each opens in a tab (again, if you closed it).'),
    h(
      'ul',
      null,
      examples.map((example) =>
        h(
          'li',
          { key: example.name },
          h('button', { type: 'button', className: 'ide-example', onClick: () => open(example) }, example.name),
        ),
      ),
    ),
  );
}

/**
 * Opens the query of the address in a tab of its own once GraphiQL is up (its stored tabs win
 * over defaultTabs, so the query is added to them rather than given as a default).
 * @param {{ query: string | null }} props
 */
function OpenAsked({ query }) {
  const editor = GraphiQL.React.useEditorContext({ nonNull: true });
  const done = React.useRef(false);
  React.useEffect(() => {
    if (done.current || !query || !editor.queryEditor) return;
    done.current = true;
    // after GraphiQL has restored its stored tabs
    setTimeout(() => {
      const at = editor.tabs.findIndex((/** @type {any} */ t) => t.query === query);
      if (at >= 0) editor.changeTab(at);
      else editor.addTab();
      setTimeout(() => at < 0 && editor.queryEditor && editor.queryEditor.setValue(query), 100);
    }, 100);
  }, [editor.queryEditor]);
  return null;
}

/** Sets an attribute only when it changes (the observer that calls this sees every set). @param {Element} el @param {string} name @param {string} value */
function setAttr(el, name, value) {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** Names the editors for screen readers and unnests the tabs' close buttons (GraphiQL leaves both to the page). */
function patchAccessibility() {
  const names = [
    ['.graphiql-query-editor', 'Query editor'],
    ['.graphiql-editor-tool .graphiql-editor:nth-child(1)', 'Variables editor'],
    ['.graphiql-editor-tool .graphiql-editor:nth-child(2)', 'Headers editor'],
    ['.result-window', 'Response'],
  ];
  for (const [selector, label] of names) {
    document
      .querySelectorAll(`${selector} textarea`)
      .forEach((t) => t.getAttribute('aria-label') || t.setAttribute('aria-label', /** @type {string} */ (label)));
  }
  // a scrolling editor region reachable by keyboard, so a long query or result can be scrolled
  document.querySelectorAll('.CodeMirror-scroll').forEach((scroll) => setAttr(scroll, 'tabindex', '0'));
  // a tab (li role=tab) holding two buttons is nested interaction: the title button becomes the tab
  document.querySelectorAll('.graphiql-tabs > li[role="tab"]').forEach((li) => {
    const button = li.querySelector('button');
    if (!button) return;
    setAttr(button, 'role', 'tab');
    setAttr(button, 'aria-selected', li.getAttribute('aria-selected') || 'false');
    setAttr(li, 'role', 'presentation');
    if (li.hasAttribute('aria-selected')) li.removeAttribute('aria-selected');
    // only tabs may sit in a tab list: the close button is for the mouse (a closed example comes back from Examples)
    li.querySelectorAll('button:not([role="tab"])').forEach((close) => {
      setAttr(close, 'tabindex', '-1');
      setAttr(close, 'aria-hidden', 'true');
    });
  });
  // the "new tab" button sits in the tab list, where only tabs may be
  document.querySelectorAll('.graphiql-tabs > button').forEach((add) => {
    setAttr(add, 'role', 'tab');
    setAttr(add, 'aria-selected', 'false');
  });
  document.querySelectorAll('.graphiql-tabs > li[role="presentation"]').forEach((li) => {
    const button = li.querySelector('button[role="tab"]');
    if (button) setAttr(button, 'aria-selected', String(li.classList.contains('graphiql-tab-active')));
  });
}

/** The query in the address (#query=…), from the explorer's "Open in the GraphQL IDE". */
function queryFromHash() {
  const match = /^#query=(.*)$/s.exec(window.location.hash);
  if (!match) return null;
  try {
    return decodeURIComponent(/** @type {string} */ (match[1]));
  } catch {
    return null;
  }
}

async function start() {
  let examples = [];
  try {
    const response = await fetch('/ide/examples.json');
    if (!response.ok) throw new Error(`examples: HTTP ${response.status}`);
    examples = await response.json();
  } catch {
    examples = [];
  }
  const tabs = examples.map((/** @type {{ query: string }} */ example) => ({ query: example.query }));
  const asked = queryFromHash();
  const plugins = examples.length
    ? [{ title: 'Examples', icon: GraphiQL.React.StarIcon, content: () => h(ExamplesList, { examples }) }]
    : [];
  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    h(
      GraphiQL,
      {
        fetcher,
        defaultTabs: tabs.length ? tabs : undefined,
        defaultEditorToolsVisibility: false,
        shouldPersistHeaders: false,
        plugins,
      },
      h(GraphiQL.Footer, null, h(OpenInExplorer), h(OpenAsked, { query: asked })),
    ),
  );
  new MutationObserver(patchAccessibility).observe(document.getElementById('graphiql') || document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['class', 'aria-selected'],
  });
}

void start();
