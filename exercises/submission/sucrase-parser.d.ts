// Types for the parts of sucrase that erase-types.ts imports by path: the package ships their declarations under
// dist/types/, beside no JavaScript, so each path is declared here as the declaration it matches.

declare module 'sucrase/dist/parser/index.js' {
  export * from 'sucrase/dist/types/parser/index';
}
declare module 'sucrase/dist/parser/tokenizer/index.js' {
  export * from 'sucrase/dist/types/parser/tokenizer/index';
}
declare module 'sucrase/dist/parser/tokenizer/keywords.js' {
  export * from 'sucrase/dist/types/parser/tokenizer/keywords';
}
declare module 'sucrase/dist/parser/tokenizer/types.js' {
  export * from 'sucrase/dist/types/parser/tokenizer/types';
}
