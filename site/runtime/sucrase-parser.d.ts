// Types for the parts of sucrase's parser that share-scope.ts imports by file. Sucrase publishes
// declarations for them under dist/types, next to no JavaScript, while the browser bundle needs the
// ES modules under dist/esm, which carry no declarations; each module here takes its twin's types.

declare module 'sucrase/dist/esm/parser/traverser/base.js' {
  export * from 'sucrase/dist/types/parser/traverser/base';
}
declare module 'sucrase/dist/esm/parser/traverser/statement.js' {
  export * from 'sucrase/dist/types/parser/traverser/statement';
}
declare module 'sucrase/dist/esm/parser/tokenizer/index.js' {
  export * from 'sucrase/dist/types/parser/tokenizer/index';
}
declare module 'sucrase/dist/esm/parser/tokenizer/types.js' {
  export * from 'sucrase/dist/types/parser/tokenizer/types';
}
declare module 'sucrase/dist/esm/parser/tokenizer/keywords.js' {
  export * from 'sucrase/dist/types/parser/tokenizer/keywords';
}
