/**
 * Renders Markdown to HTML with a plain marked instance (none of Specbench's tokenizers): the codec
 * compares the HTML of a block's source with the HTML of its canonical serialization, with inline
 * formatting flattened so that only what it formats counts, not how its elements nest.
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
  return withoutNesting(withoutLineIndentation(new Parser(options).parse(lexer.lex(markdown))));
}

const formattingTag = /^<(\/?)(strong|em|del|a)(?=[\s>])[^>]*>$/;

/**
 * Text and other elements, each run preceded by the set of formatting elements (strong, em, del, a)
 * around it, so that the same text formatted the same compares equal whatever order the elements
 * nest in (`[**x**](u)**y**` and `**[x](u)y**`) or wherever a run was split.
 */
function withoutNesting(html: string): string {
  const output: string[] = [];
  const open: { name: string; tag: string }[] = [];
  let current = '';
  for (const part of html.split(/(<[^>]*>)/)) {
    if (part === '') continue;
    const tag = formattingTag.exec(part);
    if (tag?.[1] === '/') {
      for (let index = open.length - 1; index >= 0; index--) {
        if (open[index]!.name !== tag[2]) continue;
        open.splice(index, 1);
        break;
      }
    } else if (tag) {
      open.push({ name: tag[2]!, tag: part });
    } else {
      const around = open
        .map((element) => element.tag)
        .sort()
        .join('');
      if (around !== current) output.push(`{${around}}`);
      current = around;
      output.push(part);
    }
  }
  return output.join('');
}

/** Marked keeps paragraph lines' leading whitespace, which CommonMark strips; drop it outside `<pre>`. */
function withoutLineIndentation(html: string): string {
  return html
    .split(/(<pre[\s\S]*?<\/pre>)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/(^|\n|<p>)[ \t]+/g, '$1')))
    .join('');
}
