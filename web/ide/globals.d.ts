// The IDE's globals, loaded by <script> from node_modules (src/http/ide.ts): untyped here.
declare const React: any;
declare const ReactDOM: any;
declare const GraphiQL: any;
declare const graphqlWs: any;
