/** Types for the `commonmark-spec` package (it ships none): the spec's examples. */
declare module 'commonmark-spec' {
  export interface CommonMarkExample {
    markdown: string;
    html: string;
    section: string;
    number: number;
  }
  export const tests: CommonMarkExample[];
  export const text: string;
}
