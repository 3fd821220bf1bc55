/** Where the generated types live, relative to the package root. */
export declare const API_TYPES_FILE: string;
/** The OpenAPI document as `candor serve` publishes it. */
export declare function openApiDocument(): Promise<Record<string, unknown>>;
/** The generated file's text, formatted with the project's Prettier settings. */
export declare function apiTypesSource(): Promise<string>;
