// The architecture's import rules (docs/architecture.md, "Layers"), checked by
// apps/server/test/architecture.test.ts in `npm test`. Run by hand: `npx depcruise apps packages`.
const S = '^apps/server/src/';
const BOTTOM = `${S}(core|db)/|${S}(config|deps)\\.ts$`;

module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', comment: 'An import cycle: the files cannot be read, tested or moved alone.', from: {}, to: { circular: true } },
    {
      name: 'bottom-imports-nothing-above', severity: 'error',
      comment: 'core, db, config and deps are the bottom layer: they import no module, flow or shell.',
      from: { path: BOTTOM }, to: { path: `${S}(modules|flows|http|demo)/|${S}(main|cli|cli-[a-z-]+|console-build)\\.ts$` },
    },
    {
      name: 'modules-import-no-shell', severity: 'error',
      comment: 'A module imports the bottom layer and other modules\' doors, never flows or the shells above.',
      from: { path: `${S}modules/` }, to: { path: `${S}(flows|http|demo)/|${S}(main|cli|cli-[a-z-]+|console-build)\\.ts$` },
    },
    {
      name: 'module-door-only', severity: 'error',
      comment: 'Another module is entered through its index.ts only.',
      from: { path: `${S}modules/([^/]+)/` },
      to: { path: `${S}modules/([^/]+)/`, pathNot: [`${S}modules/$1/`, `${S}modules/[^/]+/index\\.ts$`] },
    },
    {
      name: 'flows-import-no-shell', severity: 'error',
      comment: 'Flows span modules through their doors; the shells above call flows, not the reverse.',
      from: { path: `${S}flows/` }, to: { path: `${S}(http|demo)/|${S}(main|cli|cli-[a-z-]+|console-build)\\.ts$|${S}modules/[^/]+/(?!index\\.ts$)` },
    },
    {
      name: 'shells-stay-apart', severity: 'error',
      comment: 'http, demo and the CLI are outer shells: none imports another, and only the CLI imports main.',
      from: { path: `${S}(http|demo)/` }, to: { path: `${S}(http|demo)/|${S}(main|cli|cli-[a-z-]+)\\.ts$`, pathNot: `${S}$1/` },
    },
    {
      name: 'production-imports-no-tests', severity: 'error',
      comment: 'Test support lives under test/; production code never imports it.',
      from: { path: '^apps/[^/]+/src/', pathNot: '\\.test\\.tsx?$' }, to: { path: '^apps/[^/]+/test/' },
    },
    {
      name: 'simulator-loaded-lazily', severity: 'error',
      comment: 'The WeCom/platform simulator is loaded by the demo and `siyu sim` only, by dynamic import.',
      from: { path: S, pathNot: '\\.test\\.tsx?$' }, to: { path: '^apps/simulator/', dependencyTypesNot: ['dynamic-import', 'type-only'] },
    },
    {
      name: 'packages-know-no-app', severity: 'error',
      comment: 'packages/* are libraries usable without Siyu: they import no app.',
      from: { path: '^packages/' }, to: { path: '^apps/' },
    },
    {
      name: 'simulator-knows-no-server', severity: 'error',
      comment: 'The simulator speaks WeCom\'s protocol; it imports nothing of the server.',
      from: { path: '^apps/simulator/' }, to: { path: '^apps/server/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'], conditionNames: ['import', 'require', 'node', 'default'], exportsFields: ['exports'] },
  },
};
