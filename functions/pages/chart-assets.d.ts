/** uPlot's browser build and stylesheet, imported as text (see `chart-library.ts`). */
declare module 'uplot/dist/uPlot.iife.min.js' {
  const source: string;
  export default source;
}
declare module 'uplot/dist/uPlot.min.css' {
  const source: string;
  export default source;
}
