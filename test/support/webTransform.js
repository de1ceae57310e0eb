// The unit project's transformer for the explorer's browser modules (web/**/*.js, ES modules with
// // @ts-check) and their tests: ts-jest on tsconfig.web.json (allowJs, DOM types).
// ts-jest keeps one compiler per jest project config, whatever the transformer's own options, so
// in a worker that also ran a tsconfig.json test it would type-check these with tsconfig.json.
// Each call is therefore given a copy of the project config marked as the explorer's: its own
// compiler, on its own tsconfig.
const tsJest = require('ts-jest').default;

const base = tsJest.createTransformer({ tsconfig: 'tsconfig.web.json' });
const marked = new WeakMap();

function own(options) {
  const config = options.config;
  if (!config || typeof config !== 'object') return options;
  let copy = marked.get(config);
  if (!copy) {
    copy = { ...config, globals: { ...(config.globals || {}), explorerWebModules: true } };
    marked.set(config, copy);
  }
  return { ...options, config: copy };
}

module.exports = {
  canInstrument: base.canInstrument,
  process: (source, path, options) => base.process(source, path, own(options)),
  processAsync: (source, path, options) => base.processAsync(source, path, own(options)),
  getCacheKey: (source, path, options) => base.getCacheKey(source, path, own(options)),
  getCacheKeyAsync: (source, path, options) => base.getCacheKeyAsync(source, path, own(options)),
};
