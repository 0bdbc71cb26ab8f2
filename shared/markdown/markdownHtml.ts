/**
 * Renders Markdown to HTML with a plain marked instance (none of Specbench's tokenizers): the codec
 * compares the HTML of a block's source with the HTML of its canonical serialization.
 */
import { Lexer, Parser, type Links, type MarkedOptions } from 'marked';

function plainOptions(): MarkedOptions {
  return {
    async: false,
    breaks: false,
    extensions: null,
    gfm: true,
    hooks: null,
    pedantic: false,
    renderer: null,
    silent: false,
    tokenizer: null,
    walkTokens: null,
  };
}

/** HTML for `markdown`, resolving reference links against `links` (the whole document's definitions). */
export function renderHtml(markdown: string, links: Readonly<Links>): string {
  const options = plainOptions();
  const lexer = new Lexer(options);
  for (const [label, link] of Object.entries(links)) {
    lexer.tokens.links[label] = link;
  }
  return withoutLineIndentation(new Parser(options).parse(lexer.lex(markdown)));
}

/** Marked keeps paragraph lines' leading whitespace, which CommonMark strips; drop it outside `<pre>`. */
function withoutLineIndentation(html: string): string {
  return html
    .split(/(<pre[\s\S]*?<\/pre>)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/(^|\n|<p>)[ \t]+/g, '$1')))
    .join('');
}
