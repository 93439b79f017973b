/** Types of the edition's virtual modules (src/integration/virtual-modules.ts). */
declare module 'virtual:edition/config' {
  const config: import('./edition/index.ts').EditionConfig;
  export default config;
}
declare module 'virtual:edition/model' {
  export const root: string;
  export const edition: import('./edition/index.ts').Edition;
}
