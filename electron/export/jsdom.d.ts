/** The part of jsdom the export uses: a window for DOMPurify (jsdom ships no types; @types/jsdom is for 30+). */
declare module 'jsdom' {
  export class JSDOM {
    constructor(html: string);
    readonly window: object;
  }
}
