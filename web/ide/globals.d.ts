// The IDE's globals, loaded by <script> from node_modules (src/http/ide.ts): untyped here.
/* eslint-disable @typescript-eslint/no-explicit-any -- untyped UMD globals, checked by use in ide.js */
declare const React: any;
declare const ReactDOM: any;
declare const GraphiQL: any;
declare const graphqlWs: any;
